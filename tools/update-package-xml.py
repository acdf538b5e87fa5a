#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Regenerates the <contents> section of package.xml (the PECL package
description) from the files git knows under the paths a build and its tests
need, so that `pecl package` ships every one of them.

    python3 tools/update-package-xml.py                      rewrite package.xml in place
    python3 tools/update-package-xml.py --check              exit 1 if <contents> is stale (prints the diff)
    python3 tools/update-package-xml.py --include-untracked  also list untracked, not ignored files
                                                             (files about to be committed)
    python3 tools/update-package-xml.py --list               print the file list (path and role)

Files listed (tracked by git, or also untracked but not ignored with
--include-untracked):
    config.m4 config.w32 php_mq.h         role "src" (what phpize builds)
    src/** stubs/**                       role "src" (stubs: *.stub.php and the
                                          generated *_arginfo.h, so that a build
                                          never has to run gen_stub.php)
    tests/** except tests/packaging/**    role "test" (phpt, *.inc, broker.sh, ...)
    README.md LICENSE* CREDITS            role "doc"
Nothing else (tools/, fuzz/, bench/, examples/, .ci/ are repository-only).
Only the <contents> element changes; everything else in package.xml (version,
notes, dependencies) is kept byte for byte.
"""
import argparse
import difflib
import os
import re
import subprocess
import sys
from xml.sax.saxutils import quoteattr

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE_XML = os.path.join(ROOT, "package.xml")

SRC_FILES = ("config.m4", "config.w32", "php_mq.h")
SRC_DIRS = ("src/", "stubs/")
TEST_DIRS = ("tests/",)
EXCLUDED_DIRS = ("tests/packaging/",)
DOC_FILES = ("README.md", "CREDITS")
DOC_PREFIXES = ("LICENSE",)


def role_of(path):
    """The PEAR role of a repository path, or None when it is not packaged."""
    if any(path.startswith(d) for d in EXCLUDED_DIRS):
        return None
    if path in SRC_FILES or any(path.startswith(d) for d in SRC_DIRS):
        return "src"
    if any(path.startswith(d) for d in TEST_DIRS):
        return "test"
    if path in DOC_FILES or (("/" not in path) and any(path.startswith(p) for p in DOC_PREFIXES)):
        return "doc"
    return None


def git_files(include_untracked):
    cmd = ["git", "-C", ROOT, "ls-files", "-z", "--cached"]
    if include_untracked:
        cmd += ["--others", "--exclude-standard"]
    out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE).stdout.decode()
    files = sorted({f for f in out.split("\0") if f})
    # A tracked file deleted in the work tree is not packaged (pecl package
    # would fail on it); neither are symlinks to directories.
    return [f for f in files if os.path.isfile(os.path.join(ROOT, f))]


def packaged_files(include_untracked):
    return [(f, role_of(f)) for f in git_files(include_untracked) if role_of(f)]


def render_contents(files, indent="  "):
    lines = [indent + "<contents>", indent * 2 + '<dir name="/">']
    for path, role in files:
        lines.append(indent * 3 + "<file name=%s role=%s/>" % (quoteattr(path), quoteattr(role)))
    lines.append(indent * 2 + "</dir>")
    lines.append(indent + "</contents>")
    return "\n".join(lines)


CONTENTS_RE = re.compile(r"^([ \t]*)<contents>.*?</contents>[ \t]*$", re.S | re.M)


def updated_xml(text, files):
    m = CONTENTS_RE.search(text)
    if not m:
        sys.exit("update-package-xml: no <contents>...</contents> in package.xml")
    indent = m.group(1) or "  "
    return text[: m.start()] + render_contents(files, indent) + text[m.end():]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="only check; exit 1 if package.xml is stale")
    ap.add_argument("--include-untracked", action="store_true",
                    help="also list untracked files that .gitignore does not hide")
    ap.add_argument("--list", action="store_true", help="print the packaged files and their roles")
    args = ap.parse_args()

    files = packaged_files(args.include_untracked)
    if args.list:
        for path, role in files:
            print("%-5s %s" % (role, path))
        return 0
    with open(PACKAGE_XML, encoding="utf-8") as f:
        old = f.read()
    new = updated_xml(old, files)
    if args.check:
        if new != old:
            sys.stdout.writelines(difflib.unified_diff(
                old.splitlines(True), new.splitlines(True), "package.xml", "package.xml (regenerated)"))
            print("update-package-xml: <contents> is stale; run python3 tools/update-package-xml.py")
            return 1
        print("update-package-xml: <contents> is current (%d files)" % len(files))
        return 0
    if new != old:
        with open(PACKAGE_XML, "w", encoding="utf-8") as f:
            f.write(new)
        print("update-package-xml: package.xml updated (%d files)" % len(files))
    else:
        print("update-package-xml: package.xml already current (%d files)" % len(files))
    return 0


if __name__ == "__main__":
    sys.exit(main())

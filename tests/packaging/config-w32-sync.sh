#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# Checks that the Windows build (config.w32) compiles the same C files as the
# Unix build (config.m4): the MQ_SOURCES lists of both files must be equal,
# entry for entry and in the same order.  Also checks that each list is
# sorted (LC_ALL=C) and free of duplicates, that every listed file exists,
# and that every git-tracked src/**/*.c file is listed (a C file that no
# build compiles is almost always a forgotten entry).
# Last line: "config-w32-sync: N passed, N failed".  Needs: git, python3.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT" || exit 1

python3 - <<'PY'
import os, re, subprocess, sys

passed = failed = 0
def ok(msg):
    global passed
    passed += 1
    print("ok:   " + msg)
def bad(msg, items=()):
    global failed
    failed += 1
    print("FAIL: " + msg)
    for i in items:
        print("      " + i)

def m4_sources(text):
    # MQ_SOURCES="
    #   src/a.c
    # "
    m = re.search(r'^MQ_SOURCES="(.*?)"', text, re.S | re.M)
    if not m:
        return None
    return [line.strip() for line in m.group(1).splitlines()
            if line.strip() and not line.strip().startswith("dnl")]

def w32_sources(text):
    # var MQ_SOURCES = [ "src/a.c", ... ];
    m = re.search(r'^var\s+MQ_SOURCES\s*=\s*\[(.*?)\]\s*;', text, re.S | re.M)
    if not m:
        return None
    body = re.sub(r'//[^\n]*', '', m.group(1))
    return re.findall(r'"([^"]+)"', body)

lists = {}
for name, parse in (("config.m4", m4_sources), ("config.w32", w32_sources)):
    try:
        with open(name, encoding="utf-8") as f:
            lists[name] = parse(f.read())
    except OSError as e:
        lists[name] = None
        bad("%s: %s" % (name, e))
        continue
    if lists[name] is None:
        bad("%s: no MQ_SOURCES list found" % name)
    elif not lists[name]:
        bad("%s: MQ_SOURCES is empty" % name)

m4, w32 = lists.get("config.m4"), lists.get("config.w32")
if m4 and w32:
    if m4 == w32:
        ok("config.m4 and config.w32 list the same %d source files" % len(m4))
    else:
        only_m4 = [f for f in m4 if f not in w32]
        only_w32 = [f for f in w32 if f not in m4]
        items = ["only in config.m4:  " + f for f in only_m4] + ["only in config.w32: " + f for f in only_w32]
        if not items:
            items = ["same files, different order"]
        bad("the MQ_SOURCES lists of config.m4 and config.w32 differ", items)

    for name, lst in (("config.m4", m4), ("config.w32", w32)):
        dups = sorted({f for f in lst if lst.count(f) > 1})
        if dups:
            bad("%s lists files more than once" % name, dups)
        if lst != sorted(lst, key=lambda s: s.encode()):
            bad("%s: MQ_SOURCES is not sorted (LC_ALL=C sort)" % name)
    missing = [f for f in sorted(set(m4) | set(w32)) if not os.path.isfile(f)]
    if missing:
        bad("listed source files that do not exist", missing)
    else:
        ok("every listed source file exists")

    try:
        tracked = subprocess.run(["git", "ls-files", "--", "src/*.c"], check=True,
                                 stdout=subprocess.PIPE).stdout.decode().split()
    except (OSError, subprocess.CalledProcessError) as e:
        tracked = None
        bad("git ls-files failed: %s" % e)
    if tracked is not None:
        unlisted = [f for f in tracked if f not in m4 and os.path.isfile(f)]
        if unlisted:
            bad("tracked C files that no build compiles (add them to MQ_SOURCES in both files)", unlisted)
        else:
            ok("all %d tracked src/**/*.c files are compiled" % len(tracked))

print("config-w32-sync: %d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
PY

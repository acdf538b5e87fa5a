#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Checks that the C core's dependencies point one way (docs/architecture.md).

1. src/net (the transport) includes nothing from src/amqp or src/amqp1.
2. src/amqp1 includes nothing from src/amqp.
3. The AMQP 0-9-1 connection's files are layers, each calling only the ones
   below it (a function defined in a higher layer, or in another file of
   the same layer, is never called):

     mq_conn.c, mq_channel.c   operations
     mq_event.c                the wait (pump, dispatch, queueing)
     mq_output.c               the output path
     mq_state.c                lifecycle, channel table, queue storage
     mq_reader.c               frames -> decoded items, no I/O

4. mq_reader.c and mq_reader.h include only the codec (mq_codec.h, which
   brings the generated spec and the basic types) and the C library.

Prints each violation and exits 1 when there is one.
"""
import glob
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LAYERS = [["mq_reader.c"], ["mq_state.c"], ["mq_output.c"], ["mq_event.c"],
          ["mq_conn.c", "mq_channel.c"]]
INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"]+)"', re.M)
DEF = re.compile(r'^(?!static\b)[A-Za-z_][\w \*]*?\b(mq_\w+)\s*\([^;{]*\)\s*\{', re.M)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def strip_comments(src):
    return re.sub(r"/\*.*?\*/", "", src, flags=re.S)


def names(d):
    return {os.path.basename(p) for p in glob.glob(os.path.join(ROOT, d, "*.[ch]"))}


def main():
    bad = []
    amqp, amqp1 = names("src/amqp"), names("src/amqp1")
    for d, forbidden, what in (("src/net", amqp | amqp1, "src/amqp or src/amqp1"),
                               ("src/amqp1", amqp, "src/amqp")):
        for p in sorted(glob.glob(os.path.join(ROOT, d, "*.[ch]"))):
            for inc in INCLUDE.findall(read(p)):
                if inc in forbidden:
                    bad.append("%s/%s includes %s from %s" % (d, os.path.basename(p), inc, what))

    level = {f: i for i, group in enumerate(LAYERS) for f in group}
    src = {f: strip_comments(read(os.path.join(ROOT, "src/amqp", f))) for f in level}
    defined = {}
    for f, s in src.items():
        for name in DEF.findall(s):
            defined[name] = f
    for f, s in src.items():
        for name, where in sorted(defined.items()):
            if where == f or not re.search(r"\b%s\s*\(" % name, s):
                continue
            if level[where] >= level[f]:
                bad.append("src/amqp/%s calls %s() of %s (%s)" % (
                    f, name, where, "same layer" if level[where] == level[f] else "a higher layer"))

    allowed = {"mq_reader.h", "mq_codec.h"}
    for f in ("mq_reader.c", "mq_reader.h"):
        for inc in INCLUDE.findall(read(os.path.join(ROOT, "src/amqp", f))):
            if inc not in allowed:
                bad.append("src/amqp/%s includes %s (the reader knows only the codec)" % (f, inc))

    for line in bad:
        print("not ok: " + line)
    if not bad:
        print("ok: src/net and src/amqp1 include nothing above them; the 0-9-1 connection's "
              "%d files call only the layers below them; the reader includes only the codec"
              % len(level))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Generates src/amqp/mq_spec.h and src/amqp/mq_spec.c from the AMQP 0-9-1
spec XML (Debian's amqp-specs, RabbitMQ flavour) plus
tools/rabbitmq-extensions.xml.

Output: method ids, one struct per method, union mq_method_args, per-method
encoders/decoders, the basic content properties, dispatch (encode, decode,
name, has-content) and read-only metadata tables.  The output is a pure
function of the two input files, so `--check` can compare it byte for byte
with the committed files.

Usage:
    python3 tools/gen_spec.py           # (re)write the two files
    python3 tools/gen_spec.py --check   # exit 1 if they are out of date
"""

import argparse
import hashlib
import os
import sys
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_SPEC = "/usr/share/amqp/specs/0-9-1-rabbit/amqp0-9-1.stripped.extended.xml"
DEFAULT_EXT = os.path.join(ROOT, "tools", "rabbitmq-extensions.xml")
OUT_H = os.path.join(ROOT, "src", "amqp", "mq_spec.h")
OUT_C = os.path.join(ROOT, "src", "amqp", "mq_spec.c")

# wire type -> (C type, fixed wire size or None, metadata enum)
TYPES = {
    "octet": ("uint8_t", 1, "MQ_T_OCTET"),
    "short": ("uint16_t", 2, "MQ_T_SHORT"),
    "long": ("uint32_t", 4, "MQ_T_LONG"),
    "longlong": ("uint64_t", 8, "MQ_T_LONGLONG"),
    "timestamp": ("uint64_t", 8, "MQ_T_TIMESTAMP"),
    "bit": ("bool", None, "MQ_T_BIT"),
    "shortstr": ("mq_bytes", None, "MQ_T_SHORTSTR"),
    "longstr": ("mq_bytes", None, "MQ_T_LONGSTR"),
    "table": ("mq_bytes", None, "MQ_T_TABLE"),
}
PUT = {"octet": "mq_put8", "short": "mq_put16", "long": "mq_put32",
       "longlong": "mq_put64", "timestamp": "mq_put64"}
GET = {"octet": "*", "short": "mq_get16", "long": "mq_get32",
       "longlong": "mq_get64", "timestamp": "mq_get64"}


def cname(s):
    return s.replace("-", "_").lower()


def uname(s):
    return s.replace("-", "_").upper()


class Field:
    def __init__(self, name, wtype):
        self.name = name          # spec name ("routing-key")
        self.c = cname(name)      # C member name
        self.type = wtype         # wire type


class Method:
    def __init__(self, cls, name, index, sync, content, fields):
        self.cls = cls
        self.name = name
        self.index = index
        self.sync = sync
        self.content = content
        self.fields = fields

    @property
    def full(self):
        return "%s.%s" % (self.cls.name, self.name)

    @property
    def lc(self):
        return "%s_%s" % (cname(self.cls.name), cname(self.name))

    @property
    def uc(self):
        return "MQ_%s_%s" % (uname(self.cls.name), uname(self.name))

    @property
    def id(self):
        return (self.cls.index << 16) | self.index


class Class:
    def __init__(self, name, index):
        self.name = name
        self.index = index
        self.methods = []
        self.props = []


def resolve(el, domains, what):
    if el.get("type"):
        t = el.get("type")
    else:
        d = el.get("domain")
        t = domains.get(d, d)
    if t not in TYPES:
        raise SystemExit("gen_spec: %s: unknown type %r" % (what, t))
    return t


def load(paths):
    """Reads and merges the spec files; returns (consts, classes, meta)."""
    domains, consts, classes, meta = {}, [], {}, {}
    for path in paths:
        root = ET.parse(path).getroot()
        if not meta:
            meta = dict(root.attrib)
        for d in root.findall("domain"):
            domains[d.get("name")] = d.get("type")
        for c in root.findall("constant"):
            consts.append((c.get("name"), int(c.get("value")), c.get("class")))
        for ce in root.findall("class"):
            idx = int(ce.get("index"))
            cls = classes.get(idx)
            if cls is None:
                cls = classes[idx] = Class(ce.get("name"), idx)
            elif cls.name != ce.get("name"):
                raise SystemExit("gen_spec: class %d named %s and %s" % (idx, cls.name, ce.get("name")))
            for f in ce.findall("field"):
                name = f.get("name")
                if cls.index == 60 and name == "reserved":
                    name = "cluster-id"  # the XML's "reserved" property is RabbitMQ's cluster-id
                cls.props.append(Field(name, resolve(f, domains, "%s property %s" % (cls.name, name))))
            for me in ce.findall("method"):
                mi = int(me.get("index"))
                if any(m.index == mi for m in cls.methods):
                    raise SystemExit("gen_spec: duplicate method %s.%d" % (cls.name, mi))
                fields = [Field(f.get("name"), resolve(f, domains, "%s.%s %s" % (cls.name, me.get("name"), f.get("name"))))
                          for f in me.findall("field")]
                cls.methods.append(Method(cls, me.get("name"), mi, me.get("synchronous") == "1",
                                          me.get("content") == "1", fields))
    out = []
    for idx in sorted(classes):
        c = classes[idx]
        c.methods.sort(key=lambda m: m.index)
        out.append(c)
    return consts, out, domains, meta


def banner(inputs):
    names = ", ".join(os.path.basename(p) for p in inputs)
    sums = ", ".join(hashlib.sha256(open(p, "rb").read()).hexdigest()[:16] for p in inputs)
    return "/* Generated by tools/gen_spec.py from %s (sha256 %s). Do not edit. */\n" % (names, sums)


# ---------------------------------------------------------------- header

def gen_header(inputs, consts, classes, meta):
    o = [banner(inputs), "/* SPDX-License-Identifier: MIT */\n"]
    w = o.append
    w("""/*
 * AMQP 0-9-1 method and property layouts (RabbitMQ dialect): ids, one
 * struct per method, union mq_method_args, per-method encoders/decoders,
 * the basic content properties and read-only metadata tables.  The
 * conventions are described at the top of mq_codec.h.
 */
#ifndef MQ_SPEC_H
#define MQ_SPEC_H

#include "mq_common.h"

#ifdef __cplusplus
extern "C" {
#endif

""")
    w("#define MQ_PROTOCOL_MAJOR %s\n" % meta.get("major", "0"))
    w("#define MQ_PROTOCOL_MINOR %s\n" % meta.get("minor", "9"))
    w("#define MQ_PROTOCOL_REVISION %s\n" % meta.get("revision", "1"))
    w("#define MQ_PROTOCOL_PORT %s\n\n" % meta.get("port", "5672"))
    w("/* Reply codes (connection.close / channel.close). */\n")
    for name, val, kind in consts:
        if name.startswith("frame-") and not kind:
            continue  # frame types/sizes live in mq_codec.h (frame-error is a reply code)
        n = name[len("reply-"):] if name.startswith("reply-") else name
        w("#define MQ_REPLY_%s %d%s\n" % (uname(n), val, " /* %s */" % kind if kind else ""))
    w("\n/* Builds a method id from class and method index. */\n")
    w("#define MQ_METHOD_ID(cls, meth) (((uint32_t)(cls) << 16) | (uint32_t)(meth))\n")
    w("#define MQ_METHOD_CLASS(id) ((uint16_t)((id) >> 16))\n")
    w("#define MQ_METHOD_INDEX(id) ((uint16_t)((id) & 0xFFFFu))\n\n")
    w("/* Class ids. */\n")
    for c in classes:
        w("#define MQ_%s_CLASS %d\n" % (uname(c.name), c.index))
    w("\n/* Method ids: (class_id << 16) | method_id. */\n")
    n = 0
    for c in classes:
        for m in c.methods:
            w("#define %s 0x%08Xu /* %d, %d */\n" % (m.uc, m.id, c.index, m.index))
            n += 1
    w("\n#define MQ_SPEC_METHOD_COUNT %d\n\n" % n)

    w("/* Method argument structs.  Tables are encoded table content (after\n"
      " * the u32 length); strings are views (see mq_codec.h). */\n")
    for c in classes:
        for m in c.methods:
            w("\n/* %s */\n" % m.full)
            w("typedef struct mq_%s {\n" % m.lc)
            if not m.fields:
                w("    char dummy; /* no arguments */\n")
            for f in m.fields:
                w("    %s %s; /* %s %s */\n" % (TYPES[f.type][0], f.c, f.name, f.type))
            w("} mq_%s_t;\n" % m.lc)
    w("\n/* Any method's arguments. */\n")
    w("union mq_method_args {\n")
    for c in classes:
        for m in c.methods:
            w("    mq_%s_t %s;\n" % (m.lc, m.lc))
    w("};\n\n")

    basic = [c for c in classes if c.index == 60][0]
    w("/* basic content properties; `flags` says which are present. */\n")
    for i, f in enumerate(basic.props):
        w("#define MQ_BASIC_%s_FLAG (1u << %d)\n" % (uname(f.name), 15 - i))
    allf = 0
    for i in range(len(basic.props)):
        allf |= 1 << (15 - i)
    w("#define MQ_BASIC_ALL_FLAGS 0x%04Xu\n" % allf)
    w("#define MQ_BASIC_PROPERTY_COUNT %d\n\n" % len(basic.props))
    w("typedef struct mq_basic_properties {\n")
    w("    uint16_t flags; /* MQ_BASIC_*_FLAG bits of the present properties */\n")
    for f in basic.props:
        w("    %s %s; /* %s %s */\n" % (TYPES[f.type][0], f.c, f.name, f.type))
    w("} mq_basic_properties_t;\n\n")

    w("""/* Per-method codec.  Encoders append class id, method id and arguments
 * (0, MQ_E_NOMEM or MQ_E_TOO_LONG; nothing is appended on error).  Decoders
 * read the arguments after the 4 id bytes (0, MQ_E_TRUNCATED or, for
 * tables, whatever mq_table_validate() reports); views point into p. */
""")
    for c in classes:
        for m in c.methods:
            w("int mq_encode_%s(mq_wbuf *w, const mq_%s_t *m);\n" % (m.lc, m.lc))
            w("int mq_decode_%s(const uint8_t *p, size_t n, mq_%s_t *m);\n" % (m.lc, m.lc))
    w("""
/* Basic properties: flags word followed by the present values.  The encoder
 * ignores flag bits that name no property; the decoder rejects them (and the
 * continuation bit 0) with MQ_E_BAD_DATA. */
int mq_encode_basic_properties(mq_wbuf *w, const mq_basic_properties_t *props);
int mq_decode_basic_properties(const uint8_t *p, size_t n, mq_basic_properties_t *props);

/* ---- metadata (read-only, for tests, fuzzers and debugging) ---------- */
enum mq_spec_type {
    MQ_T_OCTET = 1,
    MQ_T_SHORT,
    MQ_T_LONG,
    MQ_T_LONGLONG,
    MQ_T_TIMESTAMP,
    MQ_T_BIT,
    MQ_T_SHORTSTR,
    MQ_T_LONGSTR,
    MQ_T_TABLE
};

/* One argument or property. */
typedef struct mq_field_info {
    const char *name; /* spec name, e.g. "routing-key" */
    uint8_t type;     /* enum mq_spec_type */
    uint16_t offset;  /* offsetof the member in its struct */
    uint16_t flag;    /* property flag bit (properties only, else 0) */
} mq_field_info;

/* One method. */
typedef struct mq_method_info {
    uint32_t id;                 /* MQ_<CLASS>_<METHOD> */
    const char *name;            /* "basic.publish" */
    bool synchronous;            /* expects a reply */
    bool content;                /* followed by header and body frames */
    uint8_t nfields;             /* number of arguments */
    uint16_t size;               /* sizeof the argument struct */
    const mq_field_info *fields; /* arguments in wire order */
} mq_method_info;

/* All methods, sorted by id. */
extern const mq_method_info mq_spec_methods[MQ_SPEC_METHOD_COUNT];
/* The basic properties in flag order (bit 15 first). */
extern const mq_field_info mq_spec_basic_properties[MQ_BASIC_PROPERTY_COUNT];
/* Method metadata by id; NULL if unknown. */
const mq_method_info *mq_method_info_get(uint32_t id);

#ifdef __cplusplus
}
#endif
#endif
""")
    return "".join(o)


# ---------------------------------------------------------------- source

def plan_fields(fields):
    """Splits arguments into wire items: ('fixed', field), ('bits', [fields]),
    ('short'|'long'|'table', field)."""
    items, bits = [], []
    for f in fields:
        if f.type == "bit":
            bits.append(f)
            if len(bits) == 8:
                items.append(("bits", bits))
                bits = []
            continue
        if bits:
            items.append(("bits", bits))
            bits = []
        if f.type in PUT:
            items.append(("fixed", f))
        elif f.type == "shortstr":
            items.append(("short", f))
        elif f.type == "longstr":
            items.append(("long", f))
        else:
            items.append(("table", f))
    if bits:
        items.append(("bits", bits))
    return items


def item_fixed_size(kind, f):
    if kind == "fixed":
        return TYPES[f.type][1]
    if kind == "bits":
        return 1
    if kind == "short":
        return 1
    return 4  # long / table length prefix


def gen_encoder(m, o):
    w = o.append
    items = plan_fields(m.fields)
    fixed = 4 + sum(item_fixed_size(k, f) for k, f in items)
    w("\nint mq_encode_%s(mq_wbuf *w, const mq_%s_t *m)\n{\n" % (m.lc, m.lc))
    w("    size_t n = %d; /* ids, fixed fields and length prefixes */\n" % fixed)
    w("    uint8_t *p;\n")
    if not m.fields:
        w("    (void)m;\n")
    shorts = [f for k, f in items if k == "short"]
    longs = [f for k, f in items if k in ("long", "table")]
    if shorts:
        w("    if (%s)\n        return MQ_E_TOO_LONG; /* shortstr holds at most 255 bytes */\n"
          % " || ".join("m->%s.len > 255" % f.c for f in shorts))
        w("    n += %s;\n" % " + ".join("m->%s.len" % f.c for f in shorts))
    for f in longs:
        w("    if (!mq_len32_ok(m->%s.len, n))\n        return MQ_E_TOO_LONG; /* u32 length, no size_t overflow */\n" % f.c)
        w("    n += m->%s.len;\n" % f.c)
    w("    if (mq_wbuf_reserve(w, n) != MQ_OK)\n        return MQ_E_NOMEM;\n")
    w("    p = w->data + w->len; /* n bytes reserved above */\n")
    w("    mq_put32(p, %s);\n" % m.uc)
    off = 4
    dyn = False

    def at():
        return "p + %d" % off if not dyn else "p"
    for k, f in items:
        if dyn is False and k in ("short", "long", "table"):
            pass
        if k == "fixed":
            w("    %s(%s, m->%s);\n" % (PUT[f.type], at(), f.c))
            if dyn:
                w("    p += %d;\n" % TYPES[f.type][1])
            else:
                off += TYPES[f.type][1]
        elif k == "bits":
            expr = " | ".join("(m->%s ? %du : 0u)" % (b.c, 1 << i) for i, b in enumerate(f))
            w("    mq_put8(%s, (uint8_t)(%s));\n" % (at(), expr))
            if dyn:
                w("    p += 1;\n")
            else:
                off += 1
        else:
            if not dyn:
                if off:
                    w("    p += %d;\n" % off)
                dyn = True
                off = 0
            fn = "mq_put_shortstr" if k == "short" else "mq_put_longstr"
            w("    p = %s(p, m->%s);\n" % (fn, f.c))
    w("    w->len += n;\n    return MQ_OK;\n}\n")


def gen_decoder(m, o):
    w = o.append
    items = plan_fields(m.fields)
    w("\nint mq_decode_%s(const uint8_t *p, size_t n, mq_%s_t *m)\n{\n" % (m.lc, m.lc))
    if not items:
        w("    (void)p;\n    (void)n;\n    m->dummy = 0;\n    return MQ_OK;\n}\n")
        return
    # Runs: fixed items up to and including the length prefix of the next
    # variable-size item are checked with one comparison.
    runs, cur = [], []
    for k, f in items:
        cur.append((k, f))
        if k in ("short", "long", "table"):
            runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    has_var = any(k in ("short", "long", "table") for k, f in items)
    if has_var:
        w("    const uint8_t *pos = p, *end;\n")
        w("    size_t len;\n")
    else:
        w("    const uint8_t *pos = p;\n")
    if any(k == "table" for k, f in items):
        w("    int rc;\n")
    first = True
    for run in runs:
        need = sum(item_fixed_size(k, f) for k, f in run)
        if first:
            w("    if (n < %d)\n        return MQ_E_TRUNCATED; /* fixed part must be there */\n" % need)
            if has_var:
                w("    end = p + n; /* p is not NULL here: n > 0 */\n")
            first = False
        else:
            w("    if ((size_t)(end - pos) < %d)\n        return MQ_E_TRUNCATED; /* pos <= end, so the difference is the bytes left */\n" % need)
        for k, f in run:
            if k == "fixed":
                if f.type == "octet":
                    w("    m->%s = *pos;\n    pos += 1;\n" % f.c)
                else:
                    w("    m->%s = %s(pos);\n    pos += %d;\n" % (f.c, GET[f.type], TYPES[f.type][1]))
            elif k == "bits":
                for i, b in enumerate(f):
                    w("    m->%s = (*pos & %du) != 0;\n" % (b.c, 1 << i))
                w("    pos += 1;\n")
            else:
                if k == "short":
                    w("    len = *pos;\n    pos += 1;\n")
                else:
                    w("    len = mq_get32(pos);\n    pos += 4;\n")
                w("    if (len > (size_t)(end - pos))\n        return MQ_E_TRUNCATED; /* value must fit in what is left */\n")
                w("    m->%s = mq_bytes_of((const char *)pos, len);\n" % f.c)
                if k == "table":
                    w("    rc = mq_table_validate(pos, len, MQ_TABLE_MAX_DEPTH);\n")
                    w("    if (rc != MQ_OK)\n        return rc;\n")
                w("    pos += len;\n")
    w("    (void)pos; /* trailing bytes are ignored, like librabbitmq does */\n")
    w("    return MQ_OK;\n}\n")


def gen_props(basic, o):
    w = o.append
    w("\nint mq_encode_basic_properties(mq_wbuf *w, const mq_basic_properties_t *props)\n{\n")
    w("    const uint16_t flags = (uint16_t)(props->flags & MQ_BASIC_ALL_FLAGS);\n")
    w("    size_t n = 2; /* the flags word */\n    uint8_t *p;\n")
    for f in basic.props:
        fl = "MQ_BASIC_%s_FLAG" % uname(f.name)
        if f.type in PUT:
            w("    if (flags & %s)\n        n += %d;\n" % (fl, TYPES[f.type][1]))
        elif f.type == "shortstr":
            w("    if (flags & %s) {\n" % fl)
            w("        if (props->%s.len > 255)\n            return MQ_E_TOO_LONG; /* shortstr holds at most 255 bytes */\n" % f.c)
            w("        n += 1 + props->%s.len;\n    }\n" % f.c)
        else:
            w("    if (flags & %s) {\n" % fl)
            w("        if (!mq_len32_ok(props->%s.len, n + 4 + 4096))\n"
              "            return MQ_E_TOO_LONG; /* u32 length; 4096 covers the properties after it */\n" % f.c)
            w("        n += 4 + props->%s.len;\n    }\n" % f.c)
    w("    if (mq_wbuf_reserve(w, n) != MQ_OK)\n        return MQ_E_NOMEM;\n")
    w("    p = w->data + w->len; /* n bytes reserved above */\n")
    w("    mq_put16(p, flags);\n    p += 2;\n")
    for f in basic.props:
        fl = "MQ_BASIC_%s_FLAG" % uname(f.name)
        if f.type in PUT:
            w("    if (flags & %s) {\n        %s(p, props->%s);\n        p += %d;\n    }\n"
              % (fl, PUT[f.type], f.c, TYPES[f.type][1]))
        else:
            fn = "mq_put_shortstr" if f.type == "shortstr" else "mq_put_longstr"
            w("    if (flags & %s)\n        p = %s(p, props->%s);\n" % (fl, fn, f.c))
    w("    (void)p;\n    w->len += n;\n    return MQ_OK;\n}\n")

    w("\nint mq_decode_basic_properties(const uint8_t *p, size_t n, mq_basic_properties_t *props)\n{\n")
    w("    const uint8_t *pos, *end;\n    uint16_t flags;\n    size_t len;\n    int rc;\n")
    w("    memset(props, 0, sizeof *props);\n")
    w("    if (n < 2)\n        return MQ_E_TRUNCATED; /* the flags word must be there */\n")
    w("    end = p + n; /* p is not NULL here: n > 0 */\n")
    w("    flags = mq_get16(p);\n    pos = p + 2;\n")
    w("    if (flags & ~MQ_BASIC_ALL_FLAGS)\n        return MQ_E_BAD_DATA; /* continuation bit or a property we cannot parse */\n")
    w("    props->flags = flags;\n")
    for f in basic.props:
        fl = "MQ_BASIC_%s_FLAG" % uname(f.name)
        w("    if (flags & %s) {\n" % fl)
        if f.type in PUT:
            sz = TYPES[f.type][1]
            w("        if ((size_t)(end - pos) < %d)\n            return MQ_E_TRUNCATED; /* pos <= end: bytes left */\n" % sz)
            if f.type == "octet":
                w("        props->%s = *pos;\n" % f.c)
            else:
                w("        props->%s = %s(pos);\n" % (f.c, GET[f.type]))
            w("        pos += %d;\n    }\n" % sz)
            continue
        pre = 1 if f.type == "shortstr" else 4
        w("        if ((size_t)(end - pos) < %d)\n            return MQ_E_TRUNCATED; /* length prefix must be there */\n" % pre)
        if pre == 1:
            w("        len = *pos;\n        pos += 1;\n")
        else:
            w("        len = mq_get32(pos);\n        pos += 4;\n")
        w("        if (len > (size_t)(end - pos))\n            return MQ_E_TRUNCATED; /* value must fit in what is left */\n")
        w("        props->%s = mq_bytes_of((const char *)pos, len);\n" % f.c)
        if f.type == "table":
            w("        rc = mq_table_validate(pos, len, MQ_TABLE_MAX_DEPTH);\n")
            w("        if (rc != MQ_OK)\n            return rc;\n")
        w("        pos += len;\n    }\n")
    w("    (void)rc;\n    return MQ_OK;\n}\n")


def gen_source(inputs, classes):
    o = [banner(inputs), "/* SPDX-License-Identifier: MIT */\n"]
    w = o.append
    w("""/*
 * Per-method encoders and decoders, the basic properties codec, method
 * dispatch and metadata.  Encoders compute the exact size, reserve it once
 * and then write with unchecked stores; decoders check every length against
 * the bytes left before reading.
 */
#include <stddef.h>
#include "mq_codec.h"
#include "mq_table.h"

/* True when a u32-length value of len bytes can be added to a running size
 * n: it fits the u32 prefix and n + len does not overflow size_t. */
static inline bool mq_len32_ok(size_t len, size_t n)
{
    return (uint64_t)len <= UINT32_MAX && len <= SIZE_MAX - n;
}

/* Writes a shortstr (len <= 255, checked by the caller); returns the end. */
static inline uint8_t *mq_put_shortstr(uint8_t *p, mq_bytes b)
{
    p[0] = (uint8_t)b.len;
    if (b.len)
        memcpy(p + 1, b.ptr, b.len);
    return p + 1 + b.len;
}

/* Writes a longstr or table (len <= UINT32_MAX, checked by the caller). */
static inline uint8_t *mq_put_longstr(uint8_t *p, mq_bytes b)
{
    mq_put32(p, (uint32_t)b.len);
    if (b.len)
        memcpy(p + 4, b.ptr, b.len);
    return p + 4 + b.len;
}
""")
    for c in classes:
        w("\n/* ---- %s %s */\n" % (c.name, "-" * (66 - len(c.name))))
        for m in c.methods:
            gen_encoder(m, o)
            gen_decoder(m, o)
    basic = [c for c in classes if c.index == 60][0]
    w("\n/* ---- basic properties %s */\n" % ("-" * 51))
    gen_props(basic, o)

    methods = [m for c in classes for m in c.methods]
    w("\n/* ---- dispatch %s */\n" % ("-" * 59))
    w("\nint mq_method_encode(mq_wbuf *w, uint32_t id, const void *args)\n{\n    switch (id) {\n")
    for m in methods:
        w("    case %s:\n        return mq_encode_%s(w, (const mq_%s_t *)args);\n" % (m.uc, m.lc, m.lc))
    w("    default:\n        return MQ_E_UNKNOWN_METHOD;\n    }\n}\n")
    w("\nint mq_method_decode(const uint8_t *p, size_t n, uint32_t *id, union mq_method_args *out)\n{\n")
    w("    if (n < 4)\n        return MQ_E_TRUNCATED; /* class and method id */\n")
    w("    *id = mq_get32(p);\n    p += 4;\n    n -= 4;\n    switch (*id) {\n")
    for m in methods:
        w("    case %s:\n        return mq_decode_%s(p, n, &out->%s);\n" % (m.uc, m.lc, m.lc))
    w("    default:\n        return MQ_E_UNKNOWN_METHOD;\n    }\n}\n")
    w("\nconst char *mq_method_name(uint32_t id)\n{\n    const mq_method_info *mi = mq_method_info_get(id);\n")
    w("    return mi ? mi->name : NULL;\n}\n")
    w("\nbool mq_method_has_content(uint32_t id)\n{\n    switch (id) {\n")
    for m in methods:
        if m.content:
            w("    case %s:\n" % m.uc)
    w("        return true;\n    default:\n        return false;\n    }\n}\n")

    w("\n/* ---- metadata %s */\n" % ("-" * 59))
    for m in methods:
        if not m.fields:
            continue
        w("\nstatic const mq_field_info mq_fields_%s[%d] = {\n" % (m.lc, len(m.fields)))
        for f in m.fields:
            w("    {\"%s\", %s, offsetof(mq_%s_t, %s), 0},\n" % (f.name, TYPES[f.type][2], m.lc, f.c))
        w("};\n")
    w("\nconst mq_field_info mq_spec_basic_properties[MQ_BASIC_PROPERTY_COUNT] = {\n")
    for f in basic.props:
        w("    {\"%s\", %s, offsetof(mq_basic_properties_t, %s), MQ_BASIC_%s_FLAG},\n"
          % (f.name, TYPES[f.type][2], f.c, uname(f.name)))
    w("};\n")
    w("\nconst mq_method_info mq_spec_methods[MQ_SPEC_METHOD_COUNT] = {\n")
    for m in sorted(methods, key=lambda m: m.id):
        w("    {%s, \"%s\", %s, %s, %d, sizeof(mq_%s_t), %s},\n" % (
            m.uc, m.full, "true" if m.sync else "false", "true" if m.content else "false",
            len(m.fields), m.lc, "mq_fields_%s" % m.lc if m.fields else "NULL"))
    w("};\n")
    w("""
const mq_method_info *mq_method_info_get(uint32_t id)
{
    size_t lo = 0, hi = MQ_SPEC_METHOD_COUNT;
    while (lo < hi) { /* binary search; the table is sorted by id */
        size_t mid = lo + (hi - lo) / 2;
        if (mq_spec_methods[mid].id == id)
            return &mq_spec_methods[mid];
        if (mq_spec_methods[mid].id < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}
""")
    return "".join(o)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--spec", default=DEFAULT_SPEC, help="spec XML (default: Debian amqp-specs)")
    ap.add_argument("--ext", default=DEFAULT_EXT, help="extensions XML")
    ap.add_argument("--check", action="store_true", help="exit 1 if the generated files differ")
    a = ap.parse_args()
    inputs = [a.spec, a.ext]
    consts, classes, _domains, meta = load(inputs)
    outs = {OUT_H: gen_header(inputs, consts, classes, meta), OUT_C: gen_source(inputs, classes)}
    if a.check:
        bad = []
        for path, text in outs.items():
            try:
                with open(path, encoding="utf-8") as fh:
                    cur = fh.read()
            except OSError:
                cur = None
            if cur != text:
                bad.append(os.path.relpath(path, ROOT))
        if bad:
            sys.stderr.write("gen_spec: out of date: %s (run python3 tools/gen_spec.py)\n" % ", ".join(bad))
            return 1
        return 0
    for path, text in outs.items():
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())

/* SPDX-License-Identifier: MIT */
/*
 * Differential tests of the AMQP 1.0 codec (src/amqp1) against Qpid Proton
 * C 0.37 (pn_data_t; a test-only dependency, linked with -lqpid-proton,
 * never into mq.so).
 *
 * 1. A table of values with the bytes each side writes: equal where
 *    Proton chooses the same encoding, and each difference pinned (Proton
 *    writes list32, map32 and array32 with full-width elements where we
 *    write the 8-bit forms and narrow elements; docs/amqp1.md explains why
 *    both are valid).
 * 2. Random values (every type, values at the encoding thresholds,
 *    described values, nested lists, maps and arrays, described arrays):
 *    a seeded generator builds the same value on both sides, then, replayed
 *    from the seed, checks (a) Proton's bytes read by our reader, (b) our
 *    bytes decoded by Proton, and (c) that Proton's bytes re-encoded by our
 *    writer are our bytes, and that they are byte-identical when the value
 *    holds no list, map or array.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <proton/codec.h>
#include <proton/error.h>

#include "mq_a1_codec.h"
#include "hex.h"
#include "a1_put.h"
#include "rand.h"
#include "tap.h"

#define ITERATIONS 4000
#define MAX_NEST 5
#define PN_BUF (8u << 20)

enum { W_OURS, W_PN, C_OURS, C_PN };

typedef struct ctx {
    uint64_t s;
    int mode;
    mq_a1_writer *wr;
    pn_data_t *pn;
    int bad;
    const char *first;
    bool has_compound;
    char scratch[70000];
} ctx;

#define rnd(x) tr_next(&(x)->s)
#define pick_bits(x) tr_bits(&(x)->s)
#define pick_len(x) tr_len(&(x)->s)

static void mismatch(ctx *x, const char *what)
{
    if (!x->bad++)
        x->first = what;
}

static void fill(ctx *x, char *out, size_t n)
{
    uint64_t seed = rnd(x);
    size_t i;
    for (i = 0; i < n; i++)
        out[i] = (char)((seed >> (i % 57)) + i * 31);
}

static const pn_type_t PN_OF[MQ_A1_TYPE_COUNT + 1] = {
    [MQ_A1_T_NULL] = PN_NULL, [MQ_A1_T_BOOLEAN] = PN_BOOL, [MQ_A1_T_UBYTE] = PN_UBYTE,
    [MQ_A1_T_USHORT] = PN_USHORT, [MQ_A1_T_UINT] = PN_UINT, [MQ_A1_T_ULONG] = PN_ULONG,
    [MQ_A1_T_BYTE] = PN_BYTE, [MQ_A1_T_SHORT] = PN_SHORT, [MQ_A1_T_INT] = PN_INT,
    [MQ_A1_T_LONG] = PN_LONG, [MQ_A1_T_FLOAT] = PN_FLOAT, [MQ_A1_T_DOUBLE] = PN_DOUBLE,
    [MQ_A1_T_DECIMAL32] = PN_DECIMAL32, [MQ_A1_T_DECIMAL64] = PN_DECIMAL64,
    [MQ_A1_T_DECIMAL128] = PN_DECIMAL128, [MQ_A1_T_CHAR] = PN_CHAR,
    [MQ_A1_T_TIMESTAMP] = PN_TIMESTAMP, [MQ_A1_T_UUID] = PN_UUID, [MQ_A1_T_BINARY] = PN_BINARY,
    [MQ_A1_T_STRING] = PN_STRING, [MQ_A1_T_SYMBOL] = PN_SYMBOL, [MQ_A1_T_LIST] = PN_LIST,
    [MQ_A1_T_MAP] = PN_MAP, [MQ_A1_T_ARRAY] = PN_ARRAY,
};

/* ------------------------------------------------------------ descriptors */

typedef struct gdesc {
    bool present, sym;
    uint64_t num;
    size_t len;
    char name[300];
} gdesc;

static void pick_desc(ctx *x, gdesc *d)
{
    d->present = true;
    d->sym = rnd(x) & 1;
    d->num = d->sym ? 0 : pick_bits(x);
    d->len = d->sym ? (size_t)(rnd(x) % 300) : 0;
    fill(x, d->name, d->len);
}

static mq_a1_desc to_a1(const gdesc *d)
{
    return d->sym ? mq_a1_desc_sym(mq_bytes_of(d->name, d->len)) : mq_a1_desc_num(d->num);
}

static bool a1_desc_is(const mq_a1_desc *a, const gdesc *d)
{
    if (!a->code || !d->present)
        return !a->code && !d->present;
    if (mq_a1_desc_is_sym(a))
        return d->sym && a->sym.len == d->len && memcmp(a->sym.ptr, d->name, d->len) == 0;
    return !d->sym && a->num == d->num;
}

static void pn_put_desc(pn_data_t *pn, const gdesc *d)
{
    if (d->sym)
        pn_data_put_symbol(pn, pn_bytes(d->len, d->name));
    else
        pn_data_put_ulong(pn, d->num);
}

/* Proton: the current node is the descriptor d. */
static bool pn_desc_is(pn_data_t *pn, const gdesc *d)
{
    pn_bytes_t b;
    if (d->sym) {
        if (pn_data_type(pn) != PN_SYMBOL)
            return false;
        b = pn_data_get_symbol(pn);
        return b.size == d->len && (d->len == 0 || memcmp(b.start, d->name, d->len) == 0);
    }
    return pn_data_type(pn) == PN_ULONG && pn_data_get_ulong(pn) == d->num;
}

/* ------------------------------------------------------------ scalars */

typedef struct gval {
    uint64_t b;
    size_t n;
    const char *p;
} gval;

static void put_ours(mq_a1_writer *w, uint8_t type, const gval *g)
{
    a1_put_scalar(w, type, g->b, g->p, g->n);
}

static void put_pn(pn_data_t *pn, uint8_t type, const gval *g)
{
    uint64_t b = g->b;
    pn_uuid_t u;
    pn_decimal128_t d128;
    switch (type) {
    case MQ_A1_T_NULL: pn_data_put_null(pn); break;
    case MQ_A1_T_BOOLEAN: pn_data_put_bool(pn, b & 1); break;
    case MQ_A1_T_UBYTE: pn_data_put_ubyte(pn, (uint8_t)b); break;
    case MQ_A1_T_USHORT: pn_data_put_ushort(pn, (uint16_t)b); break;
    case MQ_A1_T_UINT: pn_data_put_uint(pn, (uint32_t)b); break;
    case MQ_A1_T_ULONG: pn_data_put_ulong(pn, b); break;
    case MQ_A1_T_BYTE: pn_data_put_byte(pn, (int8_t)b); break;
    case MQ_A1_T_SHORT: pn_data_put_short(pn, (int16_t)b); break;
    case MQ_A1_T_INT: pn_data_put_int(pn, (int32_t)b); break;
    case MQ_A1_T_LONG: pn_data_put_long(pn, (int64_t)b); break;
    case MQ_A1_T_FLOAT: { uint32_t v = (uint32_t)b; float f; memcpy(&f, &v, 4); pn_data_put_float(pn, f); break; }
    case MQ_A1_T_DOUBLE: { double f; memcpy(&f, &b, 8); pn_data_put_double(pn, f); break; }
    case MQ_A1_T_DECIMAL32: pn_data_put_decimal32(pn, (uint32_t)b); break;
    case MQ_A1_T_DECIMAL64: pn_data_put_decimal64(pn, b); break;
    case MQ_A1_T_DECIMAL128: memcpy(d128.bytes, g->p, 16); pn_data_put_decimal128(pn, d128); break;
    case MQ_A1_T_CHAR: pn_data_put_char(pn, (pn_char_t)b); break;
    case MQ_A1_T_TIMESTAMP: pn_data_put_timestamp(pn, (int64_t)b); break;
    case MQ_A1_T_UUID: memcpy(u.bytes, g->p, 16); pn_data_put_uuid(pn, u); break;
    case MQ_A1_T_BINARY: pn_data_put_binary(pn, pn_bytes(g->n, g->p)); break;
    case MQ_A1_T_STRING: pn_data_put_string(pn, pn_bytes(g->n, g->p)); break;
    default: pn_data_put_symbol(pn, pn_bytes(g->n, g->p)); break;
    }
}

static bool same_bytes(const void *a, size_t an, const void *b, size_t bn)
{
    return an == bn && (an == 0 || memcmp(a, b, an) == 0);
}

/* Our reader's value v is g. */
static bool ours_is(const mq_a1_value *v, uint8_t type, const gval *g)
{
    uint64_t b = g->b;
    uint32_t u32;
    uint64_t u64;
    switch (type) {
    case MQ_A1_T_NULL: return true;
    case MQ_A1_T_BOOLEAN: return v->v.b == (bool)(b & 1);
    case MQ_A1_T_UBYTE: return v->v.u == (uint8_t)b;
    case MQ_A1_T_USHORT: return v->v.u == (uint16_t)b;
    case MQ_A1_T_UINT: case MQ_A1_T_CHAR: case MQ_A1_T_DECIMAL32: return v->v.u == (uint32_t)b;
    case MQ_A1_T_ULONG: case MQ_A1_T_DECIMAL64: return v->v.u == b;
    case MQ_A1_T_BYTE: return v->v.i == (int8_t)b;
    case MQ_A1_T_SHORT: return v->v.i == (int16_t)b;
    case MQ_A1_T_INT: return v->v.i == (int32_t)b;
    case MQ_A1_T_LONG: case MQ_A1_T_TIMESTAMP: return v->v.i == (int64_t)b;
    case MQ_A1_T_FLOAT: memcpy(&u32, &v->v.f, 4); return u32 == (uint32_t)b;
    case MQ_A1_T_DOUBLE: memcpy(&u64, &v->v.d, 8); return u64 == b;
    default: return same_bytes(v->v.bytes.ptr, v->v.bytes.len, g->p, g->n);
    }
}

/* Proton's current node is g. */
static bool pn_is(pn_data_t *pn, uint8_t type, const gval *g)
{
    uint64_t b = g->b;
    uint32_t u32;
    uint64_t u64;
    float f;
    double d;
    pn_bytes_t s;
    if (pn_data_type(pn) != PN_OF[type])
        return false;
    switch (type) {
    case MQ_A1_T_NULL: return true;
    case MQ_A1_T_BOOLEAN: return pn_data_get_bool(pn) == (bool)(b & 1);
    case MQ_A1_T_UBYTE: return pn_data_get_ubyte(pn) == (uint8_t)b;
    case MQ_A1_T_USHORT: return pn_data_get_ushort(pn) == (uint16_t)b;
    case MQ_A1_T_UINT: return pn_data_get_uint(pn) == (uint32_t)b;
    case MQ_A1_T_CHAR: return pn_data_get_char(pn) == (uint32_t)b;
    case MQ_A1_T_DECIMAL32: return pn_data_get_decimal32(pn) == (uint32_t)b;
    case MQ_A1_T_ULONG: return pn_data_get_ulong(pn) == b;
    case MQ_A1_T_DECIMAL64: return pn_data_get_decimal64(pn) == b;
    case MQ_A1_T_BYTE: return pn_data_get_byte(pn) == (int8_t)b;
    case MQ_A1_T_SHORT: return pn_data_get_short(pn) == (int16_t)b;
    case MQ_A1_T_INT: return pn_data_get_int(pn) == (int32_t)b;
    case MQ_A1_T_LONG: return pn_data_get_long(pn) == (int64_t)b;
    case MQ_A1_T_TIMESTAMP: return pn_data_get_timestamp(pn) == (int64_t)b;
    case MQ_A1_T_FLOAT: f = pn_data_get_float(pn); memcpy(&u32, &f, 4); return u32 == (uint32_t)b;
    case MQ_A1_T_DOUBLE: d = pn_data_get_double(pn); memcpy(&u64, &d, 8); return u64 == b;
    case MQ_A1_T_DECIMAL128: return memcmp(pn_data_get_decimal128(pn).bytes, g->p, 16) == 0;
    case MQ_A1_T_UUID: return memcmp(pn_data_get_uuid(pn).bytes, g->p, 16) == 0;
    default:
        s = pn_data_get_bytes(pn);
        return same_bytes(s.start, s.size, g->p, g->n);
    }
}

/* ------------------------------------------------------------ the generator */

static void value(ctx *x, mq_a1_cursor *c, int depth, uint8_t type, bool in_array, const gdesc *arr_desc);

static void scalar(ctx *x, mq_a1_cursor *c, uint8_t type, const gdesc *d)
{
    char buf[70000];
    gval g;
    mq_a1_value v;
    g.b = pick_bits(x);
    g.n = 0;
    g.p = buf;
    if (type == MQ_A1_T_UUID || type == MQ_A1_T_DECIMAL128)
        g.n = 16;
    else if (type == MQ_A1_T_BINARY || type == MQ_A1_T_STRING || type == MQ_A1_T_SYMBOL)
        g.n = pick_len(x);
    fill(x, buf, g.n);
    switch (x->mode) {
    case W_OURS: put_ours(x->wr, type, &g); break;
    case W_PN: put_pn(x->pn, type, &g); break;
    case C_OURS:
        if (mq_a1_next(c, &v) != 1 || v.type != type || !a1_desc_is(&v.desc, d) || !ours_is(&v, type, &g))
            mismatch(x, mq_a1_type_names[type]);
        break;
    default:
        if (!pn_is(x->pn, type, &g))
            mismatch(x, mq_a1_type_names[type]);
        break;
    }
}

/* Proton, checking: the header of the compound node at hand. */
static bool pn_compound_is(pn_data_t *pn, uint8_t type, uint32_t n, uint8_t et, const gdesc *ed)
{
    if (pn_data_type(pn) != PN_OF[type])
        return false;
    if (type == MQ_A1_T_LIST)
        return pn_data_get_list(pn) == n;
    if (type == MQ_A1_T_MAP)
        return pn_data_get_map(pn) == n;
    return pn_data_get_array(pn) == n && pn_data_get_array_type(pn) == PN_OF[et] &&
           pn_data_is_array_described(pn) == ed->present;
}

static void compound_open(ctx *x, mq_a1_cursor *c, mq_a1_cursor *sub, uint8_t type, uint32_t n,
                          uint8_t et, const gdesc *ed, const gdesc *d)
{
    mq_a1_desc a1 = to_a1(ed);
    mq_a1_value v;
    switch (x->mode) {
    case W_OURS:
        if (type == MQ_A1_T_LIST) mq_a1_list_begin(x->wr);
        else if (type == MQ_A1_T_MAP) mq_a1_map_begin(x->wr);
        else mq_a1_array_begin(x->wr, et, ed->present ? &a1 : NULL);
        break;
    case W_PN:
        if (type == MQ_A1_T_LIST) pn_data_put_list(x->pn);
        else if (type == MQ_A1_T_MAP) pn_data_put_map(x->pn);
        else pn_data_put_array(x->pn, ed->present, PN_OF[et]);
        pn_data_enter(x->pn);
        if (ed->present)
            pn_put_desc(x->pn, ed);
        break;
    case C_OURS:
        if (mq_a1_next(c, &v) != 1 || v.type != type || !a1_desc_is(&v.desc, d) || v.v.c.count != n ||
            (type == MQ_A1_T_ARRAY && (mq_a1_codes[v.v.c.elem_code].type != et ||
                                       !a1_desc_is(&v.v.c.elem_desc, ed))) ||
            mq_a1_enter(c, &v, sub) != 0)
            mismatch(x, "compound header (ours)");
        break;
    default:
        if (!pn_compound_is(x->pn, type, n, et, ed))
            mismatch(x, "compound header (Proton)");
        pn_data_enter(x->pn);
        if (ed->present && !(pn_data_next(x->pn) && pn_desc_is(x->pn, ed)))
            mismatch(x, "array descriptor (Proton)");
        break;
    }
}

static void compound_close(ctx *x, mq_a1_cursor *sub, uint8_t type)
{
    mq_a1_value v;
    switch (x->mode) {
    case W_OURS:
        if (type == MQ_A1_T_LIST) mq_a1_list_end(x->wr);
        else if (type == MQ_A1_T_MAP) mq_a1_map_end(x->wr);
        else mq_a1_array_end(x->wr);
        break;
    case C_OURS:
        if (mq_a1_next(sub, &v) != 0)
            mismatch(x, "compound end (ours)");
        break;
    case C_PN:
        if (pn_data_next(x->pn))
            mismatch(x, "compound end (Proton)");
        /* fall through */
    default:
        pn_data_exit(x->pn);
        break;
    }
}

static void compound(ctx *x, mq_a1_cursor *c, int depth, uint8_t type, const gdesc *d)
{
    gdesc ed = {false, false, 0, 0, {0}};
    mq_a1_cursor sub;
    uint8_t et = 0;
    uint32_t n = (uint32_t)(rnd(x) % 5), i;
    x->has_compound = true;
    if (depth == 0 && rnd(x) % 8 == 0)
        n = 300; /* beyond an 8-bit count (only at the top: the value stays < 8 MiB) */
    if (depth >= MAX_NEST)
        n = 0;
    if (type == MQ_A1_T_MAP)
        n *= 2;
    if (type == MQ_A1_T_ARRAY) {
        et = (uint8_t)(1 + rnd(x) % MQ_A1_TYPE_COUNT);
        if (rnd(x) % 3 == 0)
            pick_desc(x, &ed);
        if (et == MQ_A1_T_NULL && n > MQ_A1_ZERO_WIDTH_MAX)
            n = MQ_A1_ZERO_WIDTH_MAX;
    }
    memset(&sub, 0, sizeof sub);
    compound_open(x, c, &sub, type, n, et, &ed, d);
    for (i = 0; i < n && !x->bad; i++)
        value(x, &sub, depth + 1, et, type == MQ_A1_T_ARRAY, &ed);
    if (!x->bad)
        compound_close(x, &sub, type);
}

/* One value; in an array its type is the array's and the descriptor (if
 * any) the array's, given in arr_desc. */
static void value(ctx *x, mq_a1_cursor *c, int depth, uint8_t type, bool in_array, const gdesc *arr_desc)
{
    gdesc d = {false, false, 0, 0, {0}};
    bool pn_described;
    if (!type) {
        type = (uint8_t)(1 + rnd(x) % MQ_A1_TYPE_COUNT);
        if (depth == 0 && (rnd(x) & 1)) /* half the trees start with a compound */
            type = (uint8_t)(MQ_A1_T_LIST + rnd(x) % 3);
        if (depth >= MAX_NEST && type >= MQ_A1_T_LIST)
            type = MQ_A1_T_UINT;
    }
    if (in_array)
        d = *arr_desc;
    else if (rnd(x) % 6 == 0)
        pick_desc(x, &d);
    pn_described = d.present && !in_array;
    if (x->mode == W_OURS && pn_described) {
        mq_a1_desc a1 = to_a1(&d);
        mq_a1_put_descriptor(x->wr, &a1);
    } else if (x->mode == W_PN && pn_described) {
        pn_data_put_described(x->pn);
        pn_data_enter(x->pn);
        pn_put_desc(x->pn, &d);
    } else if (x->mode == C_PN) {
        if (!pn_data_next(x->pn)) {
            mismatch(x, "value missing (Proton)");
            return;
        }
        if (pn_described) {
            if (pn_data_type(x->pn) != PN_DESCRIBED || !pn_data_enter(x->pn) || !pn_data_next(x->pn) ||
                !pn_desc_is(x->pn, &d) || !pn_data_next(x->pn)) {
                mismatch(x, "descriptor (Proton)");
                return;
            }
        }
    }
    if (type >= MQ_A1_T_LIST)
        compound(x, c, depth, type, &d);
    else
        scalar(x, c, type, &d);
    if (pn_described && (x->mode == W_PN || x->mode == C_PN))
        pn_data_exit(x->pn);
}

/* ------------------------------------------------------------ fixed cases */

/* The value of case id, on our side (wr) or Proton's (pn). */
static void build_case(int id, mq_a1_writer *wr, pn_data_t *pn)
{
    mq_a1_desc d70 = mq_a1_desc_num(0x70), d7 = mq_a1_desc_num(7);
#define BOTH(ours, theirs) do { if (wr) { ours; } else { theirs; } } while (0)
    switch (id) {
    case 0: BOTH(mq_a1_put_uint(wr, 0), pn_data_put_uint(pn, 0)); break;
    case 1: BOTH(mq_a1_put_uint(wr, 255), pn_data_put_uint(pn, 255)); break;
    case 2: BOTH(mq_a1_put_ulong(wr, 256), pn_data_put_ulong(pn, 256)); break;
    case 3: BOTH(mq_a1_put_int(wr, -129), pn_data_put_int(pn, -129)); break;
    case 4: BOTH(mq_a1_put_long(wr, 127), pn_data_put_long(pn, 127)); break;
    case 5: BOTH(mq_a1_put_bool(wr, true), pn_data_put_bool(pn, true)); break;
    case 6: BOTH(mq_a1_put_string(wr, "", 0), pn_data_put_string(pn, pn_bytes(0, ""))); break;
    case 7: BOTH((mq_a1_list_begin(wr), mq_a1_list_end(wr)), pn_data_put_list(pn)); break;
    case 8:
        BOTH((mq_a1_list_begin(wr), mq_a1_put_uint(wr, 1), mq_a1_list_end(wr)),
             (pn_data_put_list(pn), pn_data_enter(pn), pn_data_put_uint(pn, 1), pn_data_exit(pn)));
        break;
    case 9: BOTH((mq_a1_map_begin(wr), mq_a1_map_end(wr)), pn_data_put_map(pn)); break;
    case 10:
        BOTH((mq_a1_map_begin(wr), mq_a1_put_symbol(wr, "a", 1), mq_a1_put_int(wr, 1), mq_a1_map_end(wr)),
             (pn_data_put_map(pn), pn_data_enter(pn), pn_data_put_symbol(pn, pn_bytes(1, "a")),
              pn_data_put_int(pn, 1), pn_data_exit(pn)));
        break;
    case 11:
        BOTH((mq_a1_array_begin(wr, MQ_A1_T_SYMBOL, NULL), mq_a1_put_symbol(wr, "a", 1), mq_a1_array_end(wr)),
             (pn_data_put_array(pn, false, PN_SYMBOL), pn_data_enter(pn),
              pn_data_put_symbol(pn, pn_bytes(1, "a")), pn_data_exit(pn)));
        break;
    case 12:
        BOTH((mq_a1_array_begin(wr, MQ_A1_T_UINT, NULL), mq_a1_put_uint(wr, 0), mq_a1_put_uint(wr, 1),
              mq_a1_array_end(wr)),
             (pn_data_put_array(pn, false, PN_UINT), pn_data_enter(pn), pn_data_put_uint(pn, 0),
              pn_data_put_uint(pn, 1), pn_data_exit(pn)));
        break;
    case 13:
        BOTH((mq_a1_array_begin(wr, MQ_A1_T_BOOLEAN, NULL), mq_a1_put_bool(wr, true), mq_a1_put_bool(wr, false),
              mq_a1_array_end(wr)),
             (pn_data_put_array(pn, false, PN_BOOL), pn_data_enter(pn), pn_data_put_bool(pn, true),
              pn_data_put_bool(pn, false), pn_data_exit(pn)));
        break;
    case 14:
        BOTH((mq_a1_put_descriptor(wr, &d70), mq_a1_list_begin(wr), mq_a1_list_end(wr)),
             (pn_data_put_described(pn), pn_data_enter(pn), pn_data_put_ulong(pn, 0x70), pn_data_put_list(pn),
              pn_data_exit(pn)));
        break;
    case 15:
        BOTH((mq_a1_array_begin(wr, MQ_A1_T_SYMBOL, &d7), mq_a1_put_symbol(wr, "x", 1), mq_a1_array_end(wr)),
             (pn_data_put_array(pn, true, PN_SYMBOL), pn_data_enter(pn), pn_data_put_ulong(pn, 7),
              pn_data_put_symbol(pn, pn_bytes(1, "x")), pn_data_exit(pn)));
        break;
    case 16:
        BOTH((mq_a1_array_begin(wr, MQ_A1_T_NULL, NULL), mq_a1_put_null(wr), mq_a1_put_null(wr),
              mq_a1_array_end(wr)),
             (pn_data_put_array(pn, false, PN_NULL), pn_data_enter(pn), pn_data_put_null(pn),
              pn_data_put_null(pn), pn_data_exit(pn)));
        break;
    case 17:
        BOTH((mq_a1_array_begin(wr, MQ_A1_T_LONG, NULL), mq_a1_put_long(wr, 1), mq_a1_array_end(wr)),
             (pn_data_put_array(pn, false, PN_LONG), pn_data_enter(pn), pn_data_put_long(pn, 1),
              pn_data_exit(pn)));
        break;
    default:
        BOTH((mq_a1_array_begin(wr, MQ_A1_T_LIST, NULL), mq_a1_list_begin(wr), mq_a1_list_end(wr),
              mq_a1_array_end(wr)),
             (pn_data_put_array(pn, false, PN_LIST), pn_data_enter(pn), pn_data_put_list(pn), pn_data_exit(pn)));
        break;
    }
#undef BOTH
}

static const struct { const char *what, *ours, *theirs; } CASES[] = {
    {"uint 0", "43", "43"},
    {"uint 255", "52 ff", "52 ff"},
    {"ulong 256", "80 00 00 00 00 00 00 01 00", "80 00 00 00 00 00 00 01 00"},
    {"int -129", "71 ff ff ff 7f", "71 ff ff ff 7f"},
    {"long 127", "55 7f", "55 7f"},
    {"true", "41", "41"},
    {"empty string", "a1 00", "a1 00"},
    {"empty list", "45", "45"},
    {"list [1]", "c0 03 01 52 01", "d0 00 00 00 06 00 00 00 01 52 01"},
    {"empty map", "c1 01 00", "d1 00 00 00 04 00 00 00 00"},
    {"map {a: 1}", "c1 06 02 a3 01 61 54 01", "d1 00 00 00 09 00 00 00 02 a3 01 61 54 01"},
    {"symbol array [a]", "e0 04 01 a3 01 61", "f0 00 00 00 0a 00 00 00 01 b3 00 00 00 01 61"},
    {"uint array [0, 1]", "e0 04 02 52 00 01",
     "f0 00 00 00 0d 00 00 00 02 70 00 00 00 00 00 00 00 01"},
    {"boolean array [true, false]", "e0 04 02 56 01 00", "f0 00 00 00 07 00 00 00 02 56 01 00"},
    {"described empty list 0x70", "00 53 70 45", "00 53 70 45"},
    {"described symbol array [x]", "e0 07 01 00 53 07 a3 01 78",
     "f0 00 00 00 0d 00 00 00 01 00 53 07 b3 00 00 00 01 78"},
    {"null array of 2", "e0 02 02 40", "f0 00 00 00 05 00 00 00 02 40"},
    {"long array [1]", "e0 03 01 55 01", "f0 00 00 00 0d 00 00 00 01 81 00 00 00 00 00 00 00 01"},
    {"list array [[]]", "e0 0a 01 d0 00 00 00 04 00 00 00 00",
     "f0 00 00 00 0d 00 00 00 01 d0 00 00 00 04 00 00 00 00"},
};

static void t_cases(char *pbuf)
{
    size_t i;
    mq_wbuf w, w2;
    mq_a1_writer wr, wr2;
    mq_a1_cursor c;
    mq_a1_value v;
    pn_data_t *pn = pn_data(16), *back = pn_data(16);
    mq_wbuf_init(&w);
    mq_wbuf_init(&w2);
    for (i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
        uint8_t ours[64], theirs[64];
        size_t no = unhex(CASES[i].ours, ours, sizeof ours), nt = unhex(CASES[i].theirs, theirs, sizeof theirs);
        ssize_t pn_len, back_len;
        int rc;
        mq_wbuf_reset(&w);
        mq_a1_writer_init(&wr, &w);
        build_case((int)i, &wr, NULL);
        pn_data_clear(pn);
        build_case((int)i, NULL, pn);
        pn_len = pn_data_encode(pn, pbuf, PN_BUF);
        TAP_OK(mq_a1_writer_finish(&wr) == 0 && same_bytes(w.data, w.len, ours, no),
               "%s: we write %s", CASES[i].what, CASES[i].ours);
        TAP_OK(pn_len >= 0 && same_bytes(pbuf, (size_t)pn_len, theirs, nt), "%s: Proton writes %s%s",
               CASES[i].what, CASES[i].theirs, strcmp(CASES[i].ours, CASES[i].theirs) ? "" : " (the same)");
        /* Proton decodes ours and writes its own form again. */
        pn_data_clear(back);
        rc = (int)pn_data_decode(back, (const char *)w.data, w.len);
        back_len = rc == (int)w.len ? pn_data_encode(back, pbuf, PN_BUF) : -1;
        TAP_OK(back_len >= 0 && same_bytes(pbuf, (size_t)back_len, theirs, nt),
               "%s: Proton decodes our bytes to the same value", CASES[i].what);
        /* Our reader reads Proton's and our writer writes ours again. */
        mq_wbuf_reset(&w2);
        mq_a1_writer_init(&wr2, &w2);
        mq_a1_cursor_init(&c, theirs, nt);
        rc = mq_a1_next(&c, &v) == 1 ? mq_a1_put_value(&wr2, &c, &v) : -1;
        TAP_OK(rc == 0 && mq_a1_next(&c, &v) == 0 && mq_a1_writer_finish(&wr2) == 0 &&
               same_bytes(w2.data, w2.len, ours, no), "%s: we read Proton's bytes to the same value",
               CASES[i].what);
    }
    pn_data_free(pn);
    pn_data_free(back);
    mq_wbuf_free(&w);
    mq_wbuf_free(&w2);
}

/* ------------------------------------------------------------ random values */

typedef struct tally {
    int write, pn_encode, ours_reads_pn, pn_decodes_ours, canonical, identical, scalar_only;
} tally;

static void one_random(ctx *x, uint64_t seed, mq_wbuf *w, mq_wbuf *w2, pn_data_t *pn, char *pbuf,
                       tally *bad, const char **first)
{
    mq_a1_writer wr, wr2;
    mq_a1_cursor c;
    mq_a1_value v;
    ssize_t plen, used;
    int rc;
    mq_wbuf_reset(w);
    mq_a1_writer_init(&wr, w);
    x->s = seed, x->mode = W_OURS, x->wr = &wr, x->bad = 0, x->has_compound = false;
    value(x, NULL, 0, 0, false, NULL);
    if (mq_a1_writer_finish(&wr) != 0) {
        bad->write++;
        return;
    }
    pn_data_clear(pn);
    x->s = seed, x->mode = W_PN, x->pn = pn;
    value(x, NULL, 0, 0, false, NULL);
    plen = pn_data_encode(pn, pbuf, PN_BUF);
    if (plen < 0) {
        if (!bad->pn_encode++)
            tap_diag("pn_data_encode: %zd (%s)", plen, pn_error_text(pn_data_error(pn)));
        return;
    }
    /* (a) Proton's bytes, our reader. */
    mq_a1_cursor_init(&c, pbuf, (size_t)plen);
    x->s = seed, x->mode = C_OURS, x->bad = 0;
    value(x, &c, 0, 0, false, NULL);
    if (x->bad || mq_a1_next(&c, &v) != 0) {
        if (!bad->ours_reads_pn++ && !*first)
            *first = x->first ? x->first : "trailing bytes";
    }
    /* (b) our bytes, Proton's decoder. */
    pn_data_clear(pn);
    used = pn_data_decode(pn, (const char *)w->data, w->len);
    pn_data_rewind(pn);
    x->s = seed, x->mode = C_PN, x->bad = 0;
    if (used == (ssize_t)w->len)
        value(x, NULL, 0, 0, false, NULL);
    if (used != (ssize_t)w->len || x->bad || pn_data_next(pn)) {
        if (!bad->pn_decodes_ours++ && !*first)
            *first = used != (ssize_t)w->len ? "pn_data_decode failed" : x->first ? x->first : "extra node";
    }
    /* (c) Proton's bytes re-encoded by us are our bytes; byte-identical
     * when there is no list, map or array. */
    mq_wbuf_reset(w2);
    mq_a1_writer_init(&wr2, w2);
    mq_a1_cursor_init(&c, pbuf, (size_t)plen);
    rc = mq_a1_next(&c, &v) == 1 ? mq_a1_put_value(&wr2, &c, &v) : -1;
    if (rc != 0 || mq_a1_writer_finish(&wr2) != 0 || !same_bytes(w2->data, w2->len, w->data, w->len))
        bad->canonical++;
    if (!x->has_compound) {
        bad->scalar_only++; /* (counted, not a failure) */
        if (!same_bytes(pbuf, (size_t)plen, w->data, w->len))
            bad->identical++;
    }
}

int main(void)
{
    static ctx x;
    char *pbuf = malloc(PN_BUF);
    mq_wbuf w, w2;
    pn_data_t *pn = pn_data(64);
    tally bad = {0, 0, 0, 0, 0, 0, 0};
    const char *first = NULL;
    int it;
    t_cases(pbuf);
    mq_wbuf_init(&w);
    mq_wbuf_init(&w2);
    for (it = 0; it < ITERATIONS; it++)
        one_random(&x, 0xD1B54A32D192ED03ull * (uint64_t)(it + 1), &w, &w2, pn, pbuf, &bad, &first);
    TAP_OK(bad.write == 0 && bad.pn_encode == 0, "%d random values written by both sides (%d, %d failed)",
           ITERATIONS, bad.write, bad.pn_encode);
    TAP_OK(bad.ours_reads_pn == 0, "(a) our reader reads Proton's bytes to the same values (%d differ; %s)",
           bad.ours_reads_pn, first ? first : "-");
    TAP_OK(bad.pn_decodes_ours == 0, "(b) Proton decodes our bytes to the same values (%d differ; %s)",
           bad.pn_decodes_ours, first ? first : "-");
    TAP_OK(bad.canonical == 0, "(c) Proton's bytes re-encoded by our writer are our bytes (%d differ)",
           bad.canonical);
    TAP_OK(bad.identical == 0 && bad.scalar_only > ITERATIONS / 5,
           "(c) byte-identical to Proton for the %d values without list, map or array (%d differ)",
           bad.scalar_only, bad.identical);
    pn_data_free(pn);
    mq_wbuf_free(&w);
    mq_wbuf_free(&w2);
    free(pbuf);
    return tap_done();
}

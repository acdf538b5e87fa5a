/* SPDX-License-Identifier: MIT */
/*
 * Round trips of the AMQP 1.0 codec (src/amqp1) on random values: a seeded
 * generator writes a tree of values (every type, values at the encoding
 * thresholds, described values, nested lists, maps and arrays), then the
 * same generator, replayed from the same seed, checks what the reader
 * returns value by value.  The bytes must also validate, and copying them
 * with mq_a1_put_value() must give the same bytes (the writer's choices
 * depend on the values alone).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mq_a1_codec.h"
#include "a1_put.h"
#include "rand.h"
#include "tap.h"

#define ITERATIONS 3000
#define MAX_NEST 6

typedef struct ctx {
    uint64_t s;        /* PRNG state */
    bool check;        /* false: write with wr; true: compare with the reader */
    mq_a1_writer *wr;
    int bad;           /* mismatches seen while checking */
    const char *first; /* the first mismatch */
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

static void fill(ctx *x, size_t n)
{
    uint64_t seed = rnd(x);
    size_t i;
    for (i = 0; i < n; i++)
        x->scratch[i] = (char)((seed >> (i % 57)) + i * 31);
}

static void pick_desc(ctx *x, mq_a1_desc *d)
{
    if (rnd(x) & 1) {
        *d = mq_a1_desc_num(pick_bits(x));
    } else {
        size_t n = (size_t)(rnd(x) % 300);
        fill(x, n);
        /* (the view is compared right away, before scratch changes) */
        *d = mq_a1_desc_sym(mq_bytes_of(x->scratch, n));
    }
}

static bool desc_eq(const mq_a1_desc *a, const mq_a1_desc *b)
{
    if (!a->code || !b->code)
        return !a->code && !b->code;
    if (mq_a1_desc_is_sym(a) != mq_a1_desc_is_sym(b))
        return false;
    if (!mq_a1_desc_is_sym(a))
        return a->num == b->num;
    return a->sym.len == b->sym.len && memcmp(a->sym.ptr, b->sym.ptr, a->sym.len) == 0;
}

static void value(ctx *x, mq_a1_cursor *c, int depth, uint8_t type, bool in_array);

/* A scalar of type: written, or read and compared. */
static void scalar(ctx *x, mq_a1_cursor *c, uint8_t type, const mq_a1_desc *d)
{
    uint64_t b = pick_bits(x);
    size_t n = 0;
    mq_a1_value v;
    mq_a1_writer *w = x->wr;
    bool eq = true;
    if (type == MQ_A1_T_BINARY || type == MQ_A1_T_STRING || type == MQ_A1_T_SYMBOL ||
        type == MQ_A1_T_UUID || type == MQ_A1_T_DECIMAL128) {
        n = type == MQ_A1_T_UUID || type == MQ_A1_T_DECIMAL128 ? 16 : pick_len(x);
        fill(x, n);
    }
    if (!x->check) {
        a1_put_scalar(w, type, b, x->scratch, n);
        return;
    }
    if (mq_a1_next(c, &v) != 1 || v.type != type || !desc_eq(&v.desc, d)) {
        mismatch(x, "scalar: type or descriptor");
        return;
    }
    switch (type) {
    case MQ_A1_T_NULL: break;
    case MQ_A1_T_BOOLEAN: eq = v.v.b == (bool)(b & 1); break;
    case MQ_A1_T_UBYTE: eq = v.v.u == (uint8_t)b; break;
    case MQ_A1_T_USHORT: eq = v.v.u == (uint16_t)b; break;
    case MQ_A1_T_UINT: case MQ_A1_T_CHAR: case MQ_A1_T_DECIMAL32: eq = v.v.u == (uint32_t)b; break;
    case MQ_A1_T_ULONG: case MQ_A1_T_DECIMAL64: eq = v.v.u == b; break;
    case MQ_A1_T_BYTE: eq = v.v.i == (int8_t)b; break;
    case MQ_A1_T_SHORT: eq = v.v.i == (int16_t)b; break;
    case MQ_A1_T_INT: eq = v.v.i == (int32_t)b; break;
    case MQ_A1_T_LONG: case MQ_A1_T_TIMESTAMP: eq = v.v.i == (int64_t)b; break;
    case MQ_A1_T_FLOAT: { uint32_t u; memcpy(&u, &v.v.f, 4); eq = u == (uint32_t)b; break; }
    case MQ_A1_T_DOUBLE: { uint64_t u; memcpy(&u, &v.v.d, 8); eq = u == b; break; }
    default: eq = v.v.bytes.len == n && memcmp(v.v.bytes.ptr, x->scratch, n) == 0; break;
    }
    if (!eq)
        mismatch(x, mq_a1_type_names[type]);
}

static void compound(ctx *x, mq_a1_cursor *c, int depth, uint8_t type, const mq_a1_desc *d)
{
    mq_a1_desc ed = {0, 0, {NULL, 0}};
    mq_a1_desc edx;
    mq_a1_cursor sub;
    mq_a1_value v;
    uint8_t et = 0;
    uint32_t n = (uint32_t)(rnd(x) % 5), i;
    if (depth < 2 && rnd(x) % 16 == 0)
        n = 300; /* beyond the 8-bit count */
    if (depth >= MAX_NEST)
        n = 0; /* (arrays of compounds: the nesting stops here) */
    if (type == MQ_A1_T_MAP)
        n *= 2;
    if (type == MQ_A1_T_ARRAY) {
        et = (uint8_t)(1 + rnd(x) % MQ_A1_TYPE_COUNT);
        if (rnd(x) % 3 == 0)
            pick_desc(x, &ed);
        if (et == MQ_A1_T_NULL && n > MQ_A1_ZERO_WIDTH_MAX)
            n = MQ_A1_ZERO_WIDTH_MAX;
    }
    edx = ed;
    if (!x->check) {
        if (type == MQ_A1_T_LIST) mq_a1_list_begin(x->wr);
        else if (type == MQ_A1_T_MAP) mq_a1_map_begin(x->wr);
        else mq_a1_array_begin(x->wr, et, ed.code ? &ed : NULL);
    } else {
        if (mq_a1_next(c, &v) != 1 || v.type != type || !desc_eq(&v.desc, d) || v.v.c.count != n ||
            (type == MQ_A1_T_ARRAY && (mq_a1_codes[v.v.c.elem_code].type != et ||
                                       !desc_eq(&v.v.c.elem_desc, &edx)))) {
            mismatch(x, "compound header");
            return;
        }
        if (mq_a1_enter(c, &v, &sub) < 0) {
            mismatch(x, "enter");
            return;
        }
    }
    for (i = 0; i < n && !x->bad; i++)
        value(x, &sub, depth + 1, et, type == MQ_A1_T_ARRAY);
    if (!x->check) {
        if (type == MQ_A1_T_LIST) mq_a1_list_end(x->wr);
        else if (type == MQ_A1_T_MAP) mq_a1_map_end(x->wr);
        else mq_a1_array_end(x->wr);
    } else if (!x->bad && mq_a1_next(&sub, &v) != 0) {
        mismatch(x, "compound end");
    }
}

/* One value: type (0: random), described at random unless in an array. */
static void value(ctx *x, mq_a1_cursor *c, int depth, uint8_t type, bool in_array)
{
    mq_a1_desc d = {0, 0, {NULL, 0}};
    char dsym[300];
    if (!type) {
        type = (uint8_t)(1 + rnd(x) % MQ_A1_TYPE_COUNT);
        if (depth >= MAX_NEST && type >= MQ_A1_T_LIST)
            type = MQ_A1_T_UINT;
    }
    if (in_array && x->check)
        d = c->elem_desc; /* array elements carry the array's descriptor */
    if (!in_array && rnd(x) % 6 == 0) {
        pick_desc(x, &d);
        if (mq_a1_desc_is_sym(&d)) { /* keep it: scratch is reused below */
            memcpy(dsym, d.sym.ptr, d.sym.len);
            d.sym.ptr = dsym;
        }
        if (!x->check)
            mq_a1_put_descriptor(x->wr, &d);
    }
    if (type >= MQ_A1_T_LIST)
        compound(x, c, depth, type, &d);
    else
        scalar(x, c, type, &d);
}

int main(void)
{
    static ctx x;
    mq_wbuf w, w2;
    mq_a1_writer wr, wr2;
    mq_a1_cursor c;
    mq_a1_value v;
    int it, bad_write = 0, bad_read = 0, bad_valid = 0, bad_copy = 0, rc;
    size_t total = 0, values = 0, n;
    const char *first = "";
    mq_wbuf_init(&w);
    mq_wbuf_init(&w2);
    for (it = 0; it < ITERATIONS; it++) {
        uint64_t seed = 0x9E3779B97F4A7C15ull * (uint64_t)(it + 1);
        mq_wbuf_reset(&w);
        mq_a1_writer_init(&wr, &w);
        x.s = seed;
        x.check = false;
        x.wr = &wr;
        x.bad = 0;
        value(&x, NULL, 0, 0, false);
        if (mq_a1_writer_finish(&wr) != 0) {
            bad_write++;
            continue;
        }
        total += w.len;
        if (mq_a1_validate(w.data, w.len, &n) != 0)
            bad_valid++;
        values += n;
        mq_a1_cursor_init(&c, w.data, w.len);
        x.s = seed;
        x.check = true;
        x.bad = 0;
        value(&x, &c, 0, 0, false);
        if (x.bad || mq_a1_next(&c, &v) != 0) {
            if (!bad_read++)
                first = x.first ? x.first : "trailing value";
        }
        mq_wbuf_reset(&w2);
        mq_a1_writer_init(&wr2, &w2);
        mq_a1_cursor_init(&c, w.data, w.len);
        rc = mq_a1_next(&c, &v) == 1 ? mq_a1_put_value(&wr2, &c, &v) : -1;
        if (rc != 0 || mq_a1_writer_finish(&wr2) != 0 || w2.len != w.len || memcmp(w.data, w2.data, w.len) != 0)
            bad_copy++;
    }
    tap_diag("%d random values, %zu bytes, %zu values at all depths", ITERATIONS, total, values);
    TAP_OK(bad_write == 0, "%d random values written without error (%d failed)", ITERATIONS, bad_write);
    TAP_OK(bad_valid == 0, "every encoding validates (%d failed)", bad_valid);
    TAP_OK(bad_read == 0, "the reader returns every value written (%d differ; first: %s)", bad_read, first);
    TAP_OK(bad_copy == 0, "mq_a1_put_value copies reproduce the bytes (%d differ)", bad_copy);
    TAP_OK(values > (size_t)ITERATIONS * 3, "the values nest (%zu values in %d trees)", values, ITERATIONS);
    mq_wbuf_free(&w);
    mq_wbuf_free(&w2);
    return tap_done();
}

/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target: the AMQP 1.0 reader (src/amqp1) on arbitrary bytes.
 * Every value is walked recursively (every list, map and array entered);
 * the walk and mq_a1_validate() must agree, every view must lie within the
 * input, and errors must be the reader's codes.  Input that reads without
 * error is copied with mq_a1_put_value(): the copy must validate, read to
 * equal values, and copy again to identical bytes (the writer's choices
 * depend on the values alone).
 */
#include <stdlib.h>
#include <string.h>

#include "mq_a1_codec.h"

#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const uint8_t *in_lo, *in_hi;

static void check_view(mq_bytes b)
{
    if (b.len)
        FUZZ_CHECK((const uint8_t *)b.ptr >= in_lo && (const uint8_t *)b.ptr + b.len <= in_hi);
}

static bool is_compound(const mq_a1_value *v)
{
    return v->type == MQ_A1_T_LIST || v->type == MQ_A1_T_MAP || v->type == MQ_A1_T_ARRAY;
}

/* Walks c to its end; returns the number of values or the error. */
static long walk(mq_a1_cursor *c, bool check_views)
{
    mq_a1_cursor sub;
    mq_a1_value v;
    long n = 0, k;
    int rc;
    while ((rc = mq_a1_next(c, &v)) == 1) {
        n++;
        if (check_views && mq_a1_desc_is_sym(&v.desc))
            check_view(v.desc.sym);
        if (is_compound(&v)) {
            if (check_views)
                check_view(v.v.c.body);
            if ((rc = mq_a1_enter(c, &v, &sub)) < 0)
                return rc;
            if ((k = walk(&sub, check_views)) < 0)
                return k;
            n += k;
        } else if (check_views && v.type >= MQ_A1_T_DECIMAL128 && v.type != MQ_A1_T_CHAR &&
                   v.type != MQ_A1_T_TIMESTAMP) {
            check_view(v.v.bytes);
        }
    }
    return rc < 0 ? rc : n;
}

static bool bytes_eq(mq_bytes a, mq_bytes b)
{
    return a.len == b.len && (a.len == 0 || memcmp(a.ptr, b.ptr, a.len) == 0);
}

static bool desc_eq(const mq_a1_desc *a, const mq_a1_desc *b)
{
    if (!a->code || !b->code)
        return !a->code && !b->code;
    if (mq_a1_desc_is_sym(a) != mq_a1_desc_is_sym(b))
        return false;
    return mq_a1_desc_is_sym(a) ? bytes_eq(a->sym, b->sym) : a->num == b->num;
}

static bool value_eq(const mq_a1_value *a, const mq_a1_value *b)
{
    if (a->type != b->type || !desc_eq(&a->desc, &b->desc))
        return false;
    switch (a->type) {
    case MQ_A1_T_NULL: return true;
    case MQ_A1_T_BOOLEAN: return a->v.b == b->v.b;
    case MQ_A1_T_FLOAT: return memcmp(&a->v.f, &b->v.f, sizeof a->v.f) == 0;
    case MQ_A1_T_DOUBLE: return memcmp(&a->v.d, &b->v.d, sizeof a->v.d) == 0;
    case MQ_A1_T_BYTE: case MQ_A1_T_SHORT: case MQ_A1_T_INT: case MQ_A1_T_LONG:
    case MQ_A1_T_TIMESTAMP: return a->v.i == b->v.i;
    case MQ_A1_T_DECIMAL128: case MQ_A1_T_UUID: case MQ_A1_T_BINARY: case MQ_A1_T_STRING:
    case MQ_A1_T_SYMBOL: return bytes_eq(a->v.bytes, b->v.bytes);
    case MQ_A1_T_LIST: case MQ_A1_T_MAP: return a->v.c.count == b->v.c.count;
    case MQ_A1_T_ARRAY:
        return a->v.c.count == b->v.c.count && desc_eq(&a->v.c.elem_desc, &b->v.c.elem_desc) &&
               mq_a1_codes[a->v.c.elem_code].type == mq_a1_codes[b->v.c.elem_code].type;
    default: return a->v.u == b->v.u;
    }
}

/* Two (valid) sequences hold equal values, recursively. */
static bool same_values(mq_a1_cursor *a, mq_a1_cursor *b)
{
    mq_a1_cursor sa, sb;
    mq_a1_value va, vb;
    int ra, rb;
    for (;;) {
        ra = mq_a1_next(a, &va);
        rb = mq_a1_next(b, &vb);
        if (ra != rb)
            return false;
        if (ra != 1)
            return ra == 0;
        if (!value_eq(&va, &vb))
            return false;
        if (is_compound(&va)) {
            if (mq_a1_enter(a, &va, &sa) < 0 || mq_a1_enter(b, &vb, &sb) < 0 || !same_values(&sa, &sb))
                return false;
        }
    }
}

static int copy_all(const uint8_t *p, size_t n, mq_wbuf *out)
{
    mq_a1_writer wr;
    mq_a1_cursor c;
    mq_a1_value v;
    int rc;
    mq_a1_writer_init(&wr, out);
    mq_a1_cursor_init(&c, p, n);
    while ((rc = mq_a1_next(&c, &v)) == 1)
        if ((rc = mq_a1_put_value(&wr, &c, &v)) < 0)
            return rc;
    return rc < 0 ? rc : mq_a1_writer_finish(&wr);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    mq_a1_cursor c, c2;
    mq_wbuf w, w2;
    size_t count = 0;
    long n;
    int rc;
    in_lo = data;
    in_hi = data + size;
    mq_a1_cursor_init(&c, data, size);
    n = walk(&c, true);
    rc = mq_a1_validate(data, size, &count);
    FUZZ_CHECK(rc == (n < 0 ? (int)n : 0));
    if (rc < 0) {
        FUZZ_CHECK(rc == MQ_E_TRUNCATED || rc == MQ_E_BAD_DATA || rc == MQ_E_TOO_DEEP ||
                   rc == MQ_A1_E_BAD_CODE || rc == MQ_A1_E_BAD_COUNT || rc == MQ_A1_E_BAD_SIZE ||
                   rc == MQ_A1_E_BAD_DESCRIPTOR);
        return 0;
    }
    FUZZ_CHECK((long)count == n);
    mq_wbuf_init(&w);
    mq_wbuf_init(&w2);
    FUZZ_CHECK(copy_all(data, size, &w) == 0);
    FUZZ_CHECK(mq_a1_validate(w.data, w.len, NULL) == 0);
    mq_a1_cursor_init(&c, data, size);
    mq_a1_cursor_init(&c2, w.data, w.len);
    FUZZ_CHECK(same_values(&c, &c2));
    FUZZ_CHECK(copy_all(w.data, w.len, &w2) == 0);
    FUZZ_CHECK(w2.len == w.len && (w.len == 0 || memcmp(w.data, w2.data, w.len) == 0));
    mq_wbuf_free(&w);
    mq_wbuf_free(&w2);
    return 0;
}

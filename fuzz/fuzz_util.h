/* SPDX-License-Identifier: MIT */
/*
 * Helpers shared by the libFuzzer targets: value-by-value comparison of
 * decoded methods, properties and field tables (so a re-encode round trip
 * can be checked for "decodes to the same thing"), and a trap that makes
 * libFuzzer record a crash.
 */
#ifndef MQ_FUZZ_UTIL_H
#define MQ_FUZZ_UTIL_H

#include <string.h>

#include "mq_codec.h"
#include "mq_table.h"

#include "fuzz_check.h"

static inline bool fz_bytes_eq(mq_bytes a, mq_bytes b)
{
    return a.len == b.len && (a.len == 0 || memcmp(a.ptr, b.ptr, a.len) == 0);
}

static bool fz_container_eq(mq_bytes a, mq_bytes b, bool is_table, int depth);

/* Two decoded field values are equal (floats by bit pattern). */
static inline bool fz_field_eq(const mq_field *x, const mq_field *y, int depth)
{
    if (x->kind != y->kind)
        return false;
    switch (x->kind) {
    case 't': return x->v.b == y->v.b;
    case 'b': case 's': case 'I': case 'l': return x->v.i == y->v.i;
    case 'B': case 'u': case 'i': case 'L': case 'T': return x->v.u == y->v.u;
    case 'f': return memcmp(&x->v.f, &y->v.f, sizeof x->v.f) == 0;
    case 'd': return memcmp(&x->v.d, &y->v.d, sizeof x->v.d) == 0;
    case 'D': return x->v.dec.scale == y->v.dec.scale && x->v.dec.value == y->v.dec.value;
    case 'S': case 'x': return fz_bytes_eq(x->v.bytes, y->v.bytes);
    case 'F': return fz_container_eq(x->v.bytes, y->v.bytes, true, depth + 1);
    case 'A': return fz_container_eq(x->v.bytes, y->v.bytes, false, depth + 1);
    case 'V': return true;
    default: return false;
    }
}

/* Walks two (validated) tables/arrays in step. */
static bool fz_container_eq(mq_bytes a, mq_bytes b, bool is_table, int depth)
{
    mq_table_iter ia, ib;
    mq_bytes ka, kb;
    mq_field fa, fb;
    int ra, rb;
    if (depth > MQ_TABLE_MAX_DEPTH + 1)
        return false;
    mq_table_iter_init(&ia, a.ptr, a.len);
    mq_table_iter_init(&ib, b.ptr, b.len);
    for (;;) {
        ra = is_table ? mq_table_next(&ia, &ka, &fa) : mq_array_next(&ia, &fa);
        rb = is_table ? mq_table_next(&ib, &kb, &fb) : mq_array_next(&ib, &fb);
        if (ra != rb)
            return false;
        if (ra != 1)
            return ra == 0;
        if (is_table && !fz_bytes_eq(ka, kb))
            return false;
        if (!fz_field_eq(&fa, &fb, depth))
            return false;
    }
}

/* Fields described by metadata are equal in two structs. */
static inline bool fz_args_eq(const mq_field_info *fi, int n, const void *x, const void *y)
{
    int i;
    for (i = 0; i < n; i++) {
        const char *a = (const char *)x + fi[i].offset, *b = (const char *)y + fi[i].offset;
        bool eq;
        switch (fi[i].type) {
        case MQ_T_OCTET: eq = *(const uint8_t *)a == *(const uint8_t *)b; break;
        case MQ_T_SHORT: eq = *(const uint16_t *)a == *(const uint16_t *)b; break;
        case MQ_T_LONG: eq = *(const uint32_t *)a == *(const uint32_t *)b; break;
        case MQ_T_LONGLONG:
        case MQ_T_TIMESTAMP: eq = *(const uint64_t *)a == *(const uint64_t *)b; break;
        case MQ_T_BIT: eq = *(const bool *)a == *(const bool *)b; break;
        case MQ_T_TABLE: eq = fz_container_eq(*(const mq_bytes *)a, *(const mq_bytes *)b, true, 0); break;
        default: eq = fz_bytes_eq(*(const mq_bytes *)a, *(const mq_bytes *)b); break;
        }
        if (!eq)
            return false;
    }
    return true;
}

/* Present basic properties are equal. */
static inline bool fz_props_eq(const mq_basic_properties_t *x, const mq_basic_properties_t *y)
{
    int i;
    if (x->flags != y->flags)
        return false;
    for (i = 0; i < MQ_BASIC_PROPERTY_COUNT; i++)
        if ((x->flags & mq_spec_basic_properties[i].flag) &&
            !fz_args_eq(&mq_spec_basic_properties[i], 1, x, y))
            return false;
    return true;
}

#endif

/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of the protocol codec: round trip of every method (driven by
 * the generated metadata table, fields filled with non-trivial values),
 * hand-checked byte layouts of a few methods, field tables with every type
 * and edge values, length and depth limits, content headers with every
 * subset of properties, every truncation point of method frames, header
 * frames and tables, and the frame parser.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mq_codec.h"
#include "mq_table.h"
#include "tap.h"

/* ---- helpers ----------------------------------------------------------- */

/* xorshift64*: a deterministic PRNG for test values. */
static uint64_t rnd_next(uint64_t *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * 2685821657736338717ull;
}

/* Bump allocator for the strings a filled struct points at. */
typedef struct arena {
    char *buf;  /* storage */
    size_t len; /* used */
    size_t cap; /* allocated */
} arena;

static char *arena_take(arena *a, size_t n)
{
    char *p;
    if (n > a->cap - a->len)
        return NULL;
    p = a->buf + a->len;
    a->len += n;
    return p;
}

static mq_bytes rnd_bytes(arena *a, uint64_t *s, size_t n)
{
    char *p = arena_take(a, n);
    size_t i;
    if (!p)
        return mq_bytes_of(NULL, 0);
    for (i = 0; i < n; i++)
        p[i] = (char)(i % 7 == 3 ? 0 : rnd_next(s)); /* NUL bytes included */
    return mq_bytes_of(p, n);
}

static bool bytes_eq(mq_bytes a, mq_bytes b)
{
    return a.len == b.len && (a.len == 0 || memcmp(a.ptr, b.ptr, a.len) == 0);
}

/* A table with a few types, used to fill table arguments. */
static void build_small_table(mq_wbuf *w, uint64_t seed)
{
    size_t m, n;
    mq_table_open(w, &m);
    mq_table_key(w, "x-max-length", 12);
    mq_field_i64(w, (int64_t)seed);
    mq_table_key(w, "nul\0key", 7);
    mq_field_longstr(w, "a\0b", 3);
    mq_table_key(w, "nested", 6);
    mq_field_table_open(w, &n);
    mq_table_key(w, "t", 1);
    mq_field_bool(w, true);
    mq_table_close(w, n);
    mq_table_close(w, m);
}

/* Fills every argument of method mi in args with values from seed;
 * variant 0: maximal strings, all bits set; 1: empty strings, no bits;
 * others: random. */
static void fill_method(const mq_method_info *mi, void *args, arena *a, const mq_wbuf *table,
                        uint64_t seed, int variant)
{
    uint64_t s = seed * 0x9E3779B97F4A7C15ull + 1;
    int i;
    memset(args, 0, mi->size);
    for (i = 0; i < mi->nfields; i++) {
        char *f = (char *)args + mi->fields[i].offset;
        uint64_t r = rnd_next(&s);
        switch (mi->fields[i].type) {
        case MQ_T_OCTET: *(uint8_t *)f = (uint8_t)r; break;
        case MQ_T_SHORT: *(uint16_t *)f = (uint16_t)r; break;
        case MQ_T_LONG: *(uint32_t *)f = (uint32_t)r; break;
        case MQ_T_LONGLONG:
        case MQ_T_TIMESTAMP: *(uint64_t *)f = variant == 0 ? UINT64_MAX : r; break;
        case MQ_T_BIT: *(bool *)f = variant == 0 ? true : variant == 1 ? false : (r & 1); break;
        case MQ_T_SHORTSTR:
            *(mq_bytes *)f = rnd_bytes(a, &s, variant == 0 ? 255 : variant == 1 ? 0 : r % 256);
            break;
        case MQ_T_LONGSTR:
            *(mq_bytes *)f = rnd_bytes(a, &s, variant == 0 ? 70000 : variant == 1 ? 0 : r % 300);
            break;
        case MQ_T_TABLE:
            /* table content: skip the u32 length of the prebuilt table */
            *(mq_bytes *)f = variant == 1 ? mq_bytes_of(NULL, 0)
                                          : mq_bytes_of((const char *)table->data + 4, table->len - 4);
            break;
        }
    }
}

/* Compares every argument; names the first difference in *what. */
static bool same_args(const mq_field_info *fi, int nf, const void *x, const void *y,
                      const char **what)
{
    int i;
    for (i = 0; i < nf; i++) {
        const char *a = (const char *)x + fi[i].offset, *b = (const char *)y + fi[i].offset;
        bool eq = true;
        switch (fi[i].type) {
        case MQ_T_OCTET: eq = *(const uint8_t *)a == *(const uint8_t *)b; break;
        case MQ_T_SHORT: eq = *(const uint16_t *)a == *(const uint16_t *)b; break;
        case MQ_T_LONG: eq = *(const uint32_t *)a == *(const uint32_t *)b; break;
        case MQ_T_LONGLONG:
        case MQ_T_TIMESTAMP: eq = *(const uint64_t *)a == *(const uint64_t *)b; break;
        case MQ_T_BIT: eq = *(const bool *)a == *(const bool *)b; break;
        default: eq = bytes_eq(*(const mq_bytes *)a, *(const mq_bytes *)b); break;
        }
        if (!eq) {
            *what = fi[i].name;
            return false;
        }
    }
    *what = "";
    return true;
}

/* ---- every method: round trip and truncation ---------------------------- */

static void test_methods(void)
{
    arena a;
    mq_wbuf w, tbl;
    union mq_method_args in, out;
    int i, variant;
    int rt_ok = 0, trunc_ok = 0, frame_ok = 0;

    a.cap = 1u << 20;
    a.buf = malloc(a.cap);
    mq_wbuf_init(&w);
    mq_wbuf_init(&tbl);
    build_small_table(&tbl, 42);
    for (i = 0; i < MQ_SPEC_METHOD_COUNT; i++) {
        const mq_method_info *mi = &mq_spec_methods[i];
        bool all_rt = true, all_tr = true, all_fr = true;
        for (variant = 0; variant < 6; variant++) {
            const char *what = "";
            uint32_t id = 0;
            size_t k, used = 0;
            mq_frame fr;
            int rc;

            a.len = 0;
            fill_method(mi, &in, &a, &tbl, mi->id + (uint64_t)variant * 7919, variant);
            mq_wbuf_reset(&w);
            rc = mq_method_encode(&w, mi->id, &in);
            memset(&out, 0xA5, sizeof out);
            if (rc != MQ_OK || mq_method_decode(w.data, w.len, &id, &out) != MQ_OK || id != mi->id ||
                !same_args(mi->fields, mi->nfields, &in, &out, &what)) {
                tap_diag("%s variant %d: rc %d, field '%s'", mi->name, variant, rc, what);
                all_rt = false;
                continue;
            }
            /* every proper prefix of the payload is an error, never success
             * (variant 0 with its 70000-byte strings is skipped: O(n^2)) */
            for (k = 0; variant != 0 && k < w.len; k++) {
                union mq_method_args t;
                /* a copy so that ASan sees reads past the prefix */
                uint8_t *cp = malloc(k ? k : 1);
                memcpy(cp, w.data, k);
                rc = mq_method_decode(k ? cp : NULL, k, &id, &t);
                free(cp);
                if (rc >= 0) {
                    tap_diag("%s: prefix %zu of %zu decoded (rc %d)", mi->name, k, w.len, rc);
                    all_tr = false;
                    break;
                }
            }
            /* the same through a frame */
            mq_wbuf_reset(&w);
            if (mq_method_frame(&w, 7, mi->id, &in) != MQ_OK ||
                mq_frame_parse(w.data, w.len, 0, &fr, &used) != 1 || used != w.len ||
                fr.type != MQ_FRAME_METHOD || fr.channel != 7 ||
                mq_method_decode(fr.payload, fr.size, &id, &out) != MQ_OK ||
                !same_args(mi->fields, mi->nfields, &in, &out, &what)) {
                all_fr = false;
                continue;
            }
            for (k = 0; k < w.len; k++)
                if (mq_frame_parse(w.data, k, 0, &fr, &used) != 0) {
                    all_fr = false;
                    break;
                }
        }
        rt_ok += TAP_OK(all_rt, "round trip %s (%d fields, 6 variants)", mi->name, mi->nfields);
        trunc_ok += all_tr;
        frame_ok += all_fr;
        TAP_OK(strcmp(mq_method_name(mi->id), mi->name) == 0, "name of %s", mi->name);
    }
    TAP_EQ_INT(trunc_ok, MQ_SPEC_METHOD_COUNT, "every truncation of every method is an error");
    TAP_EQ_INT(frame_ok, MQ_SPEC_METHOD_COUNT, "every method through a frame, prefixes need more");
    TAP_EQ_INT(rt_ok, MQ_SPEC_METHOD_COUNT, "all methods round trip");
    TAP_OK(MQ_SPEC_METHOD_COUNT >= 53, "method count %d", MQ_SPEC_METHOD_COUNT);
    TAP_OK(mq_method_encode(&w, 0x00FF0001u, &in) == MQ_E_UNKNOWN_METHOD, "encode unknown id");
    {
        static const uint8_t unk[4] = {0, 0xFF, 0, 1};
        uint32_t id;
        TAP_OK(mq_method_decode(unk, 4, &id, &out) == MQ_E_UNKNOWN_METHOD, "decode unknown id");
        TAP_OK(mq_method_name(0x00FF0001u) == NULL, "no name for unknown id");
    }
    mq_wbuf_free(&w);
    mq_wbuf_free(&tbl);
    free(a.buf);
}

/* ---- byte layouts checked by hand ------------------------------------- */

static void test_layouts(void)
{
    mq_wbuf w;
    mq_wbuf_init(&w);
    {
        mq_basic_publish_t m;
        static const uint8_t want[] = {0, 60, 0, 40, 0, 0, 2, 'e', 'x', 3, 'r', '\0', 'k', 3};
        memset(&m, 0, sizeof m);
        m.exchange = mq_cstr("ex");
        m.routing_key = mq_bytes_of("r\0k", 3);
        m.mandatory = true;
        m.immediate = true;
        TAP_OK(mq_encode_basic_publish(&w, &m) == MQ_OK && w.len == sizeof want &&
                   memcmp(w.data, want, sizeof want) == 0,
               "basic.publish bytes");
    }
    {
        mq_basic_nack_t m = {0x0102030405060708ull, false, true};
        static const uint8_t want[] = {0, 60, 0, 120, 1, 2, 3, 4, 5, 6, 7, 8, 2};
        mq_wbuf_reset(&w);
        TAP_OK(mq_encode_basic_nack(&w, &m) == MQ_OK && w.len == sizeof want &&
                   memcmp(w.data, want, sizeof want) == 0,
               "basic.nack bytes (requeue is bit 1)");
    }
    {
        mq_queue_declare_t m;
        memset(&m, 0, sizeof m);
        m.reserved_1 = 0x1234;
        m.queue = mq_cstr("q");
        m.durable = true;
        m.auto_delete = true;
        m.no_wait = true;
        mq_wbuf_reset(&w);
        TAP_OK(mq_encode_queue_declare(&w, &m) == MQ_OK && w.len == 4 + 2 + 2 + 1 + 4 &&
                   w.data[4] == 0x12 && w.data[5] == 0x34 && w.data[8] == (2 | 8 | 16) &&
                   mq_get32(w.data + 9) == 0,
               "queue.declare bits pack into one octet (durable|auto-delete|no-wait = 0x1a)");
    }
    {
        mq_connection_tune_t m = {0xFFFF, 131072, 60};
        static const uint8_t want[] = {0, 10, 0, 30, 0xFF, 0xFF, 0, 2, 0, 0, 0, 60};
        mq_wbuf_reset(&w);
        TAP_OK(mq_encode_connection_tune(&w, &m) == MQ_OK && w.len == sizeof want &&
                   memcmp(w.data, want, sizeof want) == 0,
               "connection.tune bytes");
    }
    {
        mq_connection_blocked_t b = {mq_cstr("low on memory")};
        mq_connection_update_secret_t u = {mq_bytes_of("s\0ecret", 7), mq_cstr("refresh")};
        uint32_t id;
        union mq_method_args out;
        mq_wbuf_reset(&w);
        TAP_OK(mq_encode_connection_blocked(&w, &b) == MQ_OK && w.data[3] == 60 &&
                   mq_method_decode(w.data, w.len, &id, &out) == MQ_OK && id == MQ_CONNECTION_BLOCKED,
               "connection.blocked (10, 60)");
        mq_wbuf_reset(&w);
        TAP_OK(mq_encode_connection_update_secret(&w, &u) == MQ_OK && w.data[3] == 70 &&
                   mq_get32(w.data + 4) == 7 && w.data[15] == 7,
               "connection.update-secret (10, 70): longstr then shortstr");
        TAP_OK(MQ_CONNECTION_UNBLOCKED == 0x000A003Du && MQ_CONNECTION_UPDATE_SECRET_OK == 0x000A0047u &&
                   MQ_BASIC_PUBLISH == 0x003C0028u && MQ_ACCESS_REQUEST == 0x001E000Au,
               "method id constants");
    }
    TAP_OK(mq_method_has_content(MQ_BASIC_PUBLISH) && mq_method_has_content(MQ_BASIC_DELIVER) &&
               mq_method_has_content(MQ_BASIC_GET_OK) && mq_method_has_content(MQ_BASIC_RETURN) &&
               !mq_method_has_content(MQ_BASIC_ACK) && !mq_method_has_content(MQ_BASIC_GET_EMPTY),
           "has-content flags");
    {
        char big[256];
        mq_basic_publish_t m;
        mq_basic_properties_t p;
        memset(big, 'k', sizeof big);
        memset(&m, 0, sizeof m);
        m.routing_key = mq_bytes_of(big, 256);
        mq_wbuf_reset(&w);
        TAP_OK(mq_encode_basic_publish(&w, &m) == MQ_E_TOO_LONG && w.len == 0,
               "shortstr of 256 bytes -> MQ_E_TOO_LONG, nothing appended");
        m.routing_key = mq_bytes_of(big, 255);
        TAP_OK(mq_encode_basic_publish(&w, &m) == MQ_OK && w.data[7] == 255, "shortstr of 255 bytes ok");
        memset(&p, 0, sizeof p);
        p.flags = MQ_BASIC_APP_ID_FLAG;
        p.app_id = mq_bytes_of(big, 256);
        mq_wbuf_reset(&w);
        TAP_OK(mq_header_encode(&w, 60, 1, &p) == MQ_E_TOO_LONG && w.len == 0,
               "property shortstr of 256 bytes -> MQ_E_TOO_LONG");
        TAP_OK(mq_method_frame(&w, 1, MQ_BASIC_PUBLISH, &(mq_basic_publish_t){0, {big, 256}, {0, 0}, 0, 0}) ==
                       MQ_E_TOO_LONG && w.len == 0,
               "mq_method_frame rolls back on error");
        TAP_OK(mq_table_key(&w, big, 256) == MQ_E_TOO_LONG && w.len == 0, "table key of 256 bytes");
    }
    mq_wbuf_free(&w);
}

/* ---- field tables ------------------------------------------------------ */

#define BIG_LEN (1u << 20)

/* Writes a table with every type; returns the writer's rc. */
static int write_all_types(mq_wbuf *w, const char *big, const char *key255)
{
    size_t t, n, arr;
    int rc = 0;
    mq_field L;
    rc |= mq_table_open(w, &t);
    rc |= mq_table_key(w, "", 0);
    rc |= mq_field_bool(w, true);
    rc |= mq_table_key(w, key255, 255);
    rc |= mq_field_bool(w, false);
    rc |= mq_table_key(w, "b", 1), rc |= mq_field_i8(w, INT8_MIN);
    rc |= mq_table_key(w, "B", 1), rc |= mq_field_u8(w, UINT8_MAX);
    rc |= mq_table_key(w, "s", 1), rc |= mq_field_i16(w, INT16_MIN);
    rc |= mq_table_key(w, "u", 1), rc |= mq_field_u16(w, UINT16_MAX);
    rc |= mq_table_key(w, "I", 1), rc |= mq_field_i32(w, INT32_MIN);
    rc |= mq_table_key(w, "i", 1), rc |= mq_field_u32(w, UINT32_MAX);
    rc |= mq_table_key(w, "lmin", 4), rc |= mq_field_i64(w, INT64_MIN);
    rc |= mq_table_key(w, "lmax", 4), rc |= mq_field_i64(w, INT64_MAX);
    L.kind = 'L';
    L.v.u = UINT64_MAX;
    rc |= mq_table_key(w, "L", 1), rc |= mq_field_copy(w, &L);
    rc |= mq_table_key(w, "fnan", 4), rc |= mq_field_float(w, NAN);
    rc |= mq_table_key(w, "finf", 4), rc |= mq_field_float(w, INFINITY);
    rc |= mq_table_key(w, "fninf", 5), rc |= mq_field_float(w, -INFINITY);
    rc |= mq_table_key(w, "dnan", 4), rc |= mq_field_double(w, NAN);
    rc |= mq_table_key(w, "dinf", 4), rc |= mq_field_double(w, INFINITY);
    rc |= mq_table_key(w, "dninf", 5), rc |= mq_field_double(w, -INFINITY);
    rc |= mq_table_key(w, "d", 1), rc |= mq_field_double(w, -1.5e300);
    rc |= mq_table_key(w, "D", 1), rc |= mq_field_decimal(w, 255, UINT32_MAX);
    rc |= mq_table_key(w, "Sempty", 6), rc |= mq_field_longstr(w, "", 0);
    rc |= mq_table_key(w, "Snul", 4), rc |= mq_field_longstr(w, "a\0\0b", 4);
    rc |= mq_table_key(w, "Sbig", 4), rc |= mq_field_longstr(w, big, BIG_LEN);
    rc |= mq_table_key(w, "x", 1), rc |= mq_field_bytes(w, "\0\xff\0", 3);
    rc |= mq_table_key(w, "T", 1), rc |= mq_field_timestamp(w, UINT64_MAX);
    rc |= mq_table_key(w, "V", 1), rc |= mq_field_void(w);
    rc |= mq_table_key(w, "k\0ey", 4), rc |= mq_field_i64(w, -1);
    rc |= mq_table_key(w, "F", 1), rc |= mq_field_table_open(w, &n);
    rc |= mq_table_key(w, "inner", 5), rc |= mq_field_array_open(w, &arr);
    rc |= mq_field_i8(w, -1), rc |= mq_field_longstr(w, "\0", 1), rc |= mq_field_void(w);
    rc |= mq_field_float(w, -INFINITY), rc |= mq_field_decimal(w, 2, 12345);
    {
        size_t e;
        rc |= mq_field_table_open(w, &e); /* empty table inside the array */
        rc |= mq_table_close(w, e);
        rc |= mq_field_array_open(w, &e); /* empty array inside the array */
        rc |= mq_array_close(w, e);
    }
    rc |= mq_array_close(w, arr);
    rc |= mq_table_close(w, n);
    rc |= mq_table_key(w, "Aempty", 6), rc |= mq_field_array_open(w, &n);
    rc |= mq_array_close(w, n);
    rc |= mq_table_close(w, t);
    return rc;
}

/* Copies a table entry by entry with mq_field_copy (checks the reader and
 * the copier agree with the writer byte for byte). */
static int copy_table(mq_wbuf *dst, const uint8_t *content, size_t len)
{
    mq_table_iter it;
    mq_bytes k;
    mq_field f;
    size_t m;
    int rc;
    mq_table_open(dst, &m);
    mq_table_iter_init(&it, content, len);
    while ((rc = mq_table_next(&it, &k, &f)) == 1) {
        mq_table_key(dst, k.ptr, k.len);
        mq_field_copy(dst, &f);
    }
    mq_table_close(dst, m);
    return rc;
}

static void test_tables(void)
{
    mq_wbuf w, c;
    char *big = malloc(BIG_LEN);
    char key255[255];
    mq_table_iter it, ai;
    mq_bytes k;
    mq_field f, g;
    size_t i;
    int rc, n = 0, good = 0;
    uint32_t u32;
    uint64_t u64;

    for (i = 0; i < BIG_LEN; i++)
        big[i] = (char)(i * 31);
    memset(key255, 'K', sizeof key255);
    key255[100] = '\0';
    mq_wbuf_init(&w);
    mq_wbuf_init(&c);
    TAP_OK(write_all_types(&w, big, key255) == 0, "write a table with every type");
    TAP_OK(mq_get32(w.data) == w.len - 4, "table length prefix patched");
    TAP_OK(mq_table_validate(w.data + 4, w.len - 4, MQ_TABLE_MAX_DEPTH) == 0, "table validates");
    mq_table_iter_init(&it, w.data + 4, w.len - 4);
    while ((rc = mq_table_next(&it, &k, &f)) == 1) {
        bool ok = false;
        n++;
#define KEY(s) (k.len == sizeof(s) - 1 && memcmp(k.ptr, s, k.len) == 0)
        if (k.len == 0)
            ok = f.kind == 't' && f.v.b;
        else if (k.len == 255)
            ok = f.kind == 't' && !f.v.b && memcmp(k.ptr, key255, 255) == 0;
        else if (KEY("b")) ok = f.kind == 'b' && f.v.i == INT8_MIN;
        else if (KEY("B")) ok = f.kind == 'B' && f.v.u == UINT8_MAX;
        else if (KEY("s")) ok = f.kind == 's' && f.v.i == INT16_MIN;
        else if (KEY("u")) ok = f.kind == 'u' && f.v.u == UINT16_MAX;
        else if (KEY("I")) ok = f.kind == 'I' && f.v.i == INT32_MIN;
        else if (KEY("i")) ok = f.kind == 'i' && f.v.u == UINT32_MAX;
        else if (KEY("lmin")) ok = f.kind == 'l' && f.v.i == INT64_MIN;
        else if (KEY("lmax")) ok = f.kind == 'l' && f.v.i == INT64_MAX;
        else if (KEY("L")) ok = f.kind == 'L' && f.v.u == UINT64_MAX;
        else if (KEY("fnan")) ok = f.kind == 'f' && isnan(f.v.f);
        else if (KEY("finf")) ok = f.kind == 'f' && isinf(f.v.f) && f.v.f > 0;
        else if (KEY("fninf")) ok = f.kind == 'f' && isinf(f.v.f) && f.v.f < 0;
        else if (KEY("dnan")) ok = f.kind == 'd' && isnan(f.v.d);
        else if (KEY("dinf")) ok = f.kind == 'd' && isinf(f.v.d) && f.v.d > 0;
        else if (KEY("dninf")) ok = f.kind == 'd' && isinf(f.v.d) && f.v.d < 0;
        else if (KEY("d")) ok = f.kind == 'd' && f.v.d == -1.5e300;
        else if (KEY("D")) ok = f.kind == 'D' && f.v.dec.scale == 255 && f.v.dec.value == UINT32_MAX;
        else if (KEY("Sempty")) ok = f.kind == 'S' && f.v.bytes.len == 0;
        else if (KEY("Snul")) ok = f.kind == 'S' && bytes_eq(f.v.bytes, mq_bytes_of("a\0\0b", 4));
        else if (KEY("Sbig")) ok = f.kind == 'S' && bytes_eq(f.v.bytes, mq_bytes_of(big, BIG_LEN));
        else if (KEY("x")) ok = f.kind == 'x' && bytes_eq(f.v.bytes, mq_bytes_of("\0\xff\0", 3));
        else if (KEY("T")) ok = f.kind == 'T' && f.v.u == UINT64_MAX;
        else if (KEY("V")) ok = f.kind == 'V';
        else if (KEY("k\0ey")) ok = f.kind == 'l' && f.v.i == -1;
        else if (KEY("Aempty")) ok = f.kind == 'A' && f.v.bytes.len == 0;
        else if (KEY("F")) {
            mq_table_iter nt;
            mq_bytes k2;
            int items = 0;
            mq_table_iter_init(&nt, f.v.bytes.ptr, f.v.bytes.len);
            ok = f.kind == 'F' && mq_table_next(&nt, &k2, &g) == 1 && g.kind == 'A' &&
                 k2.len == 5 && mq_table_next(&nt, &k2, &f) == 0;
            mq_array_iter_init(&ai, g.v.bytes.ptr, g.v.bytes.len);
            while (ok && mq_array_next(&ai, &f) == 1) {
                switch (items++) {
                case 0: ok = f.kind == 'b' && f.v.i == -1; break;
                case 1: ok = f.kind == 'S' && f.v.bytes.len == 1 && f.v.bytes.ptr[0] == 0; break;
                case 2: ok = f.kind == 'V'; break;
                case 3: ok = f.kind == 'f' && isinf(f.v.f) && f.v.f < 0; break;
                case 4: ok = f.kind == 'D' && f.v.dec.scale == 2 && f.v.dec.value == 12345; break;
                case 5: ok = f.kind == 'F' && f.v.bytes.len == 0; break;
                case 6: ok = f.kind == 'A' && f.v.bytes.len == 0; break;
                default: ok = false;
                }
            }
            ok = ok && items == 7;
        }
#undef KEY
        if (!ok)
            tap_diag("entry '%.*s' kind %c wrong", (int)(k.len > 20 ? 20 : k.len), k.ptr, f.kind);
        good += ok;
    }
    TAP_OK(rc == 0, "iteration ends cleanly");
    TAP_OK(n == 28 && good == n, "every entry reads back (%d of %d)", good, n);
    /* NaN bit patterns survive */
    {
        mq_wbuf x;
        float fn = NAN;
        mq_wbuf_init(&x);
        mq_field_float(&x, fn);
        memcpy(&u32, &fn, 4);
        TAP_OK(mq_get32(x.data + 1) == u32, "float NaN bits kept");
        mq_wbuf_reset(&x);
        mq_field_double(&x, -INFINITY);
        TAP_OK(mq_get64(x.data + 1) == 0xFFF0000000000000ull, "double -Inf bits");
        mq_wbuf_free(&x);
        (void)u64;
    }
    TAP_OK(copy_table(&c, w.data + 4, w.len - 4) == 0 && c.len == w.len && memcmp(c.data, w.data, w.len) == 0,
           "mq_field_copy reproduces the table byte for byte");

    /* truncation: the content cut anywhere is an error unless the cut is an
     * entry boundary; checked on a small table (the big one is O(n^2)) */
    {
        mq_wbuf s;
        size_t bounds[64], nb = 0, m, cut;
        bool all = true;
        mq_wbuf_init(&s);
        mq_table_open(&s, &m);
        bounds[nb++] = s.len;
#define ENTRY(stmt) do { stmt; bounds[nb++] = s.len; } while (0)
        ENTRY((mq_table_key(&s, "a", 1), mq_field_i8(&s, 1)));
        ENTRY((mq_table_key(&s, "", 0), mq_field_longstr(&s, "xyz\0", 4)));
        ENTRY((mq_table_key(&s, "d", 1), mq_field_decimal(&s, 1, 2)));
        ENTRY((mq_table_key(&s, "dd", 2), mq_field_double(&s, 1.0)));
        ENTRY((mq_table_key(&s, "t", 1), mq_field_timestamp(&s, 5)));
        ENTRY((mq_table_key(&s, "v", 1), mq_field_void(&s)));
        {
            size_t n1, a1;
            mq_table_key(&s, "nest", 4);
            mq_field_table_open(&s, &n1);
            mq_table_key(&s, "arr", 3);
            mq_field_array_open(&s, &a1);
            mq_field_u16(&s, 7);
            mq_field_bytes(&s, "\0", 1);
            mq_array_close(&s, a1);
            mq_table_close(&s, n1);
            bounds[nb++] = s.len;
        }
        ENTRY((mq_table_key(&s, "f", 1), mq_field_float(&s, 2.5f)));
#undef ENTRY
        mq_table_close(&s, m);
        for (cut = 4; cut < s.len; cut++) {
            size_t b;
            bool boundary = false;
            uint8_t *cp = malloc(cut - 4 + 1);
            for (b = 0; b < nb; b++)
                boundary |= bounds[b] == cut;
            memcpy(cp, s.data + 4, cut - 4);
            rc = mq_table_validate(cp, cut - 4, MQ_TABLE_MAX_DEPTH);
            free(cp);
            if ((rc == 0) != boundary) {
                tap_diag("cut at %zu: rc %d, boundary %d", cut, rc, boundary);
                all = false;
            }
        }
        TAP_OK(all, "every cut of a table is an error except at entry boundaries");
        mq_wbuf_free(&s);
    }
    /* malformed values */
    {
        static const uint8_t badtype[] = {1, 'k', 'Z'};
        static const uint8_t badlen[] = {1, 'k', 'S', 0xFF, 0xFF, 0xFF, 0xFF, 'a'};
        static const uint8_t badkey[] = {5, 'k'};
        static const uint8_t nested_bad[] = {1, 'k', 'F', 0, 0, 0, 3, 1, 'x', 'Q'};
        TAP_OK(mq_table_validate(badtype, sizeof badtype, 8) == MQ_E_BAD_DATA, "unknown type -> BAD_DATA");
        TAP_OK(mq_table_validate(badlen, sizeof badlen, 8) == MQ_E_TRUNCATED, "huge string length -> TRUNCATED");
        TAP_OK(mq_table_validate(badkey, sizeof badkey, 8) == MQ_E_TRUNCATED, "key past the end -> TRUNCATED");
        TAP_OK(mq_table_validate(nested_bad, sizeof nested_bad, 8) == MQ_E_BAD_DATA, "bad type in a nested table");
        TAP_OK(mq_table_validate(NULL, 0, 8) == 0, "empty table (NULL, 0) is valid");
    }
    mq_wbuf_free(&w);
    mq_wbuf_free(&c);
    free(big);
}

/* Builds depth nested levels (alternating tables and arrays) below the top. */
static void build_deep(mq_wbuf *w, int depth)
{
    size_t marks[MQ_TABLE_MAX_DEPTH + 8], top;
    int i;
    mq_table_open(w, &top);
    mq_table_key(w, "n", 1);
    for (i = 0; i < depth; i++) {
        bool parent_is_array = i > 0 && (i - 1) % 2 == 1;
        if (!parent_is_array && i > 0)
            mq_table_key(w, "n", 1);
        if (i % 2 == 0)
            mq_field_table_open(w, &marks[i]);
        else
            mq_field_array_open(w, &marks[i]);
    }
    if (depth == 0)
        mq_field_void(w);
    for (i = depth - 1; i >= 0; i--)
        mq_table_close(w, marks[i]);
    mq_table_close(w, top);
}

static void test_depth(void)
{
    mq_wbuf w, m;
    mq_queue_declare_t q;
    union mq_method_args out;
    uint32_t id;

    mq_wbuf_init(&w);
    mq_wbuf_init(&m);
    build_deep(&w, MQ_TABLE_MAX_DEPTH);
    TAP_OK(mq_table_validate(w.data + 4, w.len - 4, MQ_TABLE_MAX_DEPTH) == 0, "%d nested levels ok",
           MQ_TABLE_MAX_DEPTH);
    memset(&q, 0, sizeof q);
    q.arguments = mq_bytes_of((const char *)w.data + 4, w.len - 4);
    mq_encode_queue_declare(&m, &q);
    TAP_OK(mq_method_decode(m.data, m.len, &id, &out) == 0, "method with %d levels decodes",
           MQ_TABLE_MAX_DEPTH);
    mq_wbuf_reset(&w);
    build_deep(&w, MQ_TABLE_MAX_DEPTH + 1);
    TAP_OK(mq_table_validate(w.data + 4, w.len - 4, MQ_TABLE_MAX_DEPTH) == MQ_E_TOO_DEEP,
           "%d nested levels -> MQ_E_TOO_DEEP", MQ_TABLE_MAX_DEPTH + 1);
    q.arguments = mq_bytes_of((const char *)w.data + 4, w.len - 4);
    mq_wbuf_reset(&m);
    mq_encode_queue_declare(&m, &q);
    TAP_OK(mq_method_decode(m.data, m.len, &id, &out) == MQ_E_TOO_DEEP, "method with one level more -> TOO_DEEP");
    TAP_OK(mq_table_validate(w.data + 4, w.len - 4, MQ_TABLE_MAX_DEPTH + 1) == 0, "ok with a larger limit");
    mq_wbuf_reset(&w);
    build_deep(&w, 1);
    TAP_OK(mq_table_validate(w.data + 4, w.len - 4, 0) == MQ_E_TOO_DEEP, "max_depth 0 forbids nesting");
    mq_wbuf_free(&w);
    mq_wbuf_free(&m);
}

/* ---- content headers --------------------------------------------------- */

static void fill_props(mq_basic_properties_t *p, uint16_t flags, const mq_wbuf *tbl)
{
    memset(p, 0, sizeof *p);
    p->flags = flags;
    p->content_type = mq_cstr("application/json");
    p->content_encoding = mq_bytes_of("gz\0ip", 5);
    p->headers = mq_bytes_of((const char *)tbl->data + 4, tbl->len - 4);
    p->delivery_mode = 2;
    p->priority = 9;
    p->correlation_id = mq_cstr("corr");
    p->reply_to = mq_cstr("amq.rabbitmq.reply-to");
    p->expiration = mq_cstr("60000");
    p->message_id = mq_bytes_of("", 0);
    p->timestamp = 0x8000000000000001ull;
    p->type = mq_cstr("t");
    p->user_id = mq_cstr("guest");
    p->app_id = mq_cstr("app");
    p->cluster_id = mq_cstr("cluster");
}

static bool props_eq(const mq_basic_properties_t *a, const mq_basic_properties_t *b)
{
    int i;
    const char *what;
    if (a->flags != b->flags)
        return false;
    for (i = 0; i < MQ_BASIC_PROPERTY_COUNT; i++)
        if ((a->flags & mq_spec_basic_properties[i].flag) &&
            !same_args(&mq_spec_basic_properties[i], 1, a, b, &what))
            return false;
    return true;
}

static void test_headers(void)
{
    mq_wbuf w, tbl;
    mq_basic_properties_t in, out;
    uint16_t cls;
    uint64_t size;
    uint32_t subset;
    int bad_rt = 0, bad_trunc = 0;

    mq_wbuf_init(&w);
    mq_wbuf_init(&tbl);
    build_small_table(&tbl, 7);
    TAP_OK(MQ_BASIC_PROPERTY_COUNT == 14 && MQ_BASIC_CLUSTER_ID_FLAG == 4 && MQ_BASIC_CONTENT_TYPE_FLAG == 0x8000,
           "14 properties, bit 15 .. bit 2");
    /* all 14 properties */
    fill_props(&in, MQ_BASIC_ALL_FLAGS, &tbl);
    TAP_OK(mq_header_encode(&w, 60, 123456789012ull, &in) == 0 &&
               mq_header_decode(w.data, w.len, &cls, &size, &out) == 0 && cls == 60 &&
               size == 123456789012ull && props_eq(&in, &out),
           "header with all 14 properties");
    /* none */
    fill_props(&in, 0, &tbl);
    mq_wbuf_reset(&w);
    TAP_OK(mq_header_encode(&w, 60, 0, &in) == 0 && w.len == 14 &&
               mq_header_decode(w.data, w.len, &cls, &size, &out) == 0 && out.flags == 0,
           "header with no properties is 14 bytes");
    mq_wbuf_reset(&w);
    TAP_OK(mq_header_encode(&w, 60, 5, NULL) == 0 && w.len == 14, "NULL properties");
    /* every subset (2^14), and every truncation of a sample of them */
    for (subset = 0; subset < (1u << 14); subset++) {
        uint16_t flags = (uint16_t)(subset << 2);
        size_t k;
        fill_props(&in, flags, &tbl);
        mq_wbuf_reset(&w);
        if (mq_header_encode(&w, 60, subset, &in) != 0 ||
            mq_header_decode(w.data, w.len, &cls, &size, &out) != 0 || size != subset ||
            !props_eq(&in, &out)) {
            bad_rt++;
            continue;
        }
        if (subset % 97 != 0 && subset != 0x3FFF)
            continue;
        for (k = 0; k < w.len; k++) {
            uint8_t *cp = malloc(k + 1);
            memcpy(cp, w.data, k);
            if (mq_header_decode(cp, k, &cls, &size, &out) >= 0)
                bad_trunc++;
            free(cp);
        }
    }
    TAP_EQ_INT(bad_rt, 0, "all 16384 property subsets round trip");
    TAP_EQ_INT(bad_trunc, 0, "every truncation of header payloads is an error");
    /* continuation bit and unknown bit 1 */
    fill_props(&in, MQ_BASIC_ALL_FLAGS, &tbl);
    mq_wbuf_reset(&w);
    mq_header_encode(&w, 60, 1, &in);
    w.data[13] |= 1;
    TAP_OK(mq_header_decode(w.data, w.len, &cls, &size, &out) == MQ_E_BAD_DATA, "continuation bit -> BAD_DATA");
    w.data[13] = (uint8_t)((w.data[13] & ~1u) | 2u);
    TAP_OK(mq_header_decode(w.data, w.len, &cls, &size, &out) == MQ_E_BAD_DATA, "unknown flag bit 1 -> BAD_DATA");
    /* a non-basic class carries no properties */
    mq_wbuf_reset(&w);
    TAP_OK(mq_header_encode(&w, 90, 3, &in) == 0 && w.len == 14 && mq_get16(w.data + 12) == 0 &&
               mq_header_decode(w.data, w.len, &cls, &size, &out) == 0 && cls == 90 && out.flags == 0,
           "class 90 header: empty flags");
    w.data[12] = 0x80;
    TAP_OK(mq_header_decode(w.data, w.len, &cls, &size, &out) == MQ_E_BAD_DATA, "class 90 with flags -> BAD_DATA");
    /* a header frame's every prefix needs more */
    {
        size_t mark, used, k;
        mq_frame f;
        bool ok = true;
        mq_wbuf_reset(&w);
        mq_frame_begin(&w, MQ_FRAME_HEADER, 3, &mark);
        mq_header_encode(&w, 60, 99, &in);
        mq_frame_end(&w, mark);
        ok = mq_frame_parse(w.data, w.len, 0, &f, &used) == 1 && f.type == MQ_FRAME_HEADER &&
             f.channel == 3 && mq_header_decode(f.payload, f.size, &cls, &size, &out) == 0 && size == 99 &&
             props_eq(&in, &out);
        for (k = 0; ok && k < w.len; k++)
            ok = mq_frame_parse(w.data, k, 0, &f, &used) == 0 && used == (k < 7 ? 7 : w.len);
        TAP_OK(ok, "header frame round trip; every prefix asks for more");
    }
    mq_wbuf_free(&w);
    mq_wbuf_free(&tbl);
}

/* ---- frames ------------------------------------------------------------- */

static void test_frames(void)
{
    mq_wbuf w;
    mq_frame f;
    size_t used, mark, off;
    mq_basic_ack_t ack = {42, true};
    int rc, count;

    mq_wbuf_init(&w);
    TAP_OK(mq_frame_heartbeat(&w) == 0 && w.len == 8 && w.data[0] == 8 && w.data[7] == 0xCE,
           "heartbeat frame");
    mq_method_frame(&w, 5, MQ_BASIC_ACK, &ack);
    mq_frame_begin(&w, MQ_FRAME_BODY, 5, &mark);
    mq_wbuf_reserve(&w, 3);
    memcpy(w.data + w.len, "abc", 3);
    w.len += 3;
    mq_frame_end(&w, mark);
    for (off = 0, count = 0; (rc = mq_frame_parse(w.data + off, w.len - off, 4096, &f, &used)) == 1;
         off += used)
        count++;
    TAP_OK(rc == 0 && count == 3 && off == w.len && used == 7, "three frames in one buffer");
    TAP_OK(mq_frame_parse(w.data + 8, w.len - 8, 0, &f, &used) == 1 && f.type == 1 && f.channel == 5 &&
               f.size == 13 && used == 21,
           "method frame fields");
    /* bad end byte */
    w.data[7] = 0;
    TAP_OK(mq_frame_parse(w.data, w.len, 0, &f, &used) == MQ_E_FRAME, "bad end octet -> MQ_E_FRAME");
    w.data[7] = 0xCE;
    w.data[0] = 4;
    TAP_OK(mq_frame_parse(w.data, w.len, 0, &f, &used) == MQ_E_FRAME, "unknown frame type -> MQ_E_FRAME");
    w.data[0] = 'A'; /* "AMQP" protocol header from a confused peer */
    TAP_OK(mq_frame_parse(w.data, 7, 0, &f, &used) == MQ_E_FRAME, "type checked from the 7-byte header");
    w.data[0] = 8;
    /* size limits: 13-byte payload needs frame_max >= 21 */
    TAP_OK(mq_frame_parse(w.data + 8, w.len - 8, 21, &f, &used) == 1, "size == frame_max - 8 ok");
    TAP_OK(mq_frame_parse(w.data + 8, w.len - 8, 20, &f, &used) == MQ_E_FRAME, "size > frame_max - 8 -> MQ_E_FRAME");
    TAP_OK(mq_frame_parse(w.data + 8, 7, 20, &f, &used) == MQ_E_FRAME, "size checked before the payload arrives");
    {
        static const uint8_t huge[7] = {3, 0, 1, 0xFF, 0xFF, 0xFF, 0xFF};
        TAP_OK(mq_frame_parse(huge, 7, 0, &f, &used) == 0 && used == 0xFFFFFFFFull + 8,
               "no limit: 4 GiB frame reports the size it needs");
        TAP_OK(mq_frame_parse(huge, 7, 131072, &f, &used) == MQ_E_FRAME, "huge frame over frame_max");
    }
    /* partial input */
    TAP_OK(mq_frame_parse(w.data, 0, 0, &f, &used) == 0 && used == 7, "empty input: need 7");
    TAP_OK(mq_frame_parse(w.data, 6, 0, &f, &used) == 0 && used == 7, "6 bytes: need 7");
    TAP_OK(mq_frame_parse(w.data + 8, 20, 0, &f, &used) == 0 && used == 21, "20 of 21 bytes: need 21");
    /* begin/end marks */
    TAP_OK(mq_frame_end(&w, w.len) == MQ_E_INVALID, "frame_end with a bogus mark");
    mq_wbuf_free(&w);
}

/* ---- common ------------------------------------------------------------- */

static void test_common(void)
{
    mq_error e;
    mq_wbuf w;
    char big[600];
    int i;

    mq_error_clear(&e);
    TAP_OK(e.code == 0 && e.text[0] == 0, "error cleared");
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = 0;
    TAP_OK(mq_error_set(&e, MQ_E_SOCKET, "%s", big) == MQ_E_SOCKET && e.code == MQ_E_SOCKET &&
               strlen(e.text) == 255,
           "long error text truncated and terminated");
    mq_error_set(&e, MQ_E_TIMEOUT, "%s after %d ms", "read", 250);
    TAP_OK(strcmp(e.text, "read after 250 ms") == 0, "formatted error text");
    TAP_OK(strcmp(mq_strerror(MQ_E_CLOSED), "connection closed unexpectedly") == 0 &&
               strcmp(mq_strerror(MQ_E_SOCKET), "a socket error occurred") == 0 &&
               strcmp(mq_strerror(MQ_E_HEARTBEAT), "heartbeat timeout, connection closed") == 0 &&
               strcmp(mq_strerror(MQ_E_TRUNCATED), "invalid AMQP data") == 0 &&
               strcmp(mq_strerror(MQ_E_PROTOCOL), "unexpected method received") == 0,
           "librabbitmq-like texts");
    for (i = MQ_E_BLOCKED; i <= 0; i++)
        if (!mq_strerror(i) || strcmp(mq_strerror(i), "unknown error") == 0)
            break;
    TAP_OK(i == 1, "every code has a text");
    mq_wbuf_init(&w);
    TAP_OK(mq_wbuf_reserve(&w, 10) == 0 && w.cap >= 10, "reserve");
    w.len = 5;
    memcpy(w.data, "hello", 5);
    TAP_OK(mq_wbuf_grow(&w, SIZE_MAX) == MQ_E_NOMEM && w.len == 5 && memcmp(w.data, "hello", 5) == 0,
           "impossible grow fails, buffer intact");
    TAP_OK(mq_wbuf_reserve(&w, 100000) == 0 && w.cap >= 100005 && memcmp(w.data, "hello", 5) == 0,
           "growth keeps content");
    mq_wbuf_free(&w);
    TAP_OK(w.data == NULL && w.len == 0 && w.cap == 0, "free resets");
}

int main(void)
{
    test_common();
    test_layouts();
    test_methods();
    test_tables();
    test_depth();
    test_headers();
    test_frames();
    return tap_done();
}

/* SPDX-License-Identifier: MIT */
/*
 * The AMQP 1.0 codec (src/amqp1): every primitive type written by the
 * writer to its expected bytes (the compact form at each size threshold)
 * and read back by the reader to the same value; the longer forms the
 * writer never chooses read correctly; lists, maps and arrays (shrinking
 * to the 8-bit forms, widening array elements, described arrays, nested
 * compounds); described values; the writer's misuse errors.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mq_a1_codec.h"
#include "hex.h"
#include "tap.h"

static mq_wbuf W;
static mq_a1_writer WR;

static void start(void)
{
    mq_wbuf_reset(&W);
    mq_a1_writer_init(&WR, &W);
}

/* The writer's output (finished without error) equals hex. */
static void expect_bytes(const char *what, const char *hex)
{
    uint8_t want[512];
    char got[1600];
    size_t n = unhex(hex, want, sizeof want);
    int rc = mq_a1_writer_finish(&WR);
    bool same = rc == 0 && W.len == n && memcmp(W.data, want, n) == 0;
    tohex(W.data, W.len, got, sizeof got);
    tap_ok(same, "write %s: %s (got rc %d, %s)", what, hex, rc, got);
}

/* Reads the single value of W (or of hex when not NULL) into *v. */
static int read1(const uint8_t *p, size_t n, mq_a1_value *v)
{
    mq_a1_cursor c;
    mq_a1_value extra;
    int rc;
    mq_a1_cursor_init(&c, p, n);
    rc = mq_a1_next(&c, v);
    if (rc != 1)
        return rc < 0 ? rc : -1000;
    rc = mq_a1_next(&c, &extra);
    return rc == 0 ? 1 : -1001;
}

static bool bytes_is(mq_bytes b, const void *p, size_t n)
{
    return b.len == n && (n == 0 || memcmp(b.ptr, p, n) == 0);
}

/* ------------------------------------------------------------ scalars */

static void t_unsigned(void)
{
    static const struct { int type; uint64_t v; const char *hex; } c[] = {
        {MQ_A1_T_UBYTE, 0, "50 00"}, {MQ_A1_T_UBYTE, 255, "50 ff"},
        {MQ_A1_T_USHORT, 0, "60 00 00"}, {MQ_A1_T_USHORT, 65535, "60 ff ff"},
        {MQ_A1_T_UINT, 0, "43"}, {MQ_A1_T_UINT, 1, "52 01"}, {MQ_A1_T_UINT, 255, "52 ff"},
        {MQ_A1_T_UINT, 256, "70 00 00 01 00"}, {MQ_A1_T_UINT, 0xffffffffu, "70 ff ff ff ff"},
        {MQ_A1_T_ULONG, 0, "44"}, {MQ_A1_T_ULONG, 1, "53 01"}, {MQ_A1_T_ULONG, 255, "53 ff"},
        {MQ_A1_T_ULONG, 256, "80 00 00 00 00 00 00 01 00"},
        {MQ_A1_T_ULONG, UINT64_MAX, "80 ff ff ff ff ff ff ff ff"},
        {MQ_A1_T_CHAR, 0x1F600, "73 00 01 f6 00"}, {MQ_A1_T_CHAR, 'a', "73 00 00 00 61"},
        {MQ_A1_T_DECIMAL32, 0x22500001u, "74 22 50 00 01"},
        {MQ_A1_T_DECIMAL64, 0x2238000000000001ull, "84 22 38 00 00 00 00 00 01"},
    };
    size_t i;
    mq_a1_value v;
    for (i = 0; i < sizeof c / sizeof c[0]; i++) {
        char what[64];
        start();
        switch (c[i].type) {
        case MQ_A1_T_UBYTE: mq_a1_put_ubyte(&WR, (uint8_t)c[i].v); break;
        case MQ_A1_T_USHORT: mq_a1_put_ushort(&WR, (uint16_t)c[i].v); break;
        case MQ_A1_T_UINT: mq_a1_put_uint(&WR, (uint32_t)c[i].v); break;
        case MQ_A1_T_ULONG: mq_a1_put_ulong(&WR, c[i].v); break;
        case MQ_A1_T_CHAR: mq_a1_put_char(&WR, (uint32_t)c[i].v); break;
        case MQ_A1_T_DECIMAL32: mq_a1_put_decimal32(&WR, (uint32_t)c[i].v); break;
        default: mq_a1_put_decimal64(&WR, c[i].v); break;
        }
        snprintf(what, sizeof what, "%s %llu", mq_a1_type_names[c[i].type], (unsigned long long)c[i].v);
        expect_bytes(what, c[i].hex);
        TAP_OK(read1(W.data, W.len, &v) == 1 && v.type == c[i].type && v.v.u == c[i].v &&
               v.code == W.data[0] && v.desc.code == 0, "read %s", what);
    }
}

static void t_signed(void)
{
    static const struct { int type; int64_t v; const char *hex; } c[] = {
        {MQ_A1_T_BYTE, -128, "51 80"}, {MQ_A1_T_BYTE, 127, "51 7f"}, {MQ_A1_T_BYTE, 0, "51 00"},
        {MQ_A1_T_SHORT, -32768, "61 80 00"}, {MQ_A1_T_SHORT, 32767, "61 7f ff"},
        {MQ_A1_T_INT, 0, "54 00"}, {MQ_A1_T_INT, -128, "54 80"}, {MQ_A1_T_INT, 127, "54 7f"},
        {MQ_A1_T_INT, 128, "71 00 00 00 80"}, {MQ_A1_T_INT, -129, "71 ff ff ff 7f"},
        {MQ_A1_T_INT, INT32_MIN, "71 80 00 00 00"}, {MQ_A1_T_INT, INT32_MAX, "71 7f ff ff ff"},
        {MQ_A1_T_LONG, 0, "55 00"}, {MQ_A1_T_LONG, -128, "55 80"}, {MQ_A1_T_LONG, 127, "55 7f"},
        {MQ_A1_T_LONG, 128, "81 00 00 00 00 00 00 00 80"},
        {MQ_A1_T_LONG, -129, "81 ff ff ff ff ff ff ff 7f"},
        {MQ_A1_T_LONG, INT64_MIN, "81 80 00 00 00 00 00 00 00"},
        {MQ_A1_T_LONG, INT64_MAX, "81 7f ff ff ff ff ff ff ff"},
        {MQ_A1_T_TIMESTAMP, 0, "83 00 00 00 00 00 00 00 00"},
        {MQ_A1_T_TIMESTAMP, -1, "83 ff ff ff ff ff ff ff ff"},
        {MQ_A1_T_TIMESTAMP, 1700000000000LL, "83 00 00 01 8b cf e5 68 00"},
    };
    size_t i;
    mq_a1_value v;
    for (i = 0; i < sizeof c / sizeof c[0]; i++) {
        char what[64];
        start();
        switch (c[i].type) {
        case MQ_A1_T_BYTE: mq_a1_put_byte(&WR, (int8_t)c[i].v); break;
        case MQ_A1_T_SHORT: mq_a1_put_short(&WR, (int16_t)c[i].v); break;
        case MQ_A1_T_INT: mq_a1_put_int(&WR, (int32_t)c[i].v); break;
        case MQ_A1_T_LONG: mq_a1_put_long(&WR, c[i].v); break;
        default: mq_a1_put_timestamp(&WR, c[i].v); break;
        }
        snprintf(what, sizeof what, "%s %lld", mq_a1_type_names[c[i].type], (long long)c[i].v);
        expect_bytes(what, c[i].hex);
        TAP_OK(read1(W.data, W.len, &v) == 1 && v.type == c[i].type && v.v.i == c[i].v, "read %s", what);
    }
}

static void t_other_fixed(void)
{
    static const uint8_t u[16] = {0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0,
                                  0x0f, 0xed, 0xcb, 0xa9, 0x87, 0x65, 0x43, 0x21};
    mq_a1_value v;
    start();
    mq_a1_put_null(&WR);
    expect_bytes("null", "40");
    TAP_OK(read1(W.data, W.len, &v) == 1 && v.type == MQ_A1_T_NULL, "read null");
    start();
    mq_a1_put_bool(&WR, true);
    expect_bytes("true", "41");
    TAP_OK(read1(W.data, W.len, &v) == 1 && v.type == MQ_A1_T_BOOLEAN && v.v.b, "read true");
    start();
    mq_a1_put_bool(&WR, false);
    expect_bytes("false", "42");
    TAP_OK(read1(W.data, W.len, &v) == 1 && v.type == MQ_A1_T_BOOLEAN && !v.v.b, "read false");
    start();
    mq_a1_put_float(&WR, 1.5f);
    expect_bytes("float 1.5", "72 3f c0 00 00");
    TAP_OK(read1(W.data, W.len, &v) == 1 && v.type == MQ_A1_T_FLOAT && v.v.f == 1.5f, "read float");
    start();
    mq_a1_put_double(&WR, -2.25);
    expect_bytes("double -2.25", "82 c0 02 00 00 00 00 00 00");
    TAP_OK(read1(W.data, W.len, &v) == 1 && v.type == MQ_A1_T_DOUBLE && v.v.d == -2.25, "read double");
    start();
    mq_a1_put_uuid(&WR, u);
    expect_bytes("uuid", "98 12 34 56 78 9a bc de f0 0f ed cb a9 87 65 43 21");
    TAP_OK(read1(W.data, W.len, &v) == 1 && v.type == MQ_A1_T_UUID && bytes_is(v.v.bytes, u, 16),
           "read uuid");
    start();
    mq_a1_put_decimal128(&WR, u);
    expect_bytes("decimal128", "94 12 34 56 78 9a bc de f0 0f ed cb a9 87 65 43 21");
    TAP_OK(read1(W.data, W.len, &v) == 1 && v.type == MQ_A1_T_DECIMAL128 && bytes_is(v.v.bytes, u, 16),
           "read decimal128");
}

/* binary, string, symbol at lengths 0, 255 (8-bit) and 256 (32-bit). */
static void t_variable(void)
{
    static char big[70000];
    static const size_t lens[] = {0, 1, 255, 256, 70000};
    static const uint8_t c8[] = {MQ_A1_C_VBIN8, MQ_A1_C_STR8_UTF8, MQ_A1_C_SYM8};
    static const uint8_t c32[] = {MQ_A1_C_VBIN32, MQ_A1_C_STR32_UTF8, MQ_A1_C_SYM32};
    static const int types[] = {MQ_A1_T_BINARY, MQ_A1_T_STRING, MQ_A1_T_SYMBOL};
    size_t i, k;
    mq_a1_value v;
    for (i = 0; i < sizeof big; i++)
        big[i] = (char)(i % 251);
    for (k = 0; k < 3; k++) {
        for (i = 0; i < sizeof lens / sizeof lens[0]; i++) {
            size_t n = lens[i], hdr = n <= 255 ? 2 : 5;
            bool ok;
            start();
            if (k == 0) mq_a1_put_binary(&WR, big, n);
            if (k == 1) mq_a1_put_string(&WR, big, n);
            if (k == 2) mq_a1_put_symbol(&WR, big, n);
            ok = mq_a1_writer_finish(&WR) == 0 && W.len == hdr + n &&
                 W.data[0] == (n <= 255 ? c8[k] : c32[k]) &&
                 (n <= 255 ? W.data[1] == n : mq_get32(W.data + 1) == n) &&
                 memcmp(W.data + hdr, big, n) == 0;
            TAP_OK(ok, "write %s of %zu bytes: code 0x%02x, length, bytes", mq_a1_type_names[types[k]],
                   n, n <= 255 ? c8[k] : c32[k]);
            TAP_OK(read1(W.data, W.len, &v) == 1 && v.type == types[k] && bytes_is(v.v.bytes, big, n) &&
                   v.v.bytes.ptr == (const char *)W.data + hdr,
                   "read %s of %zu bytes: a view into the input", mq_a1_type_names[types[k]], n);
        }
    }
}

/* Encodings the writer never chooses. */
static void t_long_forms(void)
{
    static const struct { const char *hex; int type; uint64_t u; const char *what; } c[] = {
        {"70 00 00 00 00", MQ_A1_T_UINT, 0, "uint 0 as uint"},
        {"52 00", MQ_A1_T_UINT, 0, "uint 0 as smalluint"},
        {"80 00 00 00 00 00 00 00 05", MQ_A1_T_ULONG, 5, "ulong 5 as ulong"},
        {"56 01", MQ_A1_T_BOOLEAN, 1, "boolean 0x56 01"},
        {"56 00", MQ_A1_T_BOOLEAN, 0, "boolean 0x56 00"},
        {"b1 00 00 00 01 61", MQ_A1_T_STRING, 1, "str32 \"a\""},
        {"b0 00 00 00 00", MQ_A1_T_BINARY, 0, "vbin32 empty"},
        {"b3 00 00 00 02 61 62", MQ_A1_T_SYMBOL, 2, "sym32 \"ab\""},
        {"d0 00 00 00 04 00 00 00 00", MQ_A1_T_LIST, 0, "list32 empty"},
        {"c0 01 00", MQ_A1_T_LIST, 0, "list8 empty"},
        {"d1 00 00 00 06 00 00 00 02 41 42", MQ_A1_T_MAP, 2, "map32 {true: false}"},
        {"f0 00 00 00 07 00 00 00 02 56 01 00", MQ_A1_T_ARRAY, 2, "array32 of 2 booleans"},
        {"e0 02 03 41", MQ_A1_T_ARRAY, 3, "array8 of 3 true (zero-width elements)"},
    };
    uint8_t buf[64];
    size_t i, n;
    mq_a1_value v;
    for (i = 0; i < sizeof c / sizeof c[0]; i++) {
        bool ok;
        n = unhex(c[i].hex, buf, sizeof buf);
        ok = read1(buf, n, &v) == 1 && v.type == c[i].type && v.code == buf[0];
        if (ok && (c[i].type == MQ_A1_T_UINT || c[i].type == MQ_A1_T_ULONG))
            ok = v.v.u == c[i].u;
        else if (ok && c[i].type == MQ_A1_T_BOOLEAN)
            ok = v.v.b == (c[i].u != 0);
        else if (ok && c[i].type >= MQ_A1_T_LIST)
            ok = v.v.c.count == c[i].u;
        else if (ok)
            ok = v.v.bytes.len == c[i].u;
        TAP_OK(ok && mq_a1_validate(buf, n, NULL) == 0, "read %s (%s)", c[i].what, c[i].hex);
    }
}

/* ------------------------------------------------------------ compounds */

static void t_lists_maps(void)
{
    static char blob[300];
    start();
    mq_a1_list_begin(&WR);
    mq_a1_list_end(&WR);
    expect_bytes("empty list", "45");
    start();
    mq_a1_list_begin(&WR);
    mq_a1_put_uint(&WR, 1);
    mq_a1_put_null(&WR);
    mq_a1_list_end(&WR);
    expect_bytes("list [1, null]", "c0 04 02 52 01 40");
    start();
    mq_a1_map_begin(&WR);
    mq_a1_map_end(&WR);
    expect_bytes("empty map", "c1 01 00");
    start();
    mq_a1_map_begin(&WR);
    mq_a1_put_symbol(&WR, "a", 1);
    mq_a1_put_int(&WR, 1);
    mq_a1_map_end(&WR);
    expect_bytes("map {a: 1}", "c1 06 02 a3 01 61 54 01");
    start();
    mq_a1_list_begin(&WR);
    mq_a1_list_begin(&WR);
    mq_a1_list_end(&WR);
    mq_a1_map_begin(&WR);
    mq_a1_put_bool(&WR, true);
    mq_a1_list_begin(&WR);
    mq_a1_put_bool(&WR, false);
    mq_a1_list_end(&WR);
    mq_a1_map_end(&WR);
    mq_a1_list_end(&WR);
    expect_bytes("list [[], {true: [false]}]", "c0 0a 02 45 c1 06 02 41 c0 02 01 42");

    /* 254 bytes after the count: list8 (size 255); 255: list32. */
    start();
    mq_a1_list_begin(&WR);
    mq_a1_put_binary(&WR, blob, 252);
    mq_a1_list_end(&WR);
    TAP_OK(mq_a1_writer_finish(&WR) == 0 && W.len == 257 && W.data[0] == MQ_A1_C_LIST8 &&
           W.data[1] == 255 && W.data[2] == 1, "list with 254 body bytes: list8, size 255");
    start();
    mq_a1_list_begin(&WR);
    mq_a1_put_binary(&WR, blob, 253);
    mq_a1_list_end(&WR);
    TAP_OK(mq_a1_writer_finish(&WR) == 0 && W.len == 264 && W.data[0] == MQ_A1_C_LIST32 &&
           mq_get32(W.data + 1) == 259 && mq_get32(W.data + 5) == 1,
           "list with 255 body bytes: list32, size 259");
    start();
    mq_a1_map_begin(&WR);
    mq_a1_put_null(&WR);
    mq_a1_put_binary(&WR, blob, 300);
    mq_a1_map_end(&WR);
    TAP_OK(mq_a1_writer_finish(&WR) == 0 && W.data[0] == MQ_A1_C_MAP32 &&
           mq_get32(W.data + 1) == 4 + 1 + 305 && mq_get32(W.data + 5) == 2, "large map: map32");
}

static void t_arrays(void)
{
    static char big[256];
    mq_a1_desc dx = mq_a1_desc_sym(mq_cstr("x"));
    mq_a1_desc d24 = mq_a1_desc_num(0x24);
    int i;
    memset(big, 'x', sizeof big);
    start();
    mq_a1_array_begin(&WR, MQ_A1_T_SYMBOL, NULL);
    mq_a1_array_end(&WR);
    expect_bytes("empty symbol array", "e0 02 00 a3");
    start();
    mq_a1_array_begin(&WR, MQ_A1_T_SYMBOL, NULL);
    mq_a1_put_symbol(&WR, "a", 1);
    mq_a1_put_symbol(&WR, "bc", 2);
    mq_a1_array_end(&WR);
    expect_bytes("symbol array [a, bc]", "e0 07 02 a3 01 61 02 62 63");
    start();
    mq_a1_array_begin(&WR, MQ_A1_T_UINT, NULL);
    mq_a1_put_uint(&WR, 0);
    mq_a1_put_uint(&WR, 2);
    mq_a1_array_end(&WR);
    expect_bytes("uint array [0, 2]: smalluint", "e0 04 02 52 00 02");
    start();
    mq_a1_array_begin(&WR, MQ_A1_T_UINT, NULL);
    mq_a1_put_uint(&WR, 1);
    mq_a1_put_uint(&WR, 2);
    mq_a1_put_uint(&WR, 300);
    mq_a1_put_uint(&WR, 3);
    mq_a1_array_end(&WR);
    expect_bytes("uint array [1, 2, 300, 3]: widened to uint",
                 "e0 12 04 70 00 00 00 01 00 00 00 02 00 00 01 2c 00 00 00 03");
    start();
    mq_a1_array_begin(&WR, MQ_A1_T_INT, NULL);
    mq_a1_put_int(&WR, -1);
    mq_a1_put_int(&WR, -128);
    mq_a1_put_int(&WR, 1000);
    mq_a1_array_end(&WR);
    expect_bytes("int array [-1, -128, 1000]: widened with sign",
                 "e0 0e 03 71 ff ff ff ff ff ff ff 80 00 00 03 e8");
    start();
    mq_a1_array_begin(&WR, MQ_A1_T_LONG, NULL);
    mq_a1_put_long(&WR, -2);
    mq_a1_put_long(&WR, 1LL << 40);
    mq_a1_array_end(&WR);
    expect_bytes("long array [-2, 2^40]",
                 "e0 12 02 81 ff ff ff ff ff ff ff fe 00 00 01 00 00 00 00 00");
    start();
    mq_a1_array_begin(&WR, MQ_A1_T_ULONG, NULL);
    mq_a1_put_ulong(&WR, 0);
    mq_a1_put_ulong(&WR, 5);
    mq_a1_array_end(&WR);
    expect_bytes("ulong array [0, 5]: smallulong", "e0 04 02 53 00 05");
    start();
    mq_a1_array_begin(&WR, MQ_A1_T_BOOLEAN, NULL);
    mq_a1_put_bool(&WR, true);
    mq_a1_put_bool(&WR, false);
    mq_a1_array_end(&WR);
    expect_bytes("boolean array [true, false]", "e0 04 02 56 01 00");
    start();
    mq_a1_array_begin(&WR, MQ_A1_T_NULL, NULL);
    mq_a1_put_null(&WR);
    mq_a1_put_null(&WR);
    mq_a1_put_null(&WR);
    mq_a1_array_end(&WR);
    expect_bytes("null array of 3", "e0 02 03 40");
    start();
    mq_a1_array_begin(&WR, MQ_A1_T_STRING, NULL);
    mq_a1_put_string(&WR, "a", 1);
    mq_a1_put_string(&WR, big, 256);
    mq_a1_array_end(&WR);
    TAP_OK(mq_a1_writer_finish(&WR) == 0 && W.len == 1 + 8 + 1 + 5 + 260 && W.data[0] == MQ_A1_C_ARRAY32 &&
           W.data[9] == MQ_A1_C_STR32_UTF8 && mq_get32(W.data + 10) == 1 && W.data[14] == 'a' &&
           mq_get32(W.data + 15) == 256 && W.data[19] == 'x', "string array [a, 256 x]: widened to str32");
    start();
    mq_a1_array_begin(&WR, MQ_A1_T_SYMBOL, &dx);
    mq_a1_put_symbol(&WR, "a", 1);
    mq_a1_array_end(&WR);
    expect_bytes("described symbol array", "e0 08 01 00 a3 01 78 a3 01 61");
    start();
    mq_a1_array_begin(&WR, MQ_A1_T_LIST, &d24);
    mq_a1_list_begin(&WR);
    mq_a1_list_end(&WR);
    mq_a1_list_begin(&WR);
    mq_a1_put_uint(&WR, 1);
    mq_a1_list_end(&WR);
    mq_a1_array_end(&WR);
    expect_bytes("described list array [[], [1]]",
                 "e0 17 02 00 53 24 d0 00 00 00 04 00 00 00 00 00 00 00 06 00 00 00 01 52 01");
    start();
    mq_a1_array_begin(&WR, MQ_A1_T_ARRAY, NULL);
    mq_a1_array_begin(&WR, MQ_A1_T_UBYTE, NULL);
    mq_a1_put_ubyte(&WR, 7);
    mq_a1_array_end(&WR);
    mq_a1_array_end(&WR);
    expect_bytes("array of arrays", "e0 0c 01 f0 00 00 00 06 00 00 00 01 50 07");
    /* array8/array32 boundary: 254 bytes after the count. */
    start();
    mq_a1_array_begin(&WR, MQ_A1_T_UBYTE, NULL);
    for (i = 0; i < 253; i++)
        mq_a1_put_ubyte(&WR, (uint8_t)i);
    mq_a1_array_end(&WR);
    TAP_OK(mq_a1_writer_finish(&WR) == 0 && W.data[0] == MQ_A1_C_ARRAY8 && W.data[1] == 255 &&
           W.data[2] == 253 && W.len == 257, "ubyte array of 253: array8, size 255");
    start();
    mq_a1_array_begin(&WR, MQ_A1_T_UBYTE, NULL);
    for (i = 0; i < 254; i++)
        mq_a1_put_ubyte(&WR, (uint8_t)i);
    mq_a1_array_end(&WR);
    TAP_OK(mq_a1_writer_finish(&WR) == 0 && W.data[0] == MQ_A1_C_ARRAY32 && mq_get32(W.data + 1) == 259 &&
           mq_get32(W.data + 5) == 254 && W.len == 264, "ubyte array of 254: array32");
}

static void t_described(void)
{
    mq_a1_desc d = mq_a1_desc_num(MQ_A1_D_HEADER);
    mq_a1_desc s = mq_a1_desc_sym(mq_cstr("amqp:header:list"));
    mq_a1_desc z = mq_a1_desc_num(0);
    mq_a1_desc big = mq_a1_desc_num(0x0000468C00000001ull);
    mq_a1_value v;
    start();
    mq_a1_put_descriptor(&WR, &d);
    mq_a1_list_begin(&WR);
    mq_a1_list_end(&WR);
    expect_bytes("header (described empty list)", "00 53 70 45");
    TAP_OK(read1(W.data, W.len, &v) == 1 && v.type == MQ_A1_T_LIST && v.desc.code == MQ_A1_C_SMALLULONG &&
           v.desc.num == MQ_A1_D_HEADER && v.v.c.count == 0, "read described list: descriptor 0x70");
    start();
    mq_a1_put_descriptor(&WR, &s);
    mq_a1_put_null(&WR);
    expect_bytes("symbolic descriptor", "00 a3 10 61 6d 71 70 3a 68 65 61 64 65 72 3a 6c 69 73 74 40");
    TAP_OK(read1(W.data, W.len, &v) == 1 && v.type == MQ_A1_T_NULL && mq_a1_desc_is_sym(&v.desc) &&
           bytes_is(v.desc.sym, "amqp:header:list", 16), "read symbolic descriptor");
    start();
    mq_a1_put_descriptor(&WR, &z);
    mq_a1_put_string(&WR, "", 0);
    expect_bytes("descriptor 0: ulong0", "00 44 a1 00");
    start();
    mq_a1_put_descriptor(&WR, &big);
    mq_a1_put_uint(&WR, 9);
    expect_bytes("descriptor with a domain: ulong", "00 80 00 00 46 8c 00 00 00 01 52 09");
    TAP_OK(read1(W.data, W.len, &v) == 1 && v.desc.code == MQ_A1_C_ULONG && v.desc.num == big.num &&
           v.type == MQ_A1_T_UINT && v.v.u == 9, "read descriptor with a domain");
    TAP_OK(mq_a1_descriptor_find(MQ_A1_D_TRANSFER) != NULL &&
           strcmp(mq_a1_descriptor_find(MQ_A1_D_TRANSFER)->symbol, "amqp:transfer:list") == 0 &&
           mq_a1_descriptor_find(0x99) == NULL, "descriptor table: 0x14 is amqp:transfer:list");
}

/* Misuse of the writer: the first error sticks. */
static void t_writer_errors(void)
{
    mq_a1_desc d = mq_a1_desc_num(1);
    int i, rc;
    start();
    mq_a1_array_begin(&WR, MQ_A1_T_UINT, NULL);
    TAP_EQ_INT(mq_a1_put_int(&WR, 1), MQ_A1_E_WRONG_TYPE, "int into a uint array");
    TAP_EQ_INT(mq_a1_put_uint(&WR, 1), MQ_A1_E_WRONG_TYPE, "the error sticks");
    TAP_EQ_INT(mq_a1_writer_finish(&WR), MQ_A1_E_WRONG_TYPE, "finish reports it");
    start();
    mq_a1_array_begin(&WR, MQ_A1_T_UINT, NULL);
    TAP_EQ_INT(mq_a1_put_descriptor(&WR, &d), MQ_E_INVALID, "descriptor inside an array");
    start();
    mq_a1_map_begin(&WR);
    mq_a1_put_null(&WR);
    TAP_EQ_INT(mq_a1_map_end(&WR), MQ_E_INVALID, "map with an odd count");
    start();
    mq_a1_list_begin(&WR);
    TAP_EQ_INT(mq_a1_map_end(&WR), MQ_E_INVALID, "map end closes a list");
    start();
    mq_a1_list_begin(&WR);
    mq_a1_put_descriptor(&WR, &d);
    TAP_EQ_INT(mq_a1_list_end(&WR), MQ_E_INVALID, "list end after a descriptor without value");
    start();
    mq_a1_put_descriptor(&WR, &d);
    TAP_EQ_INT(mq_a1_put_descriptor(&WR, &d), MQ_E_INVALID, "two descriptors");
    start();
    mq_a1_list_begin(&WR);
    TAP_EQ_INT(mq_a1_writer_finish(&WR), MQ_E_INVALID, "finish with a list open");
    start();
    TAP_EQ_INT(mq_a1_list_end(&WR), MQ_E_INVALID, "end without begin");
    start();
    TAP_EQ_INT(mq_a1_array_begin(&WR, 0, NULL), MQ_E_INVALID, "array of no type");
    start();
    for (i = 0, rc = 0; i < MQ_A1_MAX_DEPTH && rc == 0; i++)
        rc = mq_a1_list_begin(&WR);
    TAP_OK(rc == 0 && WR.depth == MQ_A1_MAX_DEPTH, "%d nested lists open", MQ_A1_MAX_DEPTH);
    TAP_EQ_INT(mq_a1_list_begin(&WR), MQ_E_TOO_DEEP, "one more: too deep");
    start();
    mq_a1_array_begin(&WR, MQ_A1_T_NULL, NULL);
    for (i = 0, rc = 0; i < MQ_A1_ZERO_WIDTH_MAX && rc == 0; i++)
        rc = mq_a1_put_null(&WR);
    TAP_OK(rc == 0, "%d nulls in an array", MQ_A1_ZERO_WIDTH_MAX);
    TAP_EQ_INT(mq_a1_put_null(&WR), MQ_E_TOO_LONG, "one more zero-width element: too long");
    start();
    for (i = 0; i < MQ_A1_MAX_DEPTH; i++)
        mq_a1_list_begin(&WR);
    for (i = 0; i < MQ_A1_MAX_DEPTH; i++)
        mq_a1_list_end(&WR);
    TAP_OK(mq_a1_writer_finish(&WR) == 0 && mq_a1_validate(W.data, W.len, NULL) == 0,
           "%d nested lists write and read back", MQ_A1_MAX_DEPTH);
    TAP_OK(strcmp(mq_a1_strerror(MQ_A1_E_BAD_COUNT), "AMQP 1.0 element count does not fit the size") == 0 &&
           strcmp(mq_a1_strerror(MQ_E_TRUNCATED), mq_strerror(MQ_E_TRUNCATED)) == 0,
           "mq_a1_strerror: own codes and mq_common.h's");
}

int main(void)
{
    mq_wbuf_init(&W);
    t_unsigned();
    t_signed();
    t_other_fixed();
    t_variable();
    t_long_forms();
    t_lists_maps();
    t_arrays();
    t_described();
    t_writer_errors();
    mq_wbuf_free(&W);
    return tap_done();
}

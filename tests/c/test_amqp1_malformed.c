/* SPDX-License-Identifier: MIT */
/*
 * The AMQP 1.0 reader (src/amqp1) on malformed input: every truncation of
 * valid values, sizes and counts that lie, every byte that is no
 * constructor, bad descriptors, depth bombs, and errors that stick.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mq_a1_codec.h"
#include "hex.h"
#include "tap.h"

static int validate_hex(const char *hex)
{
    uint8_t buf[256];
    size_t n = unhex(hex, buf, sizeof buf);
    uint8_t *copy = malloc(n ? n : 1); /* exact size: ASan sees any overread */
    int rc;
    memcpy(copy, buf, n);
    rc = mq_a1_validate(copy, n, NULL);
    free(copy);
    return rc;
}

/* A value of every kind, nested: writes it to w. */
static void build_sample(mq_wbuf *w)
{
    static const uint8_t u[16] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
    static char big[300];
    mq_a1_writer wr;
    mq_a1_desc d = mq_a1_desc_num(MQ_A1_D_PROPERTIES);
    mq_a1_desc s = mq_a1_desc_sym(mq_cstr("x:y"));
    memset(big, 'b', sizeof big);
    mq_a1_writer_init(&wr, w);
    mq_a1_put_descriptor(&wr, &d);
    mq_a1_list_begin(&wr);
    mq_a1_put_null(&wr);
    mq_a1_put_bool(&wr, true);
    mq_a1_put_ubyte(&wr, 1);
    mq_a1_put_ushort(&wr, 2);
    mq_a1_put_uint(&wr, 0);
    mq_a1_put_uint(&wr, 70000);
    mq_a1_put_ulong(&wr, 9);
    mq_a1_put_byte(&wr, -1);
    mq_a1_put_short(&wr, -2);
    mq_a1_put_int(&wr, -3);
    mq_a1_put_long(&wr, 1LL << 50);
    mq_a1_put_float(&wr, 0.5f);
    mq_a1_put_double(&wr, 0.25);
    mq_a1_put_decimal32(&wr, 7);
    mq_a1_put_decimal64(&wr, 8);
    mq_a1_put_decimal128(&wr, u);
    mq_a1_put_char(&wr, 'z');
    mq_a1_put_timestamp(&wr, 123456789);
    mq_a1_put_uuid(&wr, u);
    mq_a1_put_binary(&wr, big, 3);
    mq_a1_put_string(&wr, big, 300);
    mq_a1_put_symbol(&wr, "sym", 3);
    mq_a1_map_begin(&wr);
    mq_a1_put_string(&wr, "k", 1);
    mq_a1_array_begin(&wr, MQ_A1_T_SYMBOL, &s);
    mq_a1_put_symbol(&wr, "a", 1);
    mq_a1_put_symbol(&wr, "b", 1);
    mq_a1_array_end(&wr);
    mq_a1_map_end(&wr);
    mq_a1_array_begin(&wr, MQ_A1_T_LIST, NULL);
    mq_a1_list_begin(&wr);
    mq_a1_put_uint(&wr, 1);
    mq_a1_list_end(&wr);
    mq_a1_array_end(&wr);
    mq_a1_list_end(&wr);
}

/* Every prefix of a single value is MQ_E_TRUNCATED, read from a buffer of
 * exactly that length. */
static void t_truncations(void)
{
    static const char *const small[] = {
        "52 01", "70 00 00 01 00", "a1 03 61 62 63", "b0 00 00 00 01 ff", "c0 04 02 52 01 40",
        "d0 00 00 00 05 00 00 00 01 40", "c1 06 02 a3 01 61 54 01", "e0 04 02 56 01 00",
        "f0 00 00 00 08 00 00 00 01 00 53 01 43", "00 53 70 45", "00 a3 01 78 41",
        "98 00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f",
    };
    mq_wbuf w;
    size_t i, k, bad = 0, first_bad = 0;
    int rc;
    mq_wbuf_init(&w);
    build_sample(&w);
    TAP_OK(mq_a1_validate(w.data, w.len, NULL) == 0, "sample value (%zu bytes) is valid", w.len);
    for (k = 1; k < w.len; k++) {
        uint8_t *copy = malloc(k);
        memcpy(copy, w.data, k);
        rc = mq_a1_validate(copy, k, NULL);
        free(copy);
        if (rc != MQ_E_TRUNCATED && !bad++)
            first_bad = k;
    }
    TAP_OK(bad == 0, "sample truncated at each of %zu bytes: MQ_E_TRUNCATED (%zu wrong, first at %zu)",
           w.len - 1, bad, first_bad);
    for (i = 0; i < sizeof small / sizeof small[0]; i++) {
        uint8_t buf[64];
        size_t n = unhex(small[i], buf, sizeof buf);
        bad = 0;
        for (k = 1; k < n; k++) {
            uint8_t *copy = malloc(k);
            memcpy(copy, buf, k);
            if (mq_a1_validate(copy, k, NULL) != MQ_E_TRUNCATED)
                bad++;
            free(copy);
        }
        TAP_OK(bad == 0 && mq_a1_validate(buf, n, NULL) == 0, "%s: valid, each truncation MQ_E_TRUNCATED",
               small[i]);
    }
    mq_wbuf_free(&w);
}

static void t_lies(void)
{
    static const struct { const char *hex; int rc; const char *what; } c[] = {
        {"a1 05 61 62", MQ_E_TRUNCATED, "str8 longer than the input"},
        {"b1 ff ff ff ff 61", MQ_E_TRUNCATED, "str32 of 4 GiB"},
        {"c0 05 01 40", MQ_E_TRUNCATED, "list8 size past the end"},
        {"d0 ff ff ff ff 00 00 00 00", MQ_E_TRUNCATED, "list32 size 4 GiB"},
        {"c0 00", MQ_A1_E_BAD_SIZE, "list8 size 0 (no room for the count)"},
        {"d0 00 00 00 03 00 00 00", MQ_A1_E_BAD_SIZE, "list32 size 3"},
        {"c0 02 05 41", MQ_A1_E_BAD_COUNT, "list8 count 5 in 1 byte"},
        {"d0 00 00 00 04 ff ff ff ff", MQ_A1_E_BAD_COUNT, "list32 count 2^32-1 in 0 bytes"},
        {"c0 03 02 a1 05", MQ_E_TRUNCATED, "element runs past its list"},
        {"c0 03 01 41 41", MQ_A1_E_BAD_SIZE, "list8: a byte left after its count"},
        {"c0 02 02 41 41", MQ_A1_E_BAD_COUNT, "list8: count 2 in a size of 2"},
        {"c1 02 01 41", MQ_A1_E_BAD_COUNT, "map with an odd count"},
        {"d1 00 00 00 05 00 00 00 03 41", MQ_A1_E_BAD_COUNT, "map32 count 3"},
        {"e0 01 00", MQ_A1_E_BAD_SIZE, "array8 without element constructor"},
        {"e0 03 02 70 00", MQ_A1_E_BAD_COUNT, "array of 2 uint in 1 byte"},
        {"e0 07 01 70 00 00 00 00 00", MQ_A1_E_BAD_COUNT, "array of 1 uint in 5 bytes"},
        {"f0 00 00 00 05 ff ff ff ff 40", MQ_A1_E_BAD_COUNT, "array of 2^32-1 nulls"},
        {"f0 00 00 00 05 00 00 01 00 40", MQ_A1_E_BAD_COUNT, "array of 256 nulls (zero width)"},
        {"e0 03 01 40 40", MQ_A1_E_BAD_SIZE, "array of nulls with a byte left"},
        {"e0 04 05 a1 00 00", MQ_A1_E_BAD_COUNT, "array of 5 str8 in 2 bytes"},
        {"e0 04 02 a1 00 05", MQ_E_TRUNCATED, "array: str8 element past the end"},
        {"e0 02 01 ff", MQ_A1_E_BAD_CODE, "array element constructor 0xff"},
        {"e0 03 01 00 53", MQ_A1_E_BAD_SIZE, "array descriptor cut by the size"},
        {"e0 04 02 56 01 02", MQ_E_BAD_DATA, "boolean element 0x02"},
        {"56 02", MQ_E_BAD_DATA, "boolean 0x56 0x02"},
        {"e0 ff 01 41", MQ_E_TRUNCATED, "array8 size past the end"},
        {"e0 03 ff 41 41", MQ_A1_E_BAD_SIZE, "array8 of true: count 255 allowed, but a byte is left over"},
    };
    size_t i;
    for (i = 0; i < sizeof c / sizeof c[0]; i++) {
        int rc = validate_hex(c[i].hex);
        tap_ok(rc == c[i].rc, "%s: %s -> %d (got %d)", c[i].what, c[i].hex, c[i].rc, rc);
    }
    TAP_OK(validate_hex("e0 02 ff 41") == 0, "array8 of 255 true (zero width, at the limit) is valid");
}

static void t_codes(void)
{
    uint8_t buf[32];
    int code, wrong = 0, invalid = 0, rc;
    for (code = 1; code < 256; code++) {
        memset(buf, 0, sizeof buf);
        buf[0] = (uint8_t)code;
        rc = mq_a1_validate(buf, 1, NULL);
        if (mq_a1_codes[code].type == 0) {
            invalid++;
            if (rc != MQ_A1_E_BAD_CODE)
                wrong++;
        } else if (rc == MQ_A1_E_BAD_CODE) {
            wrong++;
        }
    }
    TAP_OK(wrong == 0 && invalid == 255 - 39, "each of the %d non-constructor bytes: MQ_A1_E_BAD_CODE; "
           "the 39 constructors never", invalid);
    TAP_EQ_INT(validate_hex("00 41 40"), MQ_A1_E_BAD_DESCRIPTOR, "boolean descriptor");
    TAP_EQ_INT(validate_hex("00 a1 01 61 40"), MQ_A1_E_BAD_DESCRIPTOR, "string descriptor");
    TAP_EQ_INT(validate_hex("00 00 53 01 40 40"), MQ_A1_E_BAD_DESCRIPTOR, "described descriptor");
    TAP_EQ_INT(validate_hex("00 53 01 00 53 02 40"), MQ_A1_E_BAD_DESCRIPTOR, "described value described again");
    TAP_EQ_INT(validate_hex("00 ff 40"), MQ_A1_E_BAD_CODE, "descriptor constructor 0xff");
    TAP_EQ_INT(validate_hex("00 53 01 ff"), MQ_A1_E_BAD_CODE, "described value constructor 0xff");
    TAP_EQ_INT(validate_hex("00"), MQ_E_TRUNCATED, "0x00 alone");
    TAP_EQ_INT(validate_hex("00 53 01"), MQ_E_TRUNCATED, "descriptor without value");
    TAP_EQ_INT(validate_hex("e0 05 01 00 41 70 00"), MQ_A1_E_BAD_DESCRIPTOR, "array: boolean descriptor");
    TAP_EQ_INT(validate_hex("e0 05 01 00 53 01 00"), MQ_A1_E_BAD_DESCRIPTOR, "array: descriptor, then 0x00");
}

/* n nested list32 (or array32 of one list32 each when arrays) around null. */
static uint8_t *nest(int n, size_t *len)
{
    size_t total = (size_t)n * 9 + 1, i;
    uint8_t *p = malloc(total);
    for (i = 0; i < (size_t)n; i++) {
        p[i * 9] = MQ_A1_C_LIST32;
        mq_put32(p + i * 9 + 1, (uint32_t)(total - i * 9 - 5));
        mq_put32(p + i * 9 + 5, 1);
    }
    p[total - 1] = MQ_A1_C_NULL;
    *len = total;
    return p;
}

static void t_depth(void)
{
    mq_a1_cursor c, sub;
    mq_a1_value v;
    size_t len, count = 0;
    uint8_t *p = nest(MQ_A1_MAX_DEPTH, &len);
    int rc, i;
    TAP_OK(mq_a1_validate(p, len, &count) == 0 && count == MQ_A1_MAX_DEPTH + 1,
           "%d nested lists: valid, %d values", MQ_A1_MAX_DEPTH, MQ_A1_MAX_DEPTH + 1);
    free(p);
    p = nest(MQ_A1_MAX_DEPTH + 1, &len);
    TAP_EQ_INT(mq_a1_validate(p, len, NULL), MQ_E_TOO_DEEP, "one more: MQ_E_TOO_DEEP");
    free(p);
    p = nest(100000, &len);
    TAP_EQ_INT(mq_a1_validate(p, len, NULL), MQ_E_TOO_DEEP, "100000 nested lists: MQ_E_TOO_DEEP");
    free(p);
    /* The same through arrays of arrays: e0, then per level: size, count
     * 1, the element constructor (e0 again; ubyte at the last), then 09. */
    for (i = 0; i < 2; i++) {
        int n = MQ_A1_MAX_DEPTH + i, k;
        size_t total = 1 + 3 * (size_t)n + 1;
        uint8_t *a = malloc(total);
        a[0] = MQ_A1_C_ARRAY8;
        for (k = 0; k < n; k++) {
            a[1 + 3 * k] = (uint8_t)(total - 2 - 3 * (size_t)k);
            a[2 + 3 * k] = 1;
            a[3 + 3 * k] = k < n - 1 ? MQ_A1_C_ARRAY8 : MQ_A1_C_UBYTE;
        }
        a[total - 1] = 9;
        rc = mq_a1_validate(a, total, &count);
        if (i == 0)
            TAP_OK(rc == 0 && count == (size_t)n + 1, "%d nested arrays: valid", n);
        else
            TAP_EQ_INT(rc, MQ_E_TOO_DEEP, "one more nested array: MQ_E_TOO_DEEP");
        free(a);
    }
    /* Errors stick: next() after an error returns it again. */
    {
        uint8_t bad[] = {0x52, 0x01, 0xff, 0x40};
        mq_a1_cursor_init(&c, bad, sizeof bad);
        rc = mq_a1_next(&c, &v);
        TAP_OK(rc == 1 && v.v.u == 1, "first value of 52 01 ff 40 reads");
        TAP_EQ_INT(mq_a1_next(&c, &v), MQ_A1_E_BAD_CODE, "then 0xff: MQ_A1_E_BAD_CODE");
        TAP_EQ_INT(mq_a1_next(&c, &v), MQ_A1_E_BAD_CODE, "and again, the null after it is not read");
        TAP_EQ_INT(mq_a1_enter(&c, &v, &sub), MQ_E_INVALID, "entering a scalar: MQ_E_INVALID");
    }
    /* An empty input has no value; a sub-cursor of list0 is empty. */
    {
        uint8_t l0[] = {0x45};
        mq_a1_cursor_init(&c, l0, 0);
        TAP_EQ_INT(mq_a1_next(&c, &v), 0, "empty input: no value");
        mq_a1_cursor_init(&c, l0, 1);
        rc = mq_a1_next(&c, &v);
        TAP_OK(rc == 1 && v.type == MQ_A1_T_LIST && mq_a1_enter(&c, &v, &sub) == 0 &&
               mq_a1_next(&sub, &v) == 0, "list0: a list with no elements");
    }
}

int main(void)
{
    t_truncations();
    t_lies();
    t_codes();
    t_depth();
    return tap_done();
}

/* SPDX-License-Identifier: MIT */
/*
 * AMQP 1.0 composite types (src/amqp1/mq_a1_composite.c and the generated
 * mq_a1_types.c): every composite type of the specification encoded with
 * all fields and with its mandatory fields only, decoded and compared
 * field by field; byte-exact encodings of a few performatives checked by
 * hand against the specification; decode errors of fields.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mq_a1_frame.h"
#include "hex.h"
#include "tap.h"

/* (TAP_EQ_INT evaluates its arguments twice.) */
static void eq(long got, long want, const char *what)
{
    tap_ok(got == want, "%s (got %ld, want %ld)", what, got, want);
}

/* ------------------------------------------------ filling by field table */

/* Encoded values that fields of the encoded kinds point to (kept alive for
 * the whole test). */
static mq_wbuf pool[64];
static int npool;

static mq_bytes pooled(void (*build)(mq_a1_writer *))
{
    mq_wbuf *w = &pool[npool++];
    mq_a1_writer wr;
    mq_wbuf_init(w);
    mq_a1_writer_init(&wr, w);
    build(&wr);
    if (mq_a1_writer_finish(&wr) < 0)
        abort();
    return mq_bytes_of((const char *)w->data, w->len);
}

static void b_map(mq_a1_writer *wr)
{
    mq_a1_map_begin(wr);
    mq_a1_put_symbol(wr, "k", 1);
    mq_a1_put_int(wr, -5);
    mq_a1_put_symbol(wr, "list", 4);
    mq_a1_list_begin(wr);
    mq_a1_put_string(wr, "x", 1);
    mq_a1_list_end(wr);
    mq_a1_map_end(wr);
}

static void b_symbols(mq_a1_writer *wr)
{
    mq_a1_array_begin(wr, MQ_A1_T_SYMBOL, NULL);
    mq_a1_put_symbol(wr, "en-US", 5);
    mq_a1_put_symbol(wr, "de", 2);
    mq_a1_array_end(wr);
}

static void b_described(mq_a1_writer *wr)
{
    mq_a1_rejected r;
    mq_a1_rejected_init(&r);
    r.has_error = true;
    r.error.condition = mq_cstr("amqp:not-found");
    mq_a1_rejected_put(wr, &r);
}

static void b_string(mq_a1_writer *wr) { mq_a1_put_string(wr, "/queues/q", 9); }
static void b_binary(mq_a1_writer *wr) { mq_a1_put_binary(wr, "\x01\x02", 2); }

/* An encoded value allowed in an ANY field of mask types. */
static mq_bytes any_value(uint32_t types)
{
    if (!types || (types & MQ_A1_TBIT(MQ_A1_T_STRING)))
        return pooled(b_string);
    if (types & MQ_A1_TBIT(MQ_A1_T_BINARY))
        return pooled(b_binary);
    return pooled(b_described);
}

static void fill(const mq_a1_composite_info *ci, void *s, bool all, int salt);

static void fill_field(const mq_a1_field_info *f, void *s, int salt)
{
    void *p = (char *)s + f->off;
    static const char *strs[] = {"container-1", "host.example", "amqp:x", "\x00\xff\x10"};
    switch (f->kind) {
    case MQ_A1_K_BOOL: *(bool *)p = true; break; /* (every default is false) */
    case MQ_A1_K_UBYTE: *(uint8_t *)p = (uint8_t)(200 + salt); break;
    case MQ_A1_K_USHORT: *(uint16_t *)p = (uint16_t)(40000 + salt); break;
    case MQ_A1_K_UINT: *(uint32_t *)p = 0x12345678u + (uint32_t)salt; break;
    case MQ_A1_K_ULONG: *(uint64_t *)p = 0x123456789abcull + (uint64_t)salt; break;
    case MQ_A1_K_TIMESTAMP: *(int64_t *)p = -1700000000000ll - salt; break;
    case MQ_A1_K_BINARY: *(mq_bytes *)p = mq_bytes_of(strs[3], 3); break;
    case MQ_A1_K_STRING: *(mq_bytes *)p = mq_cstr(strs[salt % 2]); break;
    case MQ_A1_K_SYMBOL: *(mq_bytes *)p = mq_cstr(strs[2]); break;
    case MQ_A1_K_MAP: *(mq_bytes *)p = pooled(b_map); break;
    case MQ_A1_K_MULTI: *(mq_bytes *)p = pooled(b_symbols); break;
    case MQ_A1_K_ANY: *(mq_bytes *)p = any_value(f->types); break;
    case MQ_A1_K_COMPOSITE: fill(f->sub, p, true, salt + 1); break;
    }
}

/* Sets every field (all) or the mandatory ones only. */
static void fill(const mq_a1_composite_info *ci, void *s, bool all, int salt)
{
    int i;
    mq_a1_composite_init(ci, s);
    for (i = 0; i < ci->nfields; i++) {
        const mq_a1_field_info *f = &ci->fields[i];
        if (!f->mandatory && !all)
            continue;
        fill_field(f, s, salt + i);
        if (!f->mandatory)
            *(bool *)((char *)s + f->has_off) = true;
    }
}

/* The fields of a and b differ: the name of the first, or NULL. */
static const char *differs(const mq_a1_composite_info *ci, const void *a, const void *b)
{
    int i;
    for (i = 0; i < ci->nfields; i++) {
        const mq_a1_field_info *f = &ci->fields[i];
        const char *pa = (const char *)a + f->off, *pb = (const char *)b + f->off;
        if (!f->mandatory && pa[f->has_off - f->off] != pb[f->has_off - f->off])
            return f->name;
        if (f->kind == MQ_A1_K_COMPOSITE) {
            if (differs(f->sub, pa, pb))
                return f->name;
        } else if (f->kind >= MQ_A1_K_BINARY) {
            const mq_bytes *x = (const mq_bytes *)pa, *y = (const mq_bytes *)pb;
            if (x->len != y->len || (x->len && memcmp(x->ptr, y->ptr, x->len)))
                return f->name;
        } else {
            size_t w = f->kind == MQ_A1_K_BOOL ? sizeof(bool) : f->kind == MQ_A1_K_UBYTE ? 1
                       : f->kind == MQ_A1_K_USHORT ? 2 : f->kind == MQ_A1_K_UINT ? 4 : 8;
            if (memcmp(pa, pb, w))
                return f->name;
        }
    }
    return NULL;
}

/* The list count of an encoded composite (after its descriptor). */
static long list_count(const mq_wbuf *w)
{
    mq_a1_cursor c;
    mq_a1_value v;
    mq_a1_cursor_init(&c, w->data, w->len);
    return mq_a1_next(&c, &v) == 1 ? (long)v.v.c.count : -1;
}

static void roundtrip(const mq_a1_composite_info *ci, bool all)
{
    char a[2048], b[2048];
    mq_wbuf w;
    mq_a1_writer wr;
    const char *d;
    int i, want = 0, rc;
    mq_wbuf_init(&w);
    fill(ci, a, all, 3);
    mq_a1_writer_init(&wr, &w);
    mq_a1_composite_put(&wr, ci, a);
    rc = mq_a1_writer_finish(&wr);
    memset(b, 0xa5, sizeof b);
    if (rc == MQ_OK)
        rc = mq_a1_composite_decode_bytes(ci, w.data, w.len, b);
    d = rc == MQ_OK ? differs(ci, a, b) : "(decode)";
    for (i = 0; i < ci->nfields; i++)
        if (all || ci->fields[i].mandatory)
            want = i + 1;
    tap_ok(rc == MQ_OK && !d && list_count(&w) == want,
           "%s with %s fields: %zu bytes, %ld of %d fields written, decodes equal (rc %d, %s)",
           ci->name, all ? "all" : "mandatory", w.len, list_count(&w), ci->nfields, rc,
           d ? d : "equal");
    mq_wbuf_free(&w);
}

static void t_every_composite(void)
{
    size_t i;
    for (i = 0; i < MQ_A1_COMPOSITE_COUNT; i++) {
        TAP_OK(mq_a1_composites[i]->size <= 2048, "%s fits the test buffer", mq_a1_composites[i]->name);
        roundtrip(mq_a1_composites[i], true);
        roundtrip(mq_a1_composites[i], false);
    }
}

/* --------------------------------------------------------- exact bytes */

static void expect(const char *what, const mq_wbuf *w, const char *hex)
{
    uint8_t want[512];
    char got[1600];
    size_t n = unhex(hex, want, sizeof want);
    tohex(w->data, w->len, got, sizeof got);
    tap_ok(w->len == n && !memcmp(w->data, want, n), "%s: %s", what, got);
}

static void t_exact(void)
{
    mq_wbuf w;
    mq_a1_performative p;
    mq_a1_writer wr;
    mq_wbuf_init(&w);

    mq_a1_open_init(&p.open);
    p.open.container_id = mq_cstr("c");
    mq_a1_frame_put(&w, MQ_A1_FRAME_AMQP, 0, &mq_a1_ci_open, &p.open, NULL, 0, 0);
    /* size 17, doff 2, type 0, channel 0; 00 53 10: the open descriptor as
     * smallulong; list8 of size 4, count 1; str8 "c" */
    expect("open frame, container-id only", &w, "00 00 00 11 02 00 00 00 00 53 10 c0 04 01 a1 01 63");

    w.len = 0;
    mq_a1_begin_init(&p.begin);
    p.begin.incoming_window = p.begin.outgoing_window = 2048;
    mq_a1_frame_put(&w, MQ_A1_FRAME_AMQP, 7, &mq_a1_ci_begin, &p.begin, NULL, 0, 0);
    /* remote-channel absent (null), next-outgoing-id 0 (uint0), windows
     * uint 2048 */
    expect("begin frame on channel 7", &w,
           "00 00 00 1a 02 00 00 07 00 53 11 c0 0d 04 40 43 70 00 00 08 00 70 00 00 08 00");

    w.len = 0;
    mq_a1_transfer_init(&p.transfer);
    p.transfer.has_delivery_id = p.transfer.has_delivery_tag = true;
    p.transfer.has_message_format = p.transfer.has_settled = true;
    p.transfer.delivery_id = 1;
    p.transfer.delivery_tag = mq_bytes_of("\0", 1);
    mq_a1_writer_init(&wr, &w);
    mq_a1_transfer_put(&wr, &p.transfer);
    /* handle 0, delivery-id smalluint 1, tag vbin8 00, format uint0,
     * settled false; more and the rest omitted */
    expect("transfer performative", &w, "00 53 14 c0 09 05 43 52 01 a0 01 00 43 42");

    w.len = 0;
    mq_a1_disposition_init(&p.disposition);
    p.disposition.role = true;
    p.disposition.has_settled = p.disposition.has_state = true;
    p.disposition.settled = true;
    p.disposition.state = mq_bytes_of("\x00\x53\x24\x45", 4); /* accepted */
    mq_a1_writer_init(&wr, &w);
    mq_a1_disposition_put(&wr, &p.disposition);
    expect("disposition receiver, first 0, settled, accepted", &w,
           "00 53 15 c0 09 05 41 43 40 41 00 53 24 45");

    w.len = 0;
    mq_a1_close_init(&p.close);
    mq_a1_writer_init(&wr, &w);
    mq_a1_close_put(&wr, &p.close);
    expect("close without error: list0", &w, "00 53 18 45");

    w.len = 0;
    mq_a1_detach_init(&p.detach);
    p.detach.handle = 300;
    p.detach.has_closed = p.detach.has_error = true;
    p.detach.closed = true;
    p.detach.error.condition = mq_cstr("amqp:not-found");
    mq_a1_writer_init(&wr, &w);
    mq_a1_detach_put(&wr, &p.detach);
    expect("detach handle 300, closed, error amqp:not-found", &w,
           "00 53 16 c0 1d 03 70 00 00 01 2c 41 00 53 1d c0 11 01 a3 0e"
           " 61 6d 71 70 3a 6e 6f 74 2d 66 6f 75 6e 64");

    w.len = 0;
    mq_a1_sasl_init_init(&p.sasl_init);
    p.sasl_init.mechanism = mq_cstr("PLAIN");
    p.sasl_init.has_initial_response = true;
    p.sasl_init.initial_response = mq_bytes_of("\0u\0p", 4);
    mq_a1_frame_put(&w, MQ_A1_FRAME_SASL, 0, &mq_a1_ci_sasl_init, &p.sasl_init, NULL, 0, 0);
    expect("sasl-init frame PLAIN", &w,
           "00 00 00 1b 02 01 00 00 00 53 41 c0 0e 02 a3 05 50 4c 41 49 4e a0 04 00 75 00 70");

    w.len = 0;
    mq_a1_heartbeat_put(&w);
    expect("heartbeat", &w, "00 00 00 08 02 00 00 00");
    w.len = 0;
    mq_a1_proto_header_put(&w, MQ_A1_PROTO_SASL);
    expect("SASL protocol header", &w, "41 4d 51 50 03 01 00 00");
    mq_wbuf_free(&w);
}

/* ------------------------------------------------------- decode errors */

static int decode_hex(const mq_a1_composite_info *ci, const char *hex)
{
    uint8_t buf[256];
    char s[2048];
    size_t n = unhex(hex, buf, sizeof buf);
    uint8_t *copy = malloc(n ? n : 1); /* exact size: ASan sees any overread */
    int rc;
    memcpy(copy, buf, n);
    rc = mq_a1_composite_decode_bytes(ci, copy, n, s);
    free(copy);
    return rc;
}

static void t_decode_errors(void)
{
    mq_a1_open o;
    eq(decode_hex(&mq_a1_ci_open, "00 53 10 45"), MQ_A1_E_MISSING_FIELD, "open without fields");
    eq(decode_hex(&mq_a1_ci_open, "00 53 10 c0 02 01 40"), MQ_A1_E_MISSING_FIELD,
               "open with a null container-id");
    eq(decode_hex(&mq_a1_ci_open, "00 53 10 c0 04 01 a3 01 63"), MQ_A1_E_FIELD_TYPE,
               "open with a symbol container-id");
    eq(decode_hex(&mq_a1_ci_open, "00 53 10 c0 06 02 a1 01 63 52 05"), MQ_A1_E_FIELD_TYPE,
               "open with a uint hostname");
    eq(decode_hex(&mq_a1_ci_open, "00 53 10 c0 07 03 a1 01 63 40 54 05"), MQ_A1_E_FIELD_TYPE,
               "open with an int max-frame-size");
    eq(decode_hex(&mq_a1_ci_open, "00 53 10 c0 0a 03 a1 01 63 40 00 53 01 52 05"), MQ_A1_E_FIELD_TYPE,
               "open with a described max-frame-size");
    eq(decode_hex(&mq_a1_ci_open, "00 53 11 c0 04 01 a1 01 63"), MQ_A1_E_NOT_COMPOSITE,
               "begin's descriptor for an open");
    eq(decode_hex(&mq_a1_ci_open, "c0 04 01 a1 01 63"), MQ_A1_E_NOT_COMPOSITE, "no descriptor");
    eq(decode_hex(&mq_a1_ci_open, "00 53 10 c1 01 00"), MQ_A1_E_NOT_COMPOSITE, "a described map");
    eq(decode_hex(&mq_a1_ci_open, "00 53 10 c0 05 01 a1 01 63"), MQ_E_TRUNCATED, "list size past the end");
    eq(decode_hex(&mq_a1_ci_open, "00 53 10 c0 04 01 a1 01 63 40"), MQ_A1_E_BAD_SIZE,
               "a byte after the composite");
    eq(decode_hex(&mq_a1_ci_open, "00 53 10 c0 05 01 a1 01 63 40"), MQ_A1_E_BAD_SIZE,
               "list with more bytes than its count");
    eq(decode_hex(&mq_a1_ci_open, "00 53 10 c0 0e 0b a1 01 63 40 40 40 40 40 40 40 40 40 41"),
               MQ_OK, "open with an 11th field (tolerated, ignored)");
    eq(decode_hex(&mq_a1_ci_open, "00 53 10 c0 0e 0b a1 01 63 40 40 40 40 40 40 40 40 40 ff"),
               MQ_A1_E_BAD_CODE, "open with a malformed 11th field");
    eq(decode_hex(&mq_a1_ci_open, "00 a3 0e 61 6d 71 70 3a 6f 70 65 6e 3a 6c 69 73 74 c0 04 01 a1 01 63"),
               MQ_OK, "open with the symbolic descriptor amqp:open:list");
    eq(decode_hex(&mq_a1_ci_open, "00 53 10 c0 0a 06 a1 01 63 40 40 40 40 a1 00"), MQ_A1_E_FIELD_TYPE,
               "open with a string outgoing-locales");
    eq(decode_hex(&mq_a1_ci_open, "00 53 10 c0 0c 06 a1 01 63 40 40 40 40 a3 02 65 6e"), MQ_OK,
               "open with one symbol as outgoing-locales");
    eq(decode_hex(&mq_a1_ci_open, "00 53 10 c0 0d 0a a1 01 63 40 40 40 40 40 40 40 40 45"),
               MQ_A1_E_FIELD_TYPE, "open with a list as properties");
    eq(decode_hex(&mq_a1_ci_begin, "00 53 11 c0 04 03 40 43 43"), MQ_A1_E_MISSING_FIELD,
               "begin without outgoing-window");
    eq(decode_hex(&mq_a1_ci_detach, "00 53 16 c0 07 03 43 41 00 53 1d 45"), MQ_A1_E_MISSING_FIELD,
               "detach whose error has no condition");
    eq(decode_hex(&mq_a1_ci_detach, "00 53 16 c0 07 03 43 41 00 53 18 45"), MQ_A1_E_NOT_COMPOSITE,
               "detach with a close as its error");
    eq(decode_hex(&mq_a1_ci_properties, "00 53 73 c0 03 01 a3 00"), MQ_A1_E_FIELD_TYPE,
               "properties with a symbol message-id");
    eq(decode_hex(&mq_a1_ci_properties, "00 53 73 c0 02 01 44"), MQ_OK, "properties with message-id ulong0");
    eq(decode_hex(&mq_a1_ci_transfer, "00 53 14 c0 09 08 43 40 40 40 40 40 40 41"), MQ_A1_E_FIELD_TYPE,
               "transfer with a boolean state");
    eq(decode_hex(&mq_a1_ci_sasl_mechanisms, "00 53 40 c0 02 01 40"), MQ_A1_E_MISSING_FIELD,
               "sasl-mechanisms with null mechanisms");
    /* defaults of absent fields */
    eq(mq_a1_composite_decode_bytes(&mq_a1_ci_open, "\x00\x53\x10\xc0\x04\x01\xa1\x01\x63", 9, &o),
               MQ_OK, "open, container-id only");
    TAP_OK(!o.has_max_frame_size && o.max_frame_size == 4294967295u && o.channel_max == 65535,
           "absent max-frame-size and channel-max hold the defaults");
    {
        mq_a1_source s;
        eq(mq_a1_composite_decode_bytes(&mq_a1_ci_source, "\x00\x53\x28\x45", 4, &s), MQ_OK,
                   "source without fields");
        TAP_OK(s.expiry_policy.len == 11 && !memcmp(s.expiry_policy.ptr, "session-end", 11) &&
               !s.has_expiry_policy, "source expiry-policy defaults to session-end");
    }
}

static void t_multi(void)
{
    mq_wbuf w;
    mq_a1_cursor c;
    mq_a1_value v;
    mq_bytes syms[3] = {mq_cstr("a"), mq_cstr("bb"), mq_cstr("ccc")};
    int n = 0, rc;
    mq_wbuf_init(&w);
    eq(mq_a1_symbols_encode(&w, syms, 3), MQ_OK, "three symbols encoded");
    eq(mq_a1_multi_open(mq_bytes_of((const char *)w.data, w.len), &c), MQ_OK, "multi_open of the array");
    while ((rc = mq_a1_next(&c, &v)) == 1)
        n += v.type == MQ_A1_T_SYMBOL && v.v.bytes.len == syms[n].len;
    TAP_OK(rc == 0 && n == 3, "the array reads back as its three symbols");
    eq(mq_a1_multi_open(mq_bytes_of("\xa3\x01x", 3), &c), MQ_OK, "multi_open of one symbol");
    TAP_OK(mq_a1_next(&c, &v) == 1 && v.v.bytes.len == 1 && mq_a1_next(&c, &v) == 0,
           "a single symbol reads as one value");
    eq(mq_a1_multi_open(mq_bytes_of(NULL, 0), &c), MQ_OK, "multi_open of nothing");
    eq(mq_a1_next(&c, &v), 0, "nothing reads as no value");
    mq_wbuf_free(&w);
}

static void t_encode_errors(void)
{
    mq_wbuf w;
    mq_a1_writer wr;
    mq_a1_open o;
    mq_wbuf_init(&w);
    mq_a1_open_init(&o);
    o.container_id = mq_cstr("c");
    o.has_properties = true;
    o.properties = mq_bytes_of("\x45", 1); /* a list, not a map */
    mq_a1_writer_init(&wr, &w);
    eq(mq_a1_open_put(&wr, &o), MQ_E_INVALID, "a list given as properties");
    eq(mq_a1_writer_finish(&wr), MQ_E_INVALID, "the writer keeps the error");
    o.properties = mq_bytes_of("\xc1\x01\x00\x40", 4);
    w.len = 0;
    mq_a1_writer_init(&wr, &w);
    eq(mq_a1_open_put(&wr, &o), MQ_E_INVALID, "properties followed by another value");
    o.has_properties = false;
    o.has_offered_capabilities = true;
    o.offered_capabilities = mq_bytes_of("\xa1\x01x", 3);
    w.len = 0;
    mq_a1_writer_init(&wr, &w);
    eq(mq_a1_open_put(&wr, &o), MQ_E_INVALID, "a string given as offered-capabilities");
    mq_wbuf_free(&w);
}

int main(void)
{
    int i;
    t_every_composite();
    t_exact();
    t_decode_errors();
    t_multi();
    t_encode_errors();
    for (i = 0; i < npool; i++)
        mq_wbuf_free(&pool[i]);
    return tap_done();
}

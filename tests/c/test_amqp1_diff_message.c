/* SPDX-License-Identifier: MIT */
/*
 * AMQP 1.0 messages (src/amqp1/mq_a1_message.c): our own round trip of a
 * message with every section, section order and type errors, every
 * truncation; and against Qpid Proton C 0.37 (pn_message_t, a test-only
 * dependency): a message with every section Proton has (it has no footer)
 * encoded by Proton and decoded by us, and encoded by us and decoded by
 * Proton, with the values compared on both sides.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <proton/codec.h>
#include <proton/message.h>

#include "mq_a1_message.h"
#include "tap.h"

static void eq(long got, long want, const char *what)
{
    tap_ok(got == want, "%s (got %ld, want %ld)", what, got, want);
}

static bool bytes_is(mq_bytes b, const char *s)
{
    return b.len == strlen(s) && !memcmp(b.ptr, s, b.len);
}

/* The map m (encoded) holds symbol key k with a string value v. */
static bool map_has(mq_bytes m, const char *k, const char *v)
{
    mq_a1_cursor c, e;
    mq_a1_value mv, kv, vv;
    mq_a1_cursor_init(&c, m.ptr, m.len);
    if (mq_a1_next(&c, &mv) != 1 || mv.type != MQ_A1_T_MAP || mq_a1_enter(&c, &mv, &e) < 0)
        return false;
    while (mq_a1_next(&e, &kv) == 1 && mq_a1_next(&e, &vv) == 1)
        if ((kv.type == MQ_A1_T_SYMBOL || kv.type == MQ_A1_T_STRING) && bytes_is(kv.v.bytes, k))
            return vv.type == MQ_A1_T_STRING && bytes_is(vv.v.bytes, v);
    return false;
}

/* An encoded map {k: v} (symbol key, or string key when str_key). */
static mq_bytes enc_map(mq_wbuf *w, const char *k, const char *v, bool str_key)
{
    mq_a1_writer wr;
    size_t start = w->len;
    mq_a1_writer_init(&wr, w);
    mq_a1_map_begin(&wr);
    if (str_key)
        mq_a1_put_string(&wr, k, strlen(k));
    else
        mq_a1_put_symbol(&wr, k, strlen(k));
    mq_a1_put_string(&wr, v, strlen(v));
    mq_a1_map_end(&wr);
    mq_a1_writer_finish(&wr);
    return mq_bytes_of((const char *)w->data + start, w->len - start);
}

/* A message with every section; encoded values live in pool (which must
 * not grow afterwards: reserved first). */
static void build(mq_a1_message *m, mq_wbuf *pool, mq_wbuf *body, bool footer)
{
    mq_a1_writer wr;
    mq_a1_message_init(m);
    mq_wbuf_reserve(pool, 4096);
    m->has_header = true;
    m->header.has_durable = m->header.has_priority = m->header.has_ttl = true;
    m->header.has_first_acquirer = m->header.has_delivery_count = true;
    m->header.durable = true;
    m->header.priority = 7;
    m->header.ttl = 60000;
    m->header.first_acquirer = true;
    m->header.delivery_count = 3;
    m->delivery_annotations = enc_map(pool, "x-da", "d1", false);
    m->message_annotations = enc_map(pool, "x-opt-ma", "m1", false);
    m->has_properties = true;
    {
        mq_a1_properties *p = &m->properties;
        p->has_message_id = p->has_user_id = p->has_to = p->has_subject = true;
        p->has_reply_to = p->has_correlation_id = p->has_content_type = true;
        p->has_content_encoding = p->has_absolute_expiry_time = p->has_creation_time = true;
        p->has_group_id = p->has_group_sequence = p->has_reply_to_group_id = true;
        p->message_id = mq_bytes_of("\xa1\x05id-42", 7);
        p->user_id = mq_cstr("guest");
        p->to = mq_bytes_of("\xa1\x09/queues/q", 11);
        p->subject = mq_cstr("subj");
        p->reply_to = mq_bytes_of("\xa1\x03/rt", 5);
        p->correlation_id = mq_bytes_of("\x53\x63", 2); /* ulong 99 */
        p->content_type = mq_cstr("text/plain");
        p->content_encoding = mq_cstr("utf-8");
        p->absolute_expiry_time = 1700000060000;
        p->creation_time = 1700000000000;
        p->group_id = mq_cstr("g");
        p->group_sequence = 5;
        p->reply_to_group_id = mq_cstr("rg");
    }
    m->application_properties = enc_map(pool, "color", "red", true);
    if (footer)
        m->footer = enc_map(pool, "x-f", "f1", false);
    mq_a1_writer_init(&wr, body);
    mq_a1_data_put(&wr, "hello", 5);
    mq_a1_writer_finish(&wr);
    m->body_kind = MQ_A1_BODY_DATA;
    m->body_count = 1;
    m->body = mq_bytes_of((const char *)body->data, body->len);
}

/* Our decoded message m is the one build() makes. */
static const char *check_ours(const mq_a1_message *m, bool footer)
{
    mq_a1_cursor c;
    uint64_t code;
    mq_bytes content;
    const mq_a1_properties *p = &m->properties;
    if (!m->has_header || !m->header.durable || m->header.priority != 7 || m->header.ttl != 60000 ||
        !m->header.first_acquirer || m->header.delivery_count != 3)
        return "header";
    if (!map_has(m->delivery_annotations, "x-da", "d1") || !map_has(m->message_annotations, "x-opt-ma", "m1"))
        return "annotations";
    if (!m->has_properties || !bytes_is(p->user_id, "guest") || !bytes_is(p->subject, "subj") ||
        !bytes_is(p->content_type, "text/plain") || !bytes_is(p->content_encoding, "utf-8") ||
        p->absolute_expiry_time != 1700000060000 || p->creation_time != 1700000000000 ||
        !bytes_is(p->group_id, "g") || p->group_sequence != 5 || !bytes_is(p->reply_to_group_id, "rg"))
        return "properties";
    if (p->message_id.len != 7 || memcmp(p->message_id.ptr, "\xa1\x05id-42", 7) ||
        p->to.len != 11 || memcmp(p->to.ptr, "\xa1\x09/queues/q", 11) ||
        p->correlation_id.len < 2 || (uint8_t)p->correlation_id.ptr[p->correlation_id.len - 1] != 99)
        return "properties message-id, to or correlation-id";
    if (!map_has(m->application_properties, "color", "red"))
        return "application-properties";
    if (footer != (m->footer.len > 0) || (footer && !map_has(m->footer, "x-f", "f1")))
        return "footer";
    mq_a1_cursor_init(&c, m->body.ptr, m->body.len);
    if (m->body_kind != MQ_A1_BODY_DATA || m->body_count != 1 || mq_a1_section_next(&c, &code, &content) != 1 ||
        code != MQ_A1_D_DATA || !bytes_is(content, "hello"))
        return "body";
    return NULL;
}

static void t_ours(void)
{
    mq_wbuf pool, body, w, w2;
    mq_a1_message m, d;
    mq_a1_writer wr;
    const char *why;
    size_t i;
    int bad = 0, rc;
    mq_wbuf_init(&pool);
    mq_wbuf_init(&body);
    mq_wbuf_init(&w);
    mq_wbuf_init(&w2);
    build(&m, &pool, &body, true);
    mq_a1_writer_init(&wr, &w);
    mq_a1_message_put(&wr, &m);
    eq(mq_a1_writer_finish(&wr), MQ_OK, "message with every section encoded");
    eq(mq_a1_message_decode(w.data, w.len, &d), MQ_OK, "and decoded");
    why = check_ours(&d, true);
    TAP_OK(!why, "every section reads back (%s)", why ? why : "all equal");
    mq_a1_writer_init(&wr, &w2);
    mq_a1_message_put(&wr, &d);
    TAP_OK(mq_a1_writer_finish(&wr) == MQ_OK && w2.len == w.len && !memcmp(w.data, w2.data, w.len),
           "the decoded message encodes to the same %zu bytes", w.len);
    for (i = 0; i < w.len; i++) {
        uint8_t *copy = malloc(i ? i : 1);
        memcpy(copy, w.data, i);
        rc = mq_a1_message_decode(copy, i, &d);
        /* a prefix that ends between sections is a valid shorter message */
        if (rc != MQ_E_TRUNCATED && rc != MQ_OK)
            bad++;
        free(copy);
    }
    TAP_OK(!bad, "every prefix of the %zu bytes is truncated or a shorter message (%d not)", w.len, bad);
    mq_wbuf_free(&pool);
    mq_wbuf_free(&body);
    mq_wbuf_free(&w);
    mq_wbuf_free(&w2);
}

static int decode_bytes(const char *p, size_t n)
{
    mq_a1_message m;
    char *copy = malloc(n ? n : 1);
    int rc;
    memcpy(copy, p, n);
    rc = mq_a1_message_decode(copy, n, &m);
    free(copy);
    return rc;
}

#define S(lit) lit, sizeof(lit) - 1

static void t_errors(void)
{
    eq(decode_bytes(S("")), MQ_OK, "an empty message (no sections)");
    eq(decode_bytes(S("\x00\x53\x75\xa0\x01x\x00\x53\x75\xa0\x00")), MQ_OK, "two data sections");
    eq(decode_bytes(S("\x00\x53\x77\x40\x00\x53\x77\x40")), MQ_A1_E_SECTION, "two amqp-value sections");
    eq(decode_bytes(S("\x00\x53\x75\xa0\x00\x00\x53\x76\x45")), MQ_A1_E_SECTION, "data then amqp-sequence");
    eq(decode_bytes(S("\x00\x53\x73\x45\x00\x53\x70\x45")), MQ_A1_E_SECTION, "properties before header");
    eq(decode_bytes(S("\x00\x53\x70\x45\x00\x53\x70\x45")), MQ_A1_E_SECTION, "header twice");
    eq(decode_bytes(S("\x00\x53\x78\xc1\x01\x00\x00\x53\x75\xa0\x00")), MQ_A1_E_SECTION, "body after the footer");
    eq(decode_bytes(S("\x00\x53\x75\xa1\x00")), MQ_A1_E_SECTION, "data that is a string");
    eq(decode_bytes(S("\x00\x53\x74\x45")), MQ_A1_E_SECTION, "application-properties that are a list");
    eq(decode_bytes(S("\x00\x53\x76\xc1\x01\x00")), MQ_A1_E_SECTION, "amqp-sequence that is a map");
    eq(decode_bytes(S("\x00\x53\x10\x45")), MQ_A1_E_SECTION, "an open as a section");
    eq(decode_bytes(S("\xa0\x00")), MQ_A1_E_SECTION, "an undescribed binary");
    eq(decode_bytes(S("\x00\x53\x70\xc0\x03\x01\x52\x01")), MQ_A1_E_FIELD_TYPE, "header with a uint durable");
    eq(decode_bytes(S("\x00\xa3\x0f" "amqp:data:binar" "\xa0\x01x")), MQ_A1_E_SECTION,
       "a symbolic descriptor that names no section");
    eq(decode_bytes(S("\x00\xa3\x10" "amqp:data:binary" "\xa0\x01x")), MQ_OK, "a data section by its symbolic descriptor");
    eq(decode_bytes(S("\x00\x53\x77\xd0\x00\x00\x00\x04\x00\x00\x00\x00")), MQ_OK, "amqp-value of an empty list32");
}

/* ------------------------------------------------------------ Proton */

static void pn_set_all(pn_message_t *pm)
{
    pn_data_t *d;
    pn_msgid_t id;
    pn_message_set_durable(pm, true);
    pn_message_set_priority(pm, 7);
    pn_message_set_ttl(pm, 60000);
    pn_message_set_first_acquirer(pm, true);
    pn_message_set_delivery_count(pm, 3);
    id.type = PN_STRING;
    id.u.as_bytes = pn_bytes(5, "id-42");
    pn_message_set_id(pm, id);
    pn_message_set_user_id(pm, pn_bytes(5, "guest"));
    pn_message_set_address(pm, "/queues/q");
    pn_message_set_subject(pm, "subj");
    pn_message_set_reply_to(pm, "/rt");
    id.type = PN_ULONG;
    id.u.as_ulong = 99;
    pn_message_set_correlation_id(pm, id);
    pn_message_set_content_type(pm, "text/plain");
    pn_message_set_content_encoding(pm, "utf-8");
    pn_message_set_expiry_time(pm, 1700000060000);
    pn_message_set_creation_time(pm, 1700000000000);
    pn_message_set_group_id(pm, "g");
    pn_message_set_group_sequence(pm, 5);
    pn_message_set_reply_to_group_id(pm, "rg");
    d = pn_message_instructions(pm);
    pn_data_put_map(d); pn_data_enter(d);
    pn_data_put_symbol(d, pn_bytes(4, "x-da")); pn_data_put_string(d, pn_bytes(2, "d1"));
    pn_data_exit(d);
    d = pn_message_annotations(pm);
    pn_data_put_map(d); pn_data_enter(d);
    pn_data_put_symbol(d, pn_bytes(8, "x-opt-ma")); pn_data_put_string(d, pn_bytes(2, "m1"));
    pn_data_exit(d);
    d = pn_message_properties(pm);
    pn_data_put_map(d); pn_data_enter(d);
    pn_data_put_string(d, pn_bytes(5, "color")); pn_data_put_string(d, pn_bytes(3, "red"));
    pn_data_exit(d);
    pn_message_set_inferred(pm, true);
    pn_data_put_binary(pn_message_body(pm), pn_bytes(5, "hello"));
}

static void t_proton_to_us(void)
{
    pn_message_t *pm = pn_message();
    char buf[4096];
    size_t n = sizeof buf;
    mq_a1_message m;
    const char *why;
    int rc;
    pn_set_all(pm);
    eq(pn_message_encode(pm, buf, &n), 0, "Proton encodes a message with every section it has");
    {
        char *copy = malloc(n);
        memcpy(copy, buf, n);
        rc = mq_a1_message_decode(copy, n, &m);
        why = rc == MQ_OK ? check_ours(&m, false) : "decode";
        TAP_OK(!why, "we decode Proton's %zu bytes to the same values (rc %d, %s)", n, rc, why ? why : "equal");
        free(copy);
    }
    pn_message_free(pm);
}

static bool pn_map_has(pn_data_t *d, const char *k, const char *v)
{
    pn_data_rewind(d);
    if (!pn_data_next(d) || pn_data_type(d) != PN_MAP || !pn_data_enter(d))
        return false;
    while (pn_data_next(d)) {
        pn_bytes_t key = pn_data_get_bytes(d);
        if (!pn_data_next(d))
            return false;
        if (key.size == strlen(k) && !memcmp(key.start, k, key.size)) {
            pn_bytes_t val = pn_data_get_string(d);
            return pn_data_type(d) == PN_STRING && val.size == strlen(v) && !memcmp(val.start, v, val.size);
        }
    }
    return false;
}

static const char *check_proton(pn_message_t *pm)
{
    pn_msgid_t id = pn_message_get_id(pm), cid = pn_message_get_correlation_id(pm);
    pn_bytes_t uid = pn_message_get_user_id(pm);
    pn_data_t *body = pn_message_body(pm);
    if (!pn_message_is_durable(pm) || pn_message_get_priority(pm) != 7 || pn_message_get_ttl(pm) != 60000 ||
        !pn_message_is_first_acquirer(pm) || pn_message_get_delivery_count(pm) != 3)
        return "header";
    if (id.type != PN_STRING || id.u.as_bytes.size != 5 || memcmp(id.u.as_bytes.start, "id-42", 5) ||
        cid.type != PN_ULONG || cid.u.as_ulong != 99 || uid.size != 5 || memcmp(uid.start, "guest", 5))
        return "ids";
    if (strcmp(pn_message_get_address(pm), "/queues/q") || strcmp(pn_message_get_subject(pm), "subj") ||
        strcmp(pn_message_get_reply_to(pm), "/rt") || strcmp(pn_message_get_content_type(pm), "text/plain") ||
        strcmp(pn_message_get_content_encoding(pm), "utf-8") || strcmp(pn_message_get_group_id(pm), "g") ||
        strcmp(pn_message_get_reply_to_group_id(pm), "rg") || pn_message_get_group_sequence(pm) != 5 ||
        pn_message_get_expiry_time(pm) != 1700000060000 || pn_message_get_creation_time(pm) != 1700000000000)
        return "properties";
    if (!pn_map_has(pn_message_instructions(pm), "x-da", "d1") ||
        !pn_map_has(pn_message_annotations(pm), "x-opt-ma", "m1") ||
        !pn_map_has(pn_message_properties(pm), "color", "red"))
        return "maps";
    pn_data_rewind(body);
    if (!pn_data_next(body) || pn_data_type(body) != PN_BINARY || pn_data_get_binary(body).size != 5 ||
        memcmp(pn_data_get_binary(body).start, "hello", 5))
        return "body";
    return NULL;
}

static void t_us_to_proton(void)
{
    mq_wbuf pool, body, w;
    mq_a1_message m;
    mq_a1_writer wr;
    pn_message_t *pm = pn_message();
    const char *why;
    int rc;
    mq_wbuf_init(&pool);
    mq_wbuf_init(&body);
    mq_wbuf_init(&w);
    build(&m, &pool, &body, false);
    mq_a1_writer_init(&wr, &w);
    mq_a1_message_put(&wr, &m);
    eq(mq_a1_writer_finish(&wr), MQ_OK, "we encode a message with every section Proton has");
    rc = pn_message_decode(pm, (const char *)w.data, w.len);
    why = rc == 0 ? check_proton(pm) : "decode";
    TAP_OK(!why, "Proton decodes our %zu bytes to the same values (rc %d, %s)", w.len, rc, why ? why : "equal");
    pn_message_free(pm);
    mq_wbuf_free(&pool);
    mq_wbuf_free(&body);
    mq_wbuf_free(&w);
}

int main(void)
{
    t_ours();
    t_errors();
    t_proton_to_us();
    t_us_to_proton();
    return tap_done();
}

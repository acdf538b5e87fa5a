/* SPDX-License-Identifier: MIT */
/*
 * The AMQP 0-9-1 reader (src/amqp/mq_reader.c) without a socket: frame
 * sequences built with the codec are fed whole, a byte at a time and in
 * fresh buffers (so that views into freed input are caught by ASan), and
 * the items, errors, skipped frames and body storage are checked.
 */
#include <stdlib.h>

#include "mq_reader.h"
#include "tap.h"

/* ---- the owner's side: channel modes and counted body storage ------------- */

static int modes[8];      /* MQ_RD_* of channels 0..7 */
static int allocs, frees; /* body_alloc / body_free calls */
static size_t refuse_above = (size_t)-1;

static int mode_cb(void *ud, uint16_t ch)
{
    (void)ud;
    return ch < 8 ? modes[ch] : MQ_RD_OFF;
}

static void *alloc_cb(void *ud, size_t len, char **data)
{
    (void)ud;
    if (len > refuse_above) return NULL;
    char *p = malloc(len + 1);
    if (p) allocs++;
    *data = p;
    return p;
}

static void free_cb(void *ud, void *h)
{
    (void)ud;
    frees++;
    free(h);
}

static mq_error err;

static void setup(mq_reader *r)
{
    for (int i = 0; i < 8; i++) modes[i] = MQ_RD_OPEN;
    modes[0] = MQ_RD_OFF;
    refuse_above = (size_t)-1;
    mq_error_clear(&err);
    mq_reader_init(r, mode_cb, alloc_cb, free_cb, NULL, &err);
}

/* ---- building input ---------------------------------------------------------- */

static void put_method(mq_wbuf *w, uint16_t ch, uint32_t id, const void *args)
{
    if (mq_method_frame(w, ch, id, args) != MQ_OK) abort();
}

static void put_header(mq_wbuf *w, uint16_t ch, uint16_t cls, uint64_t size, const mq_basic_properties_t *p)
{
    size_t mark;
    if (mq_frame_begin(w, MQ_FRAME_HEADER, ch, &mark) != MQ_OK || mq_header_encode(w, cls, size, p) != MQ_OK ||
        mq_frame_end(w, mark) != MQ_OK)
        abort();
}

static void put_raw(mq_wbuf *w, uint8_t type, uint16_t ch, const void *payload, uint32_t n, uint8_t end)
{
    if (mq_wbuf_reserve(w, n + 8) != MQ_OK) abort();
    uint8_t *b = w->data + w->len;
    b[0] = type;
    mq_put16(b + 1, ch);
    mq_put32(b + 3, n);
    if (n) memcpy(b + 7, payload, n);
    b[7 + n] = end;
    w->len += n + 8;
}

static void put_body(mq_wbuf *w, uint16_t ch, const char *s, size_t n)
{
    put_raw(w, MQ_FRAME_BODY, ch, s, (uint32_t)n, MQ_FRAME_END);
}

static void put_heartbeat(mq_wbuf *w) { put_raw(w, MQ_FRAME_HEARTBEAT, 0, NULL, 0, MQ_FRAME_END); }

static void put_deliver(mq_wbuf *w, uint16_t ch, uint64_t tag, const char *body, size_t n, size_t split)
{
    mq_basic_deliver_t d = {mq_cstr("ctag"), tag, tag % 2 == 1, mq_cstr("ex"), mq_cstr("rk")};
    mq_basic_properties_t p;
    memset(&p, 0, sizeof p);
    p.flags = MQ_BASIC_CONTENT_TYPE_FLAG | MQ_BASIC_MESSAGE_ID_FLAG | MQ_BASIC_TIMESTAMP_FLAG;
    p.content_type = mq_cstr("text/plain");
    p.message_id = mq_cstr("m-1");
    p.timestamp = 1700000000;
    put_method(w, ch, MQ_BASIC_DELIVER, &d);
    put_header(w, ch, MQ_BASIC_CLASS, n, &p);
    for (size_t off = 0; off < n; off += split) put_body(w, ch, body + off, n - off < split ? n - off : split);
}

static bool bytes_is(mq_bytes b, const char *s)
{
    return b.len == strlen(s) && memcmp(b.ptr, s, b.len) == 0;
}

/* ---- feeding ----------------------------------------------------------------- */

/* What an item said, copied out while its views are valid. */
typedef struct seen {
    int type;
    uint16_t channel;
    uint32_t id;
    uint64_t tag;
    char text[64];   /* consumer_tag|exchange|routing_key|content_type|message_id */
    char body[64];
    size_t body_len;
} seen;

static void record(const mq_rd_item *it, seen *s)
{
    memset(s, 0, sizeof *s);
    s->type = it->type;
    s->channel = it->channel;
    s->id = it->id;
    if (it->type == MQ_RD_CONTENT) {
        const mq_basic_deliver_t *d = &it->args->basic_deliver;
        s->tag = d->delivery_tag;
        snprintf(s->text, sizeof s->text, "%.*s|%.*s|%.*s|%.*s|%.*s", (int)d->consumer_tag.len,
                 d->consumer_tag.ptr, (int)d->exchange.len, d->exchange.ptr, (int)d->routing_key.len,
                 d->routing_key.ptr, (int)it->props->content_type.len, it->props->content_type.ptr,
                 (int)it->props->message_id.len, it->props->message_id.ptr);
        s->body_len = it->body_len;
        if (it->body_len < sizeof s->body) memcpy(s->body, it->body, it->body_len + 1);
        free_cb(NULL, it->body_handle);
    } else if (it->id == MQ_BASIC_ACK && it->decoded) {
        s->tag = it->args->basic_ack.delivery_tag;
    }
}

/* Feeds in[0..n) in chunks of `step` bytes (0: all at once), each call on a
 * fresh copy of the unconsumed bytes that is freed before the next one, as
 * a transport's buffer compaction would move them.  Records up to max
 * items; returns their number, or the reader's error. */
static int feed(mq_reader *r, const uint8_t *in, size_t n, size_t step, seen *out, int max)
{
    uint8_t *buf = NULL;
    size_t have = 0, pos = 0;
    int count = 0, rc = 0;
    for (;;) {
        size_t add = step ? (n - pos < step ? n - pos : step) : n - pos;
        uint8_t *nb = malloc(have + add + 1);
        if (have) memcpy(nb, buf, have);
        memcpy(nb + have, in + pos, add);
        free(buf);
        buf = nb;
        have += add;
        pos += add;
        size_t off = 0;
        for (;;) {
            mq_rd_item it;
            size_t used = 0, need = 0;
            rc = mq_reader_next(r, buf + off, have - off, 0, &used, &need, &it);
            off += used;
            if (rc <= 0) break;
            if (count < max) record(&it, &out[count]);
            else if (it.type == MQ_RD_CONTENT) free_cb(NULL, it.body_handle);
            count++;
        }
        memmove(buf, buf + off, have - off);
        have -= off;
        if (rc < 0 || pos == n) break;
    }
    free(buf);
    return rc < 0 ? rc : count;
}

/* ---- tests --------------------------------------------------------------------- */

static void t_deliver_whole_and_split(void)
{
    static const char body[] = "hello, reader: a body in three frames";
    size_t blen = sizeof body - 1;
    mq_wbuf w;
    mq_wbuf_init(&w);
    put_deliver(&w, 1, 7, body, blen, 13);
    size_t steps[] = {0, 1, 2, 7, 8, 100};
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        mq_reader r;
        seen s[2];
        setup(&r);
        allocs = frees = 0;
        int n = feed(&r, w.data, w.len, steps[i], s, 2);
        TAP_OK(n == 1 && s[0].type == MQ_RD_CONTENT && s[0].channel == 1 && s[0].id == MQ_BASIC_DELIVER &&
                   s[0].tag == 7 && strcmp(s[0].text, "ctag|ex|rk|text/plain|m-1") == 0 &&
                   s[0].body_len == blen && strcmp(s[0].body, body) == 0,
               "deliver + header + 3 body frames (%zu bytes) fed %s %zu: one message, fields decoded, "
               "body NUL-terminated",
               w.len, steps[i] ? "in steps of" : "whole, steps", steps[i]);
        TAP_OK(allocs == 1 && frees == 1, "one body allocation, handed over (%d/%d)", allocs, frees);
        mq_reader_free(&r);
    }
    mq_wbuf_free(&w);
}

static void t_interleaved(void)
{
    mq_wbuf w;
    mq_wbuf_init(&w);
    mq_basic_deliver_t d1 = {mq_cstr("c1"), 1, false, mq_cstr("x"), mq_cstr("k1")};
    mq_basic_deliver_t d2 = {mq_cstr("c2"), 2, false, mq_cstr("x"), mq_cstr("k2")};
    mq_basic_ack_t ack = {99, true};
    put_method(&w, 1, MQ_BASIC_DELIVER, &d1);
    put_method(&w, 2, MQ_BASIC_DELIVER, &d2);
    put_heartbeat(&w);
    put_header(&w, 1, MQ_BASIC_CLASS, 6, NULL);
    put_header(&w, 2, MQ_BASIC_CLASS, 3, NULL);
    put_method(&w, 3, MQ_BASIC_ACK, &ack);
    put_body(&w, 2, "two", 3);
    put_body(&w, 1, "one", 3);
    put_heartbeat(&w);
    put_body(&w, 1, "ONE", 3);
    mq_reader r;
    seen s[4];
    setup(&r);
    int n = feed(&r, w.data, w.len, 5, s, 4);
    TAP_OK(n == 3, "two channels' content interleaved with heartbeats and a third channel's ack: 3 items (%d)", n);
    TAP_OK(n == 3 && s[0].type == MQ_RD_METHOD && s[0].channel == 3 && s[0].id == MQ_BASIC_ACK && s[0].tag == 99,
           "the ack first, decoded");
    TAP_OK(n == 3 && s[1].channel == 2 && s[1].tag == 2 && strcmp(s[1].body, "two") == 0 &&
               strncmp(s[1].text, "c2|x|k2|", 8) == 0,
           "then channel 2's message, complete first");
    TAP_OK(n == 3 && s[2].channel == 1 && s[2].tag == 1 && strcmp(s[2].body, "oneONE") == 0,
           "then channel 1's, its body from two frames around a heartbeat");
    mq_reader_free(&r);
    mq_wbuf_free(&w);
}

static void t_empty_body_and_methods(void)
{
    mq_wbuf w;
    mq_wbuf_init(&w);
    mq_basic_get_ok_t g = {5, false, mq_cstr("ex"), mq_cstr("q"), 41};
    mq_connection_close_t cc = {320, mq_cstr("CONNECTION_FORCED - bye"), 0, 0};
    put_method(&w, 1, MQ_BASIC_GET_OK, &g);
    put_header(&w, 1, MQ_BASIC_CLASS, 0, NULL);
    put_method(&w, 0, MQ_CONNECTION_CLOSE, &cc);
    mq_reader r;
    setup(&r);
    mq_rd_item it;
    size_t used = 0, need = 0;
    int rc = mq_reader_next(&r, w.data, w.len, 0, &used, &need, &it);
    TAP_OK(rc == 1 && it.type == MQ_RD_CONTENT && it.id == MQ_BASIC_GET_OK && it.body_len == 0 &&
               it.body[0] == '\0' && it.args->basic_get_ok.message_count == 41,
           "get-ok with an empty body: complete at its header");
    if (rc == 1) free_cb(NULL, it.body_handle);
    size_t off = used;
    rc = mq_reader_next(&r, w.data + off, w.len - off, 0, &used, &need, &it);
    TAP_OK(rc == 1 && it.type == MQ_RD_METHOD && it.channel == 0 && it.decoded &&
               it.args->connection_close.reply_code == 320 &&
               bytes_is(it.args->connection_close.reply_text, "CONNECTION_FORCED - bye"),
           "connection.close on channel 0: decoded, views into the input");
    off += used;
    rc = mq_reader_next(&r, w.data + off, w.len - off, 0, &used, &need, &it);
    TAP_OK(rc == 0 && used == 0 && need == 7, "nothing left: 0, needs a frame header (7 bytes)");
    rc = mq_reader_next(&r, w.data, 10, 0, &used, &need, &it);
    TAP_OK(rc == 0 && used == 0 && need == (size_t)mq_get32(w.data + 3) + 8,
           "a partial frame: 0, needs the whole frame (%zu)", need);
    mq_reader_free(&r);
    mq_wbuf_free(&w);
}

static void t_drop_mode(void)
{
    mq_wbuf w;
    mq_wbuf_init(&w);
    mq_channel_close_ok_t ok;
    memset(&ok, 0, sizeof ok);
    put_deliver(&w, 4, 1, "dropped", 7, 3);
    put_method(&w, 4, MQ_CHANNEL_CLOSE_OK, &ok);
    mq_reader r;
    seen s[4];
    setup(&r);
    modes[4] = MQ_RD_DROP;
    allocs = frees = 0;
    int n = feed(&r, w.data, w.len, 0, s, 4);
    TAP_OK(n == 2 && s[0].type == MQ_RD_METHOD && s[0].id == MQ_BASIC_DELIVER && s[1].id == MQ_CHANNEL_CLOSE_OK,
           "a closing channel: its methods passed up undecoded, content frames skipped (%d items)", n);
    TAP_OK(allocs == 0, "no body allocated for it");
    mq_reader_free(&r);
    mq_wbuf_free(&w);
}

static void t_reset_mid_content(void)
{
    mq_wbuf w;
    mq_wbuf_init(&w);
    mq_basic_deliver_t d = {mq_cstr("c"), 1, false, mq_cstr(""), mq_cstr("k")};
    put_method(&w, 1, MQ_BASIC_DELIVER, &d);
    put_header(&w, 1, MQ_BASIC_CLASS, 10, NULL);
    put_body(&w, 1, "12345", 5);
    mq_reader r;
    seen s[2];
    setup(&r);
    allocs = frees = 0;
    int n = feed(&r, w.data, w.len, 0, s, 2);
    TAP_OK(n == 0 && allocs == 1 && frees == 0, "half a body: no item, its storage held");
    mq_reader_reset(&r, 1);
    TAP_OK(frees == 1, "reset of the channel frees it");
    mq_wbuf_reset(&w);
    put_body(&w, 1, "67890", 5);
    n = feed(&r, w.data, w.len, 0, s, 2);
    TAP_OK(n == MQ_E_PROTOCOL && strcmp(err.text, "body frame without a content header (channel 1)") == 0,
           "the rest after a reset: %s", err.text);
    mq_reader_free(&r);
    /* a reader freed with content in progress frees its body */
    mq_wbuf_reset(&w);
    put_method(&w, 2, MQ_BASIC_DELIVER, &d);
    put_header(&w, 2, MQ_BASIC_CLASS, 10, NULL);
    setup(&r);
    allocs = frees = 0;
    n = feed(&r, w.data, w.len, 0, s, 2);
    mq_reader_free(&r);
    TAP_OK(n == 0 && allocs == 1 && frees == 1, "mq_reader_free() frees a body in progress");
    mq_wbuf_free(&w);
}

/* One broken sequence: fed whole, the error code and text. */
static void expect_error(const mq_wbuf *w, int code, const char *text, const char *what)
{
    mq_reader r;
    seen s[4];
    setup(&r);
    allocs = frees = 0;
    int n = feed(&r, w->data, w->len, 0, s, 4);
    TAP_OK(n == code && strcmp(err.text, text) == 0, "%s: %s", what, err.text);
    mq_reader_free(&r);
    TAP_OK(allocs == frees, "%s: no body leaked (%d/%d)", what, allocs, frees);
}

static void t_errors(void)
{
    mq_wbuf w;
    mq_wbuf_init(&w);
    mq_basic_deliver_t d = {mq_cstr("c"), 1, false, mq_cstr(""), mq_cstr("k")};
    mq_basic_ack_t ack = {1, false};

    put_method(&w, 6, MQ_BASIC_ACK, &ack);
    {
        mq_reader r;
        seen s[1];
        setup(&r);
        modes[6] = MQ_RD_OFF;
        int n = feed(&r, w.data, w.len, 0, s, 1);
        TAP_OK(n == MQ_E_PROTOCOL && err.channel == 6 &&
                   strcmp(err.text, "frame for a channel that is not open (channel 6)") == 0,
               "a method on a channel that is not open: %s", err.text);
        mq_reader_free(&r);
    }
    mq_wbuf_reset(&w);
    put_header(&w, 1, MQ_BASIC_CLASS, 3, NULL);
    expect_error(&w, MQ_E_PROTOCOL, "content header without a method (channel 1)", "a lone header");
    mq_wbuf_reset(&w);
    put_header(&w, 0, MQ_BASIC_CLASS, 3, NULL);
    expect_error(&w, MQ_E_PROTOCOL, "frame for a channel that is not open (channel 0)", "a header on channel 0");
    mq_wbuf_reset(&w);
    put_method(&w, 1, MQ_BASIC_DELIVER, &d);
    put_method(&w, 1, MQ_BASIC_ACK, &ack);
    expect_error(&w, MQ_E_PROTOCOL, "method frame inside content (channel 1)", "a method before the header");
    mq_wbuf_reset(&w);
    put_method(&w, 1, MQ_BASIC_DELIVER, &d);
    put_header(&w, 1, MQ_BASIC_CLASS, 4, NULL);
    put_body(&w, 1, "ab", 2);
    put_method(&w, 1, MQ_BASIC_ACK, &ack);
    expect_error(&w, MQ_E_PROTOCOL, "method frame inside content (channel 1)", "a method inside the body");
    mq_wbuf_reset(&w);
    put_method(&w, 1, MQ_BASIC_DELIVER, &d);
    put_header(&w, 1, 10, 4, NULL);
    expect_error(&w, MQ_E_PROTOCOL, "content header class does not match the method (channel 1)",
                 "a header of another class");
    mq_wbuf_reset(&w);
    put_method(&w, 1, MQ_BASIC_DELIVER, &d);
    put_header(&w, 1, MQ_BASIC_CLASS, 4, NULL);
    put_body(&w, 1, "abcde", 5);
    expect_error(&w, MQ_E_PROTOCOL, "body longer than the content header's size (channel 1)",
                 "a body longer than announced");
    mq_wbuf_reset(&w);
    put_method(&w, 1, MQ_BASIC_DELIVER, &d);
    put_raw(&w, MQ_FRAME_HEADER, 1, "\x00\x3c\x00\x00", 4, MQ_FRAME_END);
    expect_error(&w, MQ_E_PROTOCOL, "malformed content header (channel 1)", "a truncated header");
    mq_wbuf_reset(&w);
    put_raw(&w, MQ_FRAME_METHOD, 2, "\x00\x3c", 2, MQ_FRAME_END);
    expect_error(&w, MQ_E_PROTOCOL, "method frame too short (channel 2)", "a 2-byte method payload");
    mq_wbuf_reset(&w);
    put_raw(&w, MQ_FRAME_METHOD, 2, "\x00\x3c\x99\x99", 4, MQ_FRAME_END);
    expect_error(&w, MQ_E_PROTOCOL, "unknown method id 0x003c9999 (channel 2)", "an unknown method");
    mq_wbuf_reset(&w);
    put_raw(&w, MQ_FRAME_METHOD, 2, "\x00\x3c\x00\x50\x00", 5, MQ_FRAME_END);
    expect_error(&w, MQ_E_PROTOCOL, "malformed method frame (channel 2)", "a truncated basic.ack");
    mq_wbuf_reset(&w);
    put_raw(&w, MQ_FRAME_METHOD, 0, "\x00\x0a\x00\x32\x00", 5, MQ_FRAME_END);
    expect_error(&w, MQ_E_PROTOCOL, "malformed connection method (channel 0)", "a truncated connection.close");
    mq_wbuf_reset(&w);
    put_raw(&w, MQ_FRAME_BODY, 1, "x", 1, 0x00);
    expect_error(&w, MQ_E_FRAME, "bad frame end octet 0x00", "a bad end octet");
    mq_wbuf_reset(&w);
    put_raw(&w, 9, 1, "x", 1, MQ_FRAME_END);
    expect_error(&w, MQ_E_FRAME, "bad frame type 9", "an unknown frame type");
    {
        mq_reader r;
        mq_rd_item it;
        size_t used = 0, need = 0;
        mq_wbuf_reset(&w);
        put_raw(&w, MQ_FRAME_BODY, 1, "0123456789", 10, MQ_FRAME_END);
        setup(&r);
        int rc = mq_reader_next(&r, w.data, w.len, 16, &used, &need, &it);
        TAP_OK(rc == MQ_E_FRAME && strcmp(err.text, "frame of 18 bytes exceeds frame_max 16") == 0,
               "a frame over frame_max: %s", err.text);
        mq_reader_free(&r);
    }
    {
        mq_reader r;
        seen s[1];
        mq_wbuf_reset(&w);
        put_method(&w, 1, MQ_BASIC_DELIVER, &d);
        put_header(&w, 1, MQ_BASIC_CLASS, 1000, NULL);
        setup(&r);
        refuse_above = 999;
        int n = feed(&r, w.data, w.len, 0, s, 1);
        TAP_OK(n == MQ_E_NOMEM && r.refused == 1000 &&
                   strcmp(err.text, "could not allocate a message body of 1000 bytes") == 0,
               "a body the owner cannot hold: MQ_E_NOMEM, the size recorded: %s", err.text);
        mq_reader_free(&r);
    }
    mq_wbuf_free(&w);
}

static void t_rebase(void)
{
    mq_wbuf w;
    mq_wbuf_init(&w);
    mq_basic_properties_t p, q;
    memset(&p, 0, sizeof p);
    p.flags = MQ_BASIC_CONTENT_TYPE_FLAG | MQ_BASIC_REPLY_TO_FLAG | MQ_BASIC_APP_ID_FLAG;
    p.content_type = mq_cstr("application/json");
    p.reply_to = mq_cstr("amq.rabbitmq.reply-to");
    p.app_id = mq_cstr("app");
    if (mq_header_encode(&w, MQ_BASIC_CLASS, 0, &p) != MQ_OK) abort();
    uint16_t cls;
    uint64_t size;
    TAP_OK(mq_header_decode(w.data, w.len, &cls, &size, &q) == MQ_OK, "header decodes");
    uint8_t *copy = malloc(w.len);
    memcpy(copy, w.data, w.len);
    mq_rd_rebase_props(&q, w.data, w.len, copy);
    memset(w.data, 'X', w.len);
    mq_wbuf_free(&w);
    TAP_OK(bytes_is(q.content_type, "application/json") && bytes_is(q.reply_to, "amq.rabbitmq.reply-to") &&
               bytes_is(q.app_id, "app") && q.message_id.len == 0 && q.message_id.ptr == (const char *)copy,
           "mq_rd_rebase_props: every view now points into the copy; an empty one at its start");
    free(copy);
}

int main(void)
{
    t_deliver_whole_and_split();
    t_interleaved();
    t_empty_body_and_methods();
    t_drop_mode();
    t_reset_mid_content();
    t_errors();
    t_rebase();
    return tap_done();
}

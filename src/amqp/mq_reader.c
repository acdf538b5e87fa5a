/* SPDX-License-Identifier: MIT */
/*
 * The AMQP 0-9-1 reader (see mq_reader.h): frames in, decoded methods and
 * assembled messages out, no I/O.
 *
 * Content assembly keeps, per channel, a copy of the method payload and of
 * the content header payload (small: tens to hundreds of bytes), each in
 * its own buffer so the views decoded from one stay valid while the other
 * is filled, and decodes each once as it arrives.  The body goes straight
 * from the fed bytes into storage from body_alloc: one copy per byte.
 */
#include "mq_reader.h"

#include <stdlib.h>

enum { RD_IDLE = 0, RD_HEADER, RD_BODY };

typedef struct mq_rd_chan {
    uint8_t state;                /* RD_* */
    uint32_t id;                  /* the content method being assembled */
    mq_wbuf mbuf;                 /* its payload */
    mq_wbuf hbuf;                 /* the content header payload */
    union mq_method_args args;    /* decoded from mbuf */
    mq_basic_properties_t props;  /* decoded from hbuf */
    uint64_t body_size;           /* from the content header */
    uint64_t body_got;            /* body bytes so far (<= body_size) */
    void *body_handle;            /* from body_alloc while assembling */
    char *body;                   /* body_size writable bytes + 1 */
} mq_rd_chan;

void mq_reader_init(mq_reader *r, int (*mode)(void *, uint16_t),
                    void *(*body_alloc)(void *, size_t, char **),
                    void (*body_free)(void *, void *), void *ud, mq_error *err)
{
    memset(r, 0, sizeof *r);
    r->mode = mode;
    r->body_alloc = body_alloc;
    r->body_free = body_free;
    r->ud = ud;
    r->err = err;
}

static void chan_reset(mq_reader *r, mq_rd_chan *c)
{
    if (c->body_handle) r->body_free(r->ud, c->body_handle);
    c->body_handle = NULL;
    c->body = NULL;
    c->state = RD_IDLE;
    c->body_size = c->body_got = 0;
    mq_wbuf_reset(&c->mbuf);
    mq_wbuf_reset(&c->hbuf);
}

void mq_reader_reset(mq_reader *r, uint16_t ch)
{
    if (ch < r->nchans && r->chans[ch]) chan_reset(r, r->chans[ch]);
}

void mq_reader_reset_all(mq_reader *r)
{
    for (size_t i = 0; i < r->nchans; i++)
        if (r->chans[i]) chan_reset(r, r->chans[i]);
}

void mq_reader_free(mq_reader *r)
{
    for (size_t i = 0; i < r->nchans; i++) {
        mq_rd_chan *c = r->chans[i];
        if (!c) continue;
        chan_reset(r, c);
        mq_wbuf_free(&c->mbuf);
        mq_wbuf_free(&c->hbuf);
        free(c);
    }
    free(r->chans);
    r->chans = NULL;
    r->nchans = 0;
}

void mq_rd_rebase_props(mq_basic_properties_t *p, const uint8_t *from, size_t n, const uint8_t *to)
{
    /* every mq_bytes member of the generated struct (14 properties, of
     * which delivery_mode, priority and timestamp are not views) */
    typedef char props_changed[MQ_BASIC_PROPERTY_COUNT == 14 ? 1 : -1];
    (void)sizeof(props_changed);
    mq_bytes *v[] = {&p->content_type, &p->content_encoding, &p->headers, &p->correlation_id,
                     &p->reply_to, &p->expiration, &p->message_id, &p->type,
                     &p->user_id, &p->app_id, &p->cluster_id};
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) mq_rd_rebase(v[i], from, n, to);
}

/* ---- errors --------------------------------------------------------------- */

static int protocol_error(mq_reader *r, const char *what, uint16_t ch)
{
    mq_error_set(r->err, MQ_E_PROTOCOL, "%s (channel %u)", what, (unsigned)ch);
    r->err->channel = ch;
    return MQ_E_PROTOCOL;
}

static int no_memory(mq_reader *r)
{
    return mq_error_set(r->err, MQ_E_NOMEM, "could not allocate memory");
}

/* mq_frame_parse() refused the frame at p[0..n) (n >= 7). */
static int frame_error(mq_reader *r, const uint8_t *p, size_t n, uint32_t limit)
{
    uint32_t size = mq_get32(p + 3);
    if (p[0] != MQ_FRAME_METHOD && p[0] != MQ_FRAME_HEADER && p[0] != MQ_FRAME_BODY &&
        p[0] != MQ_FRAME_HEARTBEAT)
        return mq_error_set(r->err, MQ_E_FRAME, "bad frame type %u", (unsigned)p[0]);
    if (limit && (uint64_t)size + MQ_FRAME_OVERHEAD > limit)
        return mq_error_set(r->err, MQ_E_FRAME, "frame of %llu bytes exceeds frame_max %u",
                            (unsigned long long)size + MQ_FRAME_OVERHEAD, (unsigned)limit);
    if (n > (size_t)size + 7)
        return mq_error_set(r->err, MQ_E_FRAME, "bad frame end octet 0x%02x", (unsigned)p[7 + size]);
    return mq_error_set(r->err, MQ_E_FRAME, "bad frame");
}

/* ---- channels --------------------------------------------------------------- */

static int mode_of(mq_reader *r, uint16_t ch)
{
    return ch == 0 ? MQ_RD_OFF : r->mode(r->ud, ch);
}

static mq_rd_chan *chan_of(const mq_reader *r, uint16_t ch)
{
    return ch < r->nchans ? r->chans[ch] : NULL;
}

/* The assembly state of an open channel, created on its first content. */
static mq_rd_chan *chan_make(mq_reader *r, uint16_t ch)
{
    if (ch >= r->nchans) {
        size_t n = r->nchans ? r->nchans : 16;
        while (n <= ch) n *= 2;
        mq_rd_chan **t = realloc(r->chans, n * sizeof *t);
        if (!t) return NULL;
        memset(t + r->nchans, 0, (n - r->nchans) * sizeof *t);
        r->chans = t;
        r->nchans = n;
    }
    if (!r->chans[ch]) {
        mq_rd_chan *c = calloc(1, sizeof *c);
        if (!c) return NULL;
        mq_wbuf_init(&c->mbuf);
        mq_wbuf_init(&c->hbuf);
        r->chans[ch] = c;
    }
    return r->chans[ch];
}

static bool has_content(uint32_t id)
{
    return id == MQ_BASIC_DELIVER || id == MQ_BASIC_RETURN || id == MQ_BASIC_GET_OK;
}

/* Copies p[0..n) into w (reset first). */
static int copy_into(mq_wbuf *w, const uint8_t *p, size_t n)
{
    mq_wbuf_reset(w);
    if (mq_wbuf_reserve(w, n) != MQ_OK) return MQ_E_NOMEM;
    if (n) memcpy(w->data, p, n);
    w->len = n;
    return MQ_OK;
}

/* ---- frames ----------------------------------------------------------------- */

static void content_item(mq_rd_chan *c, uint16_t ch, mq_rd_item *it)
{
    it->type = MQ_RD_CONTENT;
    it->channel = ch;
    it->id = c->id;
    it->decoded = true;
    it->raw = mq_bytes_of((const char *)c->mbuf.data, c->mbuf.len);
    it->args = &c->args;
    it->hraw = mq_bytes_of((const char *)c->hbuf.data, c->hbuf.len);
    it->props = &c->props;
    it->body_handle = c->body_handle;
    it->body = c->body;
    it->body_len = (size_t)c->body_size;
    c->body[it->body_len] = '\0'; /* the spare byte body_alloc promises */
    c->body_handle = NULL;
    c->body = NULL;
    c->state = RD_IDLE;
}

static int decode_error(mq_reader *r, int rc, uint32_t id, uint16_t ch)
{
    if (rc == MQ_E_UNKNOWN_METHOD)
        return mq_error_set(r->err, MQ_E_PROTOCOL, "unknown method id 0x%08x (channel %u)", id,
                            (unsigned)ch);
    return protocol_error(r, "malformed method frame", ch);
}

static int on_method(mq_reader *r, const mq_frame *f, mq_rd_item *it)
{
    uint16_t ch = f->channel;
    if (f->size < 4) return protocol_error(r, "method frame too short", ch);
    uint32_t id = mq_get32(f->payload), did;
    it->type = MQ_RD_METHOD;
    it->channel = ch;
    it->id = id;
    it->decoded = false;
    it->raw = mq_bytes_of((const char *)f->payload, f->size);
    it->args = &it->margs;
    if (ch == 0) {
        if (mq_method_decode(f->payload, f->size, &did, &it->margs) < 0)
            return protocol_error(r, "malformed connection method", 0);
        it->decoded = true;
        return 1;
    }
    int mode = mode_of(r, ch);
    if (mode == MQ_RD_OFF) return protocol_error(r, "frame for a channel that is not open", ch);
    if (mode == MQ_RD_DROP) return 1; /* the connection decides; nothing decoded */
    mq_rd_chan *c = chan_of(r, ch);
    if (c && c->state != RD_IDLE) return protocol_error(r, "method frame inside content", ch);
    if (!has_content(id)) {
        int rc = mq_method_decode(f->payload, f->size, &did, &it->margs);
        if (rc < 0) return decode_error(r, rc, id, ch);
        it->decoded = true;
        return 1;
    }
    /* decoded from the copy, so its views outlive the fed buffer */
    if (!(c = chan_make(r, ch)) || copy_into(&c->mbuf, f->payload, f->size) != MQ_OK)
        return no_memory(r);
    int rc = mq_method_decode(c->mbuf.data, c->mbuf.len, &did, &c->args);
    if (rc < 0) return decode_error(r, rc, id, ch);
    c->id = id;
    c->state = RD_HEADER;
    return 0;
}

static int on_header(mq_reader *r, const mq_frame *f, mq_rd_item *it)
{
    uint16_t ch = f->channel;
    int mode = mode_of(r, ch);
    if (mode == MQ_RD_OFF) return protocol_error(r, "frame for a channel that is not open", ch);
    if (mode == MQ_RD_DROP) return 0;
    mq_rd_chan *c = chan_of(r, ch);
    if (!c || c->state != RD_HEADER) return protocol_error(r, "content header without a method", ch);
    if (copy_into(&c->hbuf, f->payload, f->size) != MQ_OK) return no_memory(r);
    uint16_t cls;
    uint64_t size;
    if (mq_header_decode(c->hbuf.data, c->hbuf.len, &cls, &size, &c->props) < 0)
        return protocol_error(r, "malformed content header", ch);
    if (cls != (uint16_t)(c->id >> 16))
        return protocol_error(r, "content header class does not match the method", ch);
    if (size >= SIZE_MAX / 2) return protocol_error(r, "content body size out of range", ch);
    c->body_handle = r->body_alloc(r->ud, (size_t)size, &c->body);
    if (!c->body_handle) {
        r->refused = size ? size : 1;
        return mq_error_set(r->err, MQ_E_NOMEM, "could not allocate a message body of %llu bytes",
                            (unsigned long long)size);
    }
    c->body_size = size;
    c->body_got = 0;
    if (size == 0) {
        content_item(c, ch, it);
        return 1;
    }
    c->state = RD_BODY;
    return 0;
}

static int on_body(mq_reader *r, const mq_frame *f, mq_rd_item *it)
{
    uint16_t ch = f->channel;
    int mode = mode_of(r, ch);
    if (mode == MQ_RD_OFF) return protocol_error(r, "frame for a channel that is not open", ch);
    if (mode == MQ_RD_DROP) return 0;
    mq_rd_chan *c = chan_of(r, ch);
    if (!c || c->state != RD_BODY) return protocol_error(r, "body frame without a content header", ch);
    if (f->size > c->body_size - c->body_got)
        return protocol_error(r, "body longer than the content header's size", ch);
    memcpy(c->body + c->body_got, f->payload, f->size);
    c->body_got += f->size;
    if (c->body_got < c->body_size) return 0;
    content_item(c, ch, it);
    return 1;
}

int mq_reader_next(mq_reader *r, const uint8_t *buf, size_t len, uint32_t frame_max,
                   size_t *used, size_t *need, mq_rd_item *it)
{
    size_t off = 0;
    for (;;) {
        mq_frame f;
        size_t n = 0;
        int rc = mq_frame_parse(buf + off, len - off, frame_max, &f, &n);
        if (rc == 0) {
            *used = off;
            *need = n;
            return 0;
        }
        if (rc < 0) {
            *used = off;
            return frame_error(r, buf + off, len - off, frame_max);
        }
        off += n;
        switch (f.type) {
        case MQ_FRAME_METHOD: rc = on_method(r, &f, it); break;
        case MQ_FRAME_HEADER: rc = on_header(r, &f, it); break;
        case MQ_FRAME_BODY: rc = on_body(r, &f, it); break;
        default: rc = 0; break; /* heartbeat */
        }
        if (rc != 0) {
            *used = off;
            return rc;
        }
    }
}

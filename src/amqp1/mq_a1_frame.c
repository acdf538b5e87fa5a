/* SPDX-License-Identifier: MIT */
/*
 * AMQP 1.0 frames: protocol headers, the frame parser and the buffering
 * reader over it, the frame writer and the transfer splitter (see
 * mq_a1_frame.h).
 */
#include <stdlib.h>

#include "mq_a1_frame.h"

/* ------------------------------------------------------- protocol headers */

int mq_a1_proto_header_put(mq_wbuf *w, uint8_t id)
{
    if (mq_wbuf_reserve(w, 8) < 0)
        return MQ_E_NOMEM;
    memcpy(w->data + w->len, "AMQP", 4);
    w->data[w->len + 4] = id;
    w->data[w->len + 5] = 1;
    w->data[w->len + 6] = 0;
    w->data[w->len + 7] = 0;
    w->len += 8;
    return MQ_OK;
}

int mq_a1_proto_header_parse(const uint8_t *p, size_t len)
{
    static const uint8_t want[8] = {'A', 'M', 'Q', 'P', 0, 1, 0, 0};
    size_t i;
    for (i = 0; i < len && i < 8; i++)
        if (i != 4 && p[i] != want[i])
            return MQ_E_PROTOCOL;
    return len < 8 ? MQ_E_TRUNCATED : p[4];
}

/* ------------------------------------------------------------ the parser */

static const mq_a1_composite_info *find_by_symbol(mq_bytes sym)
{
    size_t i;
    for (i = 0; i < MQ_A1_COMPOSITE_COUNT; i++) {
        const char *s = mq_a1_composites[i]->symbol;
        if (strlen(s) == sym.len && !memcmp(s, sym.ptr, sym.len))
            return mq_a1_composites[i];
    }
    return NULL;
}

/* The performative at the start of body (a frame of type), and what
 * follows it as the payload. */
static int parse_body(const uint8_t *body, size_t len, uint8_t type, mq_a1_frame *f)
{
    mq_a1_cursor c;
    mq_a1_value v;
    const mq_a1_composite_info *ci;
    int rc;
    mq_a1_cursor_init(&c, body, len);
    if ((rc = mq_a1_next(&c, &v)) < 0)
        return rc;
    if (mq_a1_desc_is_sym(&v.desc))
        ci = find_by_symbol(v.desc.sym);
    else
        ci = v.desc.code ? mq_a1_composite_find(v.desc.num) : NULL;
    if (!ci || mq_a1_performative_kind(ci->code) != (type == MQ_A1_FRAME_AMQP ? 1 : 2))
        return MQ_A1_E_NOT_COMPOSITE;
    if ((rc = mq_a1_composite_decode(ci, &c, &v, &f->perf)) < 0)
        return rc;
    f->ci = ci;
    f->payload = mq_bytes_of((const char *)c.p, (size_t)(body + len - c.p));
    if (f->payload.len && ci != &mq_a1_ci_transfer)
        return MQ_E_FRAME;
    return MQ_A1_READ_FRAME;
}

int mq_a1_frame_parse(const uint8_t *p, size_t len, uint32_t max_frame, mq_a1_frame *f,
                      size_t *need)
{
    uint32_t size;
    size_t hdr;
    memset(f, 0, sizeof *f);
    *need = MQ_A1_FRAME_HEADER_SIZE;
    if (len < MQ_A1_FRAME_HEADER_SIZE)
        return MQ_A1_READ_MORE;
    size = mq_get32(p);
    hdr = (size_t)p[4] * 4;
    if (size < MQ_A1_FRAME_HEADER_SIZE || size > max_frame || p[4] < 2 || hdr > size ||
        p[5] > MQ_A1_FRAME_SASL)
        return MQ_E_FRAME;
    *need = size;
    if (len < size)
        return MQ_A1_READ_MORE;
    f->size = size;
    f->type = p[5];
    f->channel = mq_get16(p + 6);
    f->ext = mq_bytes_of((const char *)p + 8, hdr - 8);
    if (hdr == size)
        return MQ_A1_READ_HEARTBEAT;
    return parse_body(p + hdr, size - hdr, f->type, f);
}

/* ------------------------------------------------------------ the reader */

void mq_a1_reader_init(mq_a1_reader *r, uint32_t max_frame)
{
    memset(r, 0, sizeof *r);
    mq_wbuf_init(&r->buf);
    mq_a1_reader_set_max_frame(r, max_frame);
    r->want_proto = true;
}

void mq_a1_reader_free(mq_a1_reader *r)
{
    mq_wbuf_free(&r->buf);
    r->pos = 0;
}

void mq_a1_reader_set_max_frame(mq_a1_reader *r, uint32_t max_frame)
{
    r->max_frame = max_frame < MQ_A1_MIN_MAX_FRAME_SIZE ? MQ_A1_MIN_MAX_FRAME_SIZE : max_frame;
}

void mq_a1_reader_expect_proto(mq_a1_reader *r)
{
    r->want_proto = true;
}

int mq_a1_reader_feed(mq_a1_reader *r, const void *p, size_t n)
{
    if (r->pos) { /* drop what was read */
        memmove(r->buf.data, r->buf.data + r->pos, r->buf.len - r->pos);
        r->buf.len -= r->pos;
        r->pos = 0;
    }
    if (!n)
        return MQ_OK;
    if (mq_wbuf_reserve(&r->buf, n) < 0)
        return MQ_E_NOMEM;
    memcpy(r->buf.data + r->buf.len, p, n);
    r->buf.len += n;
    return MQ_OK;
}

static int reader_proto(mq_a1_reader *r, const uint8_t *p, size_t len, mq_a1_frame *f)
{
    int rc = mq_a1_proto_header_parse(p, len);
    memset(f, 0, sizeof *f);
    if (rc == MQ_E_TRUNCATED)
        return MQ_A1_READ_MORE;
    if (rc < 0)
        return r->err = rc;
    f->proto = (uint8_t)rc;
    r->pos += 8;
    r->want_proto = false;
    return MQ_A1_READ_PROTO;
}

int mq_a1_reader_next(mq_a1_reader *r, mq_a1_frame *f)
{
    /* (nothing fed yet: no buffer, and no arithmetic on NULL) */
    const uint8_t *p = r->buf.data ? r->buf.data + r->pos : (const uint8_t *)"";
    size_t len = r->buf.len - r->pos, need;
    int rc;
    if (r->err)
        return r->err;
    if (r->want_proto)
        return reader_proto(r, p, len, f);
    rc = mq_a1_frame_parse(p, len, r->max_frame, f, &need);
    if (rc < 0)
        return r->err = rc;
    if (rc != MQ_A1_READ_MORE)
        r->pos += f->size;
    return rc;
}

/* ------------------------------------------------------------ the writer */

static int put_header(mq_wbuf *w, uint8_t type, uint16_t channel)
{
    if (mq_wbuf_reserve(w, MQ_A1_FRAME_HEADER_SIZE) < 0)
        return MQ_E_NOMEM;
    mq_put32(w->data + w->len, 0); /* patched at the end */
    w->data[w->len + 4] = 2;
    w->data[w->len + 5] = type;
    mq_put16(w->data + w->len + 6, channel);
    w->len += MQ_A1_FRAME_HEADER_SIZE;
    return MQ_OK;
}

/* A frame header (size 0) and the performative. */
static int put_head(mq_wbuf *w, uint8_t type, uint16_t channel, const mq_a1_composite_info *ci,
                    const void *perf)
{
    mq_a1_writer wr;
    int rc;
    if ((rc = put_header(w, type, channel)) < 0)
        return rc;
    mq_a1_writer_init(&wr, w);
    mq_a1_composite_put(&wr, ci, perf);
    return mq_a1_writer_finish(&wr);
}

/* Appends len payload bytes and patches the size of the frame at start. */
static int put_tail(mq_wbuf *w, size_t start, const void *payload, size_t len, uint32_t max_frame)
{
    size_t size = w->len - start + len;
    if (size > UINT32_MAX || (max_frame && size > max_frame))
        return MQ_E_TOO_LONG;
    if (len) {
        if (mq_wbuf_reserve(w, len) < 0)
            return MQ_E_NOMEM;
        memcpy(w->data + w->len, payload, len);
        w->len += len;
    }
    mq_put32(w->data + start, (uint32_t)size);
    return MQ_OK;
}

int mq_a1_frame_put(mq_wbuf *w, uint8_t type, uint16_t channel, const mq_a1_composite_info *ci,
                    const void *perf, const void *payload, size_t len, uint32_t max_frame)
{
    size_t start = w->len;
    int rc = put_head(w, type, channel, ci, perf);
    if (rc == MQ_OK)
        rc = put_tail(w, start, payload, len, max_frame);
    if (rc < 0)
        w->len = start;
    return rc;
}

int mq_a1_heartbeat_put(mq_wbuf *w)
{
    int rc = put_header(w, MQ_A1_FRAME_AMQP, 0);
    if (rc == MQ_OK)
        mq_put32(w->data + w->len - MQ_A1_FRAME_HEADER_SIZE, MQ_A1_FRAME_HEADER_SIZE);
    return rc;
}

/* One frame of a split transfer: cur with more = true if the rest of the
 * payload (left bytes at p) does not fit, else with last_more.  *took gets
 * the payload bytes it carries. */
static int put_piece(mq_wbuf *w, uint16_t channel, mq_a1_transfer *cur, bool has_more,
                     bool last_more, const uint8_t *p, size_t left, uint32_t max_frame,
                     size_t *took)
{
    size_t start = w->len, room;
    int rc;
    cur->has_more = true;
    cur->more = true;
    if ((rc = put_head(w, MQ_A1_FRAME_AMQP, channel, &mq_a1_ci_transfer, cur)) < 0)
        return rc;
    room = w->len - start >= max_frame ? 0 : max_frame - (w->len - start);
    if (left > room) {
        if (!room)
            return MQ_E_TOO_LONG;
        *took = room;
        return put_tail(w, start, p, room, max_frame);
    }
    w->len = start; /* the last frame: again with the caller's more */
    cur->has_more = has_more;
    cur->more = last_more;
    if ((rc = put_head(w, MQ_A1_FRAME_AMQP, channel, &mq_a1_ci_transfer, cur)) < 0)
        return rc;
    *took = left;
    return put_tail(w, start, p, left, max_frame);
}

int mq_a1_transfer_frames(mq_wbuf *w, uint16_t channel, const mq_a1_transfer *t, const void *payload,
                     size_t len, uint32_t max_frame, size_t *nframes)
{
    const uint8_t *p = (const uint8_t *)payload;
    size_t start = w->len, n = 0, took;
    mq_a1_transfer cur = *t;
    int rc;
    if (!max_frame)
        max_frame = UINT32_MAX;
    do {
        rc = put_piece(w, channel, &cur, t->has_more, t->more, p, len, max_frame, &took);
        if (rc < 0) {
            w->len = start;
            return rc;
        }
        p += took;
        len -= took;
        n++;
        mq_a1_transfer_init(&cur); /* continuation frames: handle and more */
        cur.handle = t->handle;
    } while (len);
    if (nframes)
        *nframes = n;
    return MQ_OK;
}

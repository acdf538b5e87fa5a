/* SPDX-License-Identifier: MIT */
/*
 * The receiving half of a connection: the frame pump that every wait goes
 * through (heartbeats, deadlines, frame dispatch), content
 * assembly (method + header + body frames into one message), the FIFO of
 * events that arrived while nobody waited for them (with running counts of
 * the confirms and returns among them, per connection and per channel, and
 * their bound MQ_ASYNC_QUEUE_MAX per channel), and
 * mq_conn_wait_event().
 *
 * Reading: the transport's read buffer (c->tr, src/net/mq_transport.c)
 * grows to hold a whole frame of frame_max.  Every complete frame is
 * dispatched before the next read, and unparsed bytes move to the front
 * only when a new read starts, so views into a frame stay valid until the
 * next call on the connection.
 *
 * Content: the method and header payloads of a message being assembled are
 * copied into the channel's small asm_buf (they are small; this keeps their
 * views valid across buffer compaction) and the body goes straight into
 * storage from hooks.body_alloc, one copy per byte.  A completed event
 * that matches the current waiter is handed out directly (views into
 * asm_buf or the read buffer); otherwise it is queued with a private copy
 * of its method/header bytes.  A dequeued node stays alive as c->held until
 * the next reading call, backing the views handed out from it.
 */
#include "mq_conn_internal.h"

#include <poll.h>
#include <stdlib.h>

/* ---- small helpers ------------------------------------------------------ */

static int protocol_error(mq_conn *c, const char *what, uint16_t ch)
{
    mq_error_set(&c->err, MQ_E_PROTOCOL, "%s (channel %u)", what, (unsigned)ch);
    c->err.channel = ch;
    return mq_conn_fail(c, MQ_E_PROTOCOL);
}

static int kind_of(uint32_t id)
{
    switch (id) {
    case MQ_BASIC_DELIVER: return MQ_EV_DELIVER;
    case MQ_BASIC_RETURN: return MQ_EV_RETURN;
    case MQ_BASIC_ACK: return MQ_EV_ACK;
    case MQ_BASIC_NACK: return MQ_EV_NACK;
    case MQ_BASIC_CANCEL: return MQ_EV_CANCEL;
    default: return 0;
    }
}

static bool in_list(const uint32_t *ids, uint32_t id)
{
    for (; ids && *ids; ids++)
        if (*ids == id) return true;
    return false;
}

/* Does a server close of channel ch concern the current waiter? */
static bool waiter_on(const mq_waiter *w, uint16_t ch)
{
    switch (w->type) {
    case MQ_W_RPC:
    case MQ_W_GET: return w->ch == ch;
    case MQ_W_EVENT: return w->ch == 0 || w->ch == ch;
    default: return false;
    }
}

void mq_chan_asm_reset(mq_conn *c, mq_chan *ch)
{
    if (ch->body_handle) c->hooks.body_free(c->hooks.ud, ch->body_handle);
    ch->body_handle = NULL;
    ch->body = NULL;
    ch->asm_state = MQ_ASM_NONE;
    ch->body_size = ch->body_got = 0;
    ch->asm_mlen = 0;
    mq_wbuf_reset(&ch->asm_buf);
}

/* ---- filling events and messages (decoding cannot fail: validated) ------ */

static void fill_message(mq_message *m, uint16_t channel, const uint8_t *mp, size_t mlen,
                         const uint8_t *hp, size_t hlen)
{
    union mq_method_args a;
    uint32_t id = 0;
    uint16_t cls;
    uint64_t size;
    memset(m, 0, sizeof *m);
    memset(&a, 0, sizeof a);
    (void)mq_method_decode(mp, mlen, &id, &a);
    m->channel = channel;
    m->method = id;
    switch (id) {
    case MQ_BASIC_DELIVER:
        m->consumer_tag = a.basic_deliver.consumer_tag;
        m->delivery_tag = a.basic_deliver.delivery_tag;
        m->redelivered = a.basic_deliver.redelivered;
        m->exchange = a.basic_deliver.exchange;
        m->routing_key = a.basic_deliver.routing_key;
        break;
    case MQ_BASIC_GET_OK:
        m->delivery_tag = a.basic_get_ok.delivery_tag;
        m->redelivered = a.basic_get_ok.redelivered;
        m->exchange = a.basic_get_ok.exchange;
        m->routing_key = a.basic_get_ok.routing_key;
        m->message_count = a.basic_get_ok.message_count;
        break;
    case MQ_BASIC_RETURN:
        m->reply_code = a.basic_return.reply_code;
        m->reply_text = a.basic_return.reply_text;
        m->exchange = a.basic_return.exchange;
        m->routing_key = a.basic_return.routing_key;
        break;
    default: break;
    }
    (void)mq_header_decode(hp, hlen, &cls, &size, &m->props);
}

static void fill_event(mq_event *ev, int kind, uint16_t channel, const uint8_t *mp, size_t mlen,
                       const uint8_t *hp, size_t hlen)
{
    memset(ev, 0, sizeof *ev);
    ev->kind = kind;
    ev->channel = channel;
    if (kind == MQ_EV_DELIVER || kind == MQ_EV_RETURN) {
        fill_message(&ev->msg, channel, mp, mlen, hp, hlen);
        return;
    }
    union mq_method_args a;
    uint32_t id = 0;
    memset(&a, 0, sizeof a);
    (void)mq_method_decode(mp, mlen, &id, &a);
    if (kind == MQ_EV_ACK) {
        ev->delivery_tag = a.basic_ack.delivery_tag;
        ev->multiple = a.basic_ack.multiple;
    } else if (kind == MQ_EV_NACK) {
        ev->delivery_tag = a.basic_nack.delivery_tag;
        ev->multiple = a.basic_nack.multiple;
        ev->requeue = a.basic_nack.requeue;
    } else if (kind == MQ_EV_CANCEL) {
        ev->consumer_tag = a.basic_cancel.consumer_tag;
    }
}

/* ---- the event queue ------------------------------------------------------ */

static void qev_free(mq_conn *c, mq_qev *q)
{
    if (q->body_handle) c->hooks.body_free(c->hooks.ud, q->body_handle);
    free(q);
}

/* Counts a queued async event of channel ch in (+1) or out (-1). */
static void count_async(mq_conn *c, uint16_t ch, int delta)
{
    mq_chan *cs = mq_conn_chan(c, ch);
    if (delta > 0) {
        c->nasync++;
        if (cs) cs->nasync++;
    } else {
        c->nasync--;
        if (cs && cs->nasync) cs->nasync--;
    }
}

void mq_conn_queue_clear(mq_conn *c)
{
    mq_qev *q = c->qhead;
    while (q) {
        mq_qev *n = q->next;
        if (q->kind & MQ_EV_ASYNC) count_async(c, q->channel, -1);
        qev_free(c, q);
        q = n;
    }
    c->qhead = c->qtail = NULL;
    c->nasync = 0;
}

void mq_conn_drop_events(mq_conn *c, uint16_t ch)
{
    mq_qev **pp = &c->qhead, *last = NULL;
    while (*pp) {
        mq_qev *q = *pp;
        if (ch == 0 || q->channel == ch) {
            *pp = q->next;
            if (q->kind & MQ_EV_ASYNC) count_async(c, q->channel, -1);
            qev_free(c, q);
        } else {
            last = q;
            pp = &q->next;
        }
    }
    c->qtail = last;
}

/* The bound (MQ_ASYNC_QUEUE_MAX): drops the oldest async event of channel
 * ch.  Walks from the head, where the oldest ones are. */
static void drop_oldest_async(mq_conn *c, uint16_t ch, mq_chan *cs)
{
    mq_qev **pp = &c->qhead, *prev = NULL;
    for (; *pp; prev = *pp, pp = &(*pp)->next) {
        mq_qev *q = *pp;
        if (q->channel != ch || !(q->kind & MQ_EV_ASYNC)) continue;
        *pp = q->next;
        if (c->qtail == q) c->qtail = prev;
        count_async(c, ch, -1);
        qev_free(c, q);
        cs->dropped++;
        if (!cs->drop_untold && !cs->drop_told) {
            cs->drop_untold = true;
            c->drop_untold++;
        }
        return;
    }
}

/* Queues an event with private copies of its bytes; takes the body. */
static int enqueue(mq_conn *c, int kind, uint16_t channel, const uint8_t *mp, size_t mlen,
                   const uint8_t *hp, size_t hlen, void *body_handle, char *body, size_t blen)
{
    mq_qev *q = malloc(sizeof *q + mlen + hlen);
    if (!q) {
        if (body_handle) c->hooks.body_free(c->hooks.ud, body_handle);
        mq_error_set(&c->err, MQ_E_NOMEM, "could not allocate memory");
        return mq_conn_fail(c, MQ_E_NOMEM);
    }
    q->next = NULL;
    q->kind = kind;
    q->channel = channel;
    q->mlen = mlen;
    q->hlen = hlen;
    q->body_handle = body_handle;
    q->body = body;
    q->body_len = blen;
    memcpy(q->raw, mp, mlen);
    if (hlen) memcpy(q->raw + mlen, hp, hlen);
    if (kind & MQ_EV_ASYNC) {
        mq_chan *cs = mq_conn_chan(c, channel);
        if (cs && cs->nasync >= MQ_ASYNC_QUEUE_MAX) drop_oldest_async(c, channel, cs);
        count_async(c, channel, +1);
    }
    if (c->qtail)
        c->qtail->next = q;
    else
        c->qhead = q;
    c->qtail = q;
    return MQ_OK;
}

/* Takes the first queued event matching (kinds, ch) into *ev: 1 or 0. */
static int dequeue(mq_conn *c, uint16_t ch, int kinds, mq_event *ev)
{
    mq_qev **pp = &c->qhead, *prev = NULL;
    for (; *pp; prev = *pp, pp = &(*pp)->next) {
        mq_qev *q = *pp;
        if (!(q->kind & kinds) || (ch != 0 && q->channel != ch)) continue;
        *pp = q->next;
        if (c->qtail == q) c->qtail = prev;
        if (q->kind & MQ_EV_ASYNC) count_async(c, q->channel, -1);
        fill_event(ev, q->kind, q->channel, q->raw, q->mlen, q->raw + q->mlen, q->hlen);
        if (q->hlen) {
            ev->msg.body_handle = q->body_handle;
            ev->msg.body = q->body;
            ev->msg.body_len = q->body_len;
            q->body_handle = NULL; /* now the caller's */
        }
        mq_conn_release_held(c);
        c->held = q; /* backs the views in *ev */
        return 1;
    }
    return 0;
}

/* ---- frame dispatch ------------------------------------------------------- */

/* A content message or a content-less event is complete: hand it to the
 * waiter or queue it. */
static int deliver(mq_conn *c, mq_waiter *w, int kind, uint16_t channel, const uint8_t *mp,
                   size_t mlen, const uint8_t *hp, size_t hlen, void *body_handle, char *body,
                   size_t blen)
{
    if (w->type == MQ_W_EVENT && (w->kinds & kind) && (w->ch == 0 || w->ch == channel)) {
        fill_event(w->ev, kind, channel, mp, mlen, hp, hlen);
        w->ev->msg.body_handle = body_handle;
        w->ev->msg.body = body;
        w->ev->msg.body_len = blen;
        w->done = true;
        return MQ_OK;
    }
    return enqueue(c, kind, channel, mp, mlen, hp, hlen, body_handle, body, blen);
}

static int content_done(mq_conn *c, mq_chan *ch, uint16_t chid, mq_waiter *w)
{
    const uint8_t *mp = ch->asm_buf.data, *hp = ch->asm_buf.data + ch->asm_mlen;
    size_t mlen = ch->asm_mlen, hlen = ch->asm_buf.len - ch->asm_mlen;
    void *handle = ch->body_handle;
    char *body = ch->body;
    size_t blen = (size_t)ch->body_size;
    body[blen] = '\0'; /* the spare byte body_alloc promises */
    ch->body_handle = NULL;
    ch->body = NULL;
    ch->asm_state = MQ_ASM_NONE;
    if (ch->asm_method == MQ_BASIC_GET_OK) { /* the waiter was checked at the method */
        fill_message(w->msg, chid, mp, mlen, hp, hlen);
        w->msg->body_handle = handle;
        w->msg->body = body;
        w->msg->body_len = blen;
        w->reply_id = MQ_BASIC_GET_OK;
        w->done = true;
        return MQ_OK;
    }
    return deliver(c, w, kind_of(ch->asm_method), chid, mp, mlen, hp, hlen, handle, body, blen);
}

/* Records a blocked/unblocked notice (the ring drops its oldest when full). */
static void add_notice(mq_conn *c, bool blocked, const char *reason)
{
    if (c->notice_count == MQ_BLOCKED_NOTICES) {
        c->notice_first = (c->notice_first + 1) % MQ_BLOCKED_NOTICES;
        c->notice_count--;
    }
    unsigned i = (c->notice_first + c->notice_count) % MQ_BLOCKED_NOTICES;
    c->notices[i].blocked = blocked;
    /* reason is NUL-terminated and shorter than the slot (blocked_reason) */
    memcpy(c->notices[i].reason, reason, strlen(reason) + 1);
    c->notice_count++;
}

/* Hands the oldest notice to an event waiter that asked for MQ_EV_BLOCKED. */
static bool notice_to_waiter(mq_conn *c, mq_waiter *w)
{
    bool blocked;
    const char *reason;
    if (w->type != MQ_W_EVENT || !(w->kinds & MQ_EV_BLOCKED)) return false;
    if (!mq_conn_take_blocked_notice(c, &blocked, &reason)) return false;
    memset(w->ev, 0, sizeof *w->ev);
    w->ev->kind = MQ_EV_BLOCKED;
    w->ev->blocked = blocked;
    w->ev->reason = mq_bytes_of(reason, strlen(reason));
    w->done = true;
    return true;
}

static int on_connection_method(mq_conn *c, const mq_frame *f, uint32_t id, mq_waiter *w)
{
    union mq_method_args a;
    if (mq_method_decode(f->payload, f->size, &id, &a) < 0)
        return protocol_error(c, "malformed connection method", 0);
    switch (id) {
    case MQ_CONNECTION_CLOSE: {
        mq_connection_close_ok_t ok;
        mq_error e;
        mq_error_clear(&e);
        e.code = MQ_E_CONNECTION_CLOSED;
        e.reply_code = a.connection_close.reply_code;
        e.class_id = a.connection_close.class_id;
        e.method_id = a.connection_close.method_id;
        size_t n = a.connection_close.reply_text.len;
        if (n >= sizeof e.text) n = sizeof e.text - 1;
        if (n) memcpy(e.text, a.connection_close.reply_text.ptr, n);
        e.text[n] = '\0';
        /* best effort: the server closes the socket after close-ok anyway */
        memset(&ok, 0, sizeof ok);
        if (mq_conn_put_method(c, 0, MQ_CONNECTION_CLOSE_OK, &ok) == MQ_OK) (void)mq_conn_send(c);
        c->err = e;
        return mq_conn_fail(c, MQ_E_CONNECTION_CLOSED);
    }
    case MQ_CONNECTION_BLOCKED: {
        size_t n = a.connection_blocked.reason.len;
        if (n >= sizeof c->blocked_reason) n = sizeof c->blocked_reason - 1;
        if (n) memcpy(c->blocked_reason, a.connection_blocked.reason.ptr, n);
        c->blocked_reason[n] = '\0';
        c->blocked = true;
        add_notice(c, true, c->blocked_reason);
        notice_to_waiter(c, w);
        return MQ_OK;
    }
    case MQ_CONNECTION_UNBLOCKED:
        c->blocked = false;
        add_notice(c, false, "");
        if (w->type == MQ_W_UNBLOCK) w->done = true;
        notice_to_waiter(c, w);
        return MQ_OK;
    default:
        if (w->type == MQ_W_RPC && w->ch == 0 && in_list(w->replies, id)) {
            /* views into the read buffer */
            if (w->out) *w->out = a;
            w->reply_id = id;
            w->done = true;
            return MQ_OK;
        }
        mq_error_set(&c->err, MQ_E_PROTOCOL, "unexpected method %s on channel 0",
                     mq_method_name(id) ? mq_method_name(id) : "?");
        return mq_conn_fail(c, MQ_E_PROTOCOL);
    }
}

/* A method on a channel we are closing: only close and close-ok matter. */
static int on_closing_method(mq_conn *c, uint16_t chid, mq_chan *ch, const mq_frame *f,
                             uint32_t id, mq_waiter *w)
{
    union mq_method_args a;
    (void)ch;
    if (id == MQ_CHANNEL_CLOSE_OK) {
        mq_chan_release_id(c, chid);
        if (w->type == MQ_W_RPC && w->ch == chid && in_list(w->replies, id)) {
            w->reply_id = id;
            w->done = true;
        } else if (w->type == MQ_W_CLOSED_ALL && c->nclosing == 0) {
            w->done = true;
        }
        return MQ_OK;
    }
    if (id == MQ_CHANNEL_CLOSE) { /* both sides closed at once: answer, keep waiting */
        if (mq_method_decode(f->payload, f->size, &id, &a) < 0)
            return protocol_error(c, "malformed channel.close", chid);
        return mq_chan_server_close(c, chid, &a.channel_close);
    }
    return MQ_OK; /* dropped until close-ok */
}

static int on_method(mq_conn *c, const mq_frame *f, mq_waiter *w)
{
    if (f->size < 4) return protocol_error(c, "method frame too short", f->channel);
    uint32_t id = mq_get32(f->payload);
    if (f->channel == 0) return on_connection_method(c, f, id, w);
    mq_chan *ch = mq_conn_chan(c, f->channel);
    if (!ch || ch->state == MQ_CH_FREE) return protocol_error(c, "frame for a channel that is not open", f->channel);
    if (ch->state == MQ_CH_CLOSING) return on_closing_method(c, f->channel, ch, f, id, w);
    if (ch->state == MQ_CH_CLOSED) return MQ_OK; /* late frames after the server's close */
    if (ch->asm_state != MQ_ASM_NONE) return protocol_error(c, "method frame inside content", f->channel);

    union mq_method_args a;
    uint32_t did;
    int rc = mq_method_decode(f->payload, f->size, &did, &a);
    if (rc == MQ_E_UNKNOWN_METHOD) {
        mq_error_set(&c->err, MQ_E_PROTOCOL, "unknown method id 0x%08x (channel %u)", id,
                     (unsigned)f->channel);
        return mq_conn_fail(c, MQ_E_PROTOCOL);
    }
    if (rc < 0) return protocol_error(c, "malformed method frame", f->channel);

    switch (id) {
    case MQ_CHANNEL_CLOSE:
        rc = mq_chan_server_close(c, f->channel, &a.channel_close);
        if (rc < 0) return rc;
        if (waiter_on(w, f->channel)) {
            c->err = ch->err;
            return MQ_E_CHANNEL_CLOSED;
        }
        return MQ_OK;
    case MQ_CHANNEL_FLOW: {
        mq_channel_flow_ok_t ok;
        ok.active = a.channel_flow.active;
        rc = mq_conn_put_method(c, f->channel, MQ_CHANNEL_FLOW_OK, &ok);
        return rc < 0 ? rc : mq_conn_send(c);
    }
    case MQ_BASIC_GET_OK:
        if (!(w->type == MQ_W_GET && w->ch == f->channel))
            return protocol_error(c, "unexpected basic.get-ok", f->channel);
        /* fall through */
    case MQ_BASIC_DELIVER:
    case MQ_BASIC_RETURN:
        mq_wbuf_reset(&ch->asm_buf);
        if (mq_wbuf_reserve(&ch->asm_buf, f->size) != MQ_OK) {
            mq_error_set(&c->err, MQ_E_NOMEM, "could not allocate memory");
            return mq_conn_fail(c, MQ_E_NOMEM);
        }
        memcpy(ch->asm_buf.data, f->payload, f->size);
        ch->asm_buf.len = ch->asm_mlen = f->size;
        ch->asm_method = id;
        ch->asm_state = MQ_ASM_HEADER;
        return MQ_OK;
    case MQ_BASIC_ACK:
    case MQ_BASIC_NACK:
    case MQ_BASIC_CANCEL:
        return deliver(c, w, kind_of(id), f->channel, f->payload, f->size, NULL, 0, NULL, NULL, 0);
    default:
        if ((w->type == MQ_W_RPC && w->ch == f->channel && in_list(w->replies, id)) ||
            (w->type == MQ_W_GET && w->ch == f->channel && id == MQ_BASIC_GET_EMPTY)) {
            if (w->out) *w->out = a;
            w->reply_id = id;
            w->done = true;
            return MQ_OK;
        }
        mq_error_set(&c->err, MQ_E_PROTOCOL, "unexpected method %s (channel %u)",
                     mq_method_name(id) ? mq_method_name(id) : "?", (unsigned)f->channel);
        return mq_conn_fail(c, MQ_E_PROTOCOL);
    }
}

/* A body the embedder cannot hold (hooks.body_alloc said no: larger than
 * the memory it may use).  The rest of the content cannot be skipped
 * without reading it all, so the connection ends, but politely: a
 * connection.close (506 RESOURCE_ERROR) is sent, without waiting for its
 * close-ok, within a bounded write; then the socket is closed.  The error
 * record names the size (tests/572). */
static int refuse_body(mq_conn *c, uint64_t size)
{
    mq_connection_close_t m;
    memset(&m, 0, sizeof m);
    m.reply_code = MQ_REPLY_RESOURCE_ERROR;
    m.reply_text = mq_cstr("RESOURCE_ERROR - message body too large for the client's memory");
    double saved_wt = c->write_timeout;
    if (c->write_timeout <= 0 || c->write_timeout > MQ_CLOSE_FALLBACK) c->write_timeout = MQ_CLOSE_FALLBACK;
    if (c->tr.io && mq_conn_put_method(c, 0, MQ_CONNECTION_CLOSE, &m) == MQ_OK) (void)mq_conn_send(c);
    c->write_timeout = saved_wt;
    mq_error_set(&c->err, MQ_E_NOMEM, "could not allocate a message body of %llu bytes",
                 (unsigned long long)size);
    return mq_conn_fail(c, MQ_E_NOMEM);
}

static int on_header(mq_conn *c, const mq_frame *f, mq_waiter *w)
{
    mq_chan *ch = mq_conn_chan(c, f->channel);
    if (!ch || ch->state == MQ_CH_FREE) return protocol_error(c, "frame for a channel that is not open", f->channel);
    if (ch->state != MQ_CH_OPEN) return MQ_OK; /* closing: dropped */
    if (ch->asm_state != MQ_ASM_HEADER) return protocol_error(c, "content header without a method", f->channel);
    uint16_t cls;
    uint64_t size;
    mq_basic_properties_t props;
    if (mq_header_decode(f->payload, f->size, &cls, &size, &props) < 0)
        return protocol_error(c, "malformed content header", f->channel);
    if (cls != (uint16_t)(ch->asm_method >> 16))
        return protocol_error(c, "content header class does not match the method", f->channel);
    if (size >= SIZE_MAX / 2) return protocol_error(c, "content body size out of range", f->channel);
    if (mq_wbuf_reserve(&ch->asm_buf, f->size) != MQ_OK) {
        mq_error_set(&c->err, MQ_E_NOMEM, "could not allocate memory");
        return mq_conn_fail(c, MQ_E_NOMEM);
    }
    memcpy(ch->asm_buf.data + ch->asm_buf.len, f->payload, f->size);
    ch->asm_buf.len += f->size;
    ch->body_handle = c->hooks.body_alloc(c->hooks.ud, (size_t)size, &ch->body);
    if (!ch->body_handle) return refuse_body(c, size);
    ch->body_size = size;
    ch->body_got = 0;
    if (size == 0) return content_done(c, ch, f->channel, w);
    ch->asm_state = MQ_ASM_BODY;
    return MQ_OK;
}

static int on_body(mq_conn *c, const mq_frame *f, mq_waiter *w)
{
    mq_chan *ch = mq_conn_chan(c, f->channel);
    if (!ch || ch->state == MQ_CH_FREE) return protocol_error(c, "frame for a channel that is not open", f->channel);
    if (ch->state != MQ_CH_OPEN) return MQ_OK; /* closing: dropped */
    if (ch->asm_state != MQ_ASM_BODY) return protocol_error(c, "body frame without a content header", f->channel);
    if (f->size > ch->body_size - ch->body_got) /* body_got <= body_size always */
        return protocol_error(c, "body longer than the content header's size", f->channel);
    memcpy(ch->body + ch->body_got, f->payload, f->size);
    ch->body_got += f->size;
    return ch->body_got == ch->body_size ? content_done(c, ch, f->channel, w) : MQ_OK;
}

static int dispatch(mq_conn *c, const mq_frame *f, mq_waiter *w)
{
    switch (f->type) {
    case MQ_FRAME_METHOD: return on_method(c, f, w);
    case MQ_FRAME_HEADER: return on_header(c, f, w);
    case MQ_FRAME_BODY: return on_body(c, f, w);
    default: return MQ_OK; /* heartbeat: reading it refreshed last_read */
    }
}

/* ---- reading -------------------------------------------------------------- */

static int frame_error(mq_conn *c, uint32_t limit)
{
    const uint8_t *p = c->tr.rbuf + c->tr.rpos;
    size_t n = c->tr.rend - c->tr.rpos;
    uint32_t size = mq_get32(p + 3); /* mq_frame_parse saw >= 7 bytes */
    if (p[0] != MQ_FRAME_METHOD && p[0] != MQ_FRAME_HEADER && p[0] != MQ_FRAME_BODY &&
        p[0] != MQ_FRAME_HEARTBEAT)
        mq_error_set(&c->err, MQ_E_FRAME, "bad frame type %u", (unsigned)p[0]);
    else if (limit && (uint64_t)size + MQ_FRAME_OVERHEAD > limit)
        mq_error_set(&c->err, MQ_E_FRAME, "frame of %llu bytes exceeds frame_max %u",
                     (unsigned long long)size + MQ_FRAME_OVERHEAD, (unsigned)limit);
    else if (n > (size_t)size + 7)
        mq_error_set(&c->err, MQ_E_FRAME, "bad frame end octet 0x%02x", (unsigned)p[7 + size]);
    else
        mq_error_set(&c->err, MQ_E_FRAME, "bad frame");
    return mq_conn_fail(c, MQ_E_FRAME);
}

/* One read into the transport's buffer: > 0 bytes, 0 would block (or,
 * waiting, the deadline `until` passed), < 0 error (the connection failed,
 * except MQ_E_INTERRUPTED).  `wait`: the transport's read_wait(), which
 * the caller checked exists and needs no lock. */
static ssize_t read_some(mq_conn *c, size_t need, bool wait, int64_t until, const mq_io_intr *ih)
{
    ssize_t n = mq_transport_read(&c->tr, need, wait, until, ih);
    if (n < 0 && n != MQ_E_INTERRUPTED) return mq_conn_fail(c, (int)n);
    return n;
}

static size_t io_pending(mq_conn *c) { return mq_transport_pending(&c->tr); }

/* Nothing read for two heartbeat intervals: the peer is gone. */
static int heartbeat_lost(mq_conn *c)
{
    mq_error_set(&c->err, MQ_E_HEARTBEAT, "heartbeat timeout, connection closed");
    return mq_conn_fail(c, MQ_E_HEARTBEAT);
}

int mq_conn_pump(mq_conn *c, mq_waiter *w, int64_t deadline, bool block)
{
    /* before tune the server must stay within a sane size; after it, the
     * negotiated frame_max (0: no limit) */
    uint32_t limit = c->frame_max ? c->frame_max : (c->open ? 0 : MQ_PRE_TUNE_FRAME_MAX);
    if (c->tr.io && mq_conn_check_process(c) < 0) return MQ_E_NOT_CONNECTED;
    /* Only an event wait is a safe point for the embedder's pending code
     * (mq_hooks.interrupt): nothing of the connection's state lives on
     * this stack, so the wait may return and be called again. */
    const mq_io_intr *ih = w && w->type == MQ_W_EVENT ? &c->tr.io_wait : &c->tr.io_hard;
    for (;;) {
        if (!c->tr.io) return c->err.code < 0 ? c->err.code : MQ_E_NOT_CONNECTED;
        size_t need = 7;
        while (c->tr.rend > c->tr.rpos) {
            mq_frame f;
            size_t used;
            int r = mq_frame_parse(c->tr.rbuf + c->tr.rpos, c->tr.rend - c->tr.rpos, limit, &f, &used);
            if (r == 0) {
                need = used;
                break;
            }
            if (r < 0) return frame_error(c, limit);
            c->tr.rpos += used;
            r = dispatch(c, &f, w);
            if (r < 0) return r;
            if (w->done) return 1;
            if (!c->tr.io) return c->err.code < 0 ? c->err.code : MQ_E_NOT_CONNECTED;
        }
        int64_t now = mq_clock_ns();
        int64_t hb = (int64_t)c->heartbeat * 1000000000LL;
        if (hb) {
            int r = mq_conn_heartbeat_due(c, now);
            if (r < 0) return r;
        }
        /* checked here too, not only when idle: a stream of frames for
         * others must not stretch the wait past its deadline */
        if (block && deadline && now >= deadline) return 0;
        /* The transport waits in its read when it can (TCP: recv() bounded
         * by SO_RCVTIMEO): one system call whether the bytes are there or
         * not, where a read first costs a "would block" and poll-first a
         * poll() when they are. */
        bool wait_in_read = block && mq_transport_reads_waiting(&c->tr);
        if (!wait_in_read) {
            /* Blocking right after a write (a request whose reply cannot be
             * there yet): poll first instead of a read that would only say
             * "would block".  Not for TLS bytes already decrypted (pending)
             * or a TLS read that waits for a write. */
            bool skip_read = block && c->tr.sent_unread && c->tr.io->rwant == POLLIN && io_pending(c) == 0;
            if (!skip_read) {
                ssize_t n = read_some(c, need, false, 0, ih);
                if (n < 0) return (int)n;
                if (n > 0) continue;
                /* dead only when a read found nothing: bytes may wait unread in
                 * the socket (e.g. after long user code with the heartbeat thread) */
                if (hb && now - c->tr.last_read >= 2 * hb) return heartbeat_lost(c);
            }
            if (!block) return 0;
        }
        if (c->out.len) { /* corked acks leave before we block, not per event */
            int r = mq_conn_send(c);
            if (r < 0) return r;
        }
        int64_t until = deadline;
        if (hb) {
            until = mq_deadline_min(until, mq_conn_last_write(c) + hb / 2);
            until = mq_deadline_min(until, c->tr.last_read + 2 * hb);
        }
        if (wait_in_read) {
            ssize_t n = read_some(c, need, true, until, ih);
            if (n < 0) return (int)n;
            if (n == 0 && hb && mq_clock_ns() - c->tr.last_read >= 2 * hb) return heartbeat_lost(c);
            continue;
        }
        int r = mq_transport_wait_readable(&c->tr, until, ih);
        if (r == MQ_E_INTERRUPTED) return r;
        if (r < 0) return mq_conn_fail(c, r);
    }
}

/* ---- public: events ------------------------------------------------------- */

int mq_conn_wait_event(mq_conn *c, uint16_t ch, int kinds, double timeout, mq_event *ev)
{
    mq_conn_release_held(c);
    if (!(kinds & (MQ_EV_ANY | MQ_EV_BLOCKED)) || !ev)
        return mq_error_set(&c->err, MQ_E_INVALID, "invalid argument");
    mq_waiter w;
    memset(&w, 0, sizeof w);
    w.type = MQ_W_EVENT;
    w.ch = ch;
    w.kinds = kinds;
    w.ev = ev;
    if (notice_to_waiter(c, &w)) return 1;
    if (dequeue(c, ch, kinds, ev)) return 1;
    if (!c->open) return mq_error_set(&c->err, MQ_E_NOT_CONNECTED, "connection is not open");
    if (ch != 0) {
        mq_chan *cs = mq_conn_chan(c, ch);
        if (cs && cs->state == MQ_CH_CLOSED && cs->err.reply_code) {
            c->err = cs->err;
            return MQ_E_CHANNEL_CLOSED;
        }
        if (!cs || cs->state != MQ_CH_OPEN)
            return mq_error_set(&c->err, MQ_E_NO_CHANNEL, "channel %u is not open", (unsigned)ch);
    }
    if (timeout == 0 && c->read_timeout > 0) timeout = c->read_timeout;
    int64_t deadline = timeout > 0 ? mq_deadline_in(timeout) : 0;
    int r = mq_conn_pump(c, &w, deadline, timeout >= 0);
    return r;
}

int mq_conn_service(mq_conn *c)
{
    mq_conn_release_held(c);
    if (!c->open) return mq_error_set(&c->err, MQ_E_NOT_CONNECTED, "connection is not open");
    mq_waiter w;
    memset(&w, 0, sizeof w);
    int r = mq_conn_pump(c, &w, 0, false);
    if (r < 0) return r;
    if (c->out.len) return mq_conn_send(c);
    return MQ_OK;
}

size_t mq_conn_queued_async(const mq_conn *c) { return c->nasync; }

bool mq_conn_has_buffered(const mq_conn *c)
{
    if (c->qhead) return true;
    if (!c->tr.io) return false;
    if (c->tr.rend > c->tr.rpos) {
        mq_frame f;
        size_t used;
        if (mq_frame_parse(c->tr.rbuf + c->tr.rpos, c->tr.rend - c->tr.rpos, 0, &f, &used) != 0) return true;
    }
    return io_pending((mq_conn *)c) > 0;
}

const char *mq_conn_blocked_reason(const mq_conn *c) { return c->blocked_reason; }

int mq_conn_take_blocked_notice(mq_conn *c, bool *blocked, const char **reason)
{
    if (c->notice_count == 0) return 0;
    unsigned i = c->notice_first;
    c->notice_first = (i + 1) % MQ_BLOCKED_NOTICES;
    c->notice_count--;
    /* the slot is only rewritten when a new notice is read: not before the
     * next call on the connection */
    *blocked = c->notices[i].blocked;
    *reason = c->notices[i].reason;
    return 1;
}

void *mq_message_take_body(mq_message *m)
{
    void *h = m->body_handle;
    m->body_handle = NULL;
    return h;
}

void mq_message_release(mq_conn *c, mq_message *m)
{
    if (m->body_handle) c->hooks.body_free(c->hooks.ud, m->body_handle);
    m->body_handle = NULL;
    m->body = NULL;
    m->body_len = 0;
}

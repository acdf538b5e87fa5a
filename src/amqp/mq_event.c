/* SPDX-License-Identifier: MIT */
/*
 * The receiving half of a connection: the frame pump that every wait goes
 * through (heartbeats, deadlines, feeding the reader, dispatching what it
 * yields to the current waiter or the queue), the FIFO of
 * events that arrived while nobody waited for them (with running counts of
 * the confirms and returns among them, per connection and per channel, and
 * their bound MQ_ASYNC_QUEUE_MAX per channel), and
 * mq_conn_wait_event().
 *
 * Reading: the transport's read buffer (c->tr, src/net/mq_transport.c)
 * grows to hold a whole frame of frame_max.  The reader (c->rd,
 * mq_reader.c) consumes complete frames from it and yields decoded methods
 * and assembled messages, each decoded once; every item is dispatched
 * before more frames are read, and unparsed bytes move to the front only
 * when a new read starts, so views into a method frame stay valid until
 * the next call on the connection.
 *
 * An item that matches the current waiter is handed out directly (views
 * into the reader's copies or the read buffer); otherwise it is queued with
 * its decoded fields, their views moved onto a private copy of the method
 * and header bytes.  A dequeued node stays alive as c->held until the next
 * reading call, backing the views handed out from it.
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

/* ---- events and messages from decoded items ------------------------------- */

/* A message's fields from a content item (decoded once, by the reader);
 * takes the body. */
static void message_of(mq_message *m, const mq_rd_item *it)
{
    const union mq_method_args *a = it->args;
    memset(m, 0, sizeof *m);
    m->channel = it->channel;
    m->method = it->id;
    switch (it->id) {
    case MQ_BASIC_DELIVER:
        m->consumer_tag = a->basic_deliver.consumer_tag;
        m->delivery_tag = a->basic_deliver.delivery_tag;
        m->redelivered = a->basic_deliver.redelivered;
        m->exchange = a->basic_deliver.exchange;
        m->routing_key = a->basic_deliver.routing_key;
        break;
    case MQ_BASIC_GET_OK:
        m->delivery_tag = a->basic_get_ok.delivery_tag;
        m->redelivered = a->basic_get_ok.redelivered;
        m->exchange = a->basic_get_ok.exchange;
        m->routing_key = a->basic_get_ok.routing_key;
        m->message_count = a->basic_get_ok.message_count;
        break;
    case MQ_BASIC_RETURN:
        m->reply_code = a->basic_return.reply_code;
        m->reply_text = a->basic_return.reply_text;
        m->exchange = a->basic_return.exchange;
        m->routing_key = a->basic_return.routing_key;
        break;
    default: break;
    }
    m->props = *it->props;
    m->body_handle = it->body_handle;
    m->body = it->body;
    m->body_len = it->body_len;
}

static void event_of(mq_event *ev, int kind, const mq_rd_item *it)
{
    const union mq_method_args *a = it->args;
    memset(ev, 0, sizeof *ev);
    ev->kind = kind;
    ev->channel = it->channel;
    switch (kind) {
    case MQ_EV_DELIVER:
    case MQ_EV_RETURN: message_of(&ev->msg, it); break;
    case MQ_EV_ACK:
        ev->delivery_tag = a->basic_ack.delivery_tag;
        ev->multiple = a->basic_ack.multiple;
        break;
    case MQ_EV_NACK:
        ev->delivery_tag = a->basic_nack.delivery_tag;
        ev->multiple = a->basic_nack.multiple;
        ev->requeue = a->basic_nack.requeue;
        break;
    case MQ_EV_CANCEL: ev->consumer_tag = a->basic_cancel.consumer_tag; break;
    default: break;
    }
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
        mq_conn_count_async(c, ch, -1);
        mq_qev_free(c, q);
        cs->dropped++;
        if (!cs->drop_untold && !cs->drop_told) {
            cs->drop_untold = true;
            c->drop_untold++;
        }
        return;
    }
}

/* Queues an event: its decoded fields, their views moved onto a private
 * copy of the method and header bytes; takes the body. */
static int enqueue(mq_conn *c, int kind, const mq_rd_item *it)
{
    size_t mlen = it->raw.len, hlen = it->type == MQ_RD_CONTENT ? it->hraw.len : 0;
    mq_qev *q = malloc(sizeof *q + mlen + hlen);
    if (!q) {
        if (it->type == MQ_RD_CONTENT) c->hooks.body_free(c->hooks.ud, it->body_handle);
        mq_error_set(&c->err, MQ_E_NOMEM, "could not allocate memory");
        return mq_conn_fail(c, MQ_E_NOMEM);
    }
    q->next = NULL;
    q->kind = kind;
    q->channel = it->channel;
    memcpy(q->raw, it->raw.ptr, mlen);
    if (hlen) memcpy(q->raw + mlen, it->hraw.ptr, hlen);
    event_of(&q->ev, kind, it);
    const uint8_t *mp = (const uint8_t *)it->raw.ptr;
    mq_message *m = &q->ev.msg;
    mq_rd_rebase(&q->ev.consumer_tag, mp, mlen, q->raw);
    mq_rd_rebase(&m->consumer_tag, mp, mlen, q->raw);
    mq_rd_rebase(&m->exchange, mp, mlen, q->raw);
    mq_rd_rebase(&m->routing_key, mp, mlen, q->raw);
    mq_rd_rebase(&m->reply_text, mp, mlen, q->raw);
    mq_rd_rebase_props(&m->props, (const uint8_t *)it->hraw.ptr, hlen, q->raw + mlen);
    if (kind & MQ_EV_ASYNC) {
        mq_chan *cs = mq_conn_chan(c, it->channel);
        if (cs && cs->nasync >= MQ_ASYNC_QUEUE_MAX) drop_oldest_async(c, it->channel, cs);
        mq_conn_count_async(c, it->channel, +1);
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
        if (q->kind & MQ_EV_ASYNC) mq_conn_count_async(c, q->channel, -1);
        *ev = q->ev;
        q->ev.msg.body_handle = NULL; /* now the caller's */
        mq_conn_release_held(c);
        c->held = q; /* backs the views in *ev */
        return 1;
    }
    return 0;
}

/* ---- dispatch of the reader's items ---------------------------------------- */

/* A message or a content-less event is complete: hand it to the waiter or
 * queue it. */
static int deliver(mq_conn *c, mq_waiter *w, int kind, const mq_rd_item *it)
{
    if (w->type == MQ_W_EVENT && (w->kinds & kind) && (w->ch == 0 || w->ch == it->channel)) {
        event_of(w->ev, kind, it);
        w->done = true;
        return MQ_OK;
    }
    return enqueue(c, kind, it);
}

static int on_content(mq_conn *c, const mq_rd_item *it, mq_waiter *w)
{
    if (it->id != MQ_BASIC_GET_OK) return deliver(c, w, kind_of(it->id), it);
    if (!(w->type == MQ_W_GET && w->ch == it->channel)) {
        c->hooks.body_free(c->hooks.ud, it->body_handle);
        return protocol_error(c, "unexpected basic.get-ok", it->channel);
    }
    message_of(w->msg, it);
    w->reply_id = MQ_BASIC_GET_OK;
    w->done = true;
    return MQ_OK;
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

static int on_connection_method(mq_conn *c, const mq_rd_item *it, mq_waiter *w)
{
    const union mq_method_args *a = it->args;
    switch (it->id) {
    case MQ_CONNECTION_CLOSE: {
        const mq_connection_close_t *m = &a->connection_close;
        mq_connection_close_ok_t ok;
        mq_error e;
        mq_error_from_close(&e, MQ_E_CONNECTION_CLOSED, 0, m->reply_code, m->reply_text, m->class_id,
                            m->method_id);
        /* best effort: the server closes the socket after close-ok anyway */
        memset(&ok, 0, sizeof ok);
        if (mq_conn_put_method(c, 0, MQ_CONNECTION_CLOSE_OK, &ok) == MQ_OK) (void)mq_conn_send(c);
        c->err = e;
        return mq_conn_fail(c, MQ_E_CONNECTION_CLOSED);
    }
    case MQ_CONNECTION_BLOCKED: {
        size_t n = a->connection_blocked.reason.len;
        if (n >= sizeof c->blocked_reason) n = sizeof c->blocked_reason - 1;
        if (n) memcpy(c->blocked_reason, a->connection_blocked.reason.ptr, n);
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
        if (w->type == MQ_W_RPC && w->ch == 0 && in_list(w->replies, it->id)) {
            /* views into the read buffer */
            if (w->out) *w->out = *a;
            w->reply_id = it->id;
            w->done = true;
            return MQ_OK;
        }
        mq_error_set(&c->err, MQ_E_PROTOCOL, "unexpected method %s on channel 0",
                     mq_method_name(it->id) ? mq_method_name(it->id) : "?");
        return mq_conn_fail(c, MQ_E_PROTOCOL);
    }
}

static int chan_server_close(mq_conn *c, uint16_t id, const mq_channel_close_t *m)
{
    mq_chan *ch = c->chans[id];
    mq_error_from_close(&ch->err, MQ_E_CHANNEL_CLOSED, id, m->reply_code, m->reply_text, m->class_id,
                        m->method_id);
    c->err = ch->err;
    mq_reader_reset(&c->rd, id);
    if (ch->state == MQ_CH_OPEN) {
        mq_chan_release_id(c, id);
        ch->state = MQ_CH_CLOSED;
    }
    mq_channel_close_ok_t ok;
    memset(&ok, 0, sizeof ok);
    int rc = mq_conn_put_method(c, id, MQ_CHANNEL_CLOSE_OK, &ok);
    return rc < 0 ? rc : mq_conn_send(c);
}


/* A method on a channel we are closing (undecoded: the reader drops what
 * arrives for such a channel): only close and close-ok matter. */
static int on_closing_method(mq_conn *c, const mq_rd_item *it, mq_waiter *w)
{
    uint16_t chid = it->channel;
    if (it->id == MQ_CHANNEL_CLOSE_OK) {
        mq_chan_release_id(c, chid);
        if (w->type == MQ_W_RPC && w->ch == chid && in_list(w->replies, it->id)) {
            w->reply_id = it->id;
            w->done = true;
        } else if (w->type == MQ_W_CLOSED_ALL && c->nclosing == 0) {
            w->done = true;
        }
        return MQ_OK;
    }
    if (it->id == MQ_CHANNEL_CLOSE) { /* both sides closed at once: answer, keep waiting */
        union mq_method_args a;
        uint32_t id;
        if (mq_method_decode((const uint8_t *)it->raw.ptr, it->raw.len, &id, &a) < 0)
            return protocol_error(c, "malformed channel.close", chid);
        return chan_server_close(c, chid, &a.channel_close);
    }
    return MQ_OK; /* dropped until close-ok */
}

/* A method without content on an open channel. */
static int on_method(mq_conn *c, const mq_rd_item *it, mq_waiter *w)
{
    uint16_t chid = it->channel;
    int rc;
    switch (it->id) {
    case MQ_CHANNEL_CLOSE:
        rc = chan_server_close(c, chid, &it->args->channel_close);
        if (rc < 0) return rc;
        if (waiter_on(w, chid)) {
            c->err = mq_conn_chan(c, chid)->err;
            return MQ_E_CHANNEL_CLOSED;
        }
        return MQ_OK;
    case MQ_CHANNEL_FLOW: {
        mq_channel_flow_ok_t ok;
        ok.active = it->args->channel_flow.active;
        rc = mq_conn_put_method(c, chid, MQ_CHANNEL_FLOW_OK, &ok);
        return rc < 0 ? rc : mq_conn_send(c);
    }
    case MQ_BASIC_ACK:
    case MQ_BASIC_NACK:
    case MQ_BASIC_CANCEL:
        return deliver(c, w, kind_of(it->id), it);
    default:
        if ((w->type == MQ_W_RPC && w->ch == chid && in_list(w->replies, it->id)) ||
            (w->type == MQ_W_GET && w->ch == chid && it->id == MQ_BASIC_GET_EMPTY)) {
            if (w->out) *w->out = *it->args;
            w->reply_id = it->id;
            w->done = true;
            return MQ_OK;
        }
        mq_error_set(&c->err, MQ_E_PROTOCOL, "unexpected method %s (channel %u)",
                     mq_method_name(it->id) ? mq_method_name(it->id) : "?", (unsigned)chid);
        return mq_conn_fail(c, MQ_E_PROTOCOL);
    }
}

static int dispatch(mq_conn *c, const mq_rd_item *it, mq_waiter *w)
{
    if (it->type == MQ_RD_CONTENT) return on_content(c, it, w);
    if (it->channel == 0) return on_connection_method(c, it, w);
    /* decoded: the channel is open (MQ_RD_OPEN) */
    if (it->decoded) return on_method(c, it, w);
    /* undecoded (MQ_RD_DROP): closing, or closed by the server */
    mq_chan *ch = mq_conn_chan(c, it->channel);
    if (ch->state == MQ_CH_CLOSING) return on_closing_method(c, it, w);
    return MQ_OK; /* late frames after the server's close */
}

/* A body the embedder cannot hold (hooks.body_alloc said no: larger than
 * the memory it may use).  The rest of the content cannot be skipped
 * without reading it all, so the connection ends, but politely: a
 * connection.close (506 RESOURCE_ERROR) is sent, without waiting for its
 * close-ok, within a bounded write; then the socket is closed.  The error
 * record (the reader's) names the size (tests/572). */
static int refuse_body(mq_conn *c)
{
    mq_connection_close_t m;
    mq_error e = c->err;
    memset(&m, 0, sizeof m);
    m.reply_code = MQ_REPLY_RESOURCE_ERROR;
    m.reply_text = mq_cstr("RESOURCE_ERROR - message body too large for the client's memory");
    double saved_wt = c->write_timeout;
    if (c->write_timeout <= 0 || c->write_timeout > MQ_CLOSE_FALLBACK) c->write_timeout = MQ_CLOSE_FALLBACK;
    if (c->tr.io && mq_conn_put_method(c, 0, MQ_CONNECTION_CLOSE, &m) == MQ_OK) (void)mq_conn_send(c);
    c->write_timeout = saved_wt;
    c->rd.refused = 0;
    c->err = e;
    return mq_conn_fail(c, MQ_E_NOMEM);
}

/* The reader found the input broken (its error is in c->err). */
static int reader_error(mq_conn *c, int rc)
{
    if (rc == MQ_E_NOMEM && c->rd.refused) return refuse_body(c);
    return mq_conn_fail(c, rc);
}

/* ---- reading -------------------------------------------------------------- */

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
            mq_rd_item it;
            size_t used = 0;
            int r = mq_reader_next(&c->rd, c->tr.rbuf + c->tr.rpos, c->tr.rend - c->tr.rpos, limit,
                                   &used, &need, &it);
            c->tr.rpos += used;
            if (r < 0) return reader_error(c, r);
            if (r == 0) break;
            r = dispatch(c, &it, w);
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

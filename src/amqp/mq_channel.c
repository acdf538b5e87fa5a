/* SPDX-License-Identifier: MIT */
/*
 * Channel operations: channel open/close (synchronous and
 * fire-and-forget; ids from mq_chan_next_free(), php-amqp's order), the
 * generic synchronous method (mq_rpc) with its named wrappers, basic.get,
 * basic.publish (method + header + body frames in one write; large bodies
 * sent from the caller's memory) and the acks.  They stand on the wait
 * (mq_event.c), the output path (mq_output.c) and the state (mq_state.c).
 */
#include "mq_conn_internal.h"

#include <stdlib.h>

/* 0 when channel id can carry a method; else the error to return. */
static int chan_check(mq_conn *c, uint16_t id)
{
    if (!c->open) return mq_error_set(&c->err, MQ_E_NOT_CONNECTED, "connection is not open");
    mq_chan *ch = mq_conn_chan(c, id);
    if (ch && ch->state == MQ_CH_OPEN) return MQ_OK;
    if (ch && ch->state == MQ_CH_CLOSED && ch->err.reply_code) {
        c->err = ch->err;
        return MQ_E_CHANNEL_CLOSED;
    }
    return mq_error_set(&c->err, MQ_E_NO_CHANNEL, "channel %u is not open", (unsigned)id);
}

/* ---- synchronous methods ---------------------------------------------------- */

static int rpc_wait(mq_conn *c, uint16_t ch, mq_waiter *w);

/* Sends `id` on ch and waits for a reply (type MQ_W_RPC or MQ_W_GET).
 * Returns 0 (GET: 1 for get-ok, 0 for get-empty) or an error. */
static int rpc(mq_conn *c, uint16_t ch, uint32_t id, const void *args, mq_waiter *w)
{
    mq_conn_release_held(c);
    int rc = chan_check(c, ch);
    if (rc < 0) return rc;
    if ((rc = mq_conn_put_method(c, ch, id, args)) < 0) return rc;
    if ((rc = mq_conn_send(c)) < 0) return rc;
    return rpc_wait(c, ch, w);
}

/* Waits for the reply w describes to a request already sent on ch. */
static int rpc_wait(mq_conn *c, uint16_t ch, mq_waiter *w)
{
    w->ch = ch;
    int r = mq_conn_wait_reply(c, w, mq_conn_rpc_deadline(c));
    if (r == 1) return w->type == MQ_W_GET ? (w->reply_id == MQ_BASIC_GET_OK) : MQ_OK;
    /* the reply may still come: the state is unknown */
    if (r == MQ_E_TIMEOUT || r == MQ_E_INTERRUPTED) return mq_conn_fail(c, r);
    return r;
}

/* A waiter for one of the reply ids in `replies`, decoded into *out. */
static void rpc_waiter(mq_waiter *w, const uint32_t *replies, union mq_method_args *out)
{
    memset(w, 0, sizeof *w);
    w->type = MQ_W_RPC;
    w->replies = replies;
    w->out = out;
}

int mq_rpc(mq_conn *c, uint16_t ch, uint32_t id, const void *args, const uint32_t *replies,
           uint32_t *reply_id, union mq_method_args *out)
{
    union mq_method_args tmp;
    mq_waiter w;
    if (ch == 0 || !replies || !*replies) return mq_error_set(&c->err, MQ_E_INVALID, "invalid argument");
    rpc_waiter(&w, replies, out ? out : &tmp);
    int rc = rpc(c, ch, id, args, &w);
    if (rc == MQ_OK && reply_id) *reply_id = w.reply_id;
    return rc;
}

/* mq_rpc with a single reply id. */
static int rpc1(mq_conn *c, uint16_t ch, uint32_t id, const void *args, uint32_t reply,
                union mq_method_args *out)
{
    const uint32_t replies[2] = {reply, 0};
    return mq_rpc(c, ch, id, args, replies, NULL, out);
}

/* Waits for a reply with the single id `reply` on ch (sent before). */
static int wait1(mq_conn *c, uint16_t ch, uint32_t reply)
{
    const uint32_t replies[2] = {reply, 0};
    union mq_method_args tmp;
    mq_waiter w;
    rpc_waiter(&w, replies, &tmp);
    return rpc_wait(c, ch, &w);
}

/* Opens the free id n (channel.open/open-ok), with the nqos basic.qos
 * methods in the same write; *opened = n once open-ok came. */
static int open_id(mq_conn *c, uint16_t n, const mq_basic_qos_t *qos, int nqos, uint16_t *opened)
{
    mq_chan *ch = c->chans[n];
    if (!ch) {
        ch = calloc(1, sizeof *ch);
        if (!ch) return mq_error_set(&c->err, MQ_E_NOMEM, "could not allocate memory");
        c->chans[n] = ch;
        if (n > c->chans_hi) c->chans_hi = n; /* bounds the table walks (mq_chans_*) */
    }
    mq_reader_reset(&c->rd, n);
    mq_error_clear(&ch->err);
    ch->confirm = false;
    ch->next_seq = 0;
    if (ch->drop_untold) c->drop_untold--;
    ch->drop_untold = ch->drop_told = false; /* a new channel: reported anew */
    ch->dropped = 0;
    ch->state = MQ_CH_OPEN;
    c->used[n / 64] |= (uint64_t)1 << (n % 64);
    c->nused++;
    mq_channel_open_t m;
    memset(&m, 0, sizeof m);
    size_t mark = c->out.len;
    int rc = mq_conn_put_method(c, n, MQ_CHANNEL_OPEN, &m);
    for (int i = 0; rc == MQ_OK && i < nqos; i++) rc = mq_conn_put_method(c, n, MQ_BASIC_QOS, &qos[i]);
    if (rc < 0) c->out.len = mark; /* nothing of this request leaves */
    if (rc == MQ_OK) rc = mq_conn_send(c);
    if (rc == MQ_OK) rc = wait1(c, n, MQ_CHANNEL_OPEN_OK);
    if (rc < 0) {
        if (c->open && ch->state == MQ_CH_OPEN) mq_chan_release_id(c, n);
        return rc;
    }
    *opened = n;
    for (int i = 0; i < nqos; i++)
        if ((rc = wait1(c, n, MQ_BASIC_QOS_OK)) < 0) return rc;
    return MQ_OK;
}

int mq_channel_open(mq_conn *c, uint16_t *id) { return mq_channel_open_qos(c, id, NULL, 0); }

int mq_channel_open_qos(mq_conn *c, uint16_t *id, const mq_basic_qos_t *qos, int nqos)
{
    *id = 0;
    mq_conn_release_held(c);
    if (!c->open) return mq_error_set(&c->err, MQ_E_NOT_CONNECTED, "connection is not open");
    uint16_t n = mq_chan_next_free(c);
    if (n == 0)
        return mq_error_set(&c->err, MQ_E_NO_CHANNEL, "no free channel id (channel_max %u)",
                            (unsigned)c->channel_max);
    if (c->chans[n] && c->chans[n]->state == MQ_CH_CLOSING) {
        /* closed without waiting (a destructor): the open waits for its
         * close-ok instead, at most one round trip */
        int rc = wait1(c, n, MQ_CHANNEL_CLOSE_OK);
        if (rc < 0) return rc;
    }
    return open_id(c, n, qos, nqos < 0 ? 0 : nqos, id);
}

int mq_channel_open_id(mq_conn *c, uint16_t id)
{
    mq_conn_release_held(c);
    if (!c->open) return mq_error_set(&c->err, MQ_E_NOT_CONNECTED, "connection is not open");
    if (id == 0 || id > c->channel_max)
        return mq_error_set(&c->err, MQ_E_NO_CHANNEL, "channel id %u is out of range (channel_max %u)",
                            (unsigned)id, (unsigned)c->channel_max);
    if (mq_chan_id_used(c, id))
        return mq_error_set(&c->err, MQ_E_NO_CHANNEL, "channel id %u is in use", (unsigned)id);
    uint16_t opened;
    return open_id(c, id, NULL, 0, &opened);
}

/* Marks the channel CLOSING and queues channel.close(200) in c->out. */
static int begin_close(mq_conn *c, uint16_t id, mq_chan *ch)
{
    mq_channel_close_t m;
    memset(&m, 0, sizeof m);
    m.reply_code = MQ_REPLY_SUCCESS;
    m.reply_text = mq_cstr("Goodbye");
    int rc = mq_conn_put_method(c, id, MQ_CHANNEL_CLOSE, &m);
    if (rc < 0) return rc;
    mq_reader_reset(&c->rd, id);
    mq_error_clear(&ch->err);
    ch->state = MQ_CH_CLOSING;
    c->nclosing++;
    return MQ_OK;
}

int mq_channel_close(mq_conn *c, uint16_t id)
{
    static const uint32_t replies[] = {MQ_CHANNEL_CLOSE_OK, 0};
    mq_conn_release_held(c);
    mq_chan *ch = mq_conn_chan(c, id);
    if (!c->open || !ch || ch->state != MQ_CH_OPEN) return MQ_OK;
    int rc = begin_close(c, id, ch);
    if (rc == MQ_OK) rc = mq_conn_send(c);
    if (rc < 0) return rc;
    mq_waiter w;
    memset(&w, 0, sizeof w);
    w.type = MQ_W_RPC;
    w.ch = id;
    w.replies = replies;
    int r = mq_conn_wait_reply(c, &w, mq_conn_rpc_deadline(c));
    if (r == 1) return MQ_OK;
    if (r == MQ_E_TIMEOUT) return mq_conn_fail(c, r);
    if (r == MQ_E_INTERRUPTED) return MQ_OK; /* the id is freed when close-ok arrives */
    return r;
}

void mq_channel_close_async(mq_conn *c, uint16_t id)
{
    mq_chan *ch = mq_conn_chan(c, id);
    if (!c->open || !ch || ch->state != MQ_CH_OPEN) return;
    if (begin_close(c, id, ch) == MQ_OK) (void)mq_conn_send(c); /* errors: recorded in c->err */
}

/* ---- named wrappers --------------------------------------------------------- */

int mq_basic_qos(mq_conn *c, uint16_t ch, uint32_t prefetch_size, uint16_t prefetch_count,
                 bool global)
{
    mq_basic_qos_t m = {prefetch_size, prefetch_count, global};
    return rpc1(c, ch, MQ_BASIC_QOS, &m, MQ_BASIC_QOS_OK, NULL);
}

int mq_exchange_declare(mq_conn *c, uint16_t ch, mq_bytes name, mq_bytes type, bool passive,
                        bool durable, bool auto_delete, bool internal, mq_bytes args)
{
    mq_exchange_declare_t m = {0, name, type, passive, durable, auto_delete, internal, false, args};
    return rpc1(c, ch, MQ_EXCHANGE_DECLARE, &m, MQ_EXCHANGE_DECLARE_OK, NULL);
}

int mq_exchange_delete(mq_conn *c, uint16_t ch, mq_bytes name, bool if_unused)
{
    mq_exchange_delete_t m = {0, name, if_unused, false};
    return rpc1(c, ch, MQ_EXCHANGE_DELETE, &m, MQ_EXCHANGE_DELETE_OK, NULL);
}

int mq_exchange_bind(mq_conn *c, uint16_t ch, mq_bytes destination, mq_bytes source,
                     mq_bytes routing_key, mq_bytes args)
{
    mq_exchange_bind_t m = {0, destination, source, routing_key, false, args};
    return rpc1(c, ch, MQ_EXCHANGE_BIND, &m, MQ_EXCHANGE_BIND_OK, NULL);
}

int mq_exchange_unbind(mq_conn *c, uint16_t ch, mq_bytes destination, mq_bytes source,
                       mq_bytes routing_key, mq_bytes args)
{
    mq_exchange_unbind_t m = {0, destination, source, routing_key, false, args};
    return rpc1(c, ch, MQ_EXCHANGE_UNBIND, &m, MQ_EXCHANGE_UNBIND_OK, NULL);
}

int mq_queue_declare(mq_conn *c, uint16_t ch, mq_bytes name, bool passive, bool durable,
                     bool exclusive, bool auto_delete, mq_bytes args, mq_bytes *name_out,
                     uint32_t *message_count, uint32_t *consumer_count)
{
    mq_queue_declare_t m = {0, name, passive, durable, exclusive, auto_delete, false, args};
    union mq_method_args out;
    int rc = rpc1(c, ch, MQ_QUEUE_DECLARE, &m, MQ_QUEUE_DECLARE_OK, &out);
    if (rc < 0) return rc;
    if (name_out) *name_out = out.queue_declare_ok.queue;
    if (message_count) *message_count = out.queue_declare_ok.message_count;
    if (consumer_count) *consumer_count = out.queue_declare_ok.consumer_count;
    return MQ_OK;
}

int mq_queue_bind(mq_conn *c, uint16_t ch, mq_bytes queue, mq_bytes exchange,
                  mq_bytes routing_key, mq_bytes args)
{
    mq_queue_bind_t m = {0, queue, exchange, routing_key, false, args};
    return rpc1(c, ch, MQ_QUEUE_BIND, &m, MQ_QUEUE_BIND_OK, NULL);
}

int mq_queue_unbind(mq_conn *c, uint16_t ch, mq_bytes queue, mq_bytes exchange,
                    mq_bytes routing_key, mq_bytes args)
{
    mq_queue_unbind_t m = {0, queue, exchange, routing_key, args};
    return rpc1(c, ch, MQ_QUEUE_UNBIND, &m, MQ_QUEUE_UNBIND_OK, NULL);
}

int mq_queue_purge(mq_conn *c, uint16_t ch, mq_bytes queue, uint32_t *message_count)
{
    mq_queue_purge_t m = {0, queue, false};
    union mq_method_args out;
    int rc = rpc1(c, ch, MQ_QUEUE_PURGE, &m, MQ_QUEUE_PURGE_OK, &out);
    if (rc == MQ_OK && message_count) *message_count = out.queue_purge_ok.message_count;
    return rc;
}

int mq_queue_delete(mq_conn *c, uint16_t ch, mq_bytes queue, bool if_unused, bool if_empty,
                    uint32_t *message_count)
{
    mq_queue_delete_t m = {0, queue, if_unused, if_empty, false};
    union mq_method_args out;
    int rc = rpc1(c, ch, MQ_QUEUE_DELETE, &m, MQ_QUEUE_DELETE_OK, &out);
    if (rc == MQ_OK && message_count) *message_count = out.queue_delete_ok.message_count;
    return rc;
}

int mq_basic_consume(mq_conn *c, uint16_t ch, mq_bytes queue, mq_bytes tag, bool no_local,
                     bool no_ack, bool exclusive, mq_bytes args, mq_bytes *tag_out)
{
    mq_basic_consume_t m = {0, queue, tag, no_local, no_ack, exclusive, false, args};
    union mq_method_args out;
    int rc = rpc1(c, ch, MQ_BASIC_CONSUME, &m, MQ_BASIC_CONSUME_OK, &out);
    if (rc == MQ_OK && tag_out) *tag_out = out.basic_consume_ok.consumer_tag;
    return rc;
}

int mq_basic_cancel(mq_conn *c, uint16_t ch, mq_bytes tag, mq_bytes *tag_out)
{
    mq_basic_cancel_t m = {tag, false};
    union mq_method_args out;
    int rc = rpc1(c, ch, MQ_BASIC_CANCEL, &m, MQ_BASIC_CANCEL_OK, &out);
    if (rc == MQ_OK && tag_out) *tag_out = out.basic_cancel_ok.consumer_tag;
    return rc;
}

int mq_basic_recover(mq_conn *c, uint16_t ch, bool requeue)
{
    mq_basic_recover_t m = {requeue};
    return rpc1(c, ch, MQ_BASIC_RECOVER, &m, MQ_BASIC_RECOVER_OK, NULL);
}

int mq_tx_select(mq_conn *c, uint16_t ch)
{
    union mq_method_args m; /* no arguments */
    memset(&m, 0, sizeof m);
    return rpc1(c, ch, MQ_TX_SELECT, &m, MQ_TX_SELECT_OK, NULL);
}

int mq_tx_commit(mq_conn *c, uint16_t ch)
{
    union mq_method_args m; /* no arguments */
    memset(&m, 0, sizeof m);
    return rpc1(c, ch, MQ_TX_COMMIT, &m, MQ_TX_COMMIT_OK, NULL);
}

int mq_tx_rollback(mq_conn *c, uint16_t ch)
{
    union mq_method_args m; /* no arguments */
    memset(&m, 0, sizeof m);
    return rpc1(c, ch, MQ_TX_ROLLBACK, &m, MQ_TX_ROLLBACK_OK, NULL);
}

int mq_confirm_select(mq_conn *c, uint16_t ch)
{
    mq_confirm_select_t m = {false};
    int rc = rpc1(c, ch, MQ_CONFIRM_SELECT, &m, MQ_CONFIRM_SELECT_OK, NULL);
    if (rc == MQ_OK) {
        c->chans[ch]->confirm = true;
        c->chans[ch]->next_seq = 1;
    }
    return rc;
}

int mq_basic_get(mq_conn *c, uint16_t ch, mq_bytes queue, bool no_ack, mq_message *m)
{
    mq_basic_get_t g = {0, queue, no_ack};
    mq_waiter w;
    memset(&w, 0, sizeof w);
    memset(m, 0, sizeof *m);
    w.type = MQ_W_GET;
    w.msg = m;
    return rpc(c, ch, MQ_BASIC_GET, &g, &w);
}

/* ---- publish and acks ------------------------------------------------------- */

/* Appends the body frames and writes everything in one gathering write. */
static int publish_write(mq_conn *c, uint16_t ch, const char *body, size_t len)
{
    size_t chunk = (c->frame_max ? c->frame_max : MQ_PRE_TUNE_FRAME_MAX) - MQ_FRAME_OVERHEAD;
    size_t nframes = (len + chunk - 1) / chunk;
    if (len <= MQ_PUBLISH_COPY_MAX) {
        if (mq_wbuf_reserve(&c->out, len + nframes * MQ_FRAME_OVERHEAD) != MQ_OK) return MQ_E_NOMEM;
        for (size_t off = 0; off < len; off += chunk) {
            size_t k = len - off < chunk ? len - off : chunk, mark;
            (void)mq_frame_begin(&c->out, MQ_FRAME_BODY, ch, &mark); /* space reserved */
            memcpy(c->out.data + c->out.len, body + off, k);
            c->out.len += k;
            (void)mq_frame_end(&c->out, mark);
        }
        struct iovec one = {c->out.data, c->out.len};
        return mq_conn_writev_suspendable(c, &one, 1);
    }
    /* iov: [out: ... header frame, body frame 1 header] [chunk 1] [out: end, header 2]
     * [chunk 2] ... [out: end]; out offsets first, pointers once out stops moving */
    size_t cnt = 2 * nframes + 1;
    struct iovec *iov = malloc(cnt * sizeof *iov);
    if (!iov || mq_wbuf_reserve(&c->out, nframes * MQ_FRAME_OVERHEAD) != MQ_OK) {
        free(iov);
        return MQ_E_NOMEM;
    }
    size_t seg_start = 0;
    for (size_t i = 0, off = 0; i < nframes; i++, off += chunk) {
        size_t k = len - off < chunk ? len - off : chunk;
        uint8_t *p = c->out.data + c->out.len;
        if (i > 0) *p++ = MQ_FRAME_END, c->out.len++;
        p[0] = MQ_FRAME_BODY;
        mq_put16(p + 1, ch);
        mq_put32(p + 3, (uint32_t)k);
        c->out.len += 7;
        iov[2 * i].iov_base = (void *)seg_start; /* offset for now */
        iov[2 * i].iov_len = c->out.len - seg_start;
        iov[2 * i + 1].iov_base = (void *)(body + off);
        iov[2 * i + 1].iov_len = k;
        seg_start = c->out.len;
    }
    c->out.data[c->out.len++] = MQ_FRAME_END;
    iov[cnt - 1].iov_base = (void *)seg_start;
    iov[cnt - 1].iov_len = 1;
    for (size_t i = 0; i < cnt; i += 2) iov[i].iov_base = c->out.data + (size_t)iov[i].iov_base;
    int rc = mq_conn_writev_suspendable(c, iov, (int)cnt);
    free(iov);
    return rc;
}

int mq_basic_publish(mq_conn *c, uint16_t ch, mq_bytes exchange, mq_bytes routing_key,
                     bool mandatory, bool immediate, const mq_basic_properties_t *props,
                     const char *body, size_t body_len)
{
    int rc = chan_check(c, ch);
    if (rc < 0) return rc;
    if (body_len && !body) return mq_error_set(&c->err, MQ_E_INVALID, "invalid argument");
    /* A publisher may never read otherwise: every 100 ms look at incoming
     * frames (connection.blocked, closes, heartbeats) without blocking. */
    int64_t now = mq_clock_ns();
    if (now - c->last_service >= 100000000LL) {
        mq_waiter w;
        memset(&w, 0, sizeof w);
        c->last_service = now;
        if ((rc = mq_conn_pump(c, &w, 0, false)) < 0) return rc;
        if ((rc = chan_check(c, ch)) < 0) return rc;
    }
    /* Blocked by the server: wait for unblocked up to the write timeout.
     * With no write timeout (0) we publish anyway rather than wait forever:
     * the server just stops reading, and a later write times out or the
     * server unblocks; the caller did not ask for a bound. */
    if (c->blocked && c->write_timeout > 0) {
        mq_waiter w;
        memset(&w, 0, sizeof w);
        w.type = MQ_W_UNBLOCK;
        int r = mq_conn_pump(c, &w, mq_deadline_in(c->write_timeout), true);
        if (r < 0) return r;
        if (r == 0)
            return c->blocked_reason[0]
                       ? mq_error_set(&c->err, MQ_E_BLOCKED, "connection blocked by the server: %s",
                                      c->blocked_reason)
                       : mq_error_set(&c->err, MQ_E_BLOCKED, "connection blocked by the server");
        if ((rc = chan_check(c, ch)) < 0) return rc;
    }

    size_t base = c->out.len, mark;
    mq_basic_publish_t m = {0, exchange, routing_key, mandatory, immediate};
    rc = mq_method_frame(&c->out, ch, MQ_BASIC_PUBLISH, &m);
    if (!rc) rc = mq_frame_begin(&c->out, MQ_FRAME_HEADER, ch, &mark);
    if (!rc) rc = mq_header_encode(&c->out, MQ_BASIC_CLASS, body_len, props);
    if (!rc) rc = mq_frame_end(&c->out, mark);
    if (rc < 0) {
        c->out.len = base;
        return mq_error_set(&c->err, rc, "could not encode basic.publish: %s", mq_strerror(rc));
    }
    rc = publish_write(c, ch, body, body_len);
    if (rc == MQ_E_NOMEM) {
        c->out.len = base;
        return mq_error_set(&c->err, MQ_E_NOMEM, "could not allocate memory");
    }
    if (rc < 0 && rc != MQ_E_INTERRUPTED) return rc;
    /* published, also when suspended: the rest goes out before anything else */
    mq_chan *cs = c->chans[ch];
    if (cs->confirm) cs->next_seq++;
    return rc;
}

/* Acks, nacks and rejects: buffered while corked (flushed past 64 KiB). */
static int async_method(mq_conn *c, uint16_t ch, uint32_t id, const void *args)
{
    int rc = chan_check(c, ch);
    if (rc < 0) return rc;
    if ((rc = mq_conn_put_method(c, ch, id, args)) < 0) return rc;
    if (c->cork > 0 && c->out.len < MQ_PUBLISH_COPY_MAX) return MQ_OK;
    return mq_conn_send(c);
}

int mq_basic_ack(mq_conn *c, uint16_t ch, uint64_t tag, bool multiple)
{
    mq_basic_ack_t m = {tag, multiple};
    return async_method(c, ch, MQ_BASIC_ACK, &m);
}

int mq_basic_nack(mq_conn *c, uint16_t ch, uint64_t tag, bool multiple, bool requeue)
{
    mq_basic_nack_t m = {tag, multiple, requeue};
    return async_method(c, ch, MQ_BASIC_NACK, &m);
}

int mq_basic_reject(mq_conn *c, uint16_t ch, uint64_t tag, bool requeue)
{
    mq_basic_reject_t m = {tag, requeue};
    return async_method(c, ch, MQ_BASIC_REJECT, &m);
}

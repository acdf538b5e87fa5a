/* SPDX-License-Identifier: MIT */
/*
 * The connection's output path, shared by every sender: one buffer (c->out)
 * of complete frames, written by the transport under the write timeout
 * (mq_conn_writev(); a publish's write may be suspended at a safe point and
 * resumed or abandoned later), corking, and heartbeat frames (sent from
 * here, or by the transport's heartbeat thread).  A failed write fails the
 * connection, after a look for the server's connection.close.  It calls
 * the transport, the codec and the state (mq_state.c) only.
 *
 * Output invariant: between calls c->out holds only complete frames
 * (corked acks); every builder either sends what it appended or truncates
 * it again on error.
 */
#include "mq_conn_internal.h"

int mq_conn_heartbeat_thread(mq_conn *c, bool on)
{
    static const uint8_t frame[8] = {MQ_FRAME_HEARTBEAT, 0, 0, 0, 0, 0, 0, MQ_FRAME_END};
    if (!on) {
        mq_transport_hb_stop(&c->tr);
        return MQ_OK;
    }
    if (mq_conn_check_process(c) < 0) return MQ_E_NOT_CONNECTED;
    if (c->tr.hb_thread) return MQ_OK;
    if (!c->open) return mq_error_set(&c->err, MQ_E_NOT_CONNECTED, "connection is not open");
    if (c->heartbeat == 0) return MQ_OK; /* nothing to send */
    return mq_transport_hb_start(&c->tr, frame, sizeof frame, c->heartbeat);
}

int mq_conn_put_method(mq_conn *c, uint16_t ch, uint32_t id, const void *args)
{
    size_t mark = c->out.len;
    int rc = mq_method_frame(&c->out, ch, id, args);
    if (rc < 0) {
        c->out.len = mark;
        return mq_error_set(&c->err, rc, "could not encode %s",
                            mq_method_name(id) ? mq_method_name(id) : "method");
    }
    return MQ_OK;
}

/* After a failed write: a broker that closes a connection (close_connection,
 * shutdown) sends connection.close and then resets the socket, so our write
 * fails although the reason is still readable.  Reads what is there without
 * blocking and, when it holds a connection.close, records that instead of
 * the transport error.  Only when nothing is left unparsed (otherwise the
 * frame boundaries of new bytes are unknown). */
static int salvage_close(mq_conn *c, int rc)
{
    uint8_t buf[4096];
    if (!c->tr.io || c->tr.rend != c->tr.rpos) return rc;
    mq_error e;
    ssize_t n = mq_transport_read_into(&c->tr, buf, sizeof buf, &e);
    size_t off = 0;
    while (n > 0 && off < (size_t)n) {
        mq_frame f;
        size_t used;
        if (mq_frame_parse(buf + off, (size_t)n - off, 0, &f, &used) != 1) break;
        off += used;
        union mq_method_args m;
        uint32_t id;
        if (f.type != MQ_FRAME_METHOD || f.channel != 0) continue;
        if (mq_method_decode(f.payload, f.size, &id, &m) != 0 || id != MQ_CONNECTION_CLOSE) continue;
        const mq_connection_close_t *cc = &m.connection_close;
        int eno = c->err.sys_errno;
        mq_error_from_close(&c->err, MQ_E_CONNECTION_CLOSED, 0, cc->reply_code, cc->reply_text,
                            cc->class_id, cc->method_id);
        c->err.sys_errno = eno;
        return MQ_E_CONNECTION_CLOSED;
    }
    return rc;
}

/* The end of a write: a suspended one (MQ_TR_SUSPENDED) returns
 * MQ_E_INTERRUPTED, a failed one fails the connection (a frame may be half
 * written: the stream is unusable after any error), with the server's
 * connection.close as the error when it is readable. */
static int write_done(mq_conn *c, int rc)
{
    if (rc == MQ_OK) return MQ_OK;
    if (rc == MQ_TR_SUSPENDED) return MQ_E_INTERRUPTED;
    if (rc == MQ_E_CLOSED || rc == MQ_E_SOCKET) rc = salvage_close(c, rc);
    return mq_conn_fail(c, rc);
}

/* Writes iov[0..cnt) completely (iov is consumed in place), behind any
 * suspended write.  A suspendable write stops at MQ_INTR_PENDING while the
 * socket takes no bytes, keeping the rest in c->tr.pend (MQ_E_INTERRUPTED). */
static int write_all(mq_conn *c, struct iovec *iov, int cnt, bool suspendable)
{
    if (!c->tr.io) return mq_error_set(&c->err, MQ_E_NOT_CONNECTED, "connection is not open");
    if (mq_transport_foreign(&c->tr) && mq_conn_check_process(c) < 0) return MQ_E_NOT_CONNECTED;
    return write_done(c, mq_transport_writev(&c->tr, iov, cnt, c->write_timeout, suspendable));
}

int mq_conn_writev(mq_conn *c, struct iovec *iov, int cnt)
{
    int rc = write_all(c, iov, cnt, false);
    mq_wbuf_reset(&c->out);
    return rc;
}

int mq_conn_writev_suspendable(mq_conn *c, struct iovec *iov, int cnt)
{
    int rc = write_all(c, iov, cnt, true);
    mq_wbuf_reset(&c->out);
    return rc;
}

int mq_conn_send(mq_conn *c)
{
    struct iovec iov = {c->out.data, c->out.len};
    return mq_conn_writev(c, &iov, 1);
}

bool mq_conn_write_suspended(const mq_conn *c) { return mq_transport_write_suspended(&c->tr); }

int mq_conn_resume_write(mq_conn *c)
{
    if (!c->tr.io) {
        if (c->err.code == MQ_OK)
            mq_error_set(&c->err, MQ_E_NOT_CONNECTED, "connection is not open");
        return c->err.code;
    }
    if (!c->tr.pend.len) return MQ_OK;
    if (mq_conn_check_process(c) < 0) return MQ_E_NOT_CONNECTED;
    return write_done(c, mq_transport_resume_write(&c->tr));
}

int mq_conn_abandon_write(mq_conn *c)
{
    if (!mq_transport_write_suspended(&c->tr)) return MQ_OK;
    mq_error_set(&c->err, MQ_E_NOT_CONNECTED, "%s", MQ_ABANDONED_WRITE_TEXT);
    mq_conn_abort(c);
    return MQ_E_NOT_CONNECTED;
}

int mq_conn_heartbeat_due(mq_conn *c, int64_t now)
{
    int64_t half = (int64_t)c->heartbeat * 500000000LL;
    if (!c->heartbeat || !c->tr.io || now - mq_conn_last_write(c) < half) return MQ_OK;
    /* appended after any corked acks, which then leave too: harmless */
    if (mq_frame_heartbeat(&c->out) != MQ_OK)
        return mq_error_set(&c->err, MQ_E_NOMEM, "could not allocate memory");
    return mq_conn_send(c);
}

int mq_conn_flush(mq_conn *c)
{
    if (!c->tr.io) return c->out.len ? mq_error_set(&c->err, MQ_E_NOT_CONNECTED, "connection is not open") : MQ_OK;
    return c->out.len ? mq_conn_send(c) : MQ_OK;
}

void mq_conn_cork(mq_conn *c) { c->cork++; }

int mq_conn_uncork(mq_conn *c)
{
    if (c->cork > 0 && --c->cork == 0) return mq_conn_flush(c);
    return MQ_OK;
}

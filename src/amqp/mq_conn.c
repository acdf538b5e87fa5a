/* SPDX-License-Identifier: MIT */
/*
 * Connection lifecycle: mq_conn_new/open/close/abort/free, the AMQP
 * handshake (protocol header, start/start-ok with SASL PLAIN or EXTERNAL,
 * tune/tune-ok, open/open-ok), the output path shared by every sender
 * (one buffer, written by the transport under the write timeout; a failed
 * write fails the connection, after a look for the server's
 * connection.close), corking, and heartbeat frames (sent from here, or by
 * the transport's heartbeat thread).
 *
 * Output invariant: between calls c->out holds only complete frames
 * (corked acks); every builder either sends what it appended or truncates
 * it again on error.
 */
#include "mq_conn_internal.h"

#include <stdlib.h>

#include "mq_table.h"

/* Bound of the whole handshake (TLS included) when no connect timeout is
 * set, like librabbitmq's login timeout: a server that accepts TCP but never
 * speaks must not make mq_conn_open() wait forever.  A larger rpc timeout
 * raises it. */
#define MQ_HANDSHAKE_TIMEOUT 12.0

static void *default_body_alloc(void *ud, size_t len, char **data)
{
    (void)ud;
    char *p = malloc(len + 1);
    *data = p;
    return p;
}

static void default_body_free(void *ud, void *handle)
{
    (void)ud;
    free(handle);
}

mq_conn *mq_conn_new(void)
{
    mq_conn *c = calloc(1, sizeof *c);
    if (!c) return NULL;
    mq_wbuf_init(&c->out);
    c->hooks.body_alloc = default_body_alloc;
    c->hooks.body_free = default_body_free;
    mq_conn_reader_init(c);
    if (mq_transport_init(&c->tr, &c->err) != MQ_OK) {
        free(c);
        return NULL;
    }
    return c;
}

void mq_conn_set_hooks(mq_conn *c, const mq_hooks *h)
{
    c->hooks = *h;
    if (!c->hooks.body_alloc || !c->hooks.body_free) {
        c->hooks.body_alloc = default_body_alloc;
        c->hooks.body_free = default_body_free;
    }
    mq_transport_set_interrupt(&c->tr, c->hooks.interrupt, c->hooks.ud);
}

void mq_conn_release_held(mq_conn *c)
{
    if (c->held) {
        mq_qev_free(c, c->held);
        c->held = NULL;
    }
}

int64_t mq_conn_rpc_deadline(const mq_conn *c) { return mq_deadline_in(c->rpc_timeout); }

/* ---- heartbeat thread ----------------------------------------------------- */

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

/* ---- teardown ------------------------------------------------------------- */

/* Closes everything without protocol; keeps c->err. */
static void teardown(mq_conn *c)
{
    mq_transport_close(&c->tr);
    c->open = false;
    c->blocked = false;
    c->blocked_reason[0] = '\0';
    c->notice_count = 0;
    c->cork = 0;
    mq_chans_reset(c);
    mq_conn_queue_clear(c);
    if (c->out.data) memset(c->out.data, 0, c->out.len); /* may hold credentials */
    mq_wbuf_reset(&c->out);
}

int mq_conn_fail(mq_conn *c, int code)
{
    if (c->err.code != code) {
        int eno = c->err.sys_errno;
        mq_error_set(&c->err, code, "%s", mq_strerror(code));
        c->err.sys_errno = eno;
    }
    teardown(c);
    return code;
}

void mq_conn_abort(mq_conn *c) { teardown(c); }

int mq_conn_check_process(mq_conn *c)
{
    if (!mq_transport_foreign(&c->tr)) return MQ_OK;
    /* teardown() closes only this process' descriptor (and frees its copy
     * of the TLS state without writing); a heartbeat thread does not exist
     * here and is neither signalled nor joined (mq_transport_lock_needed) */
    mq_error_set(&c->err, MQ_E_NOT_CONNECTED, "%s", MQ_FOREIGN_PROCESS_TEXT);
    teardown(c);
    return MQ_E_NOT_CONNECTED;
}

void mq_conn_free(mq_conn *c)
{
    if (!c) return;
    teardown(c);
    mq_conn_release_held(c);
    mq_chans_free(c);
    mq_transport_free(&c->tr);
    free(c->server_props);
    mq_wbuf_free(&c->out);
    free(c);
}

/* ---- output --------------------------------------------------------------- */

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
        mq_error_set(&c->err, MQ_E_CONNECTION_CLOSED, "%.*s", (int)m.connection_close.reply_text.len,
                     m.connection_close.reply_text.ptr);
        c->err.reply_code = m.connection_close.reply_code;
        c->err.class_id = m.connection_close.class_id;
        c->err.method_id = m.connection_close.method_id;
        c->err.channel = 0;
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
    teardown(c);
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

int mq_conn_service_if_idle(mq_conn *c, double idle)
{
    if (!c->open || c->cork > 0) return MQ_OK;
    int64_t now = mq_clock_ns();
    int64_t ns = (int64_t)(idle * 1e9);
    if (now - c->tr.last_read < ns || now - c->last_service < ns) return MQ_OK;
    c->last_service = now;
    return mq_conn_service(c);
}

int mq_conn_uncork(mq_conn *c)
{
    if (c->cork > 0 && --c->cork == 0) return mq_conn_flush(c);
    return MQ_OK;
}

/* ---- handshake ------------------------------------------------------------ */

static int put_str(mq_wbuf *w, const char *key, const char *val, size_t len)
{
    int rc = mq_table_key(w, key, strlen(key));
    return rc < 0 ? rc : mq_field_longstr(w, val, len);
}

/* client-properties as table content (without the u32 length) in *w. */
static int client_properties(mq_wbuf *w, const mq_conn_params *p)
{
    static const char *caps[] = {"publisher_confirms", "exchange_exchange_bindings", "basic.nack",
                                 "consumer_cancel_notify", "connection.blocked",
                                 "authentication_failure_close"};
    const char *product = p->product ? p->product : "mq";
    const char *version = p->version ? p->version : "";
    const char *platform = p->platform ? p->platform : "C";
    const char *info = "AMQP 0-9-1 client (mq, a php-amqp replacement)";
    size_t top, capm;
    int rc = mq_table_open(w, &top);
    if (!rc) rc = put_str(w, "product", product, strlen(product));
    if (!rc) rc = put_str(w, "version", version, strlen(version));
    if (!rc) rc = put_str(w, "platform", platform, strlen(platform));
    if (!rc) rc = put_str(w, "information", info, strlen(info));
    if (!rc && p->connection_type)
        rc = put_str(w, "connection type", p->connection_type, strlen(p->connection_type));
    if (!rc && p->connection_name.len)
        rc = put_str(w, "connection_name", p->connection_name.ptr, p->connection_name.len);
    if (!rc) rc = mq_table_key(w, "capabilities", 12);
    if (!rc) rc = mq_field_table_open(w, &capm);
    for (size_t i = 0; !rc && i < sizeof caps / sizeof caps[0]; i++) {
        rc = mq_table_key(w, caps[i], strlen(caps[i]));
        if (!rc) rc = mq_field_bool(w, true);
    }
    if (!rc) rc = mq_table_close(w, capm);
    if (!rc) rc = mq_table_close(w, top);
    return rc;
}

static bool has_mechanism(mq_bytes list, const char *mech)
{
    size_t m = strlen(mech), i = 0;
    while (i < list.len) {
        size_t j = i;
        while (j < list.len && list.ptr[j] != ' ') j++;
        if (j - i == m && memcmp(list.ptr + i, mech, m) == 0) return true;
        i = j + 1;
    }
    return false;
}

/* Waits for one of `replies` on channel 0 within the handshake deadline. */
static int hs_wait(mq_conn *c, const uint32_t *replies, int64_t cdl, uint32_t *id,
                   union mq_method_args *out)
{
    mq_waiter w;
    memset(&w, 0, sizeof w);
    w.type = MQ_W_RPC;
    w.replies = replies;
    w.out = out;
    int r = mq_conn_pump(c, &w, mq_deadline_min(cdl, mq_conn_rpc_deadline(c)), true);
    if (r == 1) {
        *id = w.reply_id;
        return MQ_OK;
    }
    if (r == 0) r = mq_error_set(&c->err, MQ_E_TIMEOUT, "request timed out");
    return r;
}

static uint32_t negotiate32(uint32_t client, uint32_t server)
{
    if (client == 0) return server;
    if (server == 0) return client;
    return client < server ? client : server;
}

static int handshake(mq_conn *c, const mq_conn_params *p, int64_t cdl)
{
    static const uint32_t r_start[] = {MQ_CONNECTION_START, 0};
    static const uint32_t r_tune[] = {MQ_CONNECTION_TUNE, MQ_CONNECTION_SECURE, 0};
    static const uint32_t r_open[] = {MQ_CONNECTION_OPEN_OK, 0};
    union mq_method_args a;
    uint32_t id;
    int rc;

    if ((rc = mq_wbuf_reserve(&c->out, 8)) < 0) return mq_error_set(&c->err, rc, "%s", mq_strerror(rc));
    memcpy(c->out.data, "AMQP\x00\x00\x09\x01", 8);
    c->out.len = 8;
    if ((rc = mq_conn_send(c)) < 0) return rc;

    if ((rc = hs_wait(c, r_start, cdl, &id, &a)) < 0) return rc;
    if (a.connection_start.version_major != 0 || a.connection_start.version_minor != 9)
        return mq_error_set(&c->err, MQ_E_PROTOCOL, "incompatible AMQP version %u-%u",
                            a.connection_start.version_major, a.connection_start.version_minor);
    free(c->server_props);
    c->server_props_len = a.connection_start.server_properties.len;
    c->server_props = malloc(c->server_props_len + 1);
    if (!c->server_props) return mq_error_set(&c->err, MQ_E_NOMEM, "could not allocate memory");
    if (c->server_props_len)
        memcpy(c->server_props, a.connection_start.server_properties.ptr, c->server_props_len);
    const char *mech = p->sasl == MQ_SASL_EXTERNAL ? "EXTERNAL" : "PLAIN";
    if (!has_mechanism(a.connection_start.mechanisms, mech))
        return mq_error_set(&c->err, MQ_E_AUTH, "unsupported sasl method requested (%s)", mech);

    /* start-ok: properties and the SASL response are built in one scratch
     * buffer that is wiped afterwards (it holds the password) */
    mq_wbuf tmp;
    mq_wbuf_init(&tmp);
    rc = client_properties(&tmp, p);
    size_t props_len = tmp.len;
    if (!rc && p->sasl == MQ_SASL_EXTERNAL) {
        rc = mq_wbuf_reserve(&tmp, p->login.len);
        if (!rc && p->login.len) memcpy(tmp.data + tmp.len, p->login.ptr, p->login.len);
        if (!rc) tmp.len += p->login.len;
    } else if (!rc) {
        rc = mq_wbuf_reserve(&tmp, 2 + p->login.len + p->password.len);
        if (!rc) {
            uint8_t *q = tmp.data + tmp.len;
            *q++ = 0;
            if (p->login.len) memcpy(q, p->login.ptr, p->login.len);
            q += p->login.len;
            *q++ = 0;
            if (p->password.len) memcpy(q, p->password.ptr, p->password.len);
            tmp.len += 2 + p->login.len + p->password.len;
        }
    }
    if (!rc) {
        mq_connection_start_ok_t so;
        so.client_properties = mq_bytes_of((const char *)tmp.data + 4, props_len - 4);
        so.mechanism = mq_cstr(mech);
        so.response = mq_bytes_of((const char *)tmp.data + props_len, tmp.len - props_len);
        so.locale = mq_cstr("en_US");
        rc = mq_conn_put_method(c, 0, MQ_CONNECTION_START_OK, &so);
    } else {
        rc = mq_error_set(&c->err, rc, "could not encode connection.start-ok");
    }
    if (tmp.data) memset(tmp.data, 0, tmp.cap);
    mq_wbuf_free(&tmp);
    if (rc < 0) return rc;
    size_t sent = c->out.len;
    rc = mq_conn_send(c);
    if (c->out.data) memset(c->out.data, 0, sent);
    if (rc < 0) return rc;

    if ((rc = hs_wait(c, r_tune, cdl, &id, &a)) < 0) return rc;
    if (id == MQ_CONNECTION_SECURE)
        return mq_error_set(&c->err, MQ_E_AUTH, "SASL challenge (connection.secure) not supported");
    /* A frame_max below the spec's frame-min-size (4096) leaves no room for
     * the methods every peer must accept: the spec says to close such a
     * connection; the open fails (tests/c/test_conn_safety.c). */
    if (a.connection_tune.frame_max != 0 && a.connection_tune.frame_max < MQ_FRAME_MIN_SIZE)
        return mq_error_set(&c->err, MQ_E_PROTOCOL,
                            "server's frame_max %u is below the protocol minimum %u",
                            (unsigned)a.connection_tune.frame_max, (unsigned)MQ_FRAME_MIN_SIZE);
    mq_connection_tune_ok_t t;
    uint32_t fm = p->frame_max && p->frame_max < MQ_FRAME_MIN_SIZE ? MQ_FRAME_MIN_SIZE : p->frame_max;
    t.channel_max = (uint16_t)negotiate32(p->channel_max, a.connection_tune.channel_max);
    t.frame_max = negotiate32(fm, a.connection_tune.frame_max);
    t.heartbeat = p->heartbeat;
    if (a.connection_tune.heartbeat && a.connection_tune.heartbeat < t.heartbeat)
        t.heartbeat = a.connection_tune.heartbeat;
    c->channel_max = t.channel_max ? t.channel_max : 65535;
    c->frame_max = t.frame_max;
    c->heartbeat = t.heartbeat;
    c->chans = calloc((size_t)c->channel_max + 1, sizeof *c->chans);
    c->used = calloc((size_t)c->channel_max / 64 + 1, sizeof *c->used);
    if (!c->chans || !c->used) return mq_error_set(&c->err, MQ_E_NOMEM, "could not allocate memory");
    if ((rc = mq_conn_put_method(c, 0, MQ_CONNECTION_TUNE_OK, &t)) < 0) return rc;

    mq_connection_open_t o;
    memset(&o, 0, sizeof o);
    o.virtual_host = p->vhost.len ? p->vhost : mq_cstr("/");
    if ((rc = mq_conn_put_method(c, 0, MQ_CONNECTION_OPEN, &o)) < 0) return rc;
    if ((rc = mq_conn_send(c)) < 0) return rc;
    return hs_wait(c, r_open, cdl, &id, &a);
}

int mq_conn_open(mq_conn *c, const mq_conn_params *p)
{
    if (c->tr.io) return mq_error_set(&c->err, MQ_E_INVALID, "connection is already open");
    mq_conn_release_held(c);
    mq_chans_free(c);
    mq_error_clear(&c->err);
    c->channel_max = 0;
    c->frame_max = 0;
    c->heartbeat = 0;
    c->read_timeout = p->read_timeout;
    c->write_timeout = p->write_timeout;
    c->rpc_timeout = p->rpc_timeout;
    int64_t cdl = mq_deadline_in(p->connect_timeout);
    /* the write timeout applies inside the handshake too, but never beyond it */
    double hs_bound = p->connect_timeout > 0 ? p->connect_timeout
                      : p->rpc_timeout > MQ_HANDSHAKE_TIMEOUT ? p->rpc_timeout : MQ_HANDSHAKE_TIMEOUT;
    double saved_wt = c->write_timeout;
    if (c->write_timeout <= 0 || c->write_timeout > hs_bound) c->write_timeout = hs_bound;

    mq_tls_params tls = {p->host, p->cacert, p->cert, p->key, p->verify, p->sni};
    int rc = mq_transport_connect(&c->tr, p->host, p->port, p->tls ? &tls : NULL, &cdl, hs_bound);
    if (rc < 0) {
        c->write_timeout = saved_wt;
        return rc;
    }
    rc = handshake(c, p, cdl);
    c->write_timeout = saved_wt;
    if (rc < 0) return c->tr.io ? mq_conn_fail(c, rc) : rc;
    c->open = true;
    mq_error_clear(&c->err);
    return MQ_OK;
}

int mq_conn_close(mq_conn *c)
{
    static const uint32_t r_close[] = {MQ_CONNECTION_CLOSE_OK, 0};
    mq_conn_release_held(c);
    if (!c->tr.io) return MQ_OK;
    if (mq_conn_check_process(c) < 0) return MQ_OK; /* closed silently: nothing more to do here */
    if (!c->open) {
        teardown(c);
        return MQ_OK;
    }
    /* a message half written (code run at its suspension closes): nothing
     * can follow it but its own rest, which the peer may never take */
    if (c->tr.pend.len) {
        (void)mq_conn_abandon_write(c);
        return MQ_OK;
    }
    double bound = c->rpc_timeout > 0 ? c->rpc_timeout : MQ_CLOSE_FALLBACK;
    double saved_wt = c->write_timeout;
    if (c->write_timeout <= 0 || c->write_timeout > bound) c->write_timeout = bound;
    c->cork = 0;

    /* every open channel: channel.close in one write, then their close-oks */
    for (uint16_t id = 1; c->chans && id <= c->chans_hi && id != 0; id++) {
        mq_chan *ch = c->chans[id];
        if (!ch || ch->state != MQ_CH_OPEN) continue;
        mq_channel_close_t m;
        memset(&m, 0, sizeof m);
        m.reply_code = MQ_REPLY_SUCCESS;
        m.reply_text = mq_cstr("Goodbye");
        if (mq_conn_put_method(c, id, MQ_CHANNEL_CLOSE, &m) < 0) break;
        mq_reader_reset(&c->rd, id);
        ch->state = MQ_CH_CLOSING;
        c->nclosing++;
    }
    mq_waiter w;
    int rc = mq_conn_send(c);
    if (rc == MQ_OK && c->nclosing > 0) {
        memset(&w, 0, sizeof w);
        w.type = MQ_W_CLOSED_ALL;
        (void)mq_conn_pump(c, &w, mq_deadline_in(bound), true); /* errors ignored */
    }
    if (c->tr.io) {
        mq_connection_close_t m;
        memset(&m, 0, sizeof m);
        m.reply_code = MQ_REPLY_SUCCESS;
        m.reply_text = mq_cstr("Goodbye");
        rc = mq_conn_put_method(c, 0, MQ_CONNECTION_CLOSE, &m);
        if (rc == MQ_OK) rc = mq_conn_send(c);
        if (rc == MQ_OK) {
            memset(&w, 0, sizeof w);
            w.type = MQ_W_RPC;
            w.replies = r_close;
            int r = mq_conn_pump(c, &w, mq_deadline_in(bound), true);
            rc = r == 1 ? MQ_OK : r == 0 ? mq_error_set(&c->err, MQ_E_TIMEOUT, "request timed out") : r;
        }
    }
    c->write_timeout = saved_wt;
    /* The protocol is over: end the TCP connection now, even while the
     * embedder holds a duplicate of the descriptor (a readiness stream). */
    mq_transport_shutdown(&c->tr);
    teardown(c);
    return rc;
}

/* ---- accessors ------------------------------------------------------------ */

const mq_error *mq_conn_error(const mq_conn *c) { return &c->err; }
bool mq_conn_is_open(const mq_conn *c) { return c->open && c->tr.io != NULL; }
uint16_t mq_conn_channel_max(const mq_conn *c) { return c->channel_max; }
uint32_t mq_conn_frame_max(const mq_conn *c) { return c->frame_max; }
uint16_t mq_conn_heartbeat(const mq_conn *c) { return c->heartbeat; }
int mq_conn_fd(const mq_conn *c) { return c->tr.io ? c->tr.io->fd : -1; }
bool mq_conn_is_blocked(const mq_conn *c) { return c->blocked; }

mq_bytes mq_conn_server_properties(const mq_conn *c)
{
    return mq_bytes_of((const char *)c->server_props, c->server_props ? c->server_props_len : 0);
}

void mq_conn_set_timeouts(mq_conn *c, double read, double write, double rpc)
{
    c->read_timeout = read > 0 ? read : 0;
    c->write_timeout = write > 0 ? write : 0;
    c->rpc_timeout = rpc > 0 ? rpc : 0;
}

/* SPDX-License-Identifier: MIT */
/*
 * Connection operations: mq_conn_open (the AMQP handshake: protocol
 * header, start/start-ok with SASL PLAIN or EXTERNAL, tune/tune-ok,
 * open/open-ok), mq_conn_close (every channel, then the connection) and
 * mq_conn_service_if_idle().  They stand on the wait (mq_event.c), the
 * output path (mq_output.c) and the state (mq_state.c).
 */
#include "mq_conn_internal.h"

#include <stdlib.h>

#include "mq_table.h"

/* Bound of the whole handshake (TLS included) when no connect timeout is
 * set, like librabbitmq's login timeout: a server that accepts TCP but never
 * speaks must not make mq_conn_open() wait forever.  A larger rpc timeout
 * raises it. */
#define MQ_HANDSHAKE_TIMEOUT 12.0

int mq_conn_service_if_idle(mq_conn *c, double idle)
{
    if (!c->open || c->cork > 0) return MQ_OK;
    int64_t now = mq_clock_ns();
    int64_t ns = (int64_t)(idle * 1e9);
    if (now - c->tr.last_read < ns || now - c->last_service < ns) return MQ_OK;
    c->last_service = now;
    return mq_conn_service(c);
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
    int r = mq_conn_wait_reply(c, &w, mq_deadline_min(cdl, mq_conn_rpc_deadline(c)));
    if (r != 1) return r;
    *id = w.reply_id;
    return MQ_OK;
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
        mq_conn_abort(c);
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
            int r = mq_conn_wait_reply(c, &w, mq_deadline_in(bound));
            rc = r == 1 ? MQ_OK : r;
        }
    }
    c->write_timeout = saved_wt;
    /* The protocol is over: end the TCP connection now, even while the
     * embedder holds a duplicate of the descriptor (a readiness stream). */
    mq_transport_shutdown(&c->tr);
    mq_conn_abort(c);
    return rc;
}

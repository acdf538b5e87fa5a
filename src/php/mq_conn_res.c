/* SPDX-License-Identifier: MIT */
/*
 * The connection resource behind AMQPConnection and AMQPChannel
 * (php_mq_conn_res): opening one (with php-amqp's exact failure texts),
 * its state, reference counting, and closing it, politely and bounded
 * (MQ_DETACH_TIMEOUT) when an object lets go.  The persistent pool that
 * lends pooled ones is mq_connection_pool.c.
 */
#include <errno.h>

#include "php_mq_internal.h"
#include "mq_connection.h"

/* Upper bound (seconds) of each closing step when an object lets go of its
 * connection, so that destruction never hangs on a silent peer. */
#define MQ_DETACH_TIMEOUT 2.0

/* ---- state ------------------------------------------------------------ */

bool php_mq_res_is_open(const php_mq_conn_res *res)
{
    return res && res->conn && mq_conn_is_open(res->conn);
}

static void res_clear_lost(php_mq_conn_res *res)
{
    res->lost = false;
    if (res->lost_error) {
        zend_string_release(res->lost_error);
        res->lost_error = NULL;
    }
}

void php_mq_res_invalidate(php_mq_conn_res *res)
{
    res_clear_lost(res);
    res->generation++;
    if (res->channels) {
        memset(res->channels, 0, sizeof(*res->channels) * ((size_t)res->channel_max + 1));
    }
}

void php_mq_res_after_error(php_mq_conn_res *res)
{
    if (!res || !res->conn || mq_conn_is_open(res->conn)) {
        return;
    }
    if (res->recoverable && php_mq_recovery_recoverable(mq_conn_error(res->conn))) {
        /* mq_recovery.c: the channels stay registered (their objects keep
         * working once the connection is back) */
        if (!res->lost) {
            res->lost = true;
            res->lost_error = zend_string_init(mq_conn_error(res->conn)->text,
                                               strlen(mq_conn_error(res->conn)->text), 0);
        }
        return;
    }
    php_mq_res_invalidate(res);
    if (res->persistent) {
        php_mq_pool_drop(res);
    }
}

void php_mq_res_addref(php_mq_conn_res *res)
{
    res->refcount++;
}

void php_mq_res_release(php_mq_conn_res *res)
{
    bool persistent;

    if (!res || --res->refcount > 0) {
        return;
    }
    persistent = res->persistent;
    res_clear_lost(res);
    if (res->conn) {
        /* Queued events were freed while the request was alive (detach);
         * whatever is left gets the core's default free. */
        mq_conn_free(res->conn);
    }
    if (res->channels) {
        pefree(res->channels, persistent);
    }
    if (res->pool_key) {
        zend_string_release(res->pool_key);
    }
    pefree(res, persistent);
}

/* ---- opening ---------------------------------------------------------- */

static bool starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* php-amqp's texts for a failed open (docs/compatibility.md §3.1.4); all of them are
 * AMQPConnectionException, code 0, except a server refusal (code = reply
 * code). */
static void res_throw_open_error(const mq_error *err, int rc)
{
    const char *text = (err && err->code == rc && err->text[0]) ? err->text : mq_strerror(rc);

    switch (rc) {
    case MQ_E_INTERRUPTED:
        if (EG(exception)) {
            return; /* a signal handler threw: that is the error */
        }
        break;
    case MQ_E_CONNECTION_CLOSED:
        php_mq_throw(err, rc, mq_ce_AMQPConnectionException);
        return;
    case MQ_E_RESOLVE:
    case MQ_E_CONNECT:
        php_mq_throwf(mq_ce_AMQPConnectionException, 0,
                      "Socket error: could not connect to host, %s", text);
        return;
    case MQ_E_TIMEOUT:
        if (err && err->sys_errno == ETIMEDOUT) { /* the TCP connect itself */
            php_mq_throwf(mq_ce_AMQPConnectionException, 0,
                          "Socket error: could not connect to host, %s", text);
            return;
        }
        break;
    case MQ_E_TLS:
        if (starts_with(text, "could not load the CA") || starts_with(text, "could not load the default CA")) {
            php_mq_throwf(mq_ce_AMQPConnectionException, 0, "Socket error: could not set CA certificate.");
        } else if (starts_with(text, "could not load the client") || starts_with(text, "client key")) {
            php_mq_throwf(mq_ce_AMQPConnectionException, 0, "Socket error: could not set client cert, %s", text);
        } else {
            php_mq_throwf(mq_ce_AMQPConnectionException, 0,
                          "Socket error: could not connect to host, %s", text);
        }
        return;
    default:
        break;
    }
    php_mq_throwf(mq_ce_AMQPConnectionException, 0, "%s", text);
}

mq_conn *php_mq_core_open(const mq_conn_params *p, int *rc)
{
    mq_conn *conn = mq_conn_new();

    if (!conn) {
        *rc = MQ_E_NOMEM;
        php_mq_throwf(mq_ce_AMQPConnectionException, 0, "Socket error: could not create socket.");
        return NULL;
    }
    php_mq_set_hooks(conn);
    *rc = mq_conn_open(conn, p);
    if (*rc < 0) {
        res_throw_open_error(mq_conn_error(conn), *rc);
        mq_conn_free(conn);
        return NULL;
    }
    return conn;
}

php_mq_conn_res *php_mq_res_open(mq_conn *conn, bool persistent)
{
    php_mq_conn_res *res;
    uint16_t channel_max;

    channel_max = mq_conn_channel_max(conn);
    if (channel_max == 0) {
        channel_max = 65535;
    }
    res = pecalloc(1, sizeof(*res), persistent);
    res->conn = conn;
    res->persistent = persistent;
    res->refcount = 1;
    res->generation = 1;
    res->channel_max = channel_max;
    res->channels = pecalloc((size_t)channel_max + 1, sizeof(*res->channels), persistent);
    return res;
}

zend_result php_mq_res_heartbeat_thread(php_mq_conn_res *res, bool on)
{
    if (!php_mq_res_is_open(res) || mq_conn_heartbeat_thread(res->conn, on) == MQ_OK) {
        return SUCCESS;
    }
    php_mq_throwf(mq_ce_AMQPConnectionException, 0, "%s", mq_conn_error(res->conn)->text);
    return FAILURE;
}

/* ---- closing ---------------------------------------------------------- */

void php_mq_res_close(php_mq_conn_res *res)
{
    if (php_mq_res_is_open(res)) {
        (void)mq_conn_close(res->conn);
    }
    php_mq_res_invalidate(res);
    if (res->persistent) {
        php_mq_pool_drop(res);
    }
}

/* Closes every open channel of a pooled connection before it is lent to
 * someone else; false when the connection broke meanwhile.  The walk stops
 * as soon as no channel is open (usually at once: channel objects close
 * their channels when they go away). */
static bool res_close_channels(php_mq_conn_res *res)
{
    uint16_t id;

    for (id = 1; id <= res->channel_max && id != 0 && mq_conn_channels_used(res->conn) > 0; id++) {
        if (mq_channel_is_open(res->conn, id)) {
            if (mq_channel_close(res->conn, id) < 0 && !mq_conn_is_open(res->conn)) {
                return false;
            }
        }
        if (id == 65535) {
            break;
        }
    }
    return mq_conn_is_open(res->conn);
}

void php_mq_res_detach(php_mq_conn_res *res, bool clean)
{
    if (!res) {
        return;
    }
    if (php_mq_res_is_open(res)) {
        if (!clean) {
            /* after a fatal error the core may be mid-call: no protocol */
            mq_conn_abort(res->conn);
        } else {
            mq_conn_set_timeouts(res->conn, MQ_DETACH_TIMEOUT, MQ_DETACH_TIMEOUT, MQ_DETACH_TIMEOUT);
            if (!res->persistent) {
                (void)mq_conn_close(res->conn);
            } else if (!res_close_channels(res)) {
                mq_conn_abort(res->conn);
            }
        }
    }
    if (res->conn) {
        /* bodies of queued events live on this request's heap */
        mq_conn_drop_events(res->conn, 0);
    }
    php_mq_res_invalidate(res);
    if (res->persistent) {
        res->in_use = false;
        if (!php_mq_res_is_open(res)) {
            php_mq_pool_drop(res);
        }
    }
    php_mq_res_release(res);
}

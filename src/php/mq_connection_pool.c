/* SPDX-License-Identifier: MIT */
/*
 * The connection resource behind AMQPConnection and AMQPChannel: opening
 * one (with php-amqp's exact failure texts), closing it, reference
 * counting, the core hooks that make message bodies zend_strings and let
 * signal handlers run during long waits, and the persistent pool in
 * EG(persistent_list).  Pool entries are keyed by a SHA-256 of the
 * connection parameters (the password never appears in clear), checked for
 * liveness before they are lent out, lent to one AMQPConnection object at a
 * time, and dropped as soon as a connection-level error is seen.  Queued
 * events are freed before a pooled connection outlives the request that
 * allocated their bodies.  A pooled connection keeps its background
 * heartbeat thread (amqp.heartbeat_thread) between requests, so that the
 * broker does not drop it while idle; the thread only writes heartbeat
 * frames and never touches PHP state.
 */
#include <errno.h>
#include <inttypes.h>

#include "php_mq_internal.h"
#include "mq_connection.h"
#include "ext/hash/php_hash.h"
#include "ext/hash/php_hash_sha.h"

/* Upper bound (seconds) of each closing step when an object lets go of its
 * connection, so that destruction never hangs on a silent peer. */
#define MQ_DETACH_TIMEOUT 2.0

static int le_mq_pconn;

/* ---- core hooks ------------------------------------------------------- */

/* Message bodies are zend_strings from the request heap, so that a body
 * becomes a PHP string without a copy.  NULL (the core reports out of
 * memory) when the body could never fit within memory_limit. */
static void *mq_hook_body_alloc(void *ud, size_t len, char **data)
{
    zend_string *s;
    size_t limit = PG(memory_limit) > 0 ? (size_t)PG(memory_limit) : 0;

    (void)ud;
    if (len > ZSTR_MAX_LEN - 1 || (limit && len > limit)) {
        return NULL;
    }
    s = zend_string_alloc(len, 0);
    ZSTR_VAL(s)[len] = '\0';
    *data = ZSTR_VAL(s);
    return s;
}

static void mq_hook_body_free(void *ud, void *handle)
{
    (void)ud;
    if (handle) {
        zend_string_release((zend_string *)handle);
    }
}

/* Runs pending signal handlers (pcntl_async_signals) during long waits, as
 * the VM does between opcodes; stops the wait when they threw.  A timed
 * out request stops the wait and leaves the flag set for the engine. */
static int mq_hook_interrupt(void *ud)
{
    (void)ud;
    if (zend_atomic_bool_load_ex(&EG(vm_interrupt))) {
        if (zend_atomic_bool_load_ex(&EG(timed_out))) {
            return 1;
        }
        if (zend_interrupt_function) {
            zend_atomic_bool_store_ex(&EG(vm_interrupt), false);
            zend_interrupt_function(EG(current_execute_data));
        }
    }
    return EG(exception) != NULL;
}

void php_mq_set_hooks(mq_conn *conn)
{
    mq_hooks h;

    memset(&h, 0, sizeof(h));
    h.body_alloc = mq_hook_body_alloc;
    h.body_free = mq_hook_body_free;
    h.interrupt = mq_hook_interrupt;
    mq_conn_set_hooks(conn, &h);
}

/* The core's own defaults (malloc, no interrupt): for pooled connections
 * being destroyed outside of any request. */
static void mq_clear_hooks(mq_conn *conn)
{
    mq_hooks h;

    memset(&h, 0, sizeof(h));
    mq_conn_set_hooks(conn, &h);
}

/* ---- state ------------------------------------------------------------ */

bool php_mq_res_is_open(const php_mq_conn_res *res)
{
    return res && res->conn && mq_conn_is_open(res->conn);
}

void php_mq_res_invalidate(php_mq_conn_res *res)
{
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

/* php-amqp's texts for a failed open (API.md §3.1.4); all of them are
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

php_mq_conn_res *php_mq_res_open(const mq_conn_params *p, bool persistent)
{
    php_mq_conn_res *res;
    mq_conn *conn = mq_conn_new();
    uint16_t channel_max;
    int rc;

    if (!conn) {
        php_mq_throwf(mq_ce_AMQPConnectionException, 0, "Socket error: could not create socket.");
        return NULL;
    }
    php_mq_set_hooks(conn);
    rc = mq_conn_open(conn, p);
    if (rc < 0) {
        res_throw_open_error(mq_conn_error(conn), rc);
        mq_conn_free(conn);
        return NULL;
    }
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
 * someone else; false when the connection broke meanwhile. */
static bool res_close_channels(php_mq_conn_res *res)
{
    uint16_t id;

    for (id = 1; id <= res->channel_max && id != 0; id++) {
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

/* ---- persistent pool -------------------------------------------------- */

static void mq_pconn_dtor(zend_resource *rsrc)
{
    php_mq_conn_res *res = (php_mq_conn_res *)rsrc->ptr;

    if (!res) {
        return;
    }
    rsrc->ptr = NULL;
    if (res->refcount == 1 && php_mq_res_is_open(res)) {
        /* Nobody else uses it (module shutdown, or an idle entry being
         * replaced): close it politely, briefly, without PHP hooks. */
        mq_conn_drop_events(res->conn, 0);
        mq_clear_hooks(res->conn);
        mq_conn_set_timeouts(res->conn, 1.0, 1.0, 1.0);
        (void)mq_conn_close(res->conn);
    }
    php_mq_res_release(res);
}

void php_mq_pool_register(int module_number)
{
    le_mq_pconn = zend_register_list_destructors_ex(NULL, mq_pconn_dtor,
                                                    "AMQP Connection persistent resource",
                                                    module_number);
}

/* Length-prefixed field, so that no two parameter sets hash alike. */
static void key_add(PHP_SHA256_CTX *ctx, const char *p, size_t len)
{
    unsigned char n[8];
    uint64_t v = (uint64_t)len;
    int i;

    for (i = 0; i < 8; i++) {
        n[i] = (unsigned char)(v >> (56 - 8 * i));
    }
    PHP_SHA256Update(ctx, n, sizeof(n));
    if (len) {
        PHP_SHA256Update(ctx, (const unsigned char *)p, len);
    }
}

static void key_add_str(PHP_SHA256_CTX *ctx, const char *s)
{
    /* NULL and "" differ */
    if (!s) {
        key_add(ctx, "\xff", 1);
        key_add(ctx, NULL, 0);
        return;
    }
    key_add(ctx, "s", 1);
    key_add(ctx, s, strlen(s));
}

static void key_add_num(PHP_SHA256_CTX *ctx, uint64_t v)
{
    char buf[24];
    int n = snprintf(buf, sizeof(buf), "%" PRIu64, v);
    key_add(ctx, buf, (size_t)n);
}

zend_string *php_mq_pool_key(const mq_conn_params *p)
{
    PHP_SHA256_CTX ctx;
    unsigned char digest[32];
    static const char prefix[] = "amqp_pconn_";
    zend_string *key = zend_string_alloc(sizeof(prefix) - 1 + 64, 0);
    char *out;

    PHP_SHA256Init(&ctx);
    key_add_str(&ctx, p->host);
    key_add_num(&ctx, p->port);
    key_add(&ctx, p->vhost.ptr, p->vhost.len);
    key_add(&ctx, p->login.ptr, p->login.len);
    key_add(&ctx, p->password.ptr, p->password.len);
    key_add_num(&ctx, p->frame_max);
    key_add_num(&ctx, p->channel_max);
    key_add_num(&ctx, p->heartbeat);
    key_add_str(&ctx, p->tls ? p->cacert : NULL);
    key_add_str(&ctx, p->cert);
    key_add_str(&ctx, p->key);
    key_add_num(&ctx, (uint64_t)p->sasl);
    key_add(&ctx, p->connection_name.ptr, p->connection_name.len);
    key_add_num(&ctx, p->tls);
    key_add_str(&ctx, p->sni);
    key_add_num(&ctx, p->verify);
    PHP_SHA256Final(digest, &ctx);

    memcpy(ZSTR_VAL(key), prefix, sizeof(prefix) - 1);
    out = ZSTR_VAL(key) + sizeof(prefix) - 1;
    php_hash_bin2hex(out, digest, sizeof(digest));
    out[64] = '\0';
    return key;
}

php_mq_conn_res *php_mq_pool_acquire(zend_string *key)
{
    zend_resource *le = zend_hash_find_ptr(&EG(persistent_list), key);
    php_mq_conn_res *res;

    if (!le) {
        return NULL;
    }
    if (le->type != le_mq_pconn || !le->ptr) {
        php_mq_throwf(mq_ce_AMQPConnectionException, 0,
                      "Connection hash conflict detected. Persistent connection found that does not belong to AMQP.");
        return NULL;
    }
    res = (php_mq_conn_res *)le->ptr;
    if (res->in_use) {
        php_mq_throwf(mq_ce_AMQPConnectionException, 0,
                      "There are already established persistent connection to the same resource.");
        return NULL;
    }
    /* Liveness: read what is waiting (heartbeats, late close-oks, a
     * connection.close) without blocking.  A broken one is discarded. */
    php_mq_set_hooks(res->conn);
    if (!php_mq_res_is_open(res) || mq_conn_service(res->conn) < 0 || !mq_conn_is_open(res->conn)) {
        php_mq_res_invalidate(res);
        php_mq_pool_drop(res);
        return NULL;
    }
    mq_conn_drop_events(res->conn, 0);
    res->in_use = true;
    php_mq_res_addref(res);
    return res;
}

bool php_mq_pool_store(php_mq_conn_res *res, zend_string *key)
{
    zend_string *pkey = zend_string_init(ZSTR_VAL(key), ZSTR_LEN(key), 1);

    if (!zend_register_persistent_resource_ex(pkey, res, le_mq_pconn)) {
        zend_string_release(pkey);
        php_mq_throwf(mq_ce_AMQPConnectionException, 0, "Could not store persistent connection in pool.");
        return false;
    }
    res->pool_key = pkey;
    res->in_use = true;
    php_mq_res_addref(res); /* the pool's */
    return true;
}

void php_mq_pool_drop(php_mq_conn_res *res)
{
    zend_resource *le;

    if (!res || !res->persistent || !res->pool_key) {
        return;
    }
    le = zend_hash_find_ptr(&EG(persistent_list), res->pool_key);
    if (le && le->type == le_mq_pconn && le->ptr == res) {
        /* the list's destructor releases the pool's reference */
        zend_hash_del(&EG(persistent_list), res->pool_key);
    }
}

/* SPDX-License-Identifier: MIT */
/*
 * AMQPConnection (docs/compatibility.md §3.1), the object and its states: creation and
 * destruction (a transient connection is closed, a persistent one goes back
 * to the pool), the state machine of connect/pconnect/disconnect/
 * pdisconnect/reconnect/preconnect with php-amqp's texts, the state getters,
 * the core parameters made from the declared properties, and two mq
 * extensions: broker blocked/unblocked notifications (isBlocked(), the
 * blocked callback, run from the binding's consume loops via
 * php_mq_connection_notify*) and getStream(), a readiness-only stream over
 * a duplicate of the socket descriptor for stream_select()/event loops;
 * and the failover walk over a 'hosts' list (php_mq_connection_open_core,
 * also for other binding files) with its pool key per set of nodes.  The
 * constructor, getters and setters are in mq_connection_config.c; the
 * 'hosts' list itself (parsing, current node) in mq_connection_hosts.c;
 * opening and closing the resource in mq_conn_res.c, the persistent pool in
 * mq_connection_pool.c.
 */
#include "php_mq_internal.h"
#include "mq_connection.h"
#include "zend_attributes.h"
#include "zend_smart_str.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "AMQPConnection_arginfo.h"

zend_class_entry *mq_ce_AMQPConnection;
static zend_object_handlers mq_connection_handlers;

/* ---- object ----------------------------------------------------------- */

static zend_object *conn_obj_create(zend_class_entry *ce)
{
    php_mq_connection *c = zend_object_alloc(sizeof(php_mq_connection), ce);

    memset(c, 0, offsetof(php_mq_connection, std));
    zend_object_std_init(&c->std, ce);
    object_properties_init(&c->std, ce);
    c->std.handlers = &mq_connection_handlers;
    return &c->std;
}

static void conn_obj_free(zend_object *obj)
{
    php_mq_connection *c = php_mq_connection_from_obj(obj);

    if (c->res) {
        /* after a fatal error the core may have been interrupted mid-call */
        php_mq_res_detach(c->res, !CG(unclean_shutdown));
        c->res = NULL;
    }
    if (c->password) {
        zend_string_release(c->password);
        c->password = NULL;
    }
    if (c->sni) {
        zend_string_release(c->sni);
        c->sni = NULL;
    }
    php_mq_connection_hosts_free(c);
    php_mq_recovery_free(c);
    zval_ptr_dtor(&c->blocked_cb);
    ZVAL_UNDEF(&c->blocked_cb);
    zend_object_std_dtor(obj);
}

/* The blocked and recovery callbacks, plus the declared properties. */
static HashTable *mq_connection_get_gc(zend_object *obj, zval **table, int *n)
{
    php_mq_connection *c = php_mq_connection_from_obj(obj);
    zend_get_gc_buffer *buf = zend_get_gc_buffer_create();
    zval *rcb = php_mq_recovery_gc(c);

    zend_get_gc_buffer_add_zval(buf, &c->blocked_cb);
    if (rcb) {
        zend_get_gc_buffer_add_zval(buf, rcb);
    }
    zend_get_gc_buffer_use(buf, table, n);
    return zend_std_get_properties(obj);
}

/* ---- properties by slot ----------------------------------------------- */

/* The value of slot n, or NULL with the engine's Error when the
 * constructor never initialised it. */
zval *php_mq_conn_read(zend_object *obj, int n)
{
    static const char *const names[] = {
        "login", "password", "host", "vhost", "port", "readTimeout", "writeTimeout",
        "connectTimeout", "rpcTimeout", "frameMax", "channelMax", "heartbeat", "cacert", "key",
        "cert", "verify", "saslMethod", "connectionName"
    };
    zval *zv = php_mq_conn_slot(obj, n);

    if (Z_ISUNDEF_P(zv)) {
        zend_throw_error(NULL, "Typed property AMQPConnection::$%s must not be accessed before initialization",
                         names[n]);
        return NULL;
    }
    return zv;
}

/* ---- opening and closing ---------------------------------------------- */

/* Core parameters from the properties (strings are borrowed from them);
 * false with the engine's Error when the constructor never ran. */
static bool conn_params(zend_object *obj, php_mq_connection *c, mq_conn_params *p, bool persistent)
{
    static const int required[] = {
        MQ_CONN_PROP_LOGIN, MQ_CONN_PROP_PASSWORD, MQ_CONN_PROP_HOST, MQ_CONN_PROP_VHOST,
        MQ_CONN_PROP_PORT, MQ_CONN_PROP_READ_TIMEOUT, MQ_CONN_PROP_WRITE_TIMEOUT,
        MQ_CONN_PROP_CONNECT_TIMEOUT, MQ_CONN_PROP_RPC_TIMEOUT, MQ_CONN_PROP_FRAME_MAX,
        MQ_CONN_PROP_CHANNEL_MAX, MQ_CONN_PROP_HEARTBEAT
    };
    zval *host, *vhost, *login, *cacert, *cert, *key, *name;
    zend_long heartbeat;
    size_t i;

    for (i = 0; i < sizeof(required) / sizeof(required[0]); i++) {
        if (!php_mq_conn_read(obj, required[i])) {
            return false;
        }
    }
    host = php_mq_conn_slot(obj, MQ_CONN_PROP_HOST);
    vhost = php_mq_conn_slot(obj, MQ_CONN_PROP_VHOST);
    login = php_mq_conn_slot(obj, MQ_CONN_PROP_LOGIN);
    cacert = php_mq_conn_slot(obj, MQ_CONN_PROP_CACERT);
    cert = php_mq_conn_slot(obj, MQ_CONN_PROP_CERT);
    key = php_mq_conn_slot(obj, MQ_CONN_PROP_KEY);
    name = php_mq_conn_slot(obj, MQ_CONN_PROP_CONNECTION_NAME);

    memset(p, 0, sizeof(*p));
    p->host = Z_STRVAL_P(host);
    p->port = (uint16_t)php_mq_conn_long(obj, MQ_CONN_PROP_PORT);
    p->vhost = mq_bytes_of(Z_STRVAL_P(vhost), Z_STRLEN_P(vhost));
    p->login = mq_bytes_of(Z_STRVAL_P(login), Z_STRLEN_P(login));
    if (c->password) {
        p->password = mq_bytes_of(ZSTR_VAL(c->password), ZSTR_LEN(c->password));
    } else {
        zval *pw = php_mq_conn_slot(obj, MQ_CONN_PROP_PASSWORD);
        p->password = mq_bytes_of(Z_STRVAL_P(pw), Z_STRLEN_P(pw));
    }
    p->sasl = (int)php_mq_conn_long(obj, MQ_CONN_PROP_SASL_METHOD);
    p->channel_max = (uint16_t)MIN(php_mq_conn_long(obj, MQ_CONN_PROP_CHANNEL_MAX), 65535);
    p->frame_max = (uint32_t)php_mq_conn_long(obj, MQ_CONN_PROP_FRAME_MAX);
    heartbeat = php_mq_conn_long(obj, MQ_CONN_PROP_HEARTBEAT);
    p->heartbeat = (uint16_t)(heartbeat > 65535 ? 65535 : (heartbeat < 0 ? 0 : heartbeat));
    p->connect_timeout = php_mq_conn_double(obj, MQ_CONN_PROP_CONNECT_TIMEOUT);
    p->read_timeout = php_mq_conn_double(obj, MQ_CONN_PROP_READ_TIMEOUT);
    p->write_timeout = php_mq_conn_double(obj, MQ_CONN_PROP_WRITE_TIMEOUT);
    p->rpc_timeout = php_mq_conn_double(obj, MQ_CONN_PROP_RPC_TIMEOUT);
    /* TLS when a CA file is set; the client certificate only with a key */
    if (Z_TYPE_P(cacert) == IS_STRING && Z_STRLEN_P(cacert) > 0) {
        p->tls = true;
        p->cacert = Z_STRVAL_P(cacert);
    }
    /* an amqps:// URI: TLS even without a CA file (system CA paths) */
    if (c->uri_tls) {
        p->tls = true;
    }
    if (c->sni) {
        p->sni = ZSTR_VAL(c->sni);
    }
    if (Z_TYPE_P(cert) == IS_STRING && Z_STRLEN_P(cert) > 0 && Z_TYPE_P(key) == IS_STRING
        && Z_STRLEN_P(key) > 0) {
        p->cert = Z_STRVAL_P(cert);
        p->key = Z_STRVAL_P(key);
    }
    /* php-amqp connects in plain text when cert/key are set without cacert
     * (the certificate silently unused); mq refuses instead: never plain
     * text when TLS was evidently meant (tests/574) */
    if (!p->tls && ((Z_TYPE_P(cert) == IS_STRING && Z_STRLEN_P(cert) > 0)
                    || (Z_TYPE_P(key) == IS_STRING && Z_STRLEN_P(key) > 0))) {
        php_mq_throwf(mq_ce_AMQPConnectionException, 0,
                      "Socket error: cert/key set without cacert; TLS needs cacert (or an amqps:// URI), "
                      "refusing to connect in plain text");
        return false;
    }
    p->verify = Z_TYPE_P(php_mq_conn_slot(obj, MQ_CONN_PROP_VERIFY)) != IS_FALSE;
    if (Z_TYPE_P(name) == IS_STRING) {
        p->connection_name = mq_bytes_of(Z_STRVAL_P(name), Z_STRLEN_P(name));
    }
    p->product = "mq";
    p->version = PHP_MQ_RELEASE " (amqp " PHP_MQ_VERSION ")";
    p->platform = "PHP " PHP_VERSION;
    p->connection_type = persistent ? "persistent" : "transient";
    return true;
}

/* Lets go of a connection that is no longer open (if any). */
static void conn_forget(php_mq_connection *c)
{
    if (c->res) {
        php_mq_res_detach(c->res, true);
        c->res = NULL;
    }
}

/* Closes the open connection (channels first); a persistent one leaves
 * the pool. */
static void conn_close(php_mq_connection *c)
{
    if (c->res) {
        php_mq_res_close(c->res);
        php_mq_res_detach(c->res, true);
        c->res = NULL;
    }
}

/* ---- several hosts, failover (mq extension) ---------------------------- */

/* Order of the sorted form of a list: host bytes (up to the first NUL, as
 * the core sees them), then port; equal nodes by their place in the list. */
static int hosts_cmp(const void *a, const void *b)
{
    const php_mq_host *x = *(const php_mq_host *const *)a, *y = *(const php_mq_host *const *)b;
    int r = strcmp(ZSTR_VAL(x->host), ZSTR_VAL(y->host));

    if (r == 0) {
        r = x->port < y->port ? -1 : (x->port > y->port ? 1 : 0);
    }
    if (r == 0) {
        r = x < y ? -1 : (x > y ? 1 : 0);
    }
    return r;
}

static bool hosts_same(const php_mq_host *x, const php_mq_host *y)
{
    return x->port == y->port && strcmp(ZSTR_VAL(x->host), ZSTR_VAL(y->host)) == 0;
}

/* The sorted form of the list without duplicates (what a pooled
 * connection's host_index counts in): *out (emalloc'd, caller frees) gets
 * the first entry of each distinct node in sorted order; returns their
 * number. */
static uint32_t hosts_sorted(php_mq_connection *c, php_mq_host ***out)
{
    php_mq_host **v = safe_emalloc(c->host_count, sizeof(*v), 0);
    uint32_t i, m = 0;

    for (i = 0; i < c->host_count; i++) {
        v[i] = &c->hosts[i];
    }
    qsort(v, c->host_count, sizeof(*v), hosts_cmp);
    for (i = 0; i < c->host_count; i++) {
        if (m == 0 || !hosts_same(v[m - 1], v[i])) {
            v[m++] = v[i];
        }
    }
    *out = v;
    return m;
}

/* The position of entry i in the sorted form of the list. */
static uint32_t hosts_sorted_index(php_mq_connection *c, uint32_t i)
{
    php_mq_host **v;
    uint32_t k, m = hosts_sorted(c, &v), index = 0;

    for (k = 0; k < m; k++) {
        if (hosts_same(v[k], &c->hosts[i])) {
            index = k;
            break;
        }
    }
    efree(v);
    return index;
}

/* The pool key of a connection with a host list: php_mq_pool_key() of its
 * parameters with the host replaced by the sorted, distinct list (each node
 * length-prefixed) and port 0, which no single-host connection has (its
 * port is 1 to 65535).  So the key names the set of nodes, whatever their
 * order (shuffle_hosts gives every request its own order, and they should
 * share one pooled connection), and never collides with the key of one of
 * its nodes alone (a pooled connection of the list may be open to another
 * node). */
static zend_string *hosts_pool_key(zend_object *obj, php_mq_connection *c, const mq_conn_params *p)
{
    php_mq_host **v;
    uint32_t i, m;
    mq_conn_params q = *p;
    smart_str list = {0};
    zend_string *key;

    php_mq_connection_hosts_sync(obj, c);
    m = hosts_sorted(c, &v);
    for (i = 0; i < m; i++) {
        const char *h = ZSTR_VAL(v[i]->host);
        smart_str_append_unsigned(&list, strlen(h));
        smart_str_appendc(&list, ':');
        smart_str_appends(&list, h);
        smart_str_appendc(&list, ':');
        smart_str_append_unsigned(&list, v[i]->port);
        smart_str_appendc(&list, ';');
    }
    smart_str_0(&list);
    q.host = ZSTR_VAL(list.s);
    q.port = 0;
    key = php_mq_pool_key(&q);
    smart_str_free(&list);
    efree(v);
    return key;
}

/* A pooled connection of the list was taken: its node (sorted position
 * `index`) becomes the current one. */
static void hosts_select_sorted(zend_object *obj, php_mq_connection *c, uint32_t index)
{
    php_mq_host **v;
    uint32_t m = hosts_sorted(c, &v);

    if (index < m) {
        php_mq_connection_hosts_select(obj, c, (uint32_t)(v[index] - c->hosts));
    }
    efree(v);
}

/* May the walk go on to the next node after a failure with rc?  Not after
 * a refusal by the broker (the same credentials are wrong on every node),
 * an interrupted wait (a signal handler threw, or the request timed out)
 * or when memory ran out. */
static bool hosts_walk_on(int rc)
{
    return rc != MQ_E_CONNECTION_CLOSED && rc != MQ_E_INTERRUPTED && rc != MQ_E_NOMEM
           && !zend_atomic_bool_load_ex(&EG(timed_out));
}

mq_conn *php_mq_connection_open_core(zend_object *conn_obj, bool persistent, bool move_on)
{
    php_mq_connection *c = php_mq_connection_from_obj(conn_obj);
    mq_conn_params p;
    mq_conn *conn;
    uint32_t k, n, start, i;
    int rc;

    if (!conn_params(conn_obj, c, &p, persistent)) {
        return NULL;
    }
    if (!c->hosts) {
        return php_mq_core_open(&p, &rc);
    }
    php_mq_connection_hosts_sync(conn_obj, c);
    n = c->host_count;
    start = move_on ? (c->host_current + 1) % n : c->host_current;
    for (k = 0; k < n; k++) {
        i = (start + k) % n;
        p.host = ZSTR_VAL(c->hosts[i].host);
        p.port = c->hosts[i].port;
        conn = php_mq_core_open(&p, &rc);
        if (conn) {
            php_mq_connection_hosts_select(conn_obj, c, i);
            return conn;
        }
        if (k + 1 == n || !hosts_walk_on(rc) || !EG(exception)) {
            break;
        }
        /* only the last attempt's exception is thrown */
        zend_clear_exception();
    }
    return NULL;
}

/* Opens a transient connection, or takes/opens a persistent one; with a
 * host list, move_on starts the walk with the node after the current one. */
static zend_result conn_open(zend_object *obj, bool persistent, bool move_on)
{
    php_mq_connection *c = php_mq_connection_from_obj(obj);
    php_mq_conn_res *res = NULL;
    mq_conn_params p;
    mq_conn *conn;
    zend_string *key;

    conn_forget(c);
    if (!conn_params(obj, c, &p, persistent)) {
        return FAILURE;
    }
    if (!persistent) {
        conn = php_mq_connection_open_core(obj, false, move_on);
        res = conn ? php_mq_res_open(conn, false) : NULL;
    } else {
        key = c->hosts ? hosts_pool_key(obj, c, &p) : php_mq_pool_key(&p);
        res = php_mq_pool_acquire(key);
        if (res) {
            /* reuse: the current timeouts apply to the pooled socket */
            mq_conn_set_timeouts(res->conn, p.read_timeout, p.write_timeout, p.rpc_timeout);
            if (c->hosts) {
                hosts_select_sorted(obj, c, res->host_index);
            }
        } else if (!EG(exception)) {
            conn = php_mq_connection_open_core(obj, true, move_on);
            res = conn ? php_mq_res_open(conn, true) : NULL;
            if (res && c->hosts) {
                /* the node opened (the walk may have moved on) */
                res->host_index = hosts_sorted_index(c, c->host_current);
            }
            if (res && !php_mq_pool_store(res, key)) {
                php_mq_res_close(res);
                php_mq_res_release(res);
                res = NULL;
            }
        }
        zend_string_release(key);
    }
    if (!res) {
        return FAILURE;
    }
    c->res = res;
    c->is_persistent = persistent;
    /* automatic recovery (mq extension) for transient connections */
    res->recoverable = c->recovery != NULL && !persistent;
    /* background heartbeats (opt-in): started, or for a pooled connection
     * taken over from an earlier request, started or stopped as this
     * object wants (the thread stays on while the connection is pooled) */
    if (php_mq_res_heartbeat_thread(res, c->heartbeat_thread) == FAILURE) {
        conn_close(c);
        return FAILURE;
    }
    return SUCCESS;
}

static void throw_conn(const char *msg)
{
    php_mq_throwf(mq_ce_AMQPConnectionException, 0, "%s", msg);
}

ZEND_METHOD(AMQPConnection, isConnected)
{
    ZEND_PARSE_PARAMETERS_NONE();
    RETURN_BOOL(php_mq_conn_is_open(php_mq_connection_from_obj(Z_OBJ_P(ZEND_THIS))));
}

ZEND_METHOD(AMQPConnection, connect)
{
    php_mq_connection *c = php_mq_connection_from_obj(Z_OBJ_P(ZEND_THIS));

    ZEND_PARSE_PARAMETERS_NONE();
    if (php_mq_conn_is_open(c)) {
        if (c->is_persistent) {
            throw_conn("Attempt to start transient connection while persistent one already established. Continue.");
            RETURN_THROWS();
        }
        return;
    }
    if (conn_open(Z_OBJ_P(ZEND_THIS), false, false) == FAILURE) {
        RETURN_THROWS();
    }
}

ZEND_METHOD(AMQPConnection, pconnect)
{
    php_mq_connection *c = php_mq_connection_from_obj(Z_OBJ_P(ZEND_THIS));

    ZEND_PARSE_PARAMETERS_NONE();
    if (php_mq_conn_is_open(c)) {
        if (!c->is_persistent) {
            throw_conn("Attempt to start persistent connection while transient one already established. Continue.");
            RETURN_THROWS();
        }
        return;
    }
    if (conn_open(Z_OBJ_P(ZEND_THIS), true, false) == FAILURE) {
        RETURN_THROWS();
    }
}

ZEND_METHOD(AMQPConnection, disconnect)
{
    php_mq_connection *c = php_mq_connection_from_obj(Z_OBJ_P(ZEND_THIS));

    ZEND_PARSE_PARAMETERS_NONE();
    if (!php_mq_conn_is_open(c)) {
        conn_forget(c);
        return;
    }
    if (c->is_persistent) {
        throw_conn("Attempted to close a transient connection while a persistent connection is established. Call 'pdisconnect' instead");
        RETURN_THROWS();
    }
    conn_close(c);
}

ZEND_METHOD(AMQPConnection, pdisconnect)
{
    php_mq_connection *c = php_mq_connection_from_obj(Z_OBJ_P(ZEND_THIS));

    ZEND_PARSE_PARAMETERS_NONE();
    if (!php_mq_conn_is_open(c)) {
        conn_forget(c);
        return;
    }
    if (!c->is_persistent) {
        throw_conn("Attempted to close a persistent connection while a transient connection is established. Call 'disconnect' instead");
        RETURN_THROWS();
    }
    conn_close(c);
}

ZEND_METHOD(AMQPConnection, reconnect)
{
    php_mq_connection *c = php_mq_connection_from_obj(Z_OBJ_P(ZEND_THIS));
    /* a connection that is gone (not one never opened or closed by the
     * application): a host list moves on to the next node */
    bool move_on;

    ZEND_PARSE_PARAMETERS_NONE();
    move_on = c->res && !php_mq_conn_is_open(c);
    if (php_mq_conn_is_open(c)) {
        if (c->is_persistent) {
            throw_conn("Attempted to reconnect a transient connection while a persistent connection is established. Call 'preconnect' instead");
            RETURN_THROWS();
        }
        conn_close(c);
    }
    if (conn_open(Z_OBJ_P(ZEND_THIS), false, move_on) == FAILURE) {
        RETURN_THROWS();
    }
}

ZEND_METHOD(AMQPConnection, preconnect)
{
    php_mq_connection *c = php_mq_connection_from_obj(Z_OBJ_P(ZEND_THIS));
    /* a connection that is gone (not one never opened or closed by the
     * application): a host list moves on to the next node */
    bool move_on;

    ZEND_PARSE_PARAMETERS_NONE();
    move_on = c->res && !php_mq_conn_is_open(c);
    if (php_mq_conn_is_open(c)) {
        if (!c->is_persistent) {
            throw_conn("Attempted to reconnect a persistent connection while a transient connection is established. Call 'reconnect' instead");
            RETURN_THROWS();
        }
        conn_close(c);
    }
    if (conn_open(Z_OBJ_P(ZEND_THIS), true, move_on) == FAILURE) {
        RETURN_THROWS();
    }
}

/* ---- state getters ---------------------------------------------------- */

ZEND_METHOD(AMQPConnection, isPersistent)
{
    php_mq_connection *c = php_mq_connection_from_obj(Z_OBJ_P(ZEND_THIS));

    ZEND_PARSE_PARAMETERS_NONE();
    RETURN_BOOL(php_mq_conn_is_open(c) && c->is_persistent);
}

ZEND_METHOD(AMQPConnection, getUsedChannels)
{
    php_mq_connection *c = php_mq_connection_from_obj(Z_OBJ_P(ZEND_THIS));

    ZEND_PARSE_PARAMETERS_NONE();
    if (php_mq_conn_is_open(c)) {
        /* collect close-oks (and heartbeats) that already arrived */
        if (mq_conn_service(c->res->conn) < 0) {
            php_mq_res_after_error(c->res);
        }
    }
    if (!php_mq_conn_is_open(c)) {
        php_error_docref(NULL, E_WARNING, "Connection is not connected.");
        RETURN_LONG(0);
    }
    RETURN_LONG(mq_conn_channels_used(c->res->conn));
}

ZEND_METHOD(AMQPConnection, getMaxChannels)
{
    php_mq_connection *c = php_mq_connection_from_obj(Z_OBJ_P(ZEND_THIS));

    ZEND_PARSE_PARAMETERS_NONE();
    if (php_mq_conn_is_open(c)) {
        RETURN_LONG(mq_conn_channel_max(c->res->conn));
    }
    php_mq_conn_return_prop(Z_OBJ_P(ZEND_THIS), MQ_CONN_PROP_CHANNEL_MAX, return_value);
}

ZEND_METHOD(AMQPConnection, getMaxFrameSize)
{
    php_mq_connection *c = php_mq_connection_from_obj(Z_OBJ_P(ZEND_THIS));

    ZEND_PARSE_PARAMETERS_NONE();
    if (php_mq_conn_is_open(c)) {
        RETURN_LONG(mq_conn_frame_max(c->res->conn));
    }
    php_mq_conn_return_prop(Z_OBJ_P(ZEND_THIS), MQ_CONN_PROP_FRAME_MAX, return_value);
}

ZEND_METHOD(AMQPConnection, getHeartbeatInterval)
{
    php_mq_connection *c = php_mq_connection_from_obj(Z_OBJ_P(ZEND_THIS));

    ZEND_PARSE_PARAMETERS_NONE();
    if (php_mq_conn_is_open(c)) {
        RETURN_LONG(mq_conn_heartbeat(c->res->conn));
    }
    php_mq_conn_return_prop(Z_OBJ_P(ZEND_THIS), MQ_CONN_PROP_HEARTBEAT, return_value);
}

/* ---- broker notifications (mq extension) ------------------------------ */

int php_mq_connection_notify_one(zend_object *conn_obj, bool blocked, mq_bytes reason)
{
    php_mq_connection *c = php_mq_connection_from_obj(conn_obj);
    zval params[2], retval, cb;

    if (Z_ISUNDEF(c->blocked_cb)) {
        return 0;
    }
    ZVAL_BOOL(&params[0], blocked);
    /* a copy: the view dies with the next call on the connection */
    ZVAL_STRINGL(&params[1], reason.ptr ? reason.ptr : "", reason.len);
    ZVAL_COPY(&cb, &c->blocked_cb); /* the callback may replace itself */
    ZVAL_UNDEF(&retval);
    call_user_function(NULL, NULL, &cb, &retval, 2, params);
    zval_ptr_dtor(&retval);
    zval_ptr_dtor(&cb);
    zval_ptr_dtor(&params[1]);
    return EG(exception) ? -1 : 0;
}

int php_mq_connection_notify(zend_object *conn_obj, php_mq_conn_res *res)
{
    bool blocked;
    const char *reason;
    int result = 0;

    if (!res) {
        return 0;
    }
    /* the callback may disconnect or drop the last other reference */
    php_mq_res_addref(res);
    GC_ADDREF(conn_obj);
    while (mq_conn_take_blocked_notice(res->conn, &blocked, &reason)) {
        if (php_mq_connection_notify_one(conn_obj, blocked, mq_bytes_of(reason, strlen(reason))) < 0) {
            result = -1;
            break;
        }
    }
    OBJ_RELEASE(conn_obj);
    php_mq_res_release(res);
    return result;
}

ZEND_METHOD(AMQPConnection, isBlocked)
{
    php_mq_connection *c = php_mq_connection_from_obj(Z_OBJ_P(ZEND_THIS));
    php_mq_conn_res *res;
    bool blocked;

    ZEND_PARSE_PARAMETERS_NONE();
    if (!php_mq_conn_is_open(c)) {
        RETURN_FALSE;
    }
    res = c->res;
    php_mq_res_addref(res);
    /* read what has arrived (notifications among it), without blocking;
     * a failure leaves the connection closed, which isConnected() tells */
    if (mq_conn_service(res->conn) < 0) {
        php_mq_res_after_error(res);
    }
    if (php_mq_connection_notify(Z_OBJ_P(ZEND_THIS), res) < 0) {
        php_mq_res_release(res);
        RETURN_THROWS();
    }
    blocked = php_mq_res_is_open(res) && mq_conn_is_blocked(res->conn);
    php_mq_res_release(res);
    RETURN_BOOL(blocked);
}

ZEND_METHOD(AMQPConnection, setBlockedCallback)
{
    php_mq_connection *c = php_mq_connection_from_obj(Z_OBJ_P(ZEND_THIS));
    zend_fcall_info fci = empty_fcall_info;
    zend_fcall_info_cache fcc = empty_fcall_info_cache;

    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_FUNC_OR_NULL(fci, fcc)
    ZEND_PARSE_PARAMETERS_END();

    php_mq_callback_store(&c->blocked_cb, &fci);
}

/* ---- the readiness stream (mq extension) ------------------------------- */

/* A stream over a duplicate of the connection's socket descriptor, for
 * readiness only: select()/poll() through stream_select() and event loops
 * (which cast it to its descriptor).  Reading and writing are refused (the
 * bytes belong to the protocol engine), and so is blocking mode (the
 * descriptor shares its O_NONBLOCK flag with the connection's).  Closing
 * it closes only the duplicate. */
typedef struct {
    int fd; /* the duplicate, owned by the stream */
} mq_ready_stream;

static ssize_t mq_ready_write(php_stream *stream, const char *buf, size_t count)
{
    php_error_docref(NULL, E_WARNING, "The AMQP connection stream is for readiness only");
    return -1;
}

static ssize_t mq_ready_read(php_stream *stream, char *buf, size_t count)
{
    php_error_docref(NULL, E_WARNING, "The AMQP connection stream is for readiness only");
    return -1;
}

static int mq_ready_close(php_stream *stream, int close_handle)
{
    mq_ready_stream *s = stream->abstract;

    if (close_handle && s->fd >= 0) {
        close(s->fd);
    }
    efree(s);
    return 0;
}

static int mq_ready_flush(php_stream *stream)
{
    return 0;
}

static int mq_ready_cast(php_stream *stream, int castas, void **ret)
{
    mq_ready_stream *s = stream->abstract;

    switch (castas) {
    case PHP_STREAM_AS_FD_FOR_SELECT:
    case PHP_STREAM_AS_FD:
    case PHP_STREAM_AS_SOCKETD:
        if (ret) {
            *(int *)ret = s->fd; /* php_socket_t is int on POSIX */
        }
        return SUCCESS;
    default:
        return FAILURE;
    }
}

static int mq_ready_set_option(php_stream *stream, int option, int value, void *ptrparam)
{
    if (option == PHP_STREAM_OPTION_BLOCKING) {
        /* the connection never blocks in its own reads and writes, whatever
         * the socket's mode; refusing blocking mode keeps event loops honest */
        return value ? PHP_STREAM_OPTION_RETURN_ERR : PHP_STREAM_OPTION_RETURN_OK;
    }
    return PHP_STREAM_OPTION_RETURN_NOTIMPL;
}

static const php_stream_ops mq_ready_ops = {
    mq_ready_write, mq_ready_read, mq_ready_close, mq_ready_flush,
    "AMQP connection", NULL /* seek */, mq_ready_cast, NULL /* stat */, mq_ready_set_option
};

ZEND_METHOD(AMQPConnection, getStream)
{
    php_mq_connection *c = php_mq_connection_from_obj(Z_OBJ_P(ZEND_THIS));
    mq_ready_stream *s;
    php_stream *stream;
    int fd;

    ZEND_PARSE_PARAMETERS_NONE();
    if (!php_mq_conn_is_open(c) || mq_conn_fd(c->res->conn) < 0) {
        throw_conn("Could not get stream. No connection available.");
        RETURN_THROWS();
    }
    fd = fcntl(mq_conn_fd(c->res->conn), F_DUPFD_CLOEXEC, 0);
    if (fd < 0) {
        php_mq_throwf(mq_ce_AMQPConnectionException, 0, "Could not get stream: %s", strerror(errno));
        RETURN_THROWS();
    }
    s = emalloc(sizeof(*s));
    s->fd = fd;
    stream = php_stream_alloc(&mq_ready_ops, s, NULL, "r");
    stream->flags |= PHP_STREAM_FLAG_NO_SEEK | PHP_STREAM_FLAG_NO_BUFFER;
    php_stream_to_zval(stream, return_value);
}

/* ---- registration ----------------------------------------------------- */

void php_mq_register_connection(int module_number)
{
    mq_ce_AMQPConnection = register_class_AMQPConnection();
    mq_ce_AMQPConnection->create_object = conn_obj_create;

    memcpy(&mq_connection_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
    mq_connection_handlers.offset = offsetof(php_mq_connection, std);
    mq_connection_handlers.free_obj = conn_obj_free;
    mq_connection_handlers.get_gc = mq_connection_get_gc;
    /* a clone would share the socket: forbidden (§7.22) */
    mq_connection_handlers.clone_obj = NULL;

    php_mq_pool_register(module_number);
}

/* SPDX-License-Identifier: MIT */
/*
 * AMQPConnection (API.md §3.1), the object and its states: creation and
 * destruction (a transient connection is closed, a persistent one goes back
 * to the pool), the state machine of connect/pconnect/disconnect/
 * pdisconnect/reconnect/preconnect with php-amqp's texts, the state getters,
 * the core parameters made from the declared properties, and two mq
 * extensions: broker blocked/unblocked notifications (isBlocked(), the
 * blocked callback, run from the binding's consume loops via
 * php_mq_connection_notify*) and getStream(), a readiness-only stream over
 * a duplicate of the socket descriptor for stream_select()/event loops.  The
 * constructor, getters and setters are in mq_connection_config.c; opening,
 * closing and the persistent pool in mq_connection_pool.c.
 */
#include "php_mq_internal.h"
#include "mq_connection.h"
#include "zend_attributes.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "AMQPConnection_arginfo.h"

zend_class_entry *mq_ce_AMQPConnection;
static zend_object_handlers mq_connection_handlers;

/* ---- object ----------------------------------------------------------- */

static zend_object *mq_connection_create(zend_class_entry *ce)
{
    php_mq_connection *c = zend_object_alloc(sizeof(php_mq_connection), ce);

    memset(c, 0, XtOffsetOf(php_mq_connection, std));
    zend_object_std_init(&c->std, ce);
    object_properties_init(&c->std, ce);
    c->std.handlers = &mq_connection_handlers;
    return &c->std;
}

static void mq_connection_free(zend_object *obj)
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
    zval_ptr_dtor(&c->blocked_cb);
    ZVAL_UNDEF(&c->blocked_cb);
    zend_object_std_dtor(obj);
}

/* The blocked callback, plus the declared properties. */
static HashTable *mq_connection_get_gc(zend_object *obj, zval **table, int *n)
{
    php_mq_connection *c = php_mq_connection_from_obj(obj);

    *table = &c->blocked_cb;
    *n = Z_ISUNDEF(c->blocked_cb) ? 0 : 1;
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

/* Opens a transient connection, or takes/opens a persistent one. */
static zend_result conn_open(zend_object *obj, bool persistent)
{
    php_mq_connection *c = php_mq_connection_from_obj(obj);
    php_mq_conn_res *res = NULL;
    mq_conn_params p;
    zend_string *key;

    conn_forget(c);
    if (!conn_params(obj, c, &p, persistent)) {
        return FAILURE;
    }
    if (!persistent) {
        res = php_mq_res_open(&p, false);
    } else {
        key = php_mq_pool_key(&p);
        res = php_mq_pool_acquire(key);
        if (res) {
            /* reuse: the current timeouts apply to the pooled socket */
            mq_conn_set_timeouts(res->conn, p.read_timeout, p.write_timeout, p.rpc_timeout);
        } else if (!EG(exception)) {
            res = php_mq_res_open(&p, true);
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
    if (conn_open(Z_OBJ_P(ZEND_THIS), false) == FAILURE) {
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
    if (conn_open(Z_OBJ_P(ZEND_THIS), true) == FAILURE) {
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

    ZEND_PARSE_PARAMETERS_NONE();
    if (php_mq_conn_is_open(c)) {
        if (c->is_persistent) {
            throw_conn("Attempted to reconnect a transient connection while a persistent connection is established. Call 'preconnect' instead");
            RETURN_THROWS();
        }
        conn_close(c);
    }
    if (conn_open(Z_OBJ_P(ZEND_THIS), false) == FAILURE) {
        RETURN_THROWS();
    }
}

ZEND_METHOD(AMQPConnection, preconnect)
{
    php_mq_connection *c = php_mq_connection_from_obj(Z_OBJ_P(ZEND_THIS));

    ZEND_PARSE_PARAMETERS_NONE();
    if (php_mq_conn_is_open(c)) {
        if (!c->is_persistent) {
            throw_conn("Attempted to reconnect a persistent connection while a transient connection is established. Call 'reconnect' instead");
            RETURN_THROWS();
        }
        conn_close(c);
    }
    if (conn_open(Z_OBJ_P(ZEND_THIS), true) == FAILURE) {
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
    zval old;

    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_FUNC_OR_NULL(fci, fcc)
    ZEND_PARSE_PARAMETERS_END();

    ZVAL_COPY_VALUE(&old, &c->blocked_cb);
    if (ZEND_FCI_INITIALIZED(fci)) {
        ZVAL_COPY(&c->blocked_cb, &fci.function_name);
    } else {
        ZVAL_UNDEF(&c->blocked_cb);
    }
    zval_ptr_dtor(&old);
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
        /* already non-blocking; blocking mode would break the connection */
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
    mq_ce_AMQPConnection->create_object = mq_connection_create;

    memcpy(&mq_connection_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
    mq_connection_handlers.offset = XtOffsetOf(php_mq_connection, std);
    mq_connection_handlers.free_obj = mq_connection_free;
    mq_connection_handlers.get_gc = mq_connection_get_gc;
    /* a clone would share the socket: forbidden (§7.22) */
    mq_connection_handlers.clone_obj = NULL;

    php_mq_pool_register(module_number);
}

/* SPDX-License-Identifier: MIT */
/*
 * AMQPConnection (API.md §3.1): the constructor's credential parsing in
 * php-amqp's order and texts, the getters and setters, and the state
 * machine of connect/pconnect/disconnect/pdisconnect/reconnect/preconnect.
 * The configuration lives in the declared private properties (read and
 * written by slot, so var_dump() and reflection look like the peer's),
 * except the password: it is kept only in the C struct and its property
 * holds a mask.  Opening, closing and the persistent pool are in
 * mq_connection_pool.c; this file turns the properties into core
 * parameters and decides what to do in each state.
 */
#include "php_mq_internal.h"
#include "mq_connection.h"
#include "zend_attributes.h"

#include "AMQPConnection_arginfo.h"

zend_class_entry *mq_ce_AMQPConnection;
static zend_object_handlers mq_connection_handlers;

/* What the password property shows instead of the password (§7.23). */
#define MQ_PASSWORD_MASK "********"

#define MQ_DEFAULT_CHANNEL_MAX 256
#define MQ_DEFAULT_FRAME_MAX 131072

static const char *const conn_prop_names[] = {
    "login", "password", "host", "vhost", "port", "readTimeout", "writeTimeout",
    "connectTimeout", "rpcTimeout", "frameMax", "channelMax", "heartbeat", "cacert", "key",
    "cert", "verify", "saslMethod", "connectionName"
};

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
    zend_object_std_dtor(obj);
}

/* ---- properties by slot ----------------------------------------------- */

static zval *conn_slot(zend_object *obj, int n)
{
    zval *zv = PHP_MQ_PROP(obj, n);
    ZVAL_DEREF(zv);
    return zv;
}

/* The value of slot n, or NULL with the engine's Error when the
 * constructor never initialised it. */
static zval *conn_read(zend_object *obj, int n)
{
    zval *zv = conn_slot(obj, n);

    if (Z_ISUNDEF_P(zv)) {
        zend_throw_error(NULL, "Typed property AMQPConnection::$%s must not be accessed before initialization",
                         conn_prop_names[n]);
        return NULL;
    }
    return zv;
}

/* Stores value (taken over) in slot n; the old value is released last. */
static void conn_write(zend_object *obj, int n, zval *value)
{
    zval *slot = conn_slot(obj, n);
    zval old;

    ZVAL_COPY_VALUE(&old, slot);
    ZVAL_COPY_VALUE(slot, value);
    zval_ptr_dtor(&old);
}

static void conn_write_str(zend_object *obj, int n, zend_string *s) /* s taken over */
{
    zval v;
    ZVAL_STR(&v, s);
    conn_write(obj, n, &v);
}

static void conn_write_nullable_str(zend_object *obj, int n, zend_string *s) /* NULL or taken over */
{
    zval v;
    if (s) {
        ZVAL_STR(&v, s);
    } else {
        ZVAL_PTR(&v, NULL); /* a defined value word for the copy */
        ZVAL_NULL(&v);
    }
    conn_write(obj, n, &v);
}

static void conn_write_long(zend_object *obj, int n, zend_long l)
{
    zval v;
    ZVAL_LONG(&v, l);
    conn_write(obj, n, &v);
}

static void conn_write_double(zend_object *obj, int n, double d)
{
    zval v;
    ZVAL_DOUBLE(&v, d);
    conn_write(obj, n, &v);
}

static void conn_write_bool(zend_object *obj, int n, bool b)
{
    zval v;
    ZVAL_BOOL(&v, b);
    conn_write(obj, n, &v);
}

static double conn_double(zend_object *obj, int n)
{
    zval *zv = conn_slot(obj, n);
    return Z_TYPE_P(zv) == IS_DOUBLE ? Z_DVAL_P(zv) : 0.0;
}

static zend_long conn_long(zend_object *obj, int n)
{
    zval *zv = conn_slot(obj, n);
    return Z_TYPE_P(zv) == IS_LONG ? Z_LVAL_P(zv) : 0;
}

/* Getter body: return slot n as it is. */
static void conn_return_prop(zend_object *obj, int n, zval *return_value)
{
    zval *zv = conn_read(obj, n);
    if (zv) {
        ZVAL_COPY(return_value, zv);
    }
}

static bool conn_is_open(const php_mq_connection *c)
{
    return c->res && php_mq_res_is_open(c->res);
}

/* Applies the stored read/write/RPC timeouts to an open connection. */
static void conn_apply_timeouts(zend_object *obj, php_mq_connection *c)
{
    if (conn_is_open(c)) {
        mq_conn_set_timeouts(c->res->conn, conn_double(obj, MQ_CONN_PROP_READ_TIMEOUT),
                             conn_double(obj, MQ_CONN_PROP_WRITE_TIMEOUT),
                             conn_double(obj, MQ_CONN_PROP_RPC_TIMEOUT));
    }
}

/* ---- constructor ------------------------------------------------------ */

static const char *ini_str(const char *name)
{
    const char *v = INI_STR(name);
    return v ? v : "";
}

static zval *cred(HashTable *ht, const char *key)
{
    return ht ? zend_hash_str_find_deref(ht, key, strlen(key)) : NULL;
}

/* (string) of credentials[key] when present and non-empty, else a copy of
 * the ini value (ini NULL: ""); NULL with an exception when the value
 * cannot be converted. */
static zend_string *cred_string(HashTable *ht, const char *key, const char *ini)
{
    zval *zv = cred(ht, key);
    const char *v;

    if (zv) {
        zend_string *s = zval_try_get_string(zv);
        if (!s) {
            return NULL;
        }
        if (ZSTR_LEN(s) > 0) {
            return s;
        }
        zend_string_release(s);
    }
    if (!ini) {
        return ZSTR_EMPTY_ALLOC();
    }
    v = ini_str(ini);
    return zend_string_init(v, strlen(v), 0);
}

/* A (string) option with a length limit: login, password, host, vhost. */
static zend_string *cred_limited(HashTable *ht, const char *key, const char *ini, size_t max)
{
    zend_string *s = cred_string(ht, key, ini);

    if (s && ZSTR_LEN(s) > max) {
        zend_string_release(s);
        php_mq_throwf(mq_ce_AMQPConnectionException, 0, "Parameter '%s' exceeds %zu character limit.",
                      key, max);
        return NULL;
    }
    return s;
}

/* cacert/key/cert: the key or the ini value when non-empty, else null. */
static zend_result cred_file(zend_object *obj, HashTable *ht, const char *key, const char *ini, int slot)
{
    zend_string *s = cred_string(ht, key, ini);

    if (!s) {
        return FAILURE;
    }
    if (ZSTR_LEN(s) == 0) {
        zend_string_release(s);
        s = NULL;
    }
    conn_write_nullable_str(obj, slot, s);
    return SUCCESS;
}

/* A (float) timeout validated >= 0, else the ini value. */
static zend_result cred_timeout(zend_object *obj, HashTable *ht, const char *key, const char *ini, int slot)
{
    zval *zv = cred(ht, key);
    double d;

    if (!zv) {
        conn_write_double(obj, slot, INI_FLT(ini));
        return SUCCESS;
    }
    d = zval_get_double(zv);
    if (EG(exception)) {
        return FAILURE;
    }
    if (!(d >= 0)) {
        php_mq_throwf(mq_ce_AMQPConnectionException, 0,
                      "Parameter '%s' must be greater than or equal to zero.", key);
        return FAILURE;
    }
    conn_write_double(obj, slot, d);
    return SUCCESS;
}

/* An (int) option, else the ini value. */
static zend_result cred_long(HashTable *ht, const char *key, const char *ini, zend_long *out)
{
    zval *zv = cred(ht, key);

    *out = zv ? zval_get_long(zv) : INI_INT(ini);
    return EG(exception) ? FAILURE : SUCCESS;
}

/* Read timeout: read_timeout, else the deprecated timeout, else the ini
 * settings, with php-amqp's diagnostics (§3.1.2). */
static zend_result cred_read_timeout(zend_object *obj, HashTable *ht)
{
    double d;

    if (cred(ht, "read_timeout")) {
        if (cred_timeout(obj, ht, "read_timeout", "amqp.read_timeout", MQ_CONN_PROP_READ_TIMEOUT) == FAILURE) {
            return FAILURE;
        }
        if (cred(ht, "timeout")) {
            php_error_docref(NULL, E_NOTICE, "Parameter 'timeout' is deprecated, 'read_timeout' used instead");
        }
        return EG(exception) ? FAILURE : SUCCESS;
    }
    if (cred(ht, "timeout")) {
        php_error_docref(NULL, E_DEPRECATED, "Parameter 'timeout' is deprecated; use 'read_timeout' instead");
        if (EG(exception)) {
            return FAILURE;
        }
        return cred_timeout(obj, ht, "timeout", "amqp.timeout", MQ_CONN_PROP_READ_TIMEOUT);
    }
    if (ini_str("amqp.timeout")[0] != '\0') {
        php_error_docref(NULL, E_DEPRECATED,
                         "INI setting 'amqp.timeout' is deprecated; use 'amqp.read_timeout' instead");
        if (strcmp(ini_str("amqp.read_timeout"), "0") == 0) {
            d = INI_FLT("amqp.timeout");
        } else {
            php_error_docref(NULL, E_NOTICE,
                             "INI setting 'amqp.read_timeout' will be used instead of 'amqp.timeout'");
            d = INI_FLT("amqp.read_timeout");
        }
    } else {
        d = INI_FLT("amqp.read_timeout");
    }
    conn_write_double(obj, MQ_CONN_PROP_READ_TIMEOUT, d);
    return EG(exception) ? FAILURE : SUCCESS;
}

/* verify: booleans, "true"/"false"/"on"/"off"/"yes"/"no"/"1"/"0" (§7.10),
 * other values like (int). */
static bool cred_verify(HashTable *ht)
{
    zval *zv = cred(ht, "verify");

    if (!zv) {
        return INI_INT("amqp.verify") != 0;
    }
    if (Z_TYPE_P(zv) == IS_STRING) {
        return zend_ini_parse_bool(Z_STR_P(zv));
    }
    return zval_get_long(zv) != 0;
}

static void throw_sasl_method(void)
{
    php_mq_throwf(mq_ce_AMQPConnectionException, 0,
                  "Invalid SASL method given. Method must be AMQP_SASL_METHOD_PLAIN or AMQP_SASL_METHOD_EXTERNAL.");
}

ZEND_METHOD(AMQPConnection, __construct)
{
    HashTable *ht = NULL;
    zend_object *obj = Z_OBJ_P(ZEND_THIS);
    php_mq_connection *c = php_mq_connection_from_obj(obj);
    zend_string *s;
    zend_long l;
    zval *zv;

    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_ARRAY_HT(ht)
    ZEND_PARSE_PARAMETERS_END();

    if (!(s = cred_limited(ht, "login", "amqp.login", 1024))) {
        RETURN_THROWS();
    }
    conn_write_str(obj, MQ_CONN_PROP_LOGIN, s);

    if (!(s = cred_limited(ht, "password", "amqp.password", 1024))) {
        RETURN_THROWS();
    }
    if (c->password) {
        zend_string_release(c->password);
    }
    c->password = s;
    conn_write_str(obj, MQ_CONN_PROP_PASSWORD, zend_string_init(ZEND_STRL(MQ_PASSWORD_MASK), 0));

    if (!(s = cred_limited(ht, "host", "amqp.host", 512))) {
        RETURN_THROWS();
    }
    conn_write_str(obj, MQ_CONN_PROP_HOST, s);

    if (!(s = cred_limited(ht, "vhost", "amqp.vhost", 512))) {
        RETURN_THROWS();
    }
    conn_write_str(obj, MQ_CONN_PROP_VHOST, s);

    if (cred_long(ht, "port", "amqp.port", &l) == FAILURE) {
        RETURN_THROWS();
    }
    if (l < 1 || l > 65535) {
        php_mq_throwf(mq_ce_AMQPConnectionException, 0,
                      "Parameter 'port' must be a valid port number between 1 and 65535.");
        RETURN_THROWS();
    }
    conn_write_long(obj, MQ_CONN_PROP_PORT, l);

    if (cred_read_timeout(obj, ht) == FAILURE
        || cred_timeout(obj, ht, "write_timeout", "amqp.write_timeout", MQ_CONN_PROP_WRITE_TIMEOUT) == FAILURE
        || cred_timeout(obj, ht, "rpc_timeout", "amqp.rpc_timeout", MQ_CONN_PROP_RPC_TIMEOUT) == FAILURE
        || cred_timeout(obj, ht, "connect_timeout", "amqp.connect_timeout", MQ_CONN_PROP_CONNECT_TIMEOUT) == FAILURE) {
        RETURN_THROWS();
    }

    /* channel_max and frame_max: 0 means the default (§7.9) */
    if (cred_long(ht, "channel_max", "amqp.channel_max", &l) == FAILURE) {
        RETURN_THROWS();
    }
    if (l == 0) {
        l = MQ_DEFAULT_CHANNEL_MAX;
    }
    if (l < 1 || l > MQ_DEFAULT_CHANNEL_MAX) {
        php_mq_throwf(mq_ce_AMQPConnectionException, 0, "Parameter 'channel_max' is out of range.");
        RETURN_THROWS();
    }
    conn_write_long(obj, MQ_CONN_PROP_CHANNEL_MAX, l);

    if (cred_long(ht, "frame_max", "amqp.frame_max", &l) == FAILURE) {
        RETURN_THROWS();
    }
    if (l == 0) {
        l = MQ_DEFAULT_FRAME_MAX;
    }
    if (l < 1 || l > 2147483647) {
        php_mq_throwf(mq_ce_AMQPConnectionException, 0, "Parameter 'frame_max' is out of range.");
        RETURN_THROWS();
    }
    conn_write_long(obj, MQ_CONN_PROP_FRAME_MAX, l);

    if (cred_long(ht, "heartbeat", "amqp.heartbeat", &l) == FAILURE) {
        RETURN_THROWS();
    }
    if (l < 0 || l > 2147483647) {
        php_mq_throwf(mq_ce_AMQPConnectionException, 0, "Parameter 'heartbeat' is out of range.");
        RETURN_THROWS();
    }
    conn_write_long(obj, MQ_CONN_PROP_HEARTBEAT, l);

    /* validated here too, unlike the peer, which aborts at connect (§7.25) */
    if (cred_long(ht, "sasl_method", "amqp.sasl_method", &l) == FAILURE) {
        RETURN_THROWS();
    }
    if (l != MQ_SASL_PLAIN && l != MQ_SASL_EXTERNAL) {
        throw_sasl_method();
        RETURN_THROWS();
    }
    conn_write_long(obj, MQ_CONN_PROP_SASL_METHOD, l);

    if (cred_file(obj, ht, "cacert", "amqp.cacert", MQ_CONN_PROP_CACERT) == FAILURE
        || cred_file(obj, ht, "key", "amqp.key", MQ_CONN_PROP_KEY) == FAILURE
        || cred_file(obj, ht, "cert", "amqp.cert", MQ_CONN_PROP_CERT) == FAILURE) {
        RETURN_THROWS();
    }

    conn_write_bool(obj, MQ_CONN_PROP_VERIFY, cred_verify(ht));
    if (EG(exception)) {
        RETURN_THROWS();
    }

    zv = cred(ht, "connection_name");
    s = NULL;
    if (zv) {
        if (!(s = zval_try_get_string(zv))) {
            RETURN_THROWS();
        }
        if (ZSTR_LEN(s) == 0) {
            zend_string_release(s);
            s = NULL;
        }
    }
    conn_write_nullable_str(obj, MQ_CONN_PROP_CONNECTION_NAME, s);
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
        if (!conn_read(obj, required[i])) {
            return false;
        }
    }
    host = conn_slot(obj, MQ_CONN_PROP_HOST);
    vhost = conn_slot(obj, MQ_CONN_PROP_VHOST);
    login = conn_slot(obj, MQ_CONN_PROP_LOGIN);
    cacert = conn_slot(obj, MQ_CONN_PROP_CACERT);
    cert = conn_slot(obj, MQ_CONN_PROP_CERT);
    key = conn_slot(obj, MQ_CONN_PROP_KEY);
    name = conn_slot(obj, MQ_CONN_PROP_CONNECTION_NAME);

    memset(p, 0, sizeof(*p));
    p->host = Z_STRVAL_P(host);
    p->port = (uint16_t)conn_long(obj, MQ_CONN_PROP_PORT);
    p->vhost = mq_bytes_of(Z_STRVAL_P(vhost), Z_STRLEN_P(vhost));
    p->login = mq_bytes_of(Z_STRVAL_P(login), Z_STRLEN_P(login));
    if (c->password) {
        p->password = mq_bytes_of(ZSTR_VAL(c->password), ZSTR_LEN(c->password));
    } else {
        zval *pw = conn_slot(obj, MQ_CONN_PROP_PASSWORD);
        p->password = mq_bytes_of(Z_STRVAL_P(pw), Z_STRLEN_P(pw));
    }
    p->sasl = (int)conn_long(obj, MQ_CONN_PROP_SASL_METHOD);
    p->channel_max = (uint16_t)MIN(conn_long(obj, MQ_CONN_PROP_CHANNEL_MAX), 65535);
    p->frame_max = (uint32_t)conn_long(obj, MQ_CONN_PROP_FRAME_MAX);
    heartbeat = conn_long(obj, MQ_CONN_PROP_HEARTBEAT);
    p->heartbeat = (uint16_t)(heartbeat > 65535 ? 65535 : (heartbeat < 0 ? 0 : heartbeat));
    p->connect_timeout = conn_double(obj, MQ_CONN_PROP_CONNECT_TIMEOUT);
    p->read_timeout = conn_double(obj, MQ_CONN_PROP_READ_TIMEOUT);
    p->write_timeout = conn_double(obj, MQ_CONN_PROP_WRITE_TIMEOUT);
    p->rpc_timeout = conn_double(obj, MQ_CONN_PROP_RPC_TIMEOUT);
    /* TLS when a CA file is set; the client certificate only with a key */
    if (Z_TYPE_P(cacert) == IS_STRING && Z_STRLEN_P(cacert) > 0) {
        p->tls = true;
        p->cacert = Z_STRVAL_P(cacert);
    }
    if (Z_TYPE_P(cert) == IS_STRING && Z_STRLEN_P(cert) > 0 && Z_TYPE_P(key) == IS_STRING
        && Z_STRLEN_P(key) > 0) {
        p->cert = Z_STRVAL_P(cert);
        p->key = Z_STRVAL_P(key);
    }
    p->verify = Z_TYPE_P(conn_slot(obj, MQ_CONN_PROP_VERIFY)) != IS_FALSE;
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
    return SUCCESS;
}

static void throw_conn(const char *msg)
{
    php_mq_throwf(mq_ce_AMQPConnectionException, 0, "%s", msg);
}

ZEND_METHOD(AMQPConnection, isConnected)
{
    ZEND_PARSE_PARAMETERS_NONE();
    RETURN_BOOL(conn_is_open(php_mq_connection_from_obj(Z_OBJ_P(ZEND_THIS))));
}

ZEND_METHOD(AMQPConnection, connect)
{
    php_mq_connection *c = php_mq_connection_from_obj(Z_OBJ_P(ZEND_THIS));

    ZEND_PARSE_PARAMETERS_NONE();
    if (conn_is_open(c)) {
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
    if (conn_is_open(c)) {
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
    if (!conn_is_open(c)) {
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
    if (!conn_is_open(c)) {
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
    if (conn_is_open(c)) {
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
    if (conn_is_open(c)) {
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

/* ---- getters and setters ---------------------------------------------- */

#define MQ_CONN_GETTER(method, slot)                                   \
    ZEND_METHOD(AMQPConnection, method)                                \
    {                                                                  \
        ZEND_PARSE_PARAMETERS_NONE();                                  \
        conn_return_prop(Z_OBJ_P(ZEND_THIS), (slot), return_value);    \
    }

MQ_CONN_GETTER(getLogin, MQ_CONN_PROP_LOGIN)
MQ_CONN_GETTER(getHost, MQ_CONN_PROP_HOST)
MQ_CONN_GETTER(getPort, MQ_CONN_PROP_PORT)
MQ_CONN_GETTER(getVhost, MQ_CONN_PROP_VHOST)
MQ_CONN_GETTER(getReadTimeout, MQ_CONN_PROP_READ_TIMEOUT)
MQ_CONN_GETTER(getWriteTimeout, MQ_CONN_PROP_WRITE_TIMEOUT)
MQ_CONN_GETTER(getConnectTimeout, MQ_CONN_PROP_CONNECT_TIMEOUT)
MQ_CONN_GETTER(getRpcTimeout, MQ_CONN_PROP_RPC_TIMEOUT)
MQ_CONN_GETTER(getCACert, MQ_CONN_PROP_CACERT)
MQ_CONN_GETTER(getCert, MQ_CONN_PROP_CERT)
MQ_CONN_GETTER(getKey, MQ_CONN_PROP_KEY)
MQ_CONN_GETTER(getVerify, MQ_CONN_PROP_VERIFY)
MQ_CONN_GETTER(getSaslMethod, MQ_CONN_PROP_SASL_METHOD)
MQ_CONN_GETTER(getConnectionName, MQ_CONN_PROP_CONNECTION_NAME)

ZEND_METHOD(AMQPConnection, getPassword)
{
    php_mq_connection *c = php_mq_connection_from_obj(Z_OBJ_P(ZEND_THIS));

    ZEND_PARSE_PARAMETERS_NONE();
    if (c->password) {
        RETURN_STR_COPY(c->password);
    }
    conn_return_prop(Z_OBJ_P(ZEND_THIS), MQ_CONN_PROP_PASSWORD, return_value);
}

ZEND_METHOD(AMQPConnection, getTimeout)
{
    php_error_docref(NULL, E_DEPRECATED,
                     "AMQPConnection::getTimeout() method is deprecated; use AMQPConnection::getReadTimeout() instead");
    if (EG(exception)) {
        RETURN_THROWS();
    }
    ZEND_PARSE_PARAMETERS_NONE();
    conn_return_prop(Z_OBJ_P(ZEND_THIS), MQ_CONN_PROP_READ_TIMEOUT, return_value);
}

/* setLogin/setPassword/setHost/setVhost: a string with a length limit. */
static zend_string *conn_limited_arg(zend_string *s, const char *name, size_t max, const char *unit)
{
    if (ZSTR_LEN(s) > max) {
        php_mq_throwf(mq_ce_AMQPConnectionException, 0, "Parameter '%s' exceeds %zu %s limit.", name,
                      max, unit);
        return NULL;
    }
    return s;
}

ZEND_METHOD(AMQPConnection, setLogin)
{
    zend_string *s;

    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(s)
    ZEND_PARSE_PARAMETERS_END();
    if (!conn_limited_arg(s, "login", 1024, "character")) {
        RETURN_THROWS();
    }
    conn_write_str(Z_OBJ_P(ZEND_THIS), MQ_CONN_PROP_LOGIN, zend_string_copy(s));
}

ZEND_METHOD(AMQPConnection, setPassword)
{
    zend_object *obj = Z_OBJ_P(ZEND_THIS);
    php_mq_connection *c = php_mq_connection_from_obj(obj);
    zend_string *s;

    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(s)
    ZEND_PARSE_PARAMETERS_END();
    if (!conn_limited_arg(s, "password", 1024, "character")) {
        RETURN_THROWS();
    }
    if (c->password) {
        zend_string_release(c->password);
    }
    c->password = zend_string_copy(s);
    conn_write_str(obj, MQ_CONN_PROP_PASSWORD, zend_string_init(ZEND_STRL(MQ_PASSWORD_MASK), 0));
}

ZEND_METHOD(AMQPConnection, setHost)
{
    zend_string *s;

    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(s)
    ZEND_PARSE_PARAMETERS_END();
    if (!conn_limited_arg(s, "host", 512, "character")) {
        RETURN_THROWS();
    }
    conn_write_str(Z_OBJ_P(ZEND_THIS), MQ_CONN_PROP_HOST, zend_string_copy(s));
}

ZEND_METHOD(AMQPConnection, setVhost)
{
    zend_string *s;

    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(s)
    ZEND_PARSE_PARAMETERS_END();
    /* "characters limit": the peer's text (sic) */
    if (!conn_limited_arg(s, "vhost", 512, "characters")) {
        RETURN_THROWS();
    }
    conn_write_str(Z_OBJ_P(ZEND_THIS), MQ_CONN_PROP_VHOST, zend_string_copy(s));
}

ZEND_METHOD(AMQPConnection, setPort)
{
    zend_long port;

    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_LONG(port)
    ZEND_PARSE_PARAMETERS_END();
    if (port < 1 || port > 65535) {
        throw_conn("Parameter 'port' must be a valid port number between 1 and 65535.");
        RETURN_THROWS();
    }
    conn_write_long(Z_OBJ_P(ZEND_THIS), MQ_CONN_PROP_PORT, port);
}

/* setTimeout/setReadTimeout/setWriteTimeout/setRpcTimeout: validate,
 * store, apply to an open connection (0 clears, §7.11). */
static void conn_set_timeout(zend_execute_data *execute_data, zval *return_value, int slot,
                             const char *name)
{
    double t;

    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_DOUBLE(t)
    ZEND_PARSE_PARAMETERS_END();
    if (!(t >= 0)) {
        php_mq_throwf(mq_ce_AMQPConnectionException, 0,
                      "Parameter '%s' must be greater than or equal to zero.", name);
        RETURN_THROWS();
    }
    conn_write_double(Z_OBJ_P(ZEND_THIS), slot, t);
    conn_apply_timeouts(Z_OBJ_P(ZEND_THIS), php_mq_connection_from_obj(Z_OBJ_P(ZEND_THIS)));
}

ZEND_METHOD(AMQPConnection, setTimeout)
{
    php_error_docref(NULL, E_DEPRECATED,
                     "AMQPConnection::setTimeout($timeout) method is deprecated; use AMQPConnection::setReadTimeout($timeout) instead");
    if (EG(exception)) {
        RETURN_THROWS();
    }
    conn_set_timeout(execute_data, return_value, MQ_CONN_PROP_READ_TIMEOUT, "timeout");
}

ZEND_METHOD(AMQPConnection, setReadTimeout)
{
    conn_set_timeout(execute_data, return_value, MQ_CONN_PROP_READ_TIMEOUT, "readTimeout");
}

ZEND_METHOD(AMQPConnection, setWriteTimeout)
{
    conn_set_timeout(execute_data, return_value, MQ_CONN_PROP_WRITE_TIMEOUT, "writeTimeout");
}

ZEND_METHOD(AMQPConnection, setRpcTimeout)
{
    conn_set_timeout(execute_data, return_value, MQ_CONN_PROP_RPC_TIMEOUT, "rpcTimeout");
}

/* setCACert/setCert/setKey/setConnectionName: ?string stored verbatim. */
static void conn_set_nullable(zend_execute_data *execute_data, zval *return_value, int slot)
{
    zend_string *s;

    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR_OR_NULL(s)
    ZEND_PARSE_PARAMETERS_END();
    conn_write_nullable_str(Z_OBJ_P(ZEND_THIS), slot, s ? zend_string_copy(s) : NULL);
}

ZEND_METHOD(AMQPConnection, setCACert)
{
    conn_set_nullable(execute_data, return_value, MQ_CONN_PROP_CACERT);
}

ZEND_METHOD(AMQPConnection, setCert)
{
    conn_set_nullable(execute_data, return_value, MQ_CONN_PROP_CERT);
}

ZEND_METHOD(AMQPConnection, setKey)
{
    conn_set_nullable(execute_data, return_value, MQ_CONN_PROP_KEY);
}

ZEND_METHOD(AMQPConnection, setConnectionName)
{
    conn_set_nullable(execute_data, return_value, MQ_CONN_PROP_CONNECTION_NAME);
}

ZEND_METHOD(AMQPConnection, setVerify)
{
    bool verify;

    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_BOOL(verify)
    ZEND_PARSE_PARAMETERS_END();
    conn_write_bool(Z_OBJ_P(ZEND_THIS), MQ_CONN_PROP_VERIFY, verify);
}

ZEND_METHOD(AMQPConnection, setSaslMethod)
{
    zend_long method;

    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_LONG(method)
    ZEND_PARSE_PARAMETERS_END();
    if (method != MQ_SASL_PLAIN && method != MQ_SASL_EXTERNAL) {
        throw_sasl_method();
        RETURN_THROWS();
    }
    conn_write_long(Z_OBJ_P(ZEND_THIS), MQ_CONN_PROP_SASL_METHOD, method);
}

/* ---- state getters ---------------------------------------------------- */

ZEND_METHOD(AMQPConnection, isPersistent)
{
    php_mq_connection *c = php_mq_connection_from_obj(Z_OBJ_P(ZEND_THIS));

    ZEND_PARSE_PARAMETERS_NONE();
    RETURN_BOOL(conn_is_open(c) && c->is_persistent);
}

ZEND_METHOD(AMQPConnection, getUsedChannels)
{
    php_mq_connection *c = php_mq_connection_from_obj(Z_OBJ_P(ZEND_THIS));

    ZEND_PARSE_PARAMETERS_NONE();
    if (conn_is_open(c)) {
        /* collect close-oks (and heartbeats) that already arrived */
        if (mq_conn_service(c->res->conn) < 0) {
            php_mq_res_after_error(c->res);
        }
    }
    if (!conn_is_open(c)) {
        php_error_docref(NULL, E_WARNING, "Connection is not connected.");
        RETURN_LONG(0);
    }
    RETURN_LONG(mq_conn_channels_used(c->res->conn));
}

ZEND_METHOD(AMQPConnection, getMaxChannels)
{
    php_mq_connection *c = php_mq_connection_from_obj(Z_OBJ_P(ZEND_THIS));

    ZEND_PARSE_PARAMETERS_NONE();
    if (conn_is_open(c)) {
        RETURN_LONG(mq_conn_channel_max(c->res->conn));
    }
    conn_return_prop(Z_OBJ_P(ZEND_THIS), MQ_CONN_PROP_CHANNEL_MAX, return_value);
}

ZEND_METHOD(AMQPConnection, getMaxFrameSize)
{
    php_mq_connection *c = php_mq_connection_from_obj(Z_OBJ_P(ZEND_THIS));

    ZEND_PARSE_PARAMETERS_NONE();
    if (conn_is_open(c)) {
        RETURN_LONG(mq_conn_frame_max(c->res->conn));
    }
    conn_return_prop(Z_OBJ_P(ZEND_THIS), MQ_CONN_PROP_FRAME_MAX, return_value);
}

ZEND_METHOD(AMQPConnection, getHeartbeatInterval)
{
    php_mq_connection *c = php_mq_connection_from_obj(Z_OBJ_P(ZEND_THIS));

    ZEND_PARSE_PARAMETERS_NONE();
    if (conn_is_open(c)) {
        RETURN_LONG(mq_conn_heartbeat(c->res->conn));
    }
    conn_return_prop(Z_OBJ_P(ZEND_THIS), MQ_CONN_PROP_HEARTBEAT, return_value);
}

/* ---- registration ----------------------------------------------------- */

void php_mq_register_connection(int module_number)
{
    mq_ce_AMQPConnection = register_class_AMQPConnection();
    mq_ce_AMQPConnection->create_object = mq_connection_create;

    memcpy(&mq_connection_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
    mq_connection_handlers.offset = XtOffsetOf(php_mq_connection, std);
    mq_connection_handlers.free_obj = mq_connection_free;
    /* a clone would share the socket: forbidden (§7.22) */
    mq_connection_handlers.clone_obj = NULL;

    php_mq_pool_register(module_number);
}

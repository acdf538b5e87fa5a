/* SPDX-License-Identifier: MIT */
/*
 * AMQPConnection's configuration (docs/compatibility.md §3.1.2-§3.1.3): the constructor's
 * credential parsing in php-amqp's key order, with its conversions, ini
 * fallbacks, deprecations and exact validation texts, and every getter and
 * setter.  Values live in the declared private properties, read and
 * written by slot; the password lives only in the C struct and its
 * property holds a mask (§7.23).  The read, write and RPC timeouts also
 * apply at once to an open connection.  The mq extension's 'hosts'
 * failover list ('hosts', 'shuffle_hosts'), the constructor's last step,
 * is parsed in mq_connection_hosts.c.
 */
#include "php_mq_internal.h"
#include "mq_connection.h"
#include "mq_recovery.h"

/* What the password property shows instead of the password (§7.23). */
#define MQ_PASSWORD_MASK "********"

#define MQ_DEFAULT_CHANNEL_MAX 256
#define MQ_DEFAULT_FRAME_MAX 131072

/* ---- properties by slot ----------------------------------------------- */

static void conn_write_str(zend_object *obj, int n, zend_string *s) /* s taken over */
{
    zval v;
    ZVAL_STR(&v, s);
    php_mq_conn_write(obj, n, &v);
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
    php_mq_conn_write(obj, n, &v);
}

static void conn_write_double(zend_object *obj, int n, double d)
{
    zval v;
    ZVAL_DOUBLE(&v, d);
    php_mq_conn_write(obj, n, &v);
}

static void conn_write_bool(zend_object *obj, int n, bool b)
{
    zval v;
    ZVAL_BOOL(&v, b);
    php_mq_conn_write(obj, n, &v);
}

/* Applies the stored read/write/RPC timeouts to an open connection. */
static void conn_apply_timeouts(zend_object *obj, php_mq_connection *c)
{
    if (php_mq_conn_is_open(c)) {
        mq_conn_set_timeouts(c->res->conn, php_mq_conn_double(obj, MQ_CONN_PROP_READ_TIMEOUT),
                             php_mq_conn_double(obj, MQ_CONN_PROP_WRITE_TIMEOUT),
                             php_mq_conn_double(obj, MQ_CONN_PROP_RPC_TIMEOUT));
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

/* heartbeat_thread (mq extension, not a declared property: var_dump
 * parity with the peer): the same values as verify; default
 * amqp.heartbeat_thread, whose words (on/yes/true) count too. */
static bool cred_heartbeat_thread(HashTable *ht)
{
    zval *zv = cred(ht, "heartbeat_thread");
    zend_string *ini;
    bool on;

    if (!zv) {
        ini = zend_string_init(ini_str("amqp.heartbeat_thread"), strlen(ini_str("amqp.heartbeat_thread")), 0);
        on = zend_ini_parse_bool(ini);
        zend_string_release(ini);
        return on;
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

    /* from the recovery callback: the running recovery uses this object's
     * configuration and recovery state, which constructing would free */
    if (c->recovery && c->recovery->running) {
        php_mq_throwf(mq_ce_AMQPConnectionException, 0,
                      "AMQPConnection::__construct() cannot be called while the connection is being recovered.");
        RETURN_THROWS();
    }
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
    php_mq_conn_write_long(obj, MQ_CONN_PROP_PORT, l);

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
    php_mq_conn_write_long(obj, MQ_CONN_PROP_CHANNEL_MAX, l);

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
    php_mq_conn_write_long(obj, MQ_CONN_PROP_FRAME_MAX, l);

    if (cred_long(ht, "heartbeat", "amqp.heartbeat", &l) == FAILURE) {
        RETURN_THROWS();
    }
    if (l < 0 || l > 2147483647) {
        php_mq_throwf(mq_ce_AMQPConnectionException, 0, "Parameter 'heartbeat' is out of range.");
        RETURN_THROWS();
    }
    php_mq_conn_write_long(obj, MQ_CONN_PROP_HEARTBEAT, l);

    /* validated here too, unlike the peer, which aborts at connect (§7.25) */
    if (cred_long(ht, "sasl_method", "amqp.sasl_method", &l) == FAILURE) {
        RETURN_THROWS();
    }
    if (l != MQ_SASL_PLAIN && l != MQ_SASL_EXTERNAL) {
        throw_sasl_method();
        RETURN_THROWS();
    }
    php_mq_conn_write_long(obj, MQ_CONN_PROP_SASL_METHOD, l);

    if (cred_file(obj, ht, "cacert", "amqp.cacert", MQ_CONN_PROP_CACERT) == FAILURE
        || cred_file(obj, ht, "key", "amqp.key", MQ_CONN_PROP_KEY) == FAILURE
        || cred_file(obj, ht, "cert", "amqp.cert", MQ_CONN_PROP_CERT) == FAILURE) {
        RETURN_THROWS();
    }

    conn_write_bool(obj, MQ_CONN_PROP_VERIFY, cred_verify(ht));
    if (EG(exception)) {
        RETURN_THROWS();
    }
    c->heartbeat_thread = cred_heartbeat_thread(ht);
    if (EG(exception)) {
        RETURN_THROWS();
    }
    /* automatic recovery (mq extension, mq_recovery.c) */
    if (php_mq_recovery_configure(c, ht) == FAILURE) {
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

    /* mq: a RabbitMQ URI ('uri' key, else ini amqp.uri); explicit keys win */
    if (php_mq_connection_construct_uri(obj, ht) == FAILURE) {
        RETURN_THROWS();
    }
    /* mq: a list of nodes to fail over ('hosts'), last: its entries
     * default to the port the keys above settled on */
    if (php_mq_connection_construct_hosts(obj, ht) == FAILURE) {
        RETURN_THROWS();
    }
}

/* ---- getters and setters ---------------------------------------------- */

#define MQ_CONN_GETTER(method, slot)                                   \
    ZEND_METHOD(AMQPConnection, method)                                \
    {                                                                  \
        ZEND_PARSE_PARAMETERS_NONE();                                  \
        php_mq_conn_return_prop(Z_OBJ_P(ZEND_THIS), (slot), return_value);    \
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
    php_mq_conn_return_prop(Z_OBJ_P(ZEND_THIS), MQ_CONN_PROP_PASSWORD, return_value);
}

ZEND_METHOD(AMQPConnection, getTimeout)
{
    php_error_docref(NULL, E_DEPRECATED,
                     "AMQPConnection::getTimeout() method is deprecated; use AMQPConnection::getReadTimeout() instead");
    if (EG(exception)) {
        RETURN_THROWS();
    }
    ZEND_PARSE_PARAMETERS_NONE();
    php_mq_conn_return_prop(Z_OBJ_P(ZEND_THIS), MQ_CONN_PROP_READ_TIMEOUT, return_value);
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
        php_mq_throwf(mq_ce_AMQPConnectionException, 0,
                      "Parameter 'port' must be a valid port number between 1 and 65535.");
        RETURN_THROWS();
    }
    php_mq_conn_write_long(Z_OBJ_P(ZEND_THIS), MQ_CONN_PROP_PORT, port);
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
    php_mq_conn_write_long(Z_OBJ_P(ZEND_THIS), MQ_CONN_PROP_SASL_METHOD, method);
}

/* SPDX-License-Identifier: MIT */
/*
 * RabbitMQ connection URIs for AMQPConnection (an mq extension of the
 * php-amqp API): the constructor's 'uri' credentials key and the ini
 * default amqp.uri.  The core parses (src/amqp/mq_uri.c); this file
 * checks the values against the constructor's own limits and writes them
 * into the declared property slots, the password (with its mask in the
 * property), TLS and SNI into the C struct.  What the URI leaves out keeps
 * the value the constructor gave it (explicit key or ini), except the port,
 * which always follows the scheme (5672 / 5671) unless given.  Explicit
 * credentials keys win over the URI.  Errors are AMQPConnectionException
 * code 0 "Invalid URI: ..." and never show the password.  Also the
 * phpinfo() displayer of amqp.uri, which masks the password.
 */
#include "php_mq_internal.h"
#include "mq_connection.h"
#include "mq_uri.h"
#include "php_main.h" /* php_html_puts */
#include "SAPI.h"

/* What the password property shows (as mq_connection_config.c). */
#define MQ_URI_PASSWORD_MASK "********"
/* The constructor's defaults and limits (mq_connection_config.c). */
#define MQ_URI_DEFAULT_CHANNEL_MAX 256
#define MQ_URI_DEFAULT_FRAME_MAX 131072
#define MQ_URI_MAX_FRAME_MAX 2147483647

/* Does the constructor's array give `key` itself?  For string settings
 * null, false and "" do not count: the constructor falls back to the ini
 * value for them, and so the URI applies. */
static bool explicit_key(HashTable *ht, const char *key, bool is_string)
{
    zval *zv;

    if (!ht || !(zv = zend_hash_str_find_deref(ht, key, strlen(key)))) {
        return false;
    }
    if (is_string) {
        return !(Z_TYPE_P(zv) == IS_NULL || Z_TYPE_P(zv) == IS_FALSE
                 || (Z_TYPE_P(zv) == IS_STRING && Z_STRLEN_P(zv) == 0));
    }
    return true;
}

static void write_str(zend_object *obj, int slot, const char *s, size_t len)
{
    zval v;
    ZVAL_STRINGL(&v, s, len);
    php_mq_conn_write(obj, slot, &v);
}

static void write_double(zend_object *obj, int slot, double d)
{
    zval v;
    ZVAL_DOUBLE(&v, d);
    php_mq_conn_write(obj, slot, &v);
}

static void write_bool(zend_object *obj, int slot, bool b)
{
    zval v;
    ZVAL_BOOL(&v, b);
    php_mq_conn_write(obj, slot, &v);
}

static zend_result throw_invalid(const char *what)
{
    php_mq_throwf(mq_ce_AMQPConnectionException, 0, "Invalid URI: %s", what);
    return FAILURE;
}

/* Checks the values against the constructor's limits before anything is
 * written, so that a failure changes nothing. */
static zend_result check_limits(const mq_uri *u)
{
    if ((u->set & MQ_URI_USER) && u->user.len > 1024) {
        return throw_invalid("the user name exceeds 1024 characters");
    }
    if ((u->set & MQ_URI_PASSWORD) && u->password.len > 1024) {
        return throw_invalid("the password exceeds 1024 characters");
    }
    if ((u->set & MQ_URI_HOST) && strlen(u->host) > 512) {
        return throw_invalid("the host exceeds 512 characters");
    }
    if ((u->set & MQ_URI_VHOST) && u->vhost.len > 512) {
        return throw_invalid("the vhost exceeds 512 characters");
    }
    if ((u->set & MQ_URI_CHANNEL_MAX) && u->channel_max > MQ_URI_DEFAULT_CHANNEL_MAX) {
        return throw_invalid("URI parameter 'channel_max' is out of range (0 to 256)");
    }
    if ((u->set & MQ_URI_FRAME_MAX) && u->frame_max > MQ_URI_MAX_FRAME_MAX) {
        return throw_invalid("URI parameter 'frame_max' is out of range (0 to 2147483647)");
    }
    return SUCCESS;
}

/* Writes what the URI gives, except the settings given explicitly. */
static void apply(zend_object *obj, const mq_uri *u, HashTable *ex)
{
    php_mq_connection *c = php_mq_connection_from_obj(obj);

    if ((u->set & MQ_URI_USER) && !explicit_key(ex, "login", true)) {
        write_str(obj, MQ_CONN_PROP_LOGIN, u->user.ptr, u->user.len);
    }
    if ((u->set & MQ_URI_PASSWORD) && !explicit_key(ex, "password", true)) {
        if (c->password) {
            zend_string_release(c->password);
        }
        c->password = zend_string_init(u->password.ptr, u->password.len, 0);
        write_str(obj, MQ_CONN_PROP_PASSWORD, ZEND_STRL(MQ_URI_PASSWORD_MASK));
    }
    if ((u->set & MQ_URI_HOST) && !explicit_key(ex, "host", true)) {
        write_str(obj, MQ_CONN_PROP_HOST, u->host, strlen(u->host));
    }
    /* the port follows the scheme even when the URI gives none */
    if (!explicit_key(ex, "port", false)) {
        php_mq_conn_write_long(obj, MQ_CONN_PROP_PORT, u->port);
    }
    if ((u->set & MQ_URI_VHOST) && !explicit_key(ex, "vhost", true)) {
        write_str(obj, MQ_CONN_PROP_VHOST, u->vhost.ptr, u->vhost.len);
    }
    if ((u->set & MQ_URI_HEARTBEAT) && !explicit_key(ex, "heartbeat", false)) {
        php_mq_conn_write_long(obj, MQ_CONN_PROP_HEARTBEAT, u->heartbeat);
    }
    if ((u->set & MQ_URI_CONNECTION_TIMEOUT) && !explicit_key(ex, "connect_timeout", false)) {
        write_double(obj, MQ_CONN_PROP_CONNECT_TIMEOUT, u->connection_timeout);
    }
    if ((u->set & MQ_URI_CHANNEL_MAX) && !explicit_key(ex, "channel_max", false)) {
        php_mq_conn_write_long(obj, MQ_CONN_PROP_CHANNEL_MAX,
                               u->channel_max ? u->channel_max : MQ_URI_DEFAULT_CHANNEL_MAX);
    }
    if ((u->set & MQ_URI_FRAME_MAX) && !explicit_key(ex, "frame_max", false)) {
        php_mq_conn_write_long(obj, MQ_CONN_PROP_FRAME_MAX,
                               u->frame_max ? (zend_long)u->frame_max : MQ_URI_DEFAULT_FRAME_MAX);
    }
    if ((u->set & MQ_URI_AUTH_MECHANISM) && !explicit_key(ex, "sasl_method", false)) {
        php_mq_conn_write_long(obj, MQ_CONN_PROP_SASL_METHOD, u->auth_mechanism);
    }
    if ((u->set & MQ_URI_CACERTFILE) && !explicit_key(ex, "cacert", true)) {
        write_str(obj, MQ_CONN_PROP_CACERT, u->cacertfile, strlen(u->cacertfile));
    }
    if ((u->set & MQ_URI_CERTFILE) && !explicit_key(ex, "cert", true)) {
        write_str(obj, MQ_CONN_PROP_CERT, u->certfile, strlen(u->certfile));
    }
    if ((u->set & MQ_URI_KEYFILE) && !explicit_key(ex, "key", true)) {
        write_str(obj, MQ_CONN_PROP_KEY, u->keyfile, strlen(u->keyfile));
    }
    if ((u->set & MQ_URI_VERIFY) && !explicit_key(ex, "verify", false)) {
        write_bool(obj, MQ_CONN_PROP_VERIFY, u->verify);
    }
    /* no credentials keys exist for these two */
    if (u->tls) {
        c->uri_tls = true;
    }
    if (u->set & MQ_URI_SERVER_NAME_INDICATION) {
        if (c->sni) {
            zend_string_release(c->sni);
        }
        c->sni = zend_string_init(u->server_name_indication, strlen(u->server_name_indication), 0);
    }
}

zend_result php_mq_connection_apply_uri_ex(zend_object *conn_obj, const char *uri, size_t len,
                                           HashTable *explicit_keys)
{
    mq_uri u;
    mq_error err;

    if (mq_uri_parse(uri, len, &u, &err) != MQ_OK) {
        /* err.text never holds the password (mq_uri.h) */
        return throw_invalid(err.text);
    }
    if (check_limits(&u) == FAILURE) {
        mq_uri_free(&u);
        return FAILURE;
    }
    apply(conn_obj, &u, explicit_keys);
    mq_uri_free(&u);
    return SUCCESS;
}

zend_result php_mq_connection_apply_uri(zend_object *conn_obj, const char *uri, size_t len)
{
    return php_mq_connection_apply_uri_ex(conn_obj, uri, len, NULL);
}

zend_result php_mq_connection_construct_uri(zend_object *conn_obj, HashTable *credentials)
{
    php_mq_connection *c = php_mq_connection_from_obj(conn_obj);
    zval *zv = credentials ? zend_hash_str_find_deref(credentials, ZEND_STRL("uri")) : NULL;
    const char *ini;
    zend_result rc;

    /* a second __construct starts from scratch */
    c->uri_tls = false;
    if (c->sni) {
        zend_string_release(c->sni);
        c->sni = NULL;
    }
    if (zv && Z_TYPE_P(zv) != IS_NULL) {
        zend_string *s = zval_try_get_string(zv);
        if (!s) {
            return FAILURE;
        }
        if (ZSTR_LEN(s) > 0) {
            rc = php_mq_connection_apply_uri_ex(conn_obj, ZSTR_VAL(s), ZSTR_LEN(s), credentials);
            zend_string_release(s);
            return rc;
        }
        zend_string_release(s);
    }
    ini = INI_STR("amqp.uri");
    if (ini && ini[0] != '\0') {
        return php_mq_connection_apply_uri_ex(conn_obj, ini, strlen(ini), credentials);
    }
    return SUCCESS;
}

ZEND_INI_MH(php_mq_ini_on_update_uri)
{
    mq_uri u;

    if (stage != ZEND_INI_STAGE_RUNTIME || ZSTR_LEN(new_value) == 0) {
        return SUCCESS;
    }
    if (mq_uri_parse(ZSTR_VAL(new_value), ZSTR_LEN(new_value), &u, NULL) != MQ_OK) {
        return FAILURE;
    }
    mq_uri_free(&u);
    return SUCCESS;
}

/* phpinfo(): like PHP's own displayer, with the password masked. */
ZEND_INI_DISP(php_mq_ini_display_uri)
{
    zend_string *value = (type == ZEND_INI_DISPLAY_ORIG && ini_entry->modified)
                             ? ini_entry->orig_value : ini_entry->value;

    if (value && ZSTR_LEN(value) > 0) {
        size_t need = mq_uri_mask(ZSTR_VAL(value), ZSTR_LEN(value), NULL, 0);
        char *masked = emalloc(need + 1);

        mq_uri_mask(ZSTR_VAL(value), ZSTR_LEN(value), masked, need + 1);
        if (sapi_module.phpinfo_as_text) {
            PHPWRITE(masked, need);
        } else {
            php_html_puts(masked, need);
        }
        efree(masked);
    } else if (sapi_module.phpinfo_as_text) {
        PUTS("no value");
    } else {
        PUTS("<i>no value</i>");
    }
}

/* SPDX-License-Identifier: MIT */
/*
 * AMQPConnection's 'hosts' failover list (mq extension): the constructor's
 * 'hosts' and 'shuffle_hosts' keys, run after every other key, validated
 * entry by entry into the C struct (never a property; a bad entry is named
 * by its index, and a value that may hold a password is never shown), and
 * the list's link to the host/port properties, which always show its
 * current node: what setHost()/setPort() put there is synced back into the
 * list before the list is used.  The failover walk and the pool key per
 * set of nodes are in mq_connection.c; the other constructor keys in
 * mq_connection_config.c.
 */
#include "php_mq_internal.h"
#include "mq_connection.h"
#include "ext/random/php_random.h" /* php_mt_rand_range: shuffle_hosts */

/* ---- the constructor's 'hosts' and 'shuffle_hosts' -------------------- */

/* credentials[key], a reference followed; NULL when absent or without
 * credentials (as in mq_connection_config.c). */
static zval *cred(HashTable *ht, const char *key)
{
    return ht ? zend_hash_str_find_deref(ht, key, strlen(key)) : NULL;
}

/* The longest host name or address, as for the 'host' key. */
#define MQ_HOST_MAX 512

void php_mq_connection_hosts_free(php_mq_connection *c)
{
    uint32_t i;

    if (!c->hosts) {
        return;
    }
    for (i = 0; i < c->host_count; i++) {
        if (c->hosts[i].host) {
            zend_string_release(c->hosts[i].host);
        }
    }
    efree(c->hosts);
    c->hosts = NULL;
    c->host_count = 0;
    c->host_current = 0;
}

static zend_result throw_hosts(const char *fmt, ...) ZEND_ATTRIBUTE_FORMAT(printf, 1, 2);
static zend_result throw_hosts(const char *fmt, ...)
{
    va_list ap;
    char *msg;

    va_start(ap, fmt);
    zend_vspprintf(&msg, 0, fmt, ap);
    va_end(ap);
    php_mq_throwf(mq_ce_AMQPConnectionException, 0, "Parameter 'hosts' %s", msg);
    efree(msg);
    return FAILURE;
}

/* A host with a NUL byte or user info: shown without its value (user
 * info may hold a password). */
static zend_result hosts_invalid(uint32_t n)
{
    return throw_hosts("entry %u is not a valid host (no user info or NUL bytes allowed).", n);
}

/* Checks a host (brackets already taken off) and copies it to *out. */
static zend_result hosts_check_host(uint32_t n, const char *h, size_t len, const char *shown,
                                    zend_string **out)
{
    size_t i, colons = 0;

    if (len == 0) {
        return throw_hosts("entry %u has an empty host.", n);
    }
    if (len > MQ_HOST_MAX) {
        return throw_hosts("entry %u exceeds %d character limit.", n, MQ_HOST_MAX);
    }
    for (i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)h[i];
        if (ch <= ' ' || ch == 0x7f || strchr("/?#[],", ch)) {
            return throw_hosts("entry %u is not a valid host: %s.", n, shown);
        }
        colons += ch == ':';
    }
    /* "name:port" belongs in a string entry; only IPv6 has colons */
    if (colons == 1) {
        return throw_hosts("entry %u is not a valid host: %s.", n, shown);
    }
    *out = zend_string_init(h, len, 0);
    return SUCCESS;
}

/* Digits only, 1 to 65535. */
static bool hosts_port_value(const char *s, size_t len, uint16_t *port)
{
    zend_ulong v = 0;
    size_t i;

    if (len == 0 || len > 5) {
        return false;
    }
    for (i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return false;
        }
        v = v * 10 + (zend_ulong)(s[i] - '0');
    }
    if (v < 1 || v > 65535) {
        return false;
    }
    *port = (uint16_t)v;
    return true;
}

/* "host", "host:port", "[v6addr]", "[v6addr]:port" or a bare IPv6
 * address (two colons or more: no port). */
static zend_result hosts_parse_string(uint32_t n, zend_string *entry, php_mq_host *h)
{
    const char *s = ZSTR_VAL(entry), *host = s, *port = NULL, *colon;
    size_t len = ZSTR_LEN(entry), host_len = len, port_len = 0;

    /* a bound before anything is shown: "[" host "]:" 5 digits */
    if (len > MQ_HOST_MAX + 8) {
        return throw_hosts("entry %u exceeds %d character limit.", n, MQ_HOST_MAX);
    }
    if (memchr(s, '\0', len) || memchr(s, '@', len)) {
        return hosts_invalid(n);
    }
    if (len > 0 && s[0] == '[') {
        const char *close = memchr(s, ']', len);
        if (!close || (close + 1 < s + len && close[1] != ':')) {
            return throw_hosts("entry %u is not a valid host: %s.", n, s);
        }
        host = s + 1;
        host_len = (size_t)(close - host);
        if (close + 1 < s + len) {
            port = close + 2;
            port_len = len - (size_t)(port - s);
        }
    } else if ((colon = memchr(s, ':', len)) && !memchr(colon + 1, ':', len - (size_t)(colon + 1 - s))) {
        host_len = (size_t)(colon - s);
        port = colon + 1;
        port_len = len - host_len - 1;
    }
    if (port && port_len == 0) {
        return throw_hosts("entry %u has an empty port.", n);
    }
    if (port && !hosts_port_value(port, port_len, &h->port)) {
        return throw_hosts("entry %u has an invalid port: %s.", n, port);
    }
    return hosts_check_host(n, host, host_len, s, &h->host);
}

/* ['host' => string, 'port' => int (or digits), optional]. */
static zend_result hosts_parse_array(uint32_t n, HashTable *entry, php_mq_host *h)
{
    zval *host = zend_hash_str_find_deref(entry, ZEND_STRL("host"));
    zval *port = zend_hash_str_find_deref(entry, ZEND_STRL("port"));
    const char *s;
    size_t len;

    if (!host || Z_TYPE_P(host) != IS_STRING) {
        return throw_hosts("entry %u must have a 'host' string.", n);
    }
    s = Z_STRVAL_P(host);
    len = Z_STRLEN_P(host);
    if (len > MQ_HOST_MAX + 2) {
        return throw_hosts("entry %u exceeds %d character limit.", n, MQ_HOST_MAX);
    }
    if (memchr(s, '\0', len) || memchr(s, '@', len)) {
        return hosts_invalid(n);
    }
    if (port && Z_TYPE_P(port) == IS_LONG) {
        if (Z_LVAL_P(port) < 1 || Z_LVAL_P(port) > 65535) {
            return throw_hosts("entry %u has an invalid port: " ZEND_LONG_FMT ".", n, Z_LVAL_P(port));
        }
        h->port = (uint16_t)Z_LVAL_P(port);
    } else if (port && Z_TYPE_P(port) == IS_STRING) {
        if (!hosts_port_value(Z_STRVAL_P(port), Z_STRLEN_P(port), &h->port)) {
            return throw_hosts("entry %u has an invalid port: %.*s.", n,
                               (int)MIN(Z_STRLEN_P(port), 32), Z_STRVAL_P(port));
        }
    } else if (port && Z_TYPE_P(port) != IS_NULL) {
        return throw_hosts("entry %u has an invalid port: %s.", n, zend_zval_type_name(port));
    }
    /* "[v6addr]" is taken too */
    if (len >= 2 && s[0] == '[' && s[len - 1] == ']') {
        return hosts_check_host(n, s + 1, len - 2, s, &h->host);
    }
    return hosts_check_host(n, s, len, s, &h->host);
}

/* A bool like 'verify': booleans, "true"/"on"/"yes"/"1" strings, numbers. */
static bool cred_flag(HashTable *ht, const char *key)
{
    zval *zv = cred(ht, key);

    if (!zv) {
        return false;
    }
    if (Z_TYPE_P(zv) == IS_STRING) {
        return zend_ini_parse_bool(Z_STR_P(zv));
    }
    return zend_is_true(zv);
}

zend_result php_mq_connection_construct_hosts(zend_object *obj, HashTable *credentials)
{
    php_mq_connection *c = php_mq_connection_from_obj(obj);
    zval *list = cred(credentials, "hosts"), *entry;
    php_mq_host *hosts;
    uint32_t n = 0, count, i;
    zend_long left;

    /* a second __construct starts from scratch */
    php_mq_connection_hosts_free(c);
    if (!list || Z_TYPE_P(list) == IS_NULL) {
        return SUCCESS;
    }
    if (Z_TYPE_P(list) != IS_ARRAY || zend_hash_num_elements(Z_ARRVAL_P(list)) == 0
        || !zend_array_is_list(Z_ARRVAL_P(list))) {
        return throw_hosts("must be a non-empty list.");
    }
    count = zend_hash_num_elements(Z_ARRVAL_P(list));
    hosts = safe_emalloc(count, sizeof(*hosts), 0);
    ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(list), entry) {
        zend_result rc;

        ZVAL_DEREF(entry);
        hosts[n].host = NULL;
        /* no port: the connection's ('port' key, URI or amqp.port) */
        hosts[n].port = (uint16_t)php_mq_conn_long(obj, MQ_CONN_PROP_PORT);
        if (Z_TYPE_P(entry) == IS_STRING) {
            rc = hosts_parse_string(n, Z_STR_P(entry), &hosts[n]);
        } else if (Z_TYPE_P(entry) == IS_ARRAY) {
            rc = hosts_parse_array(n, Z_ARRVAL_P(entry), &hosts[n]);
        } else {
            rc = throw_hosts("entry %u must be a string or an array, %s given.", n,
                             zend_zval_type_name(entry));
        }
        if (rc == FAILURE) {
            for (i = 0; i < n; i++) {
                zend_string_release(hosts[i].host);
            }
            efree(hosts);
            return FAILURE;
        }
        n++;
    } ZEND_HASH_FOREACH_END();

    /* shuffle() of PHP: Fisher-Yates with php_mt_rand_range(), so that
     * mt_srand() makes the order reproducible */
    if (cred_flag(credentials, "shuffle_hosts")) {
        for (left = n - 1; left > 0; left--) {
            zend_long j = php_mt_rand_range(0, left);
            if (j != left) {
                php_mq_host t = hosts[left];
                hosts[left] = hosts[j];
                hosts[j] = t;
            }
        }
    }
    c->hosts = hosts;
    c->host_count = n;
    php_mq_connection_hosts_select(obj, c, 0);
    return SUCCESS;
}

/* ---- the current node and the host/port properties ------------------- */

/* The host/port properties are the current node: what setHost()/setPort()
 * changed there goes into the list before it is used. */
void php_mq_connection_hosts_sync(zend_object *obj, php_mq_connection *c)
{
    php_mq_host *h = &c->hosts[c->host_current];
    zval *host = php_mq_conn_slot(obj, MQ_CONN_PROP_HOST);

    if (Z_TYPE_P(host) == IS_STRING && !zend_string_equals(h->host, Z_STR_P(host))) {
        zend_string_release(h->host);
        h->host = zend_string_copy(Z_STR_P(host));
    }
    h->port = (uint16_t)php_mq_conn_long(obj, MQ_CONN_PROP_PORT);
}

/* Makes entry i the current node and the host/port properties show it. */
void php_mq_connection_hosts_select(zend_object *obj, php_mq_connection *c, uint32_t i)
{
    zval v;

    c->host_current = i;
    ZVAL_STR_COPY(&v, c->hosts[i].host);
    php_mq_conn_write(obj, MQ_CONN_PROP_HOST, &v);
    php_mq_conn_write_long(obj, MQ_CONN_PROP_PORT, c->hosts[i].port);
}

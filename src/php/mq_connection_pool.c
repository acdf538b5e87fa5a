/* SPDX-License-Identifier: MIT */
/*
 * The persistent pool of connection resources (mq_conn_res.c) in
 * EG(persistent_list).  Pool entries are keyed by the connection
 * parameters, the password only as a keyed hash (never in clear), checked for
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
#include <time.h>

#include "php_mq_internal.h"
#include "mq_connection.h"
#include "ext/random/php_random.h"

static int le_mq_pconn;

/* Lower-case hex of n bytes into out (2n chars, no terminator): here rather
 * than ext/hash's php_hash_bin2hex, whose future in newer PHP releases is
 * uncertain. */
static void pool_bin2hex(char *out, const unsigned char *in, size_t n)
{
    static const char digits[] = "0123456789abcdef";
    size_t i;

    for (i = 0; i < n; i++) {
        out[2 * i] = digits[in[i] >> 4];
        out[2 * i + 1] = digits[in[i] & 15];
    }
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
        php_mq_clear_hooks(res->conn);
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

/* SipHash-2-4 with a 128-bit result (Aumasson & Bernstein), for the
 * password's part of the pool key: a keyed hash, so that without the
 * process's secret nobody can find a second password with the same key. */
#define MQ_ROTL64(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))
#define MQ_SIPROUND                                                        \
    do {                                                                   \
        v0 += v1; v1 = MQ_ROTL64(v1, 13); v1 ^= v0; v0 = MQ_ROTL64(v0, 32); \
        v2 += v3; v3 = MQ_ROTL64(v3, 16); v3 ^= v2;                        \
        v0 += v3; v3 = MQ_ROTL64(v3, 21); v3 ^= v0;                        \
        v2 += v1; v1 = MQ_ROTL64(v1, 17); v1 ^= v2; v2 = MQ_ROTL64(v2, 32); \
    } while (0)

static void key_siphash128(const uint64_t k[2], const unsigned char *in, size_t len, uint64_t out[2])
{
    uint64_t v0 = k[0] ^ 0x736f6d6570736575ULL, v1 = k[1] ^ 0x646f72616e646f6dULL;
    uint64_t v2 = k[0] ^ 0x6c7967656e657261ULL, v3 = k[1] ^ 0x7465646279746573ULL;
    uint64_t m, b = (uint64_t)len << 56;
    size_t i, tail = len & 7;
    const unsigned char *end = in + (len - tail);

    v1 ^= 0xee;
    for (; in != end; in += 8) {
        m = 0;
        for (i = 0; i < 8; i++) {
            m |= (uint64_t)in[i] << (8 * i);
        }
        v3 ^= m;
        MQ_SIPROUND;
        MQ_SIPROUND;
        v0 ^= m;
    }
    for (i = 0; i < tail; i++) {
        b |= (uint64_t)in[i] << (8 * i);
    }
    v3 ^= b;
    MQ_SIPROUND;
    MQ_SIPROUND;
    v0 ^= b;
    v2 ^= 0xee;
    MQ_SIPROUND;
    MQ_SIPROUND;
    MQ_SIPROUND;
    MQ_SIPROUND;
    out[0] = v0 ^ v1 ^ v2 ^ v3;
    v1 ^= 0xdd;
    MQ_SIPROUND;
    MQ_SIPROUND;
    MQ_SIPROUND;
    MQ_SIPROUND;
    out[1] = v0 ^ v1 ^ v2 ^ v3;
}
#undef MQ_SIPROUND
#undef MQ_ROTL64

/* The secret of key_siphash128: random, drawn on first use.  Per thread in
 * thread-safe builds, like EG(persistent_list) that the keys index. */
ZEND_TLS uint64_t key_secret[2];
ZEND_TLS bool key_secret_ready;

static const uint64_t *key_secret_get(void)
{
    if (!key_secret_ready) {
        if (php_random_bytes_silent(key_secret, sizeof(key_secret)) == FAILURE) {
            /* no system randomness: a guessable secret, keys still distinct */
            key_secret[0] = (uint64_t)(uintptr_t)&key_secret ^ ((uint64_t)time(NULL) << 20);
            key_secret[1] = (uint64_t)(uintptr_t)key_secret_get ^ (uint64_t)clock();
        }
        key_secret_ready = true;
    }
    return key_secret;
}

/* Appends one field to the key (or only counts it when out is NULL):
 * strings as "<length>:<bytes>", a NULL string as "-", numbers as
 * "<decimal>;".  Every field delimits itself, so that no two parameter
 * sets give the same key. */
static size_t key_put_bytes(char *out, const char *s, size_t len)
{
    char buf[MAX_LENGTH_OF_LONG + 1];
    char *end = buf + sizeof(buf) - 1, *num = zend_print_ulong_to_buf(end, (zend_ulong)len);
    size_t n = (size_t)(end - num);

    if (out) {
        memcpy(out, num, n);
        out[n] = ':';
        if (len) {
            memcpy(out + n + 1, s, len);
        }
    }
    return n + 1 + len;
}

static size_t key_put_str(char *out, const char *s)
{
    if (!s) {
        if (out) {
            *out = '-';
        }
        return 1;
    }
    return key_put_bytes(out, s, strlen(s));
}

static size_t key_put_num(char *out, uint64_t v)
{
    char buf[MAX_LENGTH_OF_LONG + 1];
    char *end = buf + sizeof(buf) - 1, *num = zend_print_ulong_to_buf(end, (zend_ulong)v);
    size_t n = (size_t)(end - num);

    if (out) {
        memcpy(out, num, n);
        out[n] = ';';
    }
    return n + 1;
}

/* All fields in order; returns the length.  out = NULL: length only. */
static size_t key_build(char *out, const mq_conn_params *p, const char *pw_hex)
{
    size_t n = 0;

#define KEY_AT (out ? out + n : NULL)
    n += key_put_str(KEY_AT, p->host);
    n += key_put_num(KEY_AT, p->port);
    n += key_put_bytes(KEY_AT, p->vhost.ptr, p->vhost.len);
    n += key_put_bytes(KEY_AT, p->login.ptr, p->login.len);
    n += key_put_bytes(KEY_AT, pw_hex, 32); /* the password's keyed hash */
    n += key_put_num(KEY_AT, p->frame_max);
    n += key_put_num(KEY_AT, p->channel_max);
    n += key_put_num(KEY_AT, p->heartbeat);
    n += key_put_str(KEY_AT, p->tls ? p->cacert : NULL);
    n += key_put_str(KEY_AT, p->cert);
    n += key_put_str(KEY_AT, p->key);
    n += key_put_num(KEY_AT, (uint64_t)p->sasl);
    n += key_put_bytes(KEY_AT, p->connection_name.ptr, p->connection_name.len);
    n += key_put_num(KEY_AT, p->tls);
    n += key_put_str(KEY_AT, p->sni);
    n += key_put_num(KEY_AT, p->verify);
#undef KEY_AT
    return n;
}

/* The fields in clear text, except the password, which only enters as a
 * keyed hash (SipHash-2-4-128 under a per-process random secret): cheap
 * on every pconnect(), and two parameter sets that differ in any field,
 * the password included, get different keys. */
zend_string *php_mq_pool_key(const mq_conn_params *p)
{
    static const char prefix[] = "amqp_pconn_";
    uint64_t h[2];
    unsigned char digest[16];
    char pw_hex[33];
    zend_string *key;
    size_t len;
    int i;

    key_siphash128(key_secret_get(), (const unsigned char *)(p->password.len ? p->password.ptr : ""),
                   p->password.len, h);
    for (i = 0; i < 8; i++) {
        digest[i] = (unsigned char)(h[0] >> (8 * i));
        digest[8 + i] = (unsigned char)(h[1] >> (8 * i));
    }
    pool_bin2hex(pw_hex, digest, sizeof(digest));
    pw_hex[32] = '\0';

    len = key_build(NULL, p, pw_hex);
    key = zend_string_alloc(sizeof(prefix) - 1 + len, 0);
    memcpy(ZSTR_VAL(key), prefix, sizeof(prefix) - 1);
    key_build(ZSTR_VAL(key) + sizeof(prefix) - 1, p, pw_hex);
    ZSTR_VAL(key)[ZSTR_LEN(key)] = '\0';
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

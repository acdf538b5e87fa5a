/* SPDX-License-Identifier: MIT */
/*
 * The connection resource behind AMQPConnection and AMQPChannel: opening
 * one (with php-amqp's exact failure texts), closing it, reference
 * counting, the core hooks that make message bodies zend_strings and let
 * signal handlers run during long waits, and the persistent pool in
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

/* Upper bound (seconds) of each closing step when an object lets go of its
 * connection, so that destruction never hangs on a silent peer. */
#define MQ_DETACH_TIMEOUT 2.0

static int le_mq_pconn;

/* ---- core hooks ------------------------------------------------------- */

/* Bodies of at least this size are checked against the memory actually
 * available before they are allocated; smaller ones cannot end a process
 * that is not already at its limit. */
#define MQ_BODY_CHECK_MIN (1024 * 1024)
/* Room kept beyond the body itself: the string header, page and chunk
 * rounding of Zend's allocator, the envelope around the body. */
#define MQ_BODY_HEADROOM (2 * 1024 * 1024)

/* Message bodies are zend_strings from the request heap, so that a body
 * becomes a PHP string without a copy.  The size comes from the broker and
 * Zend's allocator ends the process (a fatal "Allowed memory size
 * exhausted" or "Out of memory") when it cannot provide it, so a large body
 * is first checked: with a memory_limit, it must fit in what is left of it
 * (limit - real usage - headroom); without one (-1), or with the Zend
 * allocator off (USE_ZEND_ALLOC=0: no limit accounting, malloc() failures
 * are fatal), malloc() must be able to provide it (a probe that fails
 * gracefully, then freed).  NULL makes
 * the core refuse the body: an exception naming the size, the connection
 * closed (tests/572). */
static void *mq_hook_body_alloc(void *ud, size_t len, char **data)
{
    zend_string *s;

    (void)ud;
    if (len > ZSTR_MAX_LEN - 1 - MQ_BODY_HEADROOM) {
        return NULL;
    }
    if (len >= MQ_BODY_CHECK_MIN) {
        if (PG(memory_limit) > 0 && is_zend_mm()) {
            size_t limit = (size_t)PG(memory_limit), used = zend_memory_usage(true);

            if (used + MQ_BODY_HEADROOM >= limit || len > limit - used - MQ_BODY_HEADROOM) {
                return NULL;
            }
        } else {
            /* memory_limit still bounds a body, usage unknown */
            if (PG(memory_limit) > 0 && len + MQ_BODY_HEADROOM > (size_t)PG(memory_limit)) {
                return NULL;
            }
            void *probe = malloc(len + MQ_BODY_HEADROOM);

            if (!probe) {
                return NULL;
            }
            free(probe);
        }
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

/* The core asks whether PHP has code waiting to run (pcntl_async_signals
 * handlers, a timed out request) while it waits.  It never runs that code
 * here, inside the core: the core stops an event wait at a safe point and
 * the binding runs it through php_mq_safe_point(); other waits finish
 * first (the VM runs the handlers after the call, as for any internal
 * function).  A timed out request stops every wait and leaves the flag set
 * for the engine. */
static int mq_hook_interrupt(void *ud)
{
    (void)ud;
    if (!zend_atomic_bool_load_ex(&EG(vm_interrupt))) {
        return MQ_INTR_NONE;
    }
    return zend_atomic_bool_load_ex(&EG(timed_out)) ? MQ_INTR_ABORT : MQ_INTR_PENDING;
}

zend_result php_mq_safe_point(void)
{
    if (zend_atomic_bool_load_ex(&EG(vm_interrupt))) {
        if (zend_atomic_bool_load_ex(&EG(timed_out))) {
            return FAILURE; /* the engine reports it once the call returns */
        }
        if (zend_interrupt_function) {
            zend_atomic_bool_store_ex(&EG(vm_interrupt), false);
            zend_interrupt_function(EG(current_execute_data));
        }
    }
    return EG(exception) ? FAILURE : SUCCESS;
}

int php_mq_finish_write(php_mq_conn_res *res, int rc, zend_class_entry *ce)
{
    if (rc != MQ_E_INTERRUPTED || !mq_conn_write_suspended(res->conn)) {
        return rc;
    }
    php_mq_res_addref(res);
    while (rc == MQ_E_INTERRUPTED) {
        if (php_mq_safe_point() == FAILURE) {
            rc = mq_conn_abandon_write(res->conn);
            break;
        }
        rc = mq_conn_resume_write(res->conn);
    }
    if (rc < 0) {
        if (!EG(exception)) {
            php_mq_throw(mq_conn_error(res->conn), rc, ce);
        }
        php_mq_res_after_error(res);
    }
    php_mq_res_release(res);
    return rc;
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

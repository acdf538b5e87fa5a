/* SPDX-License-Identifier: MIT */
/*
 * Integration tests of the connection layer (mq_conn.h) against a real
 * private RabbitMQ started by tests/broker.sh (coordinates in MQ_TEST_*
 * variables): handshake and refusals, TLS and SASL EXTERNAL, channels and
 * their limits, synchronous methods, publish/get of bodies around frame_max
 * with every property, confirms, a 10,000-message consumer, heartbeats,
 * events queued during an RPC (and the count of queued confirms/returns),
 * and a clean close.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "mq_conn.h"
#include "mq_table.h"
#include "tap.h"

/* TAP_EQ_INT evaluates its first argument twice: evaluate calls once here. */
#define EQ(expr, want, what)                    \
    do {                                        \
        long long eq_v_ = (long long)(expr);    \
        TAP_EQ_INT(eq_v_, (want), (what));      \
    } while (0)

static const char *env(const char *name, const char *def)
{
    const char *v = getenv(name);
    return v && *v ? v : def;
}

static double mono_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double cpu_s(void)
{
    struct rusage r;
    getrusage(RUSAGE_SELF, &r);
    return (double)(r.ru_utime.tv_sec + r.ru_stime.tv_sec) + (double)(r.ru_utime.tv_usec + r.ru_stime.tv_usec) / 1e6;
}

static mq_conn_params base_params(void)
{
    mq_conn_params p;
    memset(&p, 0, sizeof p);
    p.host = env("MQ_TEST_HOST", "127.0.0.1");
    p.port = (uint16_t)atoi(env("MQ_TEST_PORT", "5672"));
    p.vhost = mq_cstr("/");
    p.login = mq_cstr(env("MQ_TEST_USER", "guest"));
    p.password = mq_cstr(env("MQ_TEST_PASSWORD", "guest"));
    p.connect_timeout = 10;
    p.rpc_timeout = 30;
    p.write_timeout = 30;
    p.verify = true;
    p.product = "mq-test";
    p.version = "0";
    p.platform = "C";
    p.connection_name = mq_cstr("test_conn");
    return p;
}

static mq_conn *connect_with(const mq_conn_params *p, int *rc_out)
{
    mq_conn *c = mq_conn_new();
    int rc = mq_conn_open(c, p);
    if (rc_out) *rc_out = rc;
    if (rc != 0 && !rc_out) tap_diag("connect failed: %d %s", rc, mq_conn_error(c)->text);
    return c;
}

static mq_conn *connect_default(void)
{
    mq_conn_params p = base_params();
    return connect_with(&p, NULL);
}

/* A unique name per test run. */
static mq_bytes uname(char *buf, size_t n, const char *what)
{
    snprintf(buf, n, "mqtest-%s-%ld-%d", what, (long)getpid(), rand() % 100000);
    return mq_cstr(buf);
}

/* ---- table equality (after decode) ------------------------------------------ */

static bool field_eq(const mq_field *a, const mq_field *b, int depth);

static bool content_eq(mq_bytes a, mq_bytes b, bool table, int depth)
{
    mq_table_iter ia, ib;
    mq_table_iter_init(&ia, a.ptr, a.len);
    mq_table_iter_init(&ib, b.ptr, b.len);
    for (;;) {
        mq_bytes ka, kb;
        mq_field fa, fb;
        int ra = table ? mq_table_next(&ia, &ka, &fa) : mq_array_next(&ia, &fa);
        int rb = table ? mq_table_next(&ib, &kb, &fb) : mq_array_next(&ib, &fb);
        if (ra != rb || ra < 0) return false;
        if (ra == 0) return true;
        if (table && (ka.len != kb.len || memcmp(ka.ptr, kb.ptr, ka.len) != 0)) return false;
        if (!field_eq(&fa, &fb, depth + 1)) return false;
    }
}

static bool field_eq(const mq_field *a, const mq_field *b, int depth)
{
    if (a->kind != b->kind || depth > 32) return false;
    switch (a->kind) {
    case 't': return a->v.b == b->v.b;
    case 'b': case 's': case 'I': case 'l': return a->v.i == b->v.i;
    case 'B': case 'u': case 'i': case 'L': case 'T': return a->v.u == b->v.u;
    case 'f': return a->v.f == b->v.f;
    case 'd': return a->v.d == b->v.d;
    case 'D': return a->v.dec.scale == b->v.dec.scale && a->v.dec.value == b->v.dec.value;
    case 'S': case 'x':
        return a->v.bytes.len == b->v.bytes.len &&
               memcmp(a->v.bytes.ptr, b->v.bytes.ptr, a->v.bytes.len) == 0;
    case 'F': return content_eq(a->v.bytes, b->v.bytes, true, depth);
    case 'A': return content_eq(a->v.bytes, b->v.bytes, false, depth);
    case 'V': return true;
    default: return false;
    }
}

static bool bytes_eq(mq_bytes a, mq_bytes b)
{
    return a.len == b.len && (a.len == 0 || memcmp(a.ptr, b.ptr, a.len) == 0);
}

/* A headers table holding every type the writer has. */
static void build_headers(mq_wbuf *w)
{
    size_t t, n, a;
    mq_table_open(w, &t);
    mq_table_key(w, "bool", 4); mq_field_bool(w, true);
    mq_table_key(w, "i8", 2); mq_field_i8(w, -5);
    mq_table_key(w, "u8", 2); mq_field_u8(w, 250);
    mq_table_key(w, "i16", 3); mq_field_i16(w, -30000);
    mq_table_key(w, "u16", 3); mq_field_u16(w, 60000);
    mq_table_key(w, "i32", 3); mq_field_i32(w, -2000000000);
    mq_table_key(w, "u32", 3); mq_field_u32(w, 4000000000u);
    mq_table_key(w, "i64", 3); mq_field_i64(w, -9000000000000000000LL);
    mq_table_key(w, "float", 5); mq_field_float(w, 1.5f);
    mq_table_key(w, "double", 6); mq_field_double(w, -2.25);
    mq_table_key(w, "decimal", 7); mq_field_decimal(w, 2, 12345);
    mq_table_key(w, "str", 3); mq_field_longstr(w, "h\0llo", 5);
    mq_table_key(w, "bytes", 5); mq_field_bytes(w, "\x01\x02\xff", 3);
    mq_table_key(w, "ts", 2); mq_field_timestamp(w, 1700000000);
    mq_table_key(w, "void", 4); mq_field_void(w);
    mq_table_key(w, "table", 5); mq_field_table_open(w, &n);
    mq_table_key(w, "inner", 5); mq_field_longstr(w, "x", 1);
    mq_table_close(w, n);
    mq_table_key(w, "array", 5); mq_field_array_open(w, &a);
    mq_field_i32(w, 1); mq_field_longstr(w, "two", 3); mq_field_bool(w, false);
    mq_array_close(w, a);
    mq_table_close(w, t);
}

static void full_props(mq_basic_properties_t *p, const mq_wbuf *hdr)
{
    memset(p, 0, sizeof *p);
    p->flags = MQ_BASIC_ALL_FLAGS;
    p->content_type = mq_cstr("application/octet-stream");
    p->content_encoding = mq_cstr("identity");
    p->headers = mq_bytes_of((const char *)hdr->data + 4, hdr->len - 4);
    p->delivery_mode = 2;
    p->priority = 7;
    p->correlation_id = mq_cstr("corr-1");
    p->reply_to = mq_cstr("reply.queue");
    p->expiration = mq_cstr("600000");
    p->message_id = mq_cstr("msg-42");
    p->timestamp = 1700000001;
    p->type = mq_cstr("test.type");
    p->user_id = mq_cstr(env("MQ_TEST_USER", "guest")); /* RabbitMQ checks user-id */
    p->app_id = mq_cstr("test_conn");
    p->cluster_id = mq_cstr("cluster-x");
}

static bool props_eq(const mq_basic_properties_t *a, const mq_basic_properties_t *b)
{
    if (a->flags != b->flags || a->delivery_mode != b->delivery_mode ||
        a->priority != b->priority || a->timestamp != b->timestamp)
        return false;
    mq_field fa = {.kind = 'F'}, fb = {.kind = 'F'};
    fa.v.bytes = a->headers;
    fb.v.bytes = b->headers;
    return bytes_eq(a->content_type, b->content_type) &&
           bytes_eq(a->content_encoding, b->content_encoding) && field_eq(&fa, &fb, 0) &&
           bytes_eq(a->correlation_id, b->correlation_id) && bytes_eq(a->reply_to, b->reply_to) &&
           bytes_eq(a->expiration, b->expiration) && bytes_eq(a->message_id, b->message_id) &&
           bytes_eq(a->type, b->type) && bytes_eq(a->user_id, b->user_id) &&
           bytes_eq(a->app_id, b->app_id) && bytes_eq(a->cluster_id, b->cluster_id);
}

/* ---- tests ------------------------------------------------------------------ */

static void test_connect(void)
{
    mq_conn *c = connect_default();
    TAP_OK(mq_conn_is_open(c), "connect with the right password");
    TAP_OK(mq_conn_channel_max(c) > 0 && mq_conn_frame_max(c) >= 4096, "tune negotiated (channel_max %u, frame_max %u)",
           mq_conn_channel_max(c), mq_conn_frame_max(c));
    TAP_OK(mq_conn_server_properties(c).len > 0, "server properties kept");
    TAP_OK(mq_conn_fd(c) >= 0, "fd while open");
    EQ(mq_conn_close(c), 0, "mq_conn_close is clean");
    TAP_OK(!mq_conn_is_open(c) && mq_conn_fd(c) == -1, "closed after mq_conn_close");
    EQ(mq_conn_close(c), 0, "second close is a no-op");
    mq_conn_free(c);
}

static void test_refusals(void)
{
    mq_conn_params p = base_params();
    const char *secret = "wrong-Secret-4711";
    p.password = mq_cstr(secret);
    int rc;
    mq_conn *c = connect_with(&p, &rc);
    const mq_error *e = mq_conn_error(c);
    EQ(rc, MQ_E_CONNECTION_CLOSED, "wrong password refused");
    EQ(e->reply_code, 403, "wrong password: reply code 403");
    TAP_OK(strstr(e->text, "ACCESS_REFUSED") != NULL, "wrong password: text '%s'", e->text);
    TAP_OK(strstr(e->text, secret) == NULL, "password absent from the error text");
    TAP_OK(!mq_conn_is_open(c), "connection closed after refusal");
    mq_conn_free(c);

    p = base_params();
    p.login = mq_cstr(env("MQ_TEST_LIMITED_USER", "limited"));
    p.password = mq_cstr(env("MQ_TEST_LIMITED_PASSWORD", "limited"));
    p.vhost = mq_cstr(env("MQ_TEST_VHOST2", "mqtest"));
    c = connect_with(&p, &rc);
    e = mq_conn_error(c);
    EQ(rc, MQ_E_CONNECTION_CLOSED, "vhost without permission refused");
    EQ(e->reply_code, 530, "vhost without permission: reply code 530");
    EQ(e->class_id, 10, "530 names connection class");
    mq_conn_free(c);

    /* a wrong port: refused */
    p = base_params();
    p.port = 1;
    c = connect_with(&p, &rc);
    EQ(rc, MQ_E_CONNECT, "connection refused");
    TAP_OK(strcmp(mq_conn_error(c)->text, "a socket error occurred") == 0 &&
               mq_conn_error(c)->sys_errno != 0,
           "refused: librabbitmq text, errno kept (%d)", mq_conn_error(c)->sys_errno);
    mq_conn_free(c);

    p = base_params();
    p.host = "no-such-host.invalid";
    c = connect_with(&p, &rc);
    EQ(rc, MQ_E_RESOLVE, "unknown host");
    TAP_OK(strcmp(mq_conn_error(c)->text, "hostname lookup failed") == 0, "unknown host text");
    mq_conn_free(c);
}

static void test_limited_user(void)
{
    mq_conn_params p = base_params();
    p.login = mq_cstr(env("MQ_TEST_LIMITED_USER", "limited"));
    p.password = mq_cstr(env("MQ_TEST_LIMITED_PASSWORD", "limited"));
    mq_conn *c = connect_with(&p, NULL);
    uint16_t ch = 0;
    char qn[64];
    TAP_OK(mq_conn_is_open(c) && mq_channel_open(c, &ch) == 0, "limited user connects and opens a channel");
    int rc = mq_queue_declare(c, ch, uname(qn, sizeof qn, "limited"), false, false, false, true,
                              mq_bytes_of(NULL, 0), NULL, NULL, NULL);
    EQ(rc, MQ_E_CHANNEL_CLOSED, "limited user declare: channel closed");
    EQ(mq_conn_error(c)->reply_code, 403, "limited user declare: 403 in the record");
    EQ(mq_channel_error(c, ch)->reply_code, 403, "403 kept in the channel's record");
    EQ(mq_conn_error(c)->channel, ch, "record names the channel");
    TAP_OK(mq_conn_is_open(c) && !mq_channel_is_open(c, ch), "connection still open, channel not");
    uint16_t ch2 = 0;
    rc = mq_channel_open(c, &ch2);
    TAP_OK(rc == 0 && mq_basic_qos(c, ch2, 0, 10, false) == 0, "connection still usable on a new channel");
    EQ(ch2, ch, "the server-closed id is reused");
    mq_conn_close(c);
    mq_conn_free(c);
}

static void test_tls(void)
{
    const char *tls_port = getenv("MQ_TEST_TLS_PORT");
    if (!tls_port) {
        TAP_OK(0, "MQ_TEST_TLS_PORT set");
        return;
    }
    mq_conn_params p = base_params();
    p.tls = true;
    p.port = (uint16_t)atoi(tls_port);
    p.cacert = env("MQ_TEST_CA", NULL);
    int rc;
    mq_conn *c = connect_with(&p, &rc);
    TAP_OK(rc == 0 && mq_conn_is_open(c), "TLS with verification (IP literal) %s", mq_conn_error(c)->text);
    uint16_t ch = 0;
    char qn[64];
    mq_bytes q = uname(qn, sizeof qn, "tls");
    if (rc == 0) {
        mq_message m;
        static char big[300000];
        memset(big, 'T', sizeof big);
        rc = mq_channel_open(c, &ch);
        if (!rc) rc = mq_queue_declare(c, ch, q, false, false, false, true, mq_bytes_of(NULL, 0), NULL, NULL, NULL);
        if (!rc) rc = mq_basic_publish(c, ch, mq_cstr(""), q, false, false, NULL, big, sizeof big);
        int g = rc ? rc : mq_basic_get(c, ch, q, true, &m);
        TAP_OK(g == 1 && m.body_len == sizeof big && memcmp(m.body, big, sizeof big) == 0,
               "TLS publish/get of %zu bytes", sizeof big);
        if (g == 1) mq_message_release(c, &m);
        EQ(mq_conn_close(c), 0, "TLS close");
    }
    mq_conn_free(c);

    p.host = "localhost";
    p.heartbeat = 1;
    c = connect_with(&p, &rc);
    TAP_OK(rc == 0, "TLS with verification (host name, SNI) %s", mq_conn_error(c)->text);
    /* heartbeat thread over TLS: its writes and our reads share the SSL */
    rc = rc ? rc : mq_conn_heartbeat_thread(c, true);
    rc = rc ? rc : mq_channel_open(c, &ch);
    for (int i = 0; i < 2 && rc == 0; i++) {
        usleep(2500000); /* > 2 intervals: only the thread's heartbeats keep us */
        mq_event ev;
        rc = mq_conn_wait_event(c, 0, MQ_EV_ANY, 0.2, &ev);
        rc = rc == 0 ? mq_basic_qos(c, ch, 0, (uint16_t)(i + 1), false) : rc;
    }
    TAP_OK(rc == 0 && mq_conn_is_open(c), "TLS with the heartbeat thread stays alive while idle");
    mq_conn_close(c);
    mq_conn_free(c);
    p.heartbeat = 0;

    p.host = env("MQ_TEST_HOST", "127.0.0.1");
    p.sni = "wrong.example.org";
    c = connect_with(&p, &rc);
    EQ(rc, MQ_E_TLS, "TLS host name mismatch fails");
    mq_conn_free(c);
    p.sni = NULL;

    p.cacert = env("MQ_TEST_WRONG_CA", NULL);
    c = connect_with(&p, &rc);
    EQ(rc, MQ_E_TLS, "TLS with the wrong CA fails");
    tap_diag("wrong CA: %s", mq_conn_error(c)->text);
    mq_conn_free(c);

    p.verify = false;
    c = connect_with(&p, &rc);
    TAP_OK(rc == 0, "TLS without verification against the wrong CA works %s", mq_conn_error(c)->text);
    mq_conn_close(c);
    mq_conn_free(c);

    p = base_params();
    p.tls = true;
    p.port = (uint16_t)atoi(tls_port);
    p.cacert = env("MQ_TEST_CA", NULL);
    p.cert = env("MQ_TEST_CLIENT_CERT", NULL);
    p.key = env("MQ_TEST_CLIENT_KEY", NULL);
    p.sasl = MQ_SASL_EXTERNAL;
    p.login = mq_cstr(env("MQ_TEST_EXTERNAL_USER", ""));
    p.password = mq_cstr("");
    c = connect_with(&p, &rc);
    TAP_OK(rc == 0, "SASL EXTERNAL with the client certificate %s", mq_conn_error(c)->text);
    if (rc == 0) TAP_OK(mq_channel_open(c, &ch) == 0, "EXTERNAL connection usable");
    mq_conn_close(c);
    mq_conn_free(c);
}

static void test_publish_get(void)
{
    mq_conn *c = connect_default();
    uint16_t ch = 0;
    char qn[64];
    mq_bytes q = uname(qn, sizeof qn, "pg"), qname;
    int rc = mq_channel_open(c, &ch);
    rc = rc ? rc : mq_queue_declare(c, ch, q, false, false, false, true, mq_bytes_of(NULL, 0), &qname, NULL, NULL);
    TAP_OK(rc == 0 && bytes_eq(qname, q), "declare queue");
    rc = mq_exchange_declare(c, ch, mq_cstr("mqtest.direct"), mq_cstr("direct"), false, false, true, false, mq_bytes_of(NULL, 0));
    EQ(rc, 0, "declare exchange");
    EQ(mq_queue_bind(c, ch, q, mq_cstr("mqtest.direct"), q, mq_bytes_of(NULL, 0)), 0, "bind");

    mq_wbuf hdr;
    mq_wbuf_init(&hdr);
    build_headers(&hdr);
    mq_basic_properties_t props;
    full_props(&props, &hdr);

    size_t fm = mq_conn_frame_max(c);
    size_t sizes[] = {0, 1, fm - 8, fm - 7, 3 * fm + 1, 16u << 20};
    char *body = malloc(16u << 20);
    for (size_t i = 0; i < (16u << 20); i++) body[i] = (char)(i * 7 + (i >> 13));
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        size_t n = sizes[k];
        rc = mq_basic_publish(c, ch, mq_cstr("mqtest.direct"), q, false, false, &props, body, n);
        mq_message m;
        int g = rc ? rc : mq_basic_get(c, ch, q, false, &m);
        if (g != 1) tap_diag("publish/get %zu: rc %d g %d %s", n, rc, g, mq_conn_error(c)->text);
        TAP_OK(g == 1 && m.body_len == n && (n == 0 || memcmp(m.body, body, n) == 0) &&
                   m.body[n] == '\0',
               "body of %zu bytes round-trips byte for byte", n);
        TAP_OK(g == 1 && props_eq(&m.props, &props), "all 14 properties + headers of every type (%zu)", n);
        if (g == 1) {
            TAP_OK(bytes_eq(m.exchange, mq_cstr("mqtest.direct")) && bytes_eq(m.routing_key, q) &&
                       m.method == MQ_BASIC_GET_OK && m.message_count == 0,
                   "get-ok fields");
            EQ(mq_basic_ack(c, ch, m.delivery_tag, false), 0, "ack");
            mq_message_release(c, &m);
        }
    }
    free(body);
    mq_message m;
    EQ(mq_basic_get(c, ch, q, true, &m), 0, "get-empty");

    /* passive declare of a missing queue */
    rc = mq_queue_declare(c, ch, mq_cstr("mqtest-no-such-queue"), true, false, false, false,
                          mq_bytes_of(NULL, 0), NULL, NULL, NULL);
    EQ(rc, MQ_E_CHANNEL_CLOSED, "passive declare of a missing queue");
    EQ(mq_conn_error(c)->reply_code, 404, "404 in the record");
    TAP_OK(mq_conn_error(c)->class_id == 50 && mq_conn_error(c)->method_id == 10, "record names queue.declare");
    EQ(mq_basic_publish(c, ch, mq_cstr(""), q, false, false, NULL, "x", 1), MQ_E_CHANNEL_CLOSED,
               "publish on the closed channel reports the close");
    uint16_t ch2 = 0;
    TAP_OK(mq_conn_is_open(c) && mq_channel_open(c, &ch2) == 0, "new channel after the channel error");
    uint32_t cnt = 99;
    TAP_OK(mq_queue_purge(c, ch2, q, &cnt) == 0 && cnt == 0, "purge on the new channel");

    /* mandatory publish to nowhere comes back as basic.return */
    rc = mq_basic_publish(c, ch2, mq_cstr(""), mq_cstr("mqtest-nowhere"), true, false, NULL, "ret", 3);
    mq_event ev;
    int w = rc ? rc : mq_conn_wait_event(c, ch2, MQ_EV_RETURN, 5, &ev);
    TAP_OK(w == 1 && ev.kind == MQ_EV_RETURN && ev.msg.reply_code == 312 && ev.msg.body_len == 3 &&
               memcmp(ev.msg.body, "ret", 3) == 0,
           "basic.return event (reply %u)", w == 1 ? ev.msg.reply_code : 0);
    if (w == 1) mq_message_release(c, &ev.msg);

    /* asynchronous channel error: publish to a missing exchange */
    uint16_t ch3 = 0;
    rc = mq_channel_open(c, &ch3);
    rc = rc ? rc : mq_basic_publish(c, ch3, mq_cstr("mqtest-no-such-exchange"), q, false, false, NULL, "x", 1);
    w = rc ? rc : mq_conn_wait_event(c, ch3, MQ_EV_ANY, 5, &ev);
    TAP_OK(w == MQ_E_CHANNEL_CLOSED && mq_channel_error(c, ch3)->reply_code == 404,
           "publish to a missing exchange: the waiter on that channel gets 404");
    /* the same, but we close the channel while the server's close is in flight */
    int used = mq_conn_channels_used(c);
    rc = mq_channel_open(c, &ch3);
    rc = rc ? rc : mq_basic_publish(c, ch3, mq_cstr("mqtest-no-such-exchange"), q, false, false, NULL, "x", 1);
    usleep(100000);
    rc = rc ? rc : mq_channel_close(c, ch3);
    TAP_OK(rc == 0 && mq_conn_is_open(c) && mq_conn_channels_used(c) == used && !mq_channel_is_open(c, ch3),
           "closing a channel the server is closing too: clean (%d, %s)", rc, mq_conn_error(c)->text);
    EQ(mq_channel_error(c, ch3)->reply_code, 404, "the server's reason is kept");

    EQ(mq_queue_unbind(c, ch2, q, mq_cstr("mqtest.direct"), q, mq_bytes_of(NULL, 0)), 0, "unbind");
    EQ(mq_exchange_delete(c, ch2, mq_cstr("mqtest.direct"), false), 0, "exchange delete");
    TAP_OK(mq_queue_delete(c, ch2, q, false, false, &cnt) == 0, "queue delete");
    EQ(mq_conn_close(c), 0, "close");
    mq_wbuf_free(&hdr);
    mq_conn_free(c);
}

static void test_confirms(void)
{
    mq_conn *c = connect_default();
    uint16_t ch = 0;
    char qn[64];
    mq_bytes q = uname(qn, sizeof qn, "confirm");
    int rc = mq_channel_open(c, &ch);
    rc = rc ? rc : mq_queue_declare(c, ch, q, false, false, false, true, mq_bytes_of(NULL, 0), NULL, NULL, NULL);
    EQ(mq_channel_next_publish_seq(c, ch), 0, "no sequence before confirm.select");
    rc = rc ? rc : mq_confirm_select(c, ch);
    TAP_OK(rc == 0 && mq_channel_next_publish_seq(c, ch) == 1, "confirm.select: next seq 1");
    const int N = 500;
    for (int i = 0; i < N && rc == 0; i++) rc = mq_basic_publish(c, ch, mq_cstr(""), q, false, false, NULL, "c", 1);
    TAP_OK(rc == 0 && mq_channel_next_publish_seq(c, ch) == (uint64_t)N + 1, "%d publishes, next seq %d", N, N + 1);
    uint64_t acked = 0;
    int events = 0;
    while (acked < (uint64_t)N) {
        mq_event ev;
        int w = mq_conn_wait_event(c, ch, MQ_EV_ACK | MQ_EV_NACK, 5, &ev);
        if (w != 1 || ev.kind != MQ_EV_ACK || ev.delivery_tag <= acked) break;
        acked = ev.delivery_tag; /* multiple or single: both advance in order */
        events++;
    }
    TAP_OK(acked == (uint64_t)N, "all %d publishes acked (%d ack events)", N, events);
    mq_queue_delete(c, ch, q, false, false, NULL);
    mq_conn_close(c);
    mq_conn_free(c);
}

static void test_channels(void)
{
    mq_conn_params p = base_params();
    p.channel_max = 3;
    mq_conn *c = connect_with(&p, NULL);
    EQ(mq_conn_channel_max(c), 3, "channel_max 3 negotiated");
    uint16_t a = 0, b = 0, d = 0, e = 0;
    int rc = mq_channel_open(c, &a);
    rc = rc ? rc : mq_channel_open(c, &b);
    rc = rc ? rc : mq_channel_open(c, &d);
    TAP_OK(rc == 0 && a == 1 && b == 2 && d == 3, "three channels get ids 1, 2, 3");
    EQ(mq_channel_open(c, &e), MQ_E_NO_CHANNEL, "a fourth fails with MQ_E_NO_CHANNEL");
    EQ(mq_conn_channels_used(c), 3, "3 ids in use");
    EQ(mq_channel_close(c, b), 0, "close channel 2");
    TAP_OK(!mq_channel_is_open(c, b) && mq_conn_channels_used(c) == 2, "channel 2 closed and freed");
    TAP_OK(mq_channel_open(c, &e) == 0 && e == 2,
           "reopen: the search starts at 3 (2 in use) and wraps to the freed id 2");
    EQ(mq_channel_close(c, 77), 0, "closing an unknown id is a no-op");

    /* asynchronous close, then reuse of the id: the open waits for its close-ok */
    mq_channel_close_async(c, a);
    TAP_OK(!mq_channel_is_open(c, a) && mq_conn_channels_used(c) == 2,
           "close_async: channel 1 no longer counted as used");
    TAP_OK(mq_channel_open(c, &e) == 0 && e == 1, "id 1 reused while closing: its close-ok awaited first");
    EQ(mq_conn_channels_used(c), 3, "3 channels used");
    TAP_OK(mq_basic_qos(c, e, 0, 5, false) == 0, "reused channel works");
    /* close_async and an rpc on another channel in the same breath */
    mq_channel_close_async(c, e);
    TAP_OK(mq_basic_qos(c, d, 0, 5, false) == 0 && mq_conn_channels_used(c) <= 3, "rpc while a close is pending");
    mq_conn_close(c);
    mq_conn_free(c);
}

/* Ids in php-amqp's order: the search starts at (channels in use + 1). */
static void test_channel_order(void)
{
    mq_conn *c = connect_default();
    uint16_t ids[3] = {0, 0, 0}, prev = 0, id = 0;
    int rc = 0;
    /* a channel replaced in a loop: the new one opens before the old closes */
    for (int i = 0; i < 3 && rc == 0; i++) {
        rc = mq_channel_open(c, &ids[i]);
        if (rc == 0 && prev) mq_channel_close_async(c, prev);
        prev = ids[i];
    }
    TAP_OK(rc == 0 && ids[0] == 1 && ids[1] == 2 && ids[2] == 3, "replaced in a loop: 1, 2, 3 (%u, %u, %u)",
           ids[0], ids[1], ids[2]);
    mq_channel_close_async(c, prev);
    /* closed each time without waiting */
    for (int i = 0; i < 3 && rc == 0; i++) {
        rc = mq_channel_open(c, &ids[i]);
        if (rc == 0) mq_channel_close_async(c, ids[i]);
    }
    TAP_OK(rc == 0 && ids[0] == 1 && ids[1] == 1 && ids[2] == 1, "closed each time: 1, 1, 1 (%u, %u, %u)",
           ids[0], ids[1], ids[2]);
    rc = mq_channel_open(c, &id);
    TAP_OK(rc == 0 && id == 1 && mq_basic_qos(c, id, 0, 5, false) == 0 && mq_conn_channels_used(c) == 1,
           "the reused id works");
    mq_conn_close(c);
    mq_conn_free(c);
}

static void test_heartbeat(void)
{
    mq_conn_params p = base_params();
    p.heartbeat = 1;
    mq_conn *c = connect_with(&p, NULL);
    EQ(mq_conn_heartbeat(c), 1, "heartbeat 1 s negotiated");
    uint16_t ch = 0;
    int rc = mq_channel_open(c, &ch);
    mq_event ev;
    double t0 = mono_s();
    int w = rc ? rc : mq_conn_wait_event(c, 0, MQ_EV_ANY, 5, &ev);
    double el = mono_s() - t0;
    TAP_OK(w == 0 && el > 4.8 && el < 6.0, "5 s idle wait returns 0 (%.2f s)", el);
    TAP_OK(mq_conn_is_open(c) && mq_basic_qos(c, ch, 0, 1, false) == 0, "connection alive after idle wait");

    /* the thread keeps it alive while the main thread sleeps */
    EQ(mq_conn_heartbeat_thread(c, true), 0, "heartbeat thread on");
    sleep(4);
    TAP_OK(mq_conn_service(c) == 0 && mq_basic_qos(c, ch, 0, 2, false) == 0, "alive after 4 s of sleep with the thread");
    EQ(mq_conn_heartbeat_thread(c, false), 0, "heartbeat thread off");
    EQ(mq_conn_close(c), 0, "close");
    mq_conn_free(c);
}

static void test_consume(void)
{
    mq_conn *c = connect_default();
    uint16_t ch = 0, pch = 0;
    char qn[64];
    mq_bytes q = uname(qn, sizeof qn, "consume");
    int rc = mq_channel_open(c, &ch);
    rc = rc ? rc : mq_channel_open(c, &pch);
    rc = rc ? rc : mq_queue_declare(c, ch, q, false, false, false, true, mq_bytes_of(NULL, 0), NULL, NULL, NULL);
    rc = rc ? rc : mq_confirm_select(c, pch);
    const int N = 10000;
    char buf[32];
    for (int i = 0; i < N && rc == 0; i++) {
        int n = snprintf(buf, sizeof buf, "msg %d", i);
        rc = mq_basic_publish(c, pch, mq_cstr(""), q, false, false, NULL, buf, (size_t)n);
    }
    uint64_t acked = 0;
    while (rc == 0 && acked < (uint64_t)N) {
        mq_event ev;
        int w = mq_conn_wait_event(c, pch, MQ_EV_ACK, 10, &ev);
        if (w != 1) { rc = -1; break; }
        acked = ev.delivery_tag;
    }
    TAP_OK(rc == 0, "%d messages published and confirmed", N);
    mq_bytes tag;
    rc = rc ? rc : mq_basic_qos(c, ch, 0, 100, false);
    rc = rc ? rc : mq_basic_consume(c, ch, q, mq_cstr("ctag-1"), false, false, false, mq_bytes_of(NULL, 0), &tag);
    TAP_OK(rc == 0 && bytes_eq(tag, mq_cstr("ctag-1")), "consume-ok with our tag");
    int got = 0, in_order = 1;
    mq_conn_cork(c);
    while (rc == 0 && got < N) {
        mq_event ev;
        int w = mq_conn_wait_event(c, 0, MQ_EV_ANY, 10, &ev);
        if (w != 1 || ev.kind != MQ_EV_DELIVER) {
            tap_diag("wait: %d %s", w, mq_conn_error(c)->text);
            break;
        }
        int n = snprintf(buf, sizeof buf, "msg %d", got);
        if (ev.msg.body_len != (size_t)n || memcmp(ev.msg.body, buf, (size_t)n) != 0 ||
            !bytes_eq(ev.msg.consumer_tag, mq_cstr("ctag-1")))
            in_order = 0;
        rc = mq_basic_ack(c, ev.channel, ev.msg.delivery_tag, false);
        mq_message_release(c, &ev.msg);
        got++;
    }
    EQ(mq_conn_uncork(c), 0, "uncork flushes");
    TAP_OK(got == N && in_order, "consumer got %d of %d messages in order (prefetch 100, corked acks)", got, N);
    rc = mq_basic_cancel(c, ch, mq_cstr("ctag-1"), &tag);
    TAP_OK(rc == 0 && bytes_eq(tag, mq_cstr("ctag-1")), "cancel-ok");
    uint32_t left = 1;
    TAP_OK(mq_queue_delete(c, ch, q, false, false, &left) == 0 && left == 0, "queue empty: every ack arrived");
    mq_conn_close(c);
    mq_conn_free(c);
}

static void test_events_during_rpc(void)
{
    mq_conn *c = connect_default();
    uint16_t ch = 0, other = 0;
    char qn[64];
    mq_bytes q = uname(qn, sizeof qn, "evq");
    int rc = mq_channel_open(c, &ch);
    rc = rc ? rc : mq_channel_open(c, &other);
    rc = rc ? rc : mq_queue_declare(c, ch, q, false, false, false, true, mq_bytes_of(NULL, 0), NULL, NULL, NULL);
    for (int i = 0; i < 5 && rc == 0; i++) {
        char b[8];
        int n = snprintf(b, sizeof b, "e%d", i);
        rc = mq_basic_publish(c, ch, mq_cstr(""), q, false, false, NULL, b, (size_t)n);
    }
    /* wait until the broker has them (a get would take one; use declare counts) */
    uint32_t cnt = 0;
    for (int i = 0; i < 100 && rc == 0 && cnt < 5; i++) {
        rc = mq_queue_declare(c, other, q, true, false, false, false, mq_bytes_of(NULL, 0), NULL, &cnt, NULL);
        if (cnt < 5) usleep(10000);
    }
    rc = rc ? rc : mq_basic_consume(c, ch, q, mq_cstr(""), false, true, false, mq_bytes_of(NULL, 0), NULL);
    usleep(300000); /* the deliveries are now in our socket */
    rc = rc ? rc : mq_basic_qos(c, other, 0, 0, false);
    TAP_OK(rc == 0 && mq_conn_has_buffered(c), "deliveries queued while an RPC on another channel ran");
    int ok = 1;
    for (int i = 0; i < 5; i++) {
        mq_event ev;
        char b[8];
        int n = snprintf(b, sizeof b, "e%d", i);
        int w = mq_conn_wait_event(c, ch, MQ_EV_DELIVER, 2, &ev);
        if (w != 1 || ev.msg.body_len != (size_t)n || memcmp(ev.msg.body, b, (size_t)n) != 0) ok = 0;
        if (w == 1) mq_message_release(c, &ev.msg);
    }
    TAP_OK(ok, "queued events delivered afterwards, in order");
    mq_event ev;
    EQ(mq_conn_wait_event(c, 0, MQ_EV_ANY, -1, &ev), 0, "nothing else pending (non-blocking wait)");
    mq_conn_drop_events(c, 0);
    mq_queue_delete(c, other, q, false, false, NULL);
    EQ(mq_conn_close(c), 0, "close with open channels and a consumer");
    mq_conn_free(c);
}

/* The count of queued confirms/returns (mq_conn_queued_async): up on every
 * ack/nack/return queued, down on every one taken or dropped; deliveries do
 * not count. */
static void test_queued_async(void)
{
    mq_conn *c = connect_default();
    uint16_t ch = 0, other = 0;
    char qn[64], nn[64];
    mq_bytes q = uname(qn, sizeof qn, "async");
    mq_bytes nowhere = uname(nn, sizeof nn, "nowhere");
    mq_event ev;
    const int K = 50;
    EQ(mq_conn_queued_async(c), 0, "queued_async: 0 after open");
    int rc = mq_channel_open(c, &ch);
    rc = rc ? rc : mq_channel_open(c, &other);
    rc = rc ? rc : mq_queue_declare(c, other, q, false, false, false, true, mq_bytes_of(NULL, 0), NULL, NULL, NULL);
    rc = rc ? rc : mq_confirm_select(c, ch);
    /* deliveries queued on the other channel must not count */
    for (int i = 0; i < 5 && rc == 0; i++) rc = mq_basic_publish(c, other, mq_cstr(""), q, false, false, NULL, "d", 1);
    rc = rc ? rc : mq_basic_consume(c, other, q, mq_cstr(""), false, true, false, mq_bytes_of(NULL, 0), NULL);
    usleep(300000);
    /* unroutable mandatory publishes: a return and an ack each, sent by the
     * broker before the reply of the next RPC on the channel */
    for (int i = 0; i < K && rc == 0; i++) rc = mq_basic_publish(c, ch, mq_cstr(""), nowhere, true, false, NULL, "r", 1);
    rc = rc ? rc : mq_basic_qos(c, ch, 0, 0, false);
    size_t n = mq_conn_queued_async(c);
    TAP_OK(rc == 0 && n >= (size_t)K + 1 && n <= 2 * (size_t)K,
           "queued_async counts the %d returns and their acks read during an RPC (%zu)", K, n);
    int delivered = 0;
    while (mq_conn_wait_event(c, other, MQ_EV_DELIVER, -1, &ev) == 1) {
        mq_message_release(c, &ev.msg);
        delivered++;
    }
    TAP_OK(delivered == 5 && mq_conn_queued_async(c) == n,
           "taking %d queued deliveries leaves the count alone", delivered);
    int returns = 0, steps_ok = 1;
    uint64_t acked = 0;
    while (mq_conn_queued_async(c) > 0) {
        size_t before = mq_conn_queued_async(c);
        if (mq_conn_wait_event(c, 0, MQ_EV_ASYNC, -1, &ev) != 1 || mq_conn_queued_async(c) != before - 1) {
            steps_ok = 0;
            break;
        }
        if (ev.kind == MQ_EV_RETURN) {
            returns++;
            mq_message_release(c, &ev.msg);
        } else if (ev.kind == MQ_EV_ACK) {
            acked = ev.delivery_tag;
        }
    }
    TAP_OK(steps_ok && returns == K && acked == (uint64_t)K,
           "each one taken lowers the count by 1: %d returns, acked up to %llu", returns, (unsigned long long)acked);
    EQ(mq_conn_wait_event(c, 0, MQ_EV_ASYNC, -1, &ev), 0, "count 0: nothing left to take");

    /* dropping the channel's events (and only its own) */
    for (int i = 0; i < K && rc == 0; i++) rc = mq_basic_publish(c, ch, mq_cstr(""), nowhere, true, false, NULL, "r", 1);
    rc = rc ? rc : mq_basic_qos(c, ch, 0, 0, false);
    n = mq_conn_queued_async(c);
    mq_conn_drop_events(c, other);
    TAP_OK(rc == 0 && n > (size_t)K && mq_conn_queued_async(c) == n, "drop_events of another channel: count kept");
    mq_conn_drop_events(c, ch);
    EQ(mq_conn_queued_async(c), 0, "drop_events of the channel: count 0");
    for (int i = 0; i < K && rc == 0; i++) rc = mq_basic_publish(c, ch, mq_cstr(""), nowhere, true, false, NULL, "r", 1);
    rc = rc ? rc : mq_basic_qos(c, ch, 0, 0, false);
    TAP_OK(rc == 0 && mq_conn_queued_async(c) > (size_t)K, "queued again");
    mq_conn_drop_events(c, 0);
    EQ(mq_conn_queued_async(c), 0, "drop_events(0): count 0");
    for (int i = 0; i < K && rc == 0; i++) rc = mq_basic_publish(c, ch, mq_cstr(""), nowhere, true, false, NULL, "r", 1);
    rc = rc ? rc : mq_basic_qos(c, ch, 0, 0, false);
    TAP_OK(rc == 0 && mq_conn_queued_async(c) > (size_t)K, "queued once more");
    mq_queue_delete(c, other, q, false, false, NULL);
    EQ(mq_conn_close(c), 0, "close");
    EQ(mq_conn_queued_async(c), 0, "count 0 after close (queue cleared)");
    mq_conn_free(c);
}

/* The queue's bound: MQ_ASYNC_QUEUE_MAX events per channel, the oldest
 * dropped beyond, reported once; other channels untouched. */
static void test_async_bound(void)
{
    mq_conn *c = connect_default();
    uint16_t ch = 0, other = 0;
    char nn[64], body[32];
    mq_bytes nowhere = uname(nn, sizeof nn, "nowhere");
    mq_event ev;
    const int N = MQ_ASYNC_QUEUE_MAX + 904;
    int rc = mq_channel_open(c, &ch);
    rc = rc ? rc : mq_channel_open(c, &other);
    for (int i = 0; i < 3 && rc == 0; i++) rc = mq_basic_publish(c, other, mq_cstr(""), nowhere, true, false, NULL, "o", 1);
    for (int i = 0; i < N && rc == 0; i++) {
        int n = snprintf(body, sizeof body, "m%d", i);
        rc = mq_basic_publish(c, ch, mq_cstr(""), nowhere, true, false, NULL, body, (size_t)n);
    }
    /* returns come before the reply of the next RPC on their channel */
    rc = rc ? rc : mq_basic_qos(c, other, 0, 0, false);
    rc = rc ? rc : mq_basic_qos(c, ch, 0, 0, false);
    TAP_OK(rc == 0 && mq_conn_queued_async(c) == (size_t)MQ_ASYNC_QUEUE_MAX + 3,
           "%d returns on one channel, 3 on another: %d + 3 kept (%zu)", N, MQ_ASYNC_QUEUE_MAX,
           mq_conn_queued_async(c));
    TAP_OK(mq_conn_has_dropped(c) && mq_channel_take_dropped(c, other) == 0, "a drop to report, not on the other channel");
    EQ(mq_channel_take_dropped(c, ch), 904, "904 dropped on the channel");
    TAP_OK(!mq_conn_has_dropped(c) && mq_channel_take_dropped(c, ch) == 0, "reported once");
    int w = mq_conn_wait_event(c, ch, MQ_EV_RETURN, -1, &ev);
    TAP_OK(w == 1 && ev.msg.body_len == 4 && memcmp(ev.msg.body, "m904", 4) == 0, "the oldest kept is m904");
    if (w == 1) mq_message_release(c, &ev.msg);
    for (int i = 0; i < 10 && rc == 0; i++) rc = mq_basic_publish(c, ch, mq_cstr(""), nowhere, true, false, NULL, "x", 1);
    rc = rc ? rc : mq_basic_qos(c, ch, 0, 0, false);
    TAP_OK(rc == 0 && mq_conn_queued_async(c) == (size_t)MQ_ASYNC_QUEUE_MAX + 3 && !mq_conn_has_dropped(c),
           "more drops: bound kept, no second report");
    int others = 0;
    while (mq_conn_wait_event(c, other, MQ_EV_RETURN, -1, &ev) == 1) {
        others++;
        mq_message_release(c, &ev.msg);
    }
    EQ(others, 3, "the other channel's 3 returns are all there");
    mq_conn_drop_events(c, ch);
    EQ(mq_conn_queued_async(c), 0, "drop_events: count 0");
    mq_conn_close(c);
    mq_conn_free(c);
}

/* channel.open with basic.qos in the same write: the prefetch holds; when
 * a basic.qos is refused the channel still got its id. */
static void test_open_qos(void)
{
    mq_conn *c = connect_default();
    uint16_t ch = 0, id = 0;
    char qn[64];
    mq_bytes q = uname(qn, sizeof qn, "openqos");
    const mq_basic_qos_t qos[2] = {{0, 2, false}, {0, 5, true}};
    int rc = mq_channel_open_qos(c, &ch, qos, 2);
    TAP_OK(rc == 0 && ch != 0 && mq_channel_is_open(c, ch), "open + 2 x qos in one round trip: channel %u", ch);
    rc = rc ? rc : mq_queue_declare(c, ch, q, false, false, false, true, mq_bytes_of(NULL, 0), NULL, NULL, NULL);
    for (int i = 0; i < 5 && rc == 0; i++) rc = mq_basic_publish(c, ch, mq_cstr(""), q, false, false, NULL, "p", 1);
    rc = rc ? rc : mq_basic_consume(c, ch, q, mq_cstr("qos"), false, false, false, mq_bytes_of(NULL, 0), NULL);
    int got = 0;
    mq_event ev;
    for (; rc == 0 && mq_conn_wait_event(c, ch, MQ_EV_DELIVER, 0.3, &ev) == 1; got++) mq_message_release(c, &ev.msg);
    TAP_OK(rc == 0 && got == 2, "prefetch 2 from the pipelined basic.qos: %d deliveries unacked", got);
    const mq_basic_qos_t bad[1] = {{4096, 0, false}}; /* RabbitMQ: 540, prefetch_size not implemented */
    rc = mq_channel_open_qos(c, &id, bad, 1);
    /* RabbitMQ writes channel.open-ok (the channel's writer) and the 540
     * connection.close (the connection's) from two processes: the close
     * may come first, and the open-ok then never does (1 run in ~15 under
     * load).  So the id is 0 or the next one; that an open-ok before the
     * refusal gives the id is pinned against the fake server
     * (test_conn_safety.c, t_open_qos_refused). */
    TAP_OK(rc == MQ_E_CONNECTION_CLOSED && (id == 0 || id == ch + 1) && mq_conn_error(c)->reply_code == 540 &&
               !mq_conn_is_open(c),
           "refused basic.qos: channel id %u (0 or the next one), the server's %u closed the connection", id,
           mq_conn_error(c)->reply_code);
    id = 7;
    TAP_OK(mq_channel_open_qos(c, &id, qos, 1) == MQ_E_NOT_CONNECTED && id == 0, "closed connection: id 0");
    mq_conn_free(c);
}

/* Waits block in recv() (SO_RCVTIMEO) on a blocking socket; should the
 * descriptor be made non-blocking behind the connection's back (it is
 * shared with getStream()), a wait still sleeps instead of spinning. */
static void test_wait_nonblocking_fd(void)
{
    mq_conn *c = connect_default();
    int fd = mq_conn_fd(c);
    TAP_OK(fd >= 0 && !(fcntl(fd, F_GETFL) & O_NONBLOCK), "TCP socket is blocking while open");
    for (int round = 0; round < 2; round++) {
        if (round == 1) fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
        double t0 = mono_s(), c0 = cpu_s();
        mq_event ev;
        int w = mq_conn_wait_event(c, 0, MQ_EV_ANY, 0.5, &ev);
        double el = mono_s() - t0, cpu = cpu_s() - c0;
        TAP_OK(w == 0 && el > 0.45 && el < 0.7 && cpu < 0.1 && mq_conn_is_open(c),
               "%s socket: a 0.5 s wait with nothing to read returns 0 after %.3f s using %.3f s of CPU",
               round ? "non-blocking" : "blocking", el, cpu);
    }
    EQ(mq_conn_close(c), 0, "close");
    mq_conn_free(c);
}

int main(void)
{
    srand((unsigned)time(NULL) ^ (unsigned)getpid());
    if (!getenv("MQ_TEST_PORT")) {
        TAP_OK(0, "broker env present (MQ_TEST_PORT; see tests/broker.sh)");
        tap_done();
        return 1;
    }
    test_connect();
    test_refusals();
    test_limited_user();
    test_tls();
    test_publish_get();
    test_confirms();
    test_channels();
    test_channel_order();
    test_open_qos();
    test_events_during_rpc();
    test_queued_async();
    test_async_bound();
    test_consume();
    test_heartbeat();
    test_wait_nonblocking_fd();
    return tap_done();
}

/* SPDX-License-Identifier: MIT */
/*
 * Fault tests of the connection layer against the tiny fake AMQP server of
 * fake_server.h, which runs in a thread of this process on
 * 127.0.0.1:<ephemeral>.  The server speaks just enough of the handshake and
 * then misbehaves in the ways a real broker will not: bad frame end octets,
 * oversized frames, unknown methods, inconsistent content, closes and resets
 * in the middle of a message, one byte at a time; it also refuses the login,
 * offers no PLAIN, closes a channel, blocks the connection, and checks that a
 * big publish (16 MiB) arrives in frames of frame_max.  Every case must end
 * in a clean error (or success) within its deadline: no crash, no hang, no
 * leak (run under ASan/UBSan and valgrind).  Server-side observations come
 * back in fake.result.  Stalls, timeouts, heartbeats and signals:
 * test_conn_fake_liveness.c.
 */
#include <errno.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "fake_server.h"

/* ---- scripts ---------------------------------------------------------------- */

static void s_bad_end(fake *f, int fd)
{
    uint16_t ch;
    if (srv_handshake(f, fd) < 0 || srv_expect(f, fd, &ch, false, 5000) != MQ_CHANNEL_OPEN) return;
    uint8_t pl[8] = {0, 20, 0, 11, 0, 0, 0, 0}; /* channel.open-ok, empty longstr */
    srv_raw(f, fd, MQ_FRAME_METHOD, ch, pl, 8, 0x00);
    srv_drain(f, fd, 3000);
}

static void s_too_big(fake *f, int fd)
{
    uint16_t ch;
    if (srv_handshake(f, fd) < 0 || srv_expect(f, fd, &ch, false, 5000) != MQ_CHANNEL_OPEN) return;
    uint8_t *pl = calloc(1, 6000);
    pl[1] = 20, pl[3] = 11;
    srv_raw(f, fd, MQ_FRAME_METHOD, ch, pl, 6000, MQ_FRAME_END);
    free(pl);
    srv_drain(f, fd, 3000);
}

static void s_unknown_method(fake *f, int fd)
{
    if (srv_channel(f, fd) < 0) return;
    uint8_t pl[4] = {0, 60, 0x03, 0xE7}; /* basic.<999> */
    srv_raw(f, fd, MQ_FRAME_METHOD, 1, pl, 4, MQ_FRAME_END);
    srv_drain(f, fd, 3000);
}

static void s_body_too_long(fake *f, int fd)
{
    if (srv_channel(f, fd) < 0) return;
    srv_deliver(f, fd, 1, 1);
    srv_header(f, fd, 1, MQ_BASIC_CLASS, 5);
    srv_raw(f, fd, MQ_FRAME_BODY, 1, "0123456789", 10, MQ_FRAME_END);
    srv_drain(f, fd, 3000);
}

static void s_class_mismatch(fake *f, int fd)
{
    if (srv_channel(f, fd) < 0) return;
    srv_deliver(f, fd, 1, 1);
    srv_header(f, fd, 1, MQ_QUEUE_CLASS, 5);
    srv_drain(f, fd, 3000);
}

static void s_body_without_header(fake *f, int fd)
{
    if (srv_channel(f, fd) < 0) return;
    srv_raw(f, fd, MQ_FRAME_BODY, 1, "abc", 3, MQ_FRAME_END);
    srv_drain(f, fd, 3000);
}

static void s_unopened_channel(fake *f, int fd)
{
    if (srv_channel(f, fd) < 0) return;
    srv_deliver(f, fd, 5, 1);
    srv_drain(f, fd, 3000);
}

static void s_close_mid_message(fake *f, int fd)
{
    if (srv_channel(f, fd) < 0) return;
    static char half[50];
    srv_deliver(f, fd, 1, 1);
    srv_header(f, fd, 1, MQ_BASIC_CLASS, 100);
    srv_raw(f, fd, MQ_FRAME_BODY, 1, half, sizeof half, MQ_FRAME_END);
    mq_connection_close_t c = {320, mq_cstr("CONNECTION_FORCED - shutdown"), 0, 0};
    srv_method(f, fd, 0, MQ_CONNECTION_CLOSE, &c);
    if (srv_expect(f, fd, NULL, false, 3000) == MQ_CONNECTION_CLOSE_OK) f->result = 1;
}

static void s_eof_mid_message(fake *f, int fd)
{
    if (srv_channel(f, fd) < 0) return;
    static char half[50];
    srv_deliver(f, fd, 1, 1);
    srv_header(f, fd, 1, MQ_BASIC_CLASS, 100);
    srv_raw(f, fd, MQ_FRAME_BODY, 1, half, sizeof half, MQ_FRAME_END);
    usleep(100000);
}

static void s_reset(fake *f, int fd)
{
    if (srv_channel(f, fd) < 0) return;
    usleep(200000);
    struct linger l = {1, 0};
    setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l); /* close() sends RST */
}

/* Everything one byte per write: handshake, open-ok, a 3-frame delivery,
 * get-ok and get-empty; then the client's ack and close. */
static void s_trickle(fake *f, int fd)
{
    f->trickle = true;
    if (srv_channel(f, fd) < 0) return;
    char body[300];
    for (int i = 0; i < 300; i++) body[i] = (char)('a' + i % 26);
    srv_deliver(f, fd, 1, 7);
    srv_header(f, fd, 1, MQ_BASIC_CLASS, 300);
    srv_raw(f, fd, MQ_FRAME_BODY, 1, body, 100, MQ_FRAME_END);
    srv_raw(f, fd, MQ_FRAME_BODY, 1, body + 100, 100, MQ_FRAME_END);
    srv_raw(f, fd, MQ_FRAME_BODY, 1, body + 200, 100, MQ_FRAME_END);
    uint16_t ch;
    uint32_t id = srv_expect(f, fd, &ch, false, 5000);
    if (id == MQ_BASIC_ACK && mq_get64(f->buf + 4) == 7) f->result |= 1;
    if (srv_expect(f, fd, &ch, false, 5000) != MQ_BASIC_GET) return;
    mq_basic_get_ok_t g = {9, true, mq_cstr(""), mq_cstr("q"), 3};
    srv_method(f, fd, 1, MQ_BASIC_GET_OK, &g);
    srv_header(f, fd, 1, MQ_BASIC_CLASS, 5);
    srv_raw(f, fd, MQ_FRAME_BODY, 1, "hello", 5, MQ_FRAME_END);
    if (srv_expect(f, fd, &ch, false, 5000) != MQ_BASIC_GET) return;
    mq_basic_get_empty_t e = {mq_bytes_of(NULL, 0)};
    srv_method(f, fd, 1, MQ_BASIC_GET_EMPTY, &e);
    f->result |= 2;
    f->trickle = false;
    srv_closing(f, fd);
}

static void s_auth_refused(fake *f, int fd)
{
    if (srv_start(f, fd) < 0) return;
    mq_connection_close_t c = {403, mq_cstr("ACCESS_REFUSED - Login was refused"), 0, 0};
    srv_method(f, fd, 0, MQ_CONNECTION_CLOSE, &c);
    if (srv_expect(f, fd, NULL, false, 3000) == MQ_CONNECTION_CLOSE_OK) f->result = 1;
}

static void s_no_plain(fake *f, int fd)
{
    uint8_t hdr[8];
    if (read_full(fd, hdr, 8, 5000) < 0) return;
    mq_connection_start_t s = {0, 9, mq_bytes_of(NULL, 0), mq_cstr("AMQPLAIN EXTERNAL"), mq_cstr("en_US")};
    srv_method(f, fd, 0, MQ_CONNECTION_START, &s);
    srv_drain(f, fd, 3000);
}

static void s_chan_close(fake *f, int fd)
{
    if (srv_channel(f, fd) < 0) return;
    mq_channel_close_t c = {406, mq_cstr("PRECONDITION_FAILED - test"), 60, 40};
    srv_method(f, fd, 1, MQ_CHANNEL_CLOSE, &c);
    uint16_t ch;
    if (srv_expect(f, fd, &ch, false, 3000) == MQ_CHANNEL_CLOSE_OK && ch == 1) f->result = 1;
    srv_closing(f, fd);
}

/* connection.blocked right after open-ok; unblocked after the client's qos. */
static void s_blocked(fake *f, int fd)
{
    uint16_t ch;
    if (srv_channel(f, fd) < 0) return;
    mq_connection_blocked_t b = {mq_cstr("low on memory")};
    srv_method(f, fd, 0, MQ_CONNECTION_BLOCKED, &b);
    if (srv_expect(f, fd, &ch, false, 5000) != MQ_BASIC_QOS) return;
    mq_basic_qos_ok_t ok;
    srv_method(f, fd, ch, MQ_BASIC_QOS_OK, &ok);
    mq_connection_unblocked_t u;
    srv_method(f, fd, 0, MQ_CONNECTION_UNBLOCKED, &u);
    if (srv_expect(f, fd, &ch, false, 5000) == MQ_BASIC_PUBLISH) f->result = 1;
    srv_closing(f, fd);
}

/* frame_max 4096: a big publish must arrive as frames of <= 4088 payload
 * bytes whose concatenation is the body (16 MiB: > IOV_MAX iovecs). */
static size_t big_len;
static void s_big_publish(fake *f, int fd)
{
    uint16_t ch;
    if (srv_channel(f, fd) < 0) return;
    if (srv_expect(f, fd, &ch, false, 5000) != MQ_BASIC_PUBLISH) return;
    uint8_t type;
    uint32_t size;
    if (srv_frame(f, fd, &type, &ch, &size, 5000) < 0 || type != MQ_FRAME_HEADER) return;
    uint64_t total = mq_get64(f->buf + 4), got = 0;
    bool ok = total == big_len;
    while (ok && got < total) {
        if (srv_frame(f, fd, &type, &ch, &size, 5000) < 0 || type != MQ_FRAME_BODY || size > 4088 ||
            ch != 1)
            ok = false;
        for (uint32_t i = 0; ok && i < size; i++)
            if (f->buf[i] != (uint8_t)((got + i) * 31 + ((got + i) >> 12))) ok = false;
        got += size;
    }
    f->result = ok && got == total;
    srv_closing(f, fd);
}

/* ---- client side ------------------------------------------------------------- */

/* Connects, opens channel 1 and waits for an event: the expected error. */
static void expect_wait_error(script_fn s, int want, const char *what)
{
    fake f = {0};
    fake_start(&f, s);
    mq_conn_params p = fparams(&f);
    mq_conn *c = mq_conn_new();
    uint16_t ch = 0;
    int rc = mq_conn_open(c, &p);
    if (!rc) rc = mq_channel_open(c, &ch);
    mq_event ev;
    if (!rc) rc = mq_conn_wait_event(c, 0, MQ_EV_ANY, 5, &ev);
    if (rc == 1) mq_message_release(c, &ev.msg);
    TAP_OK(rc == want && !mq_conn_is_open(c), "%s: %d (%s)", what, rc, mq_conn_error(c)->text);
    mq_conn_free(c);
    fake_stop(&f);
}

static void t_frames(void)
{
    fake f = {0};
    fake_start(&f, s_bad_end);
    mq_conn_params p = fparams(&f);
    mq_conn *c = mq_conn_new();
    uint16_t ch;
    int rc = mq_conn_open(c, &p);
    EQ(rc, 0, "fake server handshake");
    rc = mq_channel_open(c, &ch);
    TAP_OK(rc == MQ_E_FRAME && !mq_conn_is_open(c) && strstr(mq_conn_error(c)->text, "end octet"),
           "wrong frame end byte: %d (%s)", rc, mq_conn_error(c)->text);
    mq_conn_free(c);
    fake_stop(&f);

    f.frame_max = 4096;
    fake_start(&f, s_too_big);
    p = fparams(&f);
    c = mq_conn_new();
    rc = mq_conn_open(c, &p);
    TAP_OK(rc == 0 && mq_conn_frame_max(c) == 4096, "frame_max 4096 from the server");
    rc = mq_channel_open(c, &ch);
    TAP_OK(rc == MQ_E_FRAME && !mq_conn_is_open(c) && strstr(mq_conn_error(c)->text, "frame_max"),
           "frame larger than frame_max: %d (%s)", rc, mq_conn_error(c)->text);
    mq_conn_free(c);
    fake_stop(&f);
    f.frame_max = 0;

    expect_wait_error(s_unknown_method, MQ_E_PROTOCOL, "unknown method id");
    expect_wait_error(s_body_too_long, MQ_E_PROTOCOL, "body longer than the header says");
    expect_wait_error(s_class_mismatch, MQ_E_PROTOCOL, "header class differs from the method's");
    expect_wait_error(s_body_without_header, MQ_E_PROTOCOL, "body frame without a header");
    expect_wait_error(s_unopened_channel, MQ_E_PROTOCOL, "frame for a channel never opened");
    expect_wait_error(s_eof_mid_message, MQ_E_CLOSED, "EOF in the middle of a message");
    expect_wait_error(s_reset, MQ_E_CLOSED, "connection reset");
}

static void t_close_mid_message(void)
{
    fake f = {0};
    fake_start(&f, s_close_mid_message);
    mq_conn_params p = fparams(&f);
    mq_conn *c = mq_conn_new();
    uint16_t ch;
    mq_event ev;
    int rc = mq_conn_open(c, &p);
    if (!rc) rc = mq_channel_open(c, &ch);
    if (!rc) rc = mq_conn_wait_event(c, 0, MQ_EV_ANY, 5, &ev);
    const mq_error *e = mq_conn_error(c);
    TAP_OK(rc == MQ_E_CONNECTION_CLOSED && e->reply_code == 320 && strstr(e->text, "CONNECTION_FORCED"),
           "connection.close in the middle of a message: %d %u (%s)", rc, e->reply_code, e->text);
    mq_conn_free(c);
    fake_stop(&f);
    TAP_OK(f.result == 1, "client answered the server's close with close-ok");
}

static void t_trickle(void)
{
    fake f = {0};
    fake_start(&f, s_trickle);
    mq_conn_params p = fparams(&f);
    mq_conn *c = mq_conn_new();
    uint16_t ch = 0;
    int rc = mq_conn_open(c, &p);
    TAP_OK(rc == 0, "handshake one byte at a time");
    if (!rc) rc = mq_channel_open(c, &ch);
    mq_event ev;
    int w = rc ? rc : mq_conn_wait_event(c, 0, MQ_EV_ANY, 5, &ev);
    bool ok = w == 1 && ev.kind == MQ_EV_DELIVER && ev.msg.body_len == 300 && ev.msg.delivery_tag == 7;
    for (int i = 0; ok && i < 300; i++) ok = ev.msg.body[i] == (char)('a' + i % 26);
    TAP_OK(ok && ev.msg.consumer_tag.len == 4 && memcmp(ev.msg.consumer_tag.ptr, "ctag", 4) == 0,
           "delivery assembled from single bytes");
    if (w == 1) {
        mq_basic_ack(c, ch, ev.msg.delivery_tag, false);
        mq_message_release(c, &ev.msg);
    }
    mq_message m;
    int g = mq_basic_get(c, ch, mq_cstr("q"), false, &m);
    TAP_OK(g == 1 && m.body_len == 5 && memcmp(m.body, "hello", 5) == 0 && m.delivery_tag == 9 &&
               m.redelivered && m.message_count == 3,
           "get-ok one byte at a time");
    if (g == 1) mq_message_release(c, &m);
    EQ(mq_basic_get(c, ch, mq_cstr("q"), false, &m), 0, "get-empty one byte at a time");
    EQ(mq_conn_close(c), 0, "close");
    mq_conn_free(c);
    fake_stop(&f);
    TAP_OK(f.result == 3, "server saw the ack and both gets (%d)", f.result);
}

static void t_handshake_faults(void)
{
    fake f = {0};
    fake_start(&f, s_auth_refused);
    mq_conn_params p = fparams(&f);
    mq_conn *c = mq_conn_new();
    int rc = mq_conn_open(c, &p);
    const mq_error *e = mq_conn_error(c);
    TAP_OK(rc == MQ_E_CONNECTION_CLOSED && e->reply_code == 403 && !strstr(e->text, "s3cret"),
           "close during the handshake: %d %u (%s)", rc, e->reply_code, e->text);
    mq_conn_free(c);
    fake_stop(&f);
    TAP_OK(f.result == 1, "close-ok sent during the handshake");

    fake_start(&f, s_no_plain);
    p = fparams(&f);
    c = mq_conn_new();
    rc = mq_conn_open(c, &p);
    TAP_OK(rc == MQ_E_AUTH && !mq_conn_is_open(c), "no PLAIN mechanism: MQ_E_AUTH (%s)", mq_conn_error(c)->text);
    mq_conn_free(c);
    fake_stop(&f);

    /* refused: a port that was just free */
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a;
    socklen_t al = sizeof a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(s, (struct sockaddr *)&a, sizeof a);
    getsockname(s, (struct sockaddr *)&a, &al);
    close(s);
    p.port = ntohs(a.sin_port);
    c = mq_conn_new();
    rc = mq_conn_open(c, &p);
    TAP_OK(rc == MQ_E_CONNECT && mq_conn_error(c)->sys_errno == ECONNREFUSED &&
               strcmp(mq_conn_error(c)->text, "a socket error occurred") == 0,
           "connection refused: %d errno %d", rc, mq_conn_error(c)->sys_errno);
    EQ(mq_channel_open(c, &(uint16_t){0}), MQ_E_NOT_CONNECTED, "channel_open on a closed connection");
    mq_conn_free(c);
}

static void t_channel_close_and_blocked(void)
{
    fake f = {0};
    fake_start(&f, s_chan_close);
    mq_conn_params p = fparams(&f);
    mq_conn *c = mq_conn_new();
    uint16_t ch = 0;
    mq_event ev;
    int rc = mq_conn_open(c, &p);
    if (!rc) rc = mq_channel_open(c, &ch);
    int w = rc ? rc : mq_conn_wait_event(c, ch, MQ_EV_ANY, 5, &ev);
    const mq_error *e = mq_channel_error(c, ch);
    TAP_OK(w == MQ_E_CHANNEL_CLOSED && e->reply_code == 406 && e->class_id == 60 && e->method_id == 40 &&
               mq_conn_error(c)->channel == ch,
           "server channel.close reaches the waiter on that channel (%s)", e->text);
    TAP_OK(mq_conn_is_open(c) && !mq_channel_is_open(c, ch), "connection open, channel closed");
    EQ(mq_conn_close(c), 0, "close");
    mq_conn_free(c);
    fake_stop(&f);
    TAP_OK(f.result == 1, "server got channel.close-ok");

    fake_start(&f, s_blocked);
    p = fparams(&f);
    p.write_timeout = 0.3;
    c = mq_conn_new();
    rc = mq_conn_open(c, &p);
    if (!rc) rc = mq_channel_open(c, &ch);
    for (int i = 0; i < 200 && !rc && !mq_conn_is_blocked(c); i++) { /* blocked follows open-ok */
        rc = mq_conn_service(c);
        usleep(10000);
    }
    TAP_OK(rc == 0 && mq_conn_is_blocked(c), "connection.blocked noticed by mq_conn_service");
    double t0 = now_s();
    int pr = rc ? rc : mq_basic_publish(c, ch, mq_cstr(""), mq_cstr("q"), false, false, NULL, "x", 1);
    double el = now_s() - t0;
    TAP_OK(pr == MQ_E_BLOCKED && el > 0.25 && el < 0.4 && mq_conn_is_open(c),
           "publish while blocked: MQ_E_BLOCKED after the write timeout (%.3f s)", el);
    TAP_OK(mq_conn_is_blocked(c), "blocked flag still set");
    TAP_OK(strcmp(mq_conn_error(c)->text, "connection blocked by the server: low on memory") == 0 &&
               strcmp(mq_conn_blocked_reason(c), "low on memory") == 0,
           "MQ_E_BLOCKED text and mq_conn_blocked_reason() name the reason");
    {
        bool b = false;
        const char *why = NULL;
        int n1 = mq_conn_take_blocked_notice(c, &b, &why);
        TAP_OK(n1 == 1 && b && why && strcmp(why, "low on memory") == 0, "blocked notice recorded");
        TAP_OK(mq_conn_take_blocked_notice(c, &b, &why) == 0, "one notice only");
    }
    rc = mq_basic_qos(c, ch, 0, 1, false);
    pr = rc ? rc : mq_basic_publish(c, ch, mq_cstr(""), mq_cstr("q"), false, false, NULL, "x", 1);
    TAP_OK(pr == 0 && !mq_conn_is_blocked(c), "publish after unblocked");
    {
        mq_event ev;
        int w1 = mq_conn_wait_event(c, 0, MQ_EV_BLOCKED, -1.0, &ev);
        TAP_OK(w1 == 1 && ev.kind == MQ_EV_BLOCKED && !ev.blocked && ev.reason.len == 0,
               "unblocked notice taken by a wait for MQ_EV_BLOCKED");
        TAP_OK(mq_conn_wait_event(c, 0, MQ_EV_BLOCKED, -1.0, &ev) == 0, "no more notices");
    }
    EQ(mq_conn_close(c), 0, "close");
    mq_conn_free(c);
    fake_stop(&f);
    TAP_OK(f.result == 1, "server got the publish");
}

static void t_big_publish(void)
{
    size_t lens[] = {200000, 16u << 20};
    for (size_t k = 0; k < 2; k++) {
        fake f = {0};
        f.frame_max = 4096;
        big_len = lens[k];
        fake_start(&f, s_big_publish);
        mq_conn_params p = fparams(&f);
        p.frame_max = 0; /* take the server's */
        mq_conn *c = mq_conn_new();
        uint16_t ch = 0;
        char *body = malloc(big_len);
        for (size_t i = 0; i < big_len; i++) body[i] = (char)(i * 31 + (i >> 12));
        int rc = mq_conn_open(c, &p);
        if (!rc) rc = mq_channel_open(c, &ch);
        if (!rc) rc = mq_basic_publish(c, ch, mq_cstr(""), mq_cstr("q"), false, false, NULL, body, big_len);
        EQ(rc, 0, "big publish written");
        EQ(mq_conn_close(c), 0, "close");
        mq_conn_free(c);
        fake_stop(&f);
        free(body);
        TAP_OK(f.result == 1, "%zu-byte body arrived in frames of <= frame_max (%zu iovecs)", big_len,
               2 * ((big_len + 4087) / 4088) + 1);
    }
}

int main(void)
{
    t_frames();
    t_close_mid_message();
    t_trickle();
    t_handshake_faults();
    t_channel_close_and_blocked();
    t_big_publish();
    return tap_done();
}

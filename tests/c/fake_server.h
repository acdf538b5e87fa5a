/* SPDX-License-Identifier: MIT */
/*
 * A tiny fake AMQP server for the connection layer's tests
 * (tests/c/test_conn_fake*.c).  fake_start() listens on 127.0.0.1:<ephemeral>
 * and runs a server thread that accepts one connection and hands it to a
 * script; fake_stop() joins that thread.  Scripts are built from the helpers
 * here: the handshake with the mechanisms and tune values of struct fake
 * (srv_handshake; srv_channel also opens channel 1), method, content header,
 * delivery and raw frames with any payload and end octet (srv_raw),
 * optionally one byte per write (f->trickle), reading frames and methods
 * (srv_frame, srv_expect, srv_drain; heartbeats can be counted into
 * f->result) and answering the client's connection.close (srv_closing).  A
 * script's verdict comes back in f->result; fparams() gives client parameters
 * pointing at the server.  Everything is static inline, so that each test
 * program uses what it needs without unused-function warnings.
 */
#ifndef MQ_FAKE_SERVER_H
#define MQ_FAKE_SERVER_H

#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "mq_conn.h"
#include "tap.h"

/* TAP_EQ_INT evaluates its first argument twice: evaluate calls once here. */
#define EQ(expr, want, what)                    \
    do {                                        \
        long long eq_v_ = (long long)(expr);    \
        TAP_EQ_INT(eq_v_, (want), (what));      \
    } while (0)

typedef struct fake fake;
typedef void (*script_fn)(fake *f, int fd);

struct fake {
    int lfd;              /* listening socket */
    uint16_t port;        /* its port */
    pthread_t tid;        /* server thread */
    script_fn script;     /* what the server does after accept */
    uint16_t channel_max; /* offered in tune */
    uint32_t frame_max;
    uint16_t heartbeat;
    const char *mechs;    /* offered mechanisms */
    bool trickle;         /* send one byte per write */
    int result;           /* the script's verdict / count */
    uint8_t *buf;         /* frame read buffer */
    size_t cap;
};

static inline double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* ---- server side helpers ------------------------------------------------------- */

static inline int srv_write(fake *f, int fd, const void *p, size_t n)
{
    const uint8_t *b = p;
    size_t step = f->trickle ? 1 : n;
    while (n > 0) {
        ssize_t k = send(fd, b, n < step ? n : step, MSG_NOSIGNAL);
        if (k < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        b += k;
        n -= (size_t)k;
        if (f->trickle) usleep(50);
    }
    return 0;
}

static inline int srv_method(fake *f, int fd, uint16_t ch, uint32_t id, const void *args)
{
    mq_wbuf w;
    mq_wbuf_init(&w);
    int rc = mq_method_frame(&w, ch, id, args);
    if (rc == 0) rc = srv_write(f, fd, w.data, w.len);
    mq_wbuf_free(&w);
    return rc;
}

/* A raw frame with an arbitrary payload and end octet. */
static inline int srv_raw(fake *f, int fd, uint8_t type, uint16_t ch, const void *payload, uint32_t n,
                          uint8_t end)
{
    uint8_t *b = malloc(n + 8);
    b[0] = type;
    mq_put16(b + 1, ch);
    mq_put32(b + 3, n);
    if (n) memcpy(b + 7, payload, n);
    b[7 + n] = end;
    int rc = srv_write(f, fd, b, n + 8);
    free(b);
    return rc;
}

static inline int srv_header(fake *f, int fd, uint16_t ch, uint16_t cls, uint64_t size)
{
    mq_wbuf w;
    mq_wbuf_init(&w);
    size_t mark;
    mq_frame_begin(&w, MQ_FRAME_HEADER, ch, &mark);
    mq_header_encode(&w, cls, size, NULL);
    mq_frame_end(&w, mark);
    int rc = srv_write(f, fd, w.data, w.len);
    mq_wbuf_free(&w);
    return rc;
}

static inline int srv_deliver(fake *f, int fd, uint16_t ch, uint64_t tag)
{
    mq_basic_deliver_t d = {mq_cstr("ctag"), tag, false, mq_cstr("ex"), mq_cstr("rk")};
    return srv_method(f, fd, ch, MQ_BASIC_DELIVER, &d);
}

static inline int read_full(int fd, uint8_t *p, size_t n, int timeout_ms)
{
    while (n > 0) {
        struct pollfd pfd = {fd, POLLIN, 0};
        int r = poll(&pfd, 1, timeout_ms);
        if (r <= 0) return r < 0 && errno == EINTR ? read_full(fd, p, n, timeout_ms) : -1;
        ssize_t k = recv(fd, p, n, 0);
        if (k <= 0) return -1;
        p += k;
        n -= (size_t)k;
    }
    return 0;
}

/* Reads one frame into f->buf: its type, channel, size; -1 on EOF/timeout. */
static inline int srv_frame(fake *f, int fd, uint8_t *type, uint16_t *ch, uint32_t *size, int timeout_ms)
{
    uint8_t h[7];
    if (read_full(fd, h, 7, timeout_ms) < 0) return -1;
    *type = h[0];
    *ch = mq_get16(h + 1);
    *size = mq_get32(h + 3);
    if (*size > (64u << 20)) return -1; /* not a frame of ours */
    if (*size + 1 > f->cap) {
        f->cap = *size + 1;
        f->buf = realloc(f->buf, f->cap);
    }
    if (read_full(fd, f->buf, *size + 1, timeout_ms) < 0) return -1;
    return f->buf[*size] == MQ_FRAME_END ? 0 : -1;
}

/* Reads frames until a method frame (heartbeats counted into f->result when
 * count_hb); returns its id, or 0 on EOF/timeout. */
static inline uint32_t srv_expect(fake *f, int fd, uint16_t *ch, bool count_hb, int timeout_ms)
{
    uint8_t type;
    uint16_t c;
    uint32_t size;
    while (srv_frame(f, fd, &type, &c, &size, timeout_ms) == 0) {
        if (type == MQ_FRAME_HEARTBEAT) {
            if (count_hb) f->result++;
            continue;
        }
        if (type == MQ_FRAME_METHOD && size >= 4) {
            if (ch) *ch = c;
            return mq_get32(f->buf);
        }
    }
    return 0;
}

/* Discards everything until the client goes away (counting heartbeats). */
static inline void srv_drain(fake *f, int fd, int timeout_ms)
{
    while (srv_expect(f, fd, NULL, true, timeout_ms) != 0) {
    }
}

static inline int srv_start(fake *f, int fd)
{
    uint8_t hdr[8];
    if (read_full(fd, hdr, 8, 5000) < 0 || memcmp(hdr, "AMQP\0\0\x09\x01", 8) != 0) return -1;
    mq_connection_start_t s = {0, 9, mq_bytes_of(NULL, 0), mq_cstr(f->mechs ? f->mechs : "PLAIN AMQPLAIN"),
                               mq_cstr("en_US")};
    if (srv_method(f, fd, 0, MQ_CONNECTION_START, &s) < 0) return -1;
    return srv_expect(f, fd, NULL, false, 5000) == MQ_CONNECTION_START_OK ? 0 : -1;
}

static inline int srv_handshake(fake *f, int fd)
{
    if (srv_start(f, fd) < 0) return -1;
    mq_connection_tune_t t = {f->channel_max ? f->channel_max : 2047,
                              f->frame_max ? f->frame_max : 131072, f->heartbeat};
    if (srv_method(f, fd, 0, MQ_CONNECTION_TUNE, &t) < 0) return -1;
    if (srv_expect(f, fd, NULL, false, 5000) != MQ_CONNECTION_TUNE_OK) return -1;
    if (srv_expect(f, fd, NULL, false, 5000) != MQ_CONNECTION_OPEN) return -1;
    mq_connection_open_ok_t o = {mq_bytes_of(NULL, 0)};
    return srv_method(f, fd, 0, MQ_CONNECTION_OPEN_OK, &o);
}

/* Handshake + channel.open/open-ok on channel 1. */
static inline int srv_channel(fake *f, int fd)
{
    uint16_t ch;
    if (srv_handshake(f, fd) < 0) return -1;
    if (srv_expect(f, fd, &ch, false, 5000) != MQ_CHANNEL_OPEN) return -1;
    mq_channel_open_ok_t ok = {mq_bytes_of(NULL, 0)};
    return srv_method(f, fd, ch, MQ_CHANNEL_OPEN_OK, &ok);
}

/* Answers the client's connection.close, if it sends one. */
static inline void srv_closing(fake *f, int fd)
{
    uint32_t id;
    while ((id = srv_expect(f, fd, NULL, false, 3000)) != 0) {
        if (id == MQ_CONNECTION_CLOSE) {
            mq_connection_close_ok_t ok;
            srv_method(f, fd, 0, MQ_CONNECTION_CLOSE_OK, &ok);
            return;
        }
    }
}

static inline void *srv_main(void *arg)
{
    fake *f = arg;
    struct pollfd p = {f->lfd, POLLIN, 0};
    if (poll(&p, 1, 10000) == 1) {
        int fd = accept(f->lfd, NULL, NULL);
        if (fd >= 0) {
            int one = 1;
            setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            f->script(f, fd);
            close(fd);
        }
    }
    return NULL;
}

static inline void fake_start(fake *f, script_fn script)
{
    struct sockaddr_in a;
    socklen_t al = sizeof a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    f->lfd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    bind(f->lfd, (struct sockaddr *)&a, sizeof a);
    listen(f->lfd, 4);
    getsockname(f->lfd, (struct sockaddr *)&a, &al);
    f->port = ntohs(a.sin_port);
    f->script = script;
    f->result = 0;
    pthread_create(&f->tid, NULL, srv_main, f);
}

static inline void fake_stop(fake *f)
{
    pthread_join(f->tid, NULL);
    close(f->lfd);
    free(f->buf);
    f->buf = NULL;
    f->cap = 0;
}

static inline mq_conn_params fparams(const fake *f)
{
    mq_conn_params p;
    memset(&p, 0, sizeof p);
    p.host = "127.0.0.1";
    p.port = f->port;
    p.vhost = mq_cstr("/");
    p.login = mq_cstr("user");
    p.password = mq_cstr("s3cret");
    p.connect_timeout = 5;
    p.rpc_timeout = 5;
    p.write_timeout = 5;
    return p;
}

#endif

/* SPDX-License-Identifier: MIT */
/*
 * The AMQP 1.0 engine tests' blocking socket loop: a TCP connection, and a
 * step that writes what the engine has to say, reads what came, feeds it
 * with the monotonic time and logs the events (a1_peer.h).
 */
#ifndef MQ_TEST_A1_NET_H
#define MQ_TEST_A1_NET_H

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "a1_peer.h"

static inline uint64_t mono_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static inline int tcp_connect(const char *host, int port)
{
    struct sockaddr_in sa;
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_port = htons((uint16_t)port);
    if (fd < 0 || inet_pton(AF_INET, host, &sa.sin_addr) != 1 ||
        connect(fd, (struct sockaddr *)&sa, sizeof sa) < 0) {
        if (fd >= 0)
            close(fd);
        return -1;
    }
    return fd;
}

/* Writes what the engine has to say, reads what came within wait_ms,
 * feeds it and logs the events.  -1 on a socket error or EOF. */
static inline int net_step(int fd, a1_peer *p, int wait_ms)
{
    struct pollfd pfd;
    uint8_t buf[65536];
    ssize_t n;
    size_t off = 0;
    mq_a1_engine_flush(&p->e);
    mq_a1_engine_tick(&p->e, mono_ns());
    while (off < p->out.len) {
        if ((n = write(fd, p->out.data + off, p->out.len - off)) <= 0)
            return -1;
        off += (size_t)n;
    }
    mq_wbuf_reset(&p->out);
    pfd.fd = fd;
    pfd.events = POLLIN;
    if (poll(&pfd, 1, wait_ms) > 0) {
        if ((n = read(fd, buf, sizeof buf)) <= 0)
            return -1;
        mq_a1_engine_feed(&p->e, buf, (size_t)n, mono_ns());
    }
    a1_drain_events(p);
    return 0;
}

/* Runs until p logged count events of type (or an error, or 10 s). */
static inline int net_wait(int fd, a1_peer *p, int type, int count)
{
    uint64_t end = mono_ns() + 10000000000ull;
    while (a1_count(p, type) < count) {
        if (p->rc < 0 || mono_ns() > end || net_step(fd, p, 100) < 0)
            return 0;
    }
    /* what the last event made the engine say goes out now (the peer may
     * have closed the socket already: after its close, that is no error) */
    net_step(fd, p, 0);
    return 1;
}

#endif

/* SPDX-License-Identifier: MIT */
/*
 * Plain TCP transport and the pieces every transport shares: the monotonic
 * clock, the deadline-bounded poll() with the interrupt hook, and the
 * non-blocking connect that tries every address getaddrinfo() returns
 * within one deadline.  Error texts follow librabbitmq's phrases because
 * the PHP layer prints them ("Socket error: could not connect to host,
 * %s"); errno goes into mq_error.sys_errno.
 */
#include "mq_io.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#ifndef IOV_MAX
#define IOV_MAX 1024
#endif

/* ---- owner process ------------------------------------------------------ */

static unsigned io_forks; /* bumped in every child fork() creates */
static pthread_once_t io_forks_once = PTHREAD_ONCE_INIT;

static void io_forks_child(void) { io_forks++; } /* the child's only thread */
static void io_forks_register(void) { (void)pthread_atfork(NULL, NULL, io_forks_child); }

unsigned mq_io_fork_count(void) { return __atomic_load_n(&io_forks, __ATOMIC_RELAXED); }

void mq_io_set_owner(mq_io *io)
{
    (void)pthread_once(&io_forks_once, io_forks_register);
    io->pid = getpid();
    io->forks = mq_io_fork_count();
}

/* Longest single poll() while an interrupt hook wants to be called. */
#define MQ_POLL_SLICE_NS 100000000LL

int64_t mq_clock_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int64_t mq_deadline_in(double seconds)
{
    if (!(seconds > 0)) return 0;
    if (seconds > 1e9) seconds = 1e9; /* ~31 years: keeps the product in range */
    return mq_clock_ns() + (int64_t)(seconds * 1e9);
}

static int set_sys(mq_error *err, int code, int eno, const char *text)
{
    mq_error_set(err, code, "%s", text);
    err->sys_errno = eno;
    return code;
}

int mq_io_poll(int fd, short events, int64_t deadline, const mq_io_intr *h, mq_error *err)
{
    bool hook = h && h->interrupt;
    for (;;) {
        int64_t slice = -1; /* ns; -1 = infinite */
        if (deadline) {
            int64_t left = deadline - mq_clock_ns();
            if (left <= 0) return 0;
            slice = left;
        }
        if (hook && (slice < 0 || slice > MQ_POLL_SLICE_NS)) slice = MQ_POLL_SLICE_NS;
        /* round up so that we never wake up just before the deadline */
        int ms = slice < 0 ? -1 : (int)((slice + 999999) / 1000000);
        struct pollfd pfd = {.fd = fd, .events = events, .revents = 0};
        int n = poll(&pfd, 1, ms);
        if (n > 0) return 1;
        if (n < 0) {
            if (errno != EINTR) return set_sys(err, MQ_E_SOCKET, errno, "a socket error occurred");
            if (hook && h->interrupt(h->ud))
                return mq_error_set(err, MQ_E_INTERRUPTED, "interrupted");
            continue;
        }
        /* slice over: give the embedder a chance to stop us */
        if (hook && h->interrupt(h->ud)) return mq_error_set(err, MQ_E_INTERRUPTED, "interrupted");
    }
}

/* Connects one address; returns the socket, or -1 with *eno set
 * (ETIMEDOUT when the deadline passed). */
static int connect_one(const struct addrinfo *ai, int64_t deadline, const mq_io_intr *h,
                       mq_error *err, int *eno)
{
    int fd = socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC,
                    ai->ai_protocol);
    if (fd < 0) {
        *eno = errno;
        return -1;
    }
    if (connect(fd, ai->ai_addr, ai->ai_addrlen) != 0) {
        if (errno != EINPROGRESS && errno != EINTR) {
            *eno = errno;
            close(fd);
            return -1;
        }
        int r = mq_io_poll(fd, POLLOUT, deadline, h, err);
        if (r <= 0) {
            *eno = r == 0 ? ETIMEDOUT : (r == MQ_E_INTERRUPTED ? EINTR : err->sys_errno);
            close(fd);
            return r == MQ_E_INTERRUPTED ? -2 : -1;
        }
        int soerr = 0;
        socklen_t sl = sizeof soerr;
        if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &soerr, &sl) != 0) soerr = errno;
        if (soerr != 0) {
            *eno = soerr;
            close(fd);
            return -1;
        }
    }
    int one = 1;
    (void)setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

int mq_io_tcp_connect(const char *host, uint16_t port, int64_t deadline, const mq_io_intr *h,
                      mq_error *err)
{
    struct addrinfo hints, *res = NULL;
    char portstr[8];
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_protocol = IPPROTO_TCP;
    snprintf(portstr, sizeof portstr, "%u", (unsigned)port);
    if (!host || !*host) host = "localhost";
    /* an address literal needs no lookup, nor AI_ADDRCONFIG's netlink query
     * of the local addresses (7 system calls per connect) */
    unsigned char addr[sizeof(struct in6_addr)];
    bool literal = inet_pton(AF_INET, host, addr) == 1 || inet_pton(AF_INET6, host, addr) == 1;
    hints.ai_flags = literal ? AI_NUMERICHOST : AI_ADDRCONFIG;
    int g = getaddrinfo(host, portstr, &hints, &res);
    if (!literal && (g == EAI_ADDRFAMILY || g == EAI_NONAME)) {
        /* AI_ADDRCONFIG hides loopback-only families; retry without it */
        hints.ai_flags = 0;
        g = getaddrinfo(host, portstr, &hints, &res);
    }
    if (g != 0 || !res)
        return set_sys(err, MQ_E_RESOLVE, g == EAI_SYSTEM ? errno : 0, "hostname lookup failed");

    int fd = -1, eno = 0;
    bool timed_out = false;
    for (const struct addrinfo *ai = res; ai; ai = ai->ai_next) {
        if (deadline && mq_clock_ns() >= deadline) {
            timed_out = true;
            break;
        }
        fd = connect_one(ai, deadline, h, err, &eno);
        if (fd >= 0) break;
        if (fd == -2) {
            freeaddrinfo(res);
            return MQ_E_INTERRUPTED; /* err already says so */
        }
        if (eno == ETIMEDOUT && deadline && mq_clock_ns() >= deadline) {
            timed_out = true;
            break;
        }
    }
    freeaddrinfo(res);
    if (fd >= 0) {
        mq_error_clear(err);
        return fd;
    }
    if (timed_out) return set_sys(err, MQ_E_TIMEOUT, ETIMEDOUT, "request timed out");
    return set_sys(err, MQ_E_CONNECT, eno, "a socket error occurred");
}

/* ---- the TCP transport ------------------------------------------------ */

/* Waits shorter than this poll() (millisecond precision, hrtimers) instead
 * of an SO_RCVTIMEO, whose precision is the kernel's tick. */
#define MQ_WAIT_MIN_NS 16000000LL
/* An unbounded wait keeps a bounded SO_RCVTIMEO at least this long (it
 * only wakes the loop now and then) rather than a setsockopt() to clear it. */
#define MQ_WAIT_KEEP_NS 64000000LL

typedef struct tcp_io {
    mq_io base;
    int64_t rcvtimeo; /* ns of the socket's SO_RCVTIMEO, 0 = none (blocks) */
} tcp_io;

static ssize_t tcp_fail(int eno, mq_error *err)
{
    if (eno == ECONNRESET || eno == EPIPE)
        return set_sys(err, MQ_E_CLOSED, eno, "connection closed unexpectedly");
    return set_sys(err, MQ_E_SOCKET, eno, "a socket error occurred");
}

static ssize_t tcp_read(mq_io *io, void *buf, size_t n, mq_error *err)
{
    for (;;) {
        ssize_t r = recv(io->fd, buf, n, MSG_DONTWAIT);
        if (r > 0) return r;
        if (r == 0) return set_sys(err, MQ_E_CLOSED, 0, "connection closed unexpectedly");
        if (errno == EINTR) continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK) {
            io->rwant = POLLIN;
            return 0;
        }
        return tcp_fail(errno, err);
    }
}

/* Sets SO_RCVTIMEO for a wait of `want` ns (-1: unbounded) unless the value
 * in force does: anything from want/4 to want (an early timeout only makes
 * the caller's loop go round).  New values are the 100 ms slice times a
 * power of two, so that deadlines drawing nearer keep the value they set
 * and the interrupt hook's slice is exact.  0 or -1. */
static int tcp_fit_timeout(tcp_io *t, int64_t want)
{
    int64_t cur = t->rcvtimeo, set = 0;
    if (want < 0) {
        if (cur == 0 || cur >= MQ_WAIT_KEEP_NS) return 0;
    } else {
        if (cur != 0 && cur <= want && cur >= want / 4) return 0;
        set = MQ_POLL_SLICE_NS;
        while (set > want) set /= 2;
        while (set <= want / 2) set *= 2;
    }
    struct timeval tv = {.tv_sec = (time_t)(set / 1000000000LL),
                         .tv_usec = (suseconds_t)(set % 1000000000LL / 1000)};
    if (setsockopt(t->base.fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv) != 0) return -1;
    t->rcvtimeo = set;
    return 0;
}

/* A wait in recv() itself: one system call where poll() + recv() made two. */
static ssize_t tcp_read_wait(mq_io *io, void *buf, size_t n, int64_t deadline, const mq_io_intr *h,
                             mq_error *err)
{
    tcp_io *t = (tcp_io *)io;
    bool hook = h && h->interrupt;
    for (;;) {
        int64_t start = mq_clock_ns();
        int64_t want = -1;
        if (deadline) {
            want = deadline - start;
            if (want <= 0) return tcp_read(io, buf, n, err);
        }
        if (hook && (want < 0 || want > MQ_POLL_SLICE_NS)) want = MQ_POLL_SLICE_NS;
        if ((want >= 0 && want < MQ_WAIT_MIN_NS) || tcp_fit_timeout(t, want) != 0) {
            int r = mq_io_poll(io->fd, POLLIN, deadline, h, err);
            return r <= 0 ? r : tcp_read(io, buf, n, err);
        }
        ssize_t r = recv(io->fd, buf, n, 0);
        if (r > 0) return r;
        if (r == 0) return set_sys(err, MQ_E_CLOSED, 0, "connection closed unexpectedly");
        int eno = errno;
        if (eno != EINTR && eno != EAGAIN && eno != EWOULDBLOCK) return tcp_fail(eno, err);
        /* a signal, or the time slice is over: the embedder may stop us */
        if (hook && h->interrupt(h->ud)) return mq_error_set(err, MQ_E_INTERRUPTED, "interrupted");
        if (eno != EINTR && (t->rcvtimeo == 0 || mq_clock_ns() - start < t->rcvtimeo / 2)) {
            /* "would block" long before the timeout: the descriptor was made
             * non-blocking behind our back; wait in poll() instead */
            int p = mq_io_poll(io->fd, POLLIN, deadline, h, err);
            if (p <= 0) return p;
        }
    }
}

static ssize_t tcp_writev(mq_io *io, const struct iovec *iov, int cnt, mq_error *err)
{
    struct msghdr mh;
    memset(&mh, 0, sizeof mh);
    mh.msg_iov = (struct iovec *)iov;
    mh.msg_iovlen = (size_t)(cnt > IOV_MAX ? IOV_MAX : cnt);
    for (;;) {
        ssize_t r = sendmsg(io->fd, &mh, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (r >= 0) {
            if (r == 0) io->wwant = POLLOUT;
            return r;
        }
        if (errno == EINTR) continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK) {
            io->wwant = POLLOUT;
            return 0;
        }
        return tcp_fail(errno, err);
    }
}

static void tcp_close(mq_io *io)
{
    if (io->fd >= 0) close(io->fd);
    free(io);
}

static int tcp_fd(const mq_io *io) { return io->fd; }

static size_t tcp_pending(const mq_io *io)
{
    (void)io;
    return 0;
}

static const struct mq_io_ops tcp_ops = {tcp_read, tcp_writev, tcp_close, tcp_fd, tcp_pending,
                                         tcp_read_wait};

mq_io *mq_io_tcp_new(int fd, mq_error *err)
{
    tcp_io *t = calloc(1, sizeof *t);
    if (!t) {
        close(fd);
        mq_error_set(err, MQ_E_NOMEM, "could not allocate memory");
        return NULL;
    }
    /* blocking, for read_wait(); should this fail, read_wait() finds the
     * socket non-blocking and polls */
    (void)fcntl(fd, F_SETFL, 0); /* a socket's only status flag set here is O_NONBLOCK */
    t->base.ops = &tcp_ops;
    t->base.fd = fd;
    mq_io_set_owner(&t->base);
    t->base.rwant = POLLIN;
    t->base.wwant = POLLOUT;
    return &t->base;
}

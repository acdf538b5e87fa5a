/* SPDX-License-Identifier: MIT */
/*
 * Internal transport layer of the connection: a small vtable (struct
 * mq_io_ops) with a TCP and a TLS implementation, the monotonic clock, and
 * the deadline-bounded poll() that every wait of the core goes through.
 * Nothing here speaks a protocol; mq_transport.c drives it.
 *
 * Rules shared by the implementations (hiredis' convention): a recoverable
 * "would block" result is 0 (io->rwant / io->wwant then say which poll
 * events to wait for), a fatal one is a negative MQ_E_* with the error record filled.
 * Every read and write is non-blocking (TLS: an O_NONBLOCK socket; TCP: a
 * blocking socket used with MSG_DONTWAIT, so that read_wait() can wait in
 * recv() itself); send() uses MSG_NOSIGNAL so the process' signal handlers
 * are never touched.
 */
#ifndef MQ_IO_H
#define MQ_IO_H

#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>
#include "mq_common.h"
#include "mq_net.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct mq_io mq_io;

struct mq_io_ops {
    /* Reads up to n bytes into buf: > 0 bytes read, 0 would block,
     * MQ_E_CLOSED when the peer closed the stream, another MQ_E_* on error. */
    ssize_t (*read)(mq_io *io, void *buf, size_t n, mq_error *err);
    /* Writes a prefix of the iovec (cnt may exceed IOV_MAX: the
     * implementation sends what it can): > 0 bytes written, 0 would block,
     * < 0 error. */
    ssize_t (*writev)(mq_io *io, const struct iovec *iov, int cnt, mq_error *err);
    /* Closes the socket (TLS: without a close_notify round trip) and frees io. */
    void (*close)(mq_io *io);
    /* The socket descriptor. */
    int (*fd)(const mq_io *io);
    /* Bytes already received and buffered inside the transport (TLS records
     * decrypted but not yet read): readable without polling. */
    size_t (*pending)(const mq_io *io);
    /* Optional (NULL: poll, then read): reads like read() but first waits
     * for bytes until the deadline (0 = none), in one system call when it
     * can.  > 0 bytes read, 0 when the deadline passed with nothing read,
     * < 0 MQ_E_* (MQ_E_INTERRUPTED as mq_io_poll() says). */
    ssize_t (*read_wait)(mq_io *io, void *buf, size_t n, int64_t deadline, const mq_io_intr *h,
                         mq_error *err);
};

/* Common head of every transport object (implementations embed it first). */
struct mq_io {
    const struct mq_io_ops *ops; /* the implementation */
    int fd;                      /* connected socket */
    short rwant;                 /* poll events a would-block read waits for */
    short wwant;                 /* poll events a would-block write waits for
                                    (separate fields: a writer thread and the
                                    reader never store to the same one) */
    bool read_needs_lock;        /* reads share state with writes (TLS): a
                                    writer thread forces reads under the lock */
    pid_t pid;                   /* process that connected: after fork() only
                                    it may read or write the stream */
    unsigned forks;              /* mq_io_fork_count() when it connected */
};

/* Records the calling process as io's owner (the transports' constructors). */
void mq_io_set_owner(mq_io *io);
/* How many fork()s led to this process since the first connection was
 * made (a pthread_atfork() child handler counts them): unchanged in the
 * parent, so that the owner check costs no system call there. */
unsigned mq_io_fork_count(void);
/* Is io used in a process other than the one that connected it (a child
 * forked meanwhile)?  Parent and child share the socket and, with TLS, the
 * session state: a byte written or read by the child corrupts the parent's
 * stream, so such a process may only close its own descriptor.  getpid()
 * is asked only after a fork. */
static inline bool mq_io_foreign(const mq_io *io)
{
    return io->forks != mq_io_fork_count() && io->pid != getpid();
}

/* ---- clock and deadlines (nanoseconds of CLOCK_MONOTONIC; 0 = none) ---- */
int64_t mq_clock_ns(void);
/* now + seconds, or 0 (no deadline) when seconds <= 0. */
int64_t mq_deadline_in(double seconds);
/* The earlier of two deadlines where 0 means "none". */
static inline int64_t mq_deadline_min(int64_t a, int64_t b)
{
    if (a == 0) return b;
    if (b == 0) return a;
    return a < b ? a : b;
}

/* Waits until fd is ready for `events` or the deadline passes.  Polls in
 * slices of at most 100 ms when an interrupt hook is set and calls it after
 * each slice and on EINTR (non-zero → MQ_E_INTERRUPTED).  Returns 1 when
 * ready (also on POLLERR/POLLHUP: the next read/write reports it), 0 when
 * the deadline passed, or a negative MQ_E_*. */
int mq_io_poll(int fd, short events, int64_t deadline, const mq_io_intr *h, mq_error *err);

/* Resolves host (AF_UNSPEC) and connects to each address in turn within
 * the deadline.  Returns the connected non-blocking socket (TCP_NODELAY
 * set), or MQ_E_RESOLVE / MQ_E_CONNECT / MQ_E_TIMEOUT / MQ_E_INTERRUPTED
 * with the error's text in librabbitmq's words and errno in sys_errno. */
int mq_io_tcp_connect(const char *host, uint16_t port, int64_t deadline, const mq_io_intr *h,
                      mq_error *err);
/* Wraps a connected socket; takes ownership of fd (closed on failure).
 * Makes the socket blocking: its reads and writes pass MSG_DONTWAIT, and
 * read_wait() blocks in recv() bounded by SO_RCVTIMEO. */
mq_io *mq_io_tcp_new(int fd, mq_error *err);
/* Runs a TLS client handshake on a connected socket within the deadline
 * (CA, client certificate, verification, SNI from p).  Takes ownership of
 * fd in every case.  Returns the transport or NULL with MQ_E_TLS /
 * MQ_E_TIMEOUT / MQ_E_NOMEM in err. */
mq_io *mq_io_tls_new(int fd, const mq_tls_params *p, int64_t deadline, const mq_io_intr *h,
                     mq_error *err);

#ifdef __cplusplus
}
#endif
#endif

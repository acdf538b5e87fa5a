/* SPDX-License-Identifier: MIT */
/*
 * The protocol-neutral transport of a connection: the socket (TCP or TLS,
 * connected within a deadline), the read buffer and the read primitive,
 * the write path (complete writes under a timeout, the suspended write),
 * the write lock and the optional heartbeat thread, the interrupt levels
 * handed to every wait, and fork detection.  A protocol's connection
 * embeds one mq_transport and builds its frames, its pump and its
 * handshake on top; nothing here knows a frame (the heartbeat thread sends
 * the bytes the protocol gives it).
 *
 * Failures are reported, never acted on: a function that fails returns a
 * negative MQ_E_* with the owner's error record filled, and the protocol
 * decides what the failure means (it may read a close reason first) and
 * calls mq_transport_close().
 *
 * Safe points: an interrupt level MQ_INTR_PENDING stops only the waits
 * that may return in the middle of their work (io_wait: a protocol's event
 * wait, a suspendable write); every other wait goes on unless the level is
 * MQ_INTR_ABORT (io_hard).  A suspendable write that cannot go on keeps the
 * bytes not yet written (pend): the stream belongs to them, every later
 * write goes out behind them, and the heartbeat thread writes nothing.
 *
 * Locking: one thread drives a transport.  The heartbeat thread writes
 * only under wlock, and the driving thread takes wlock for its writes (and
 * for reads of a transport whose reads share state with writes, TLS) only
 * while the heartbeat thread runs, so the single-threaded path pays
 * nothing.
 */
#ifndef MQ_TRANSPORT_H
#define MQ_TRANSPORT_H

#include <pthread.h>
#include <sys/uio.h>
#include <unistd.h>
#include "mq_io.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Read buffer size: at least this, more when a frame needs it. */
#define MQ_RBUF_MIN (128 * 1024)
/* mq_transport_writev() (and _resume_write()): the write was suspended. */
#define MQ_TR_SUSPENDED 1

typedef struct mq_transport {
    mq_io *io;                 /* the socket; NULL when closed */
    mq_error *err;             /* the owner's error record: failures go there */
    /* interrupt levels: the embedder's hook (MQ_INTR_*; NULL: none), and the
     * copies handed to the waits: io_wait stops at MQ_INTR_PENDING (safe
     * points only), io_hard only at MQ_INTR_ABORT (everything else) */
    int (*level)(void *ud);
    void *level_ud;
    mq_io_intr io_wait, io_hard;
    /* read side */
    uint8_t *rbuf;             /* read buffer */
    size_t rcap;               /* its size */
    size_t rpos;               /* first unparsed byte */
    size_t rend;               /* end of received bytes */
    bool sent_unread;          /* wrote since the last read attempt: poll before reading
                                * (transports without read_wait, i.e. TLS) */
    int64_t last_read;         /* mq_clock_ns() of the last received bytes */
    /* write side */
    mq_wbuf pend;              /* a suspended write: the bytes of a message not yet
                                * written, its frame half sent; every later write goes
                                * out behind them */
    size_t pend_off;           /* first unwritten byte of pend */
    int64_t pend_deadline;     /* the suspended write's deadline */
    int64_t last_write;        /* mq_clock_ns() of the last write (atomic access) */
    /* heartbeat thread */
    const uint8_t *hb_frame;   /* the protocol's heartbeat bytes (static storage) */
    size_t hb_len;
    unsigned hb_interval;      /* seconds: a beat after interval/2 without writes */
    bool hb_thread;            /* thread running: writes (and TLS reads) take wlock */
    pid_t hb_pid;              /* process that started it (a forked child has no thread) */
    pthread_t hb_tid;          /* the thread */
    pthread_mutex_t wlock;     /* serialises writes with the thread */
    pthread_mutex_t hb_mu;     /* guards hb_stop for the condition variable */
    pthread_cond_t hb_cv;      /* wakes the thread for stop */
    bool hb_stop;              /* asks the thread to exit */
    bool locks_ready;          /* wlock/hb_mu/hb_cv initialised */
} mq_transport;

/* ---- lifecycle ------------------------------------------------------------ */
/* Prepares t (closed) with err as its error record: MQ_OK or MQ_E_NOMEM. */
int mq_transport_init(mq_transport *t, mq_error *err);
/* Closes t and frees its buffers and locks. */
void mq_transport_free(mq_transport *t);
/* Sets the embedder's interrupt hook (NULL: none): see mq_transport.io_wait. */
void mq_transport_set_interrupt(mq_transport *t, int (*level)(void *ud), void *ud);
/* Connects to host:port within *deadline (0: the system's TCP timeout),
 * then runs the TLS handshake when tls is set.  When *deadline is 0 it
 * becomes now + bound once TCP is connected: the bound of the TLS
 * handshake and of the protocol's handshake that follows.  MQ_OK, or the
 * error of mq_io_tcp_connect() / mq_io_tls_new(). */
int mq_transport_connect(mq_transport *t, const char *host, uint16_t port,
                         const mq_tls_params *tls, int64_t *deadline, double bound);
/* Drops the socket without protocol: stops the heartbeat thread (not in a
 * forked child, which has none), closes the socket (TLS: no close_notify),
 * forgets buffered input and a suspended write.  Keeps the error record. */
void mq_transport_close(mq_transport *t);
/* Ends the TCP connection for every holder of the descriptor (shutdown()),
 * before mq_transport_close(): when the protocol said goodbye. */
void mq_transport_shutdown(mq_transport *t);

/* ---- fork detection and locking ------------------------------------------ */
/* Is t open in a process other than the one that connected it (a child
 * forked meanwhile)?  Such a process must not read or write the stream
 * (parent and child share the socket and the TLS state): it only closes
 * its own descriptor.  No system call in the process that connected. */
static inline bool mq_transport_foreign(const mq_transport *t)
{
    return t->io && mq_io_foreign(t->io);
}
/* Must this thread take wlock for a write (or a TLS read)?  Only while the
 * heartbeat thread runs.  In a child forked meanwhile the flag is stale
 * (threads do not survive fork(); wlock may even be held forever): it is
 * cleared, and the child neither locks nor joins. */
static inline bool mq_transport_lock_needed(mq_transport *t)
{
    if (!t->hb_thread) return false;
    if (t->hb_pid == getpid()) return true;
    t->hb_thread = false;
    return false;
}
static inline int64_t mq_transport_last_write(const mq_transport *t)
{
    return __atomic_load_n(&t->last_write, __ATOMIC_RELAXED);
}

/* ---- reading -------------------------------------------------------------- */
/* Forgets buffered input (not the memory). */
static inline void mq_transport_rbuf_reset(mq_transport *t) { t->rpos = t->rend = 0; }
/* Does the transport wait inside its read (read_wait, no lock needed)? */
static inline bool mq_transport_reads_waiting(const mq_transport *t)
{
    return t->io->ops->read_wait && !t->io->read_needs_lock;
}
/* One read into the read buffer after making room for a frame of `need`
 * bytes in total at rpos (unparsed bytes move to the front only then): > 0
 * bytes (rend advanced, last_read set), 0 would block (or, with `wait`,
 * the deadline `until` passed), < 0 an error.  `wait`: the transport's
 * read_wait(), which the caller checked exists and needs no lock
 * (mq_transport_reads_waiting()); ih stops it. */
ssize_t mq_transport_read(mq_transport *t, size_t need, bool wait, int64_t until,
                          const mq_io_intr *ih);
/* One non-blocking read into buf (not the read buffer), under wlock when
 * needed; errors go to *err, not to the error record. */
ssize_t mq_transport_read_into(mq_transport *t, void *buf, size_t n, mq_error *err);
/* Bytes received and buffered inside the transport (TLS records decrypted
 * but not read yet). */
size_t mq_transport_pending(mq_transport *t);
/* Waits until the socket is readable or `until` passes (mq_io_poll()): 1
 * readable, 0 deadline, < 0 error or MQ_E_INTERRUPTED.  Not an error: the
 * next read goes to the socket (sent_unread cleared). */
int mq_transport_wait_readable(mq_transport *t, int64_t until, const mq_io_intr *ih);

/* ---- writing -------------------------------------------------------------- */
/* Writes iov[0..cnt) completely within `timeout` seconds (0: none), behind
 * a suspended write if there is one (iov is consumed in place).  MQ_OK, or
 * MQ_TR_SUSPENDED: a suspendable write whose socket took no more bytes
 * while the embedder's code waits to run (MQ_INTR_PENDING), or any write
 * behind a suspended write that an interrupt stopped; what is left is
 * kept in pend and mq_transport_resume_write() goes on with it.  < 0: the
 * write failed, a frame may be half written and the stream is unusable.
 * The caller checked that t is open and not foreign. */
int mq_transport_writev(mq_transport *t, struct iovec *iov, int cnt, double timeout,
                        bool suspendable);
/* Goes on with a suspended write until its deadline: MQ_OK once it is all
 * out, MQ_TR_SUSPENDED when it is suspended again, < 0 a failure. */
int mq_transport_resume_write(mq_transport *t);
static inline bool mq_transport_write_suspended(const mq_transport *t)
{
    return t->io && t->pend.len > 0;
}

/* ---- heartbeat thread ----------------------------------------------------- */
/* Starts the thread that writes frame[0..len) (static storage) whenever
 * nothing was written for interval/2 seconds.  It never reads, never calls
 * hooks and blocks every signal (they reach the driving thread); it skips
 * its beat while a write is suspended.  MQ_OK or MQ_E_NOMEM. */
int mq_transport_hb_start(mq_transport *t, const uint8_t *frame, size_t len, unsigned interval);
/* Stops and joins it (a no-op when none runs, or in a forked child). */
void mq_transport_hb_stop(mq_transport *t);

#ifdef __cplusplus
}
#endif
#endif

/* SPDX-License-Identifier: MIT */
/*
 * The protocol-neutral transport (see mq_transport.h): lifecycle and
 * connect, the read buffer, the write path with its suspended write, the
 * interrupt levels, and the optional heartbeat thread.
 *
 * Read buffer: one allocation of at least MQ_RBUF_MIN bytes, grown to hold
 * a whole frame.  Every read takes as much as fits; unparsed bytes are
 * moved to the front only when a new read starts, so the protocol's views
 * into parsed frames stay valid until its next read.
 */
#include "mq_transport.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <time.h>

/* ---- lifecycle ------------------------------------------------------------ */

int mq_transport_init(mq_transport *t, mq_error *err)
{
    memset(t, 0, sizeof *t);
    t->err = err;
    mq_wbuf_init(&t->pend);
    pthread_condattr_t ca;
    if (pthread_mutex_init(&t->wlock, NULL) != 0) return MQ_E_NOMEM;
    if (pthread_mutex_init(&t->hb_mu, NULL) != 0) {
        pthread_mutex_destroy(&t->wlock);
        return MQ_E_NOMEM;
    }
    if (pthread_condattr_init(&ca) != 0 || pthread_condattr_setclock(&ca, CLOCK_MONOTONIC) != 0 ||
        pthread_cond_init(&t->hb_cv, &ca) != 0) {
        pthread_mutex_destroy(&t->wlock);
        pthread_mutex_destroy(&t->hb_mu);
        return MQ_E_NOMEM;
    }
    pthread_condattr_destroy(&ca);
    t->locks_ready = true;
    return MQ_OK;
}

/* Forgets a suspended write. */
static void pend_clear(mq_transport *t)
{
    if (t->pend.cap > 65536) {
        mq_wbuf_free(&t->pend);
        mq_wbuf_init(&t->pend);
    }
    mq_wbuf_reset(&t->pend);
    t->pend_off = 0;
}

void mq_transport_close(mq_transport *t)
{
    mq_transport_hb_stop(t);
    if (t->io) t->io->ops->close(t->io);
    t->io = NULL;
    mq_transport_rbuf_reset(t);
    pend_clear(t);
}

void mq_transport_shutdown(mq_transport *t)
{
    if (t->io && t->io->fd >= 0) (void)shutdown(t->io->fd, SHUT_RDWR);
}

void mq_transport_free(mq_transport *t)
{
    mq_transport_close(t);
    free(t->rbuf);
    t->rbuf = NULL;
    t->rcap = 0;
    mq_wbuf_free(&t->pend);
    /* In a child forked while a heartbeat thread ran, that thread's copies
     * of the lock and condition variable may look held or waited on forever
     * (pthread_cond_destroy() would block): they are left alone (they own
     * no memory of their own). */
    if (t->locks_ready && (t->hb_pid == 0 || t->hb_pid == getpid())) {
        pthread_mutex_destroy(&t->wlock);
        pthread_mutex_destroy(&t->hb_mu);
        pthread_cond_destroy(&t->hb_cv);
    }
    t->locks_ready = false;
}

/* The waits ask these; they ask the embedder's hook for its level. */
static int interrupt_wait(void *ud)
{
    const mq_transport *t = ud;
    return t->level(t->level_ud) != MQ_INTR_NONE;
}

static int interrupt_hard(void *ud)
{
    const mq_transport *t = ud;
    return t->level(t->level_ud) >= MQ_INTR_ABORT;
}

void mq_transport_set_interrupt(mq_transport *t, int (*level)(void *ud), void *ud)
{
    t->level = level;
    t->level_ud = ud;
    memset(&t->io_wait, 0, sizeof t->io_wait);
    memset(&t->io_hard, 0, sizeof t->io_hard);
    if (level) {
        t->io_wait.interrupt = interrupt_wait;
        t->io_wait.ud = t;
        t->io_hard.interrupt = interrupt_hard;
        t->io_hard.ud = t;
    }
}

int mq_transport_connect(mq_transport *t, const char *host, uint16_t port,
                         const mq_tls_params *tls, int64_t *deadline, double bound)
{
    int fd = mq_io_tcp_connect(host, port, *deadline, &t->io_hard, t->err);
    if (fd < 0) return fd;
    /* TLS and the protocol's handshake: within the connect deadline, or
     * when there is none, within `bound` from here (the TCP connect is the
     * OS's) */
    if (!*deadline) *deadline = mq_deadline_in(bound);
    t->io = tls ? mq_io_tls_new(fd, tls, *deadline, &t->io_hard, t->err) : mq_io_tcp_new(fd, t->err);
    if (!t->io) return t->err->code;
    t->last_read = mq_clock_ns();
    __atomic_store_n(&t->last_write, t->last_read, __ATOMIC_RELAXED);
    return MQ_OK;
}

/* ---- reading -------------------------------------------------------------- */

/* Makes room for a read: the frame at rpos needs `need` bytes in total. */
static int rbuf_prepare(mq_transport *t, size_t need)
{
    size_t have = t->rend - t->rpos;
    if (have == 0) {
        t->rpos = t->rend = 0;
    } else if (t->rpos > 0 && (t->rcap - t->rpos < need || t->rcap - t->rend < MQ_RBUF_MIN / 8)) {
        memmove(t->rbuf, t->rbuf + t->rpos, have);
        t->rpos = 0;
        t->rend = have;
    }
    size_t want = need > MQ_RBUF_MIN ? need : MQ_RBUF_MIN;
    if (t->rcap - t->rpos < want) {
        size_t cap = t->rpos + want;
        uint8_t *nb = realloc(t->rbuf, cap);
        if (!nb) return mq_error_set(t->err, MQ_E_NOMEM, "could not allocate memory");
        t->rbuf = nb;
        t->rcap = cap;
    }
    return MQ_OK;
}

ssize_t mq_transport_read(mq_transport *t, size_t need, bool wait, int64_t until,
                          const mq_io_intr *ih)
{
    int rc = rbuf_prepare(t, need);
    if (rc < 0) return rc;
    mq_io *io = t->io;
    ssize_t n;
    if (wait) {
        n = io->ops->read_wait(io, t->rbuf + t->rend, t->rcap - t->rend, until, ih, t->err);
    } else {
        bool lock = io->read_needs_lock && mq_transport_lock_needed(t);
        if (lock) pthread_mutex_lock(&t->wlock);
        n = io->ops->read(io, t->rbuf + t->rend, t->rcap - t->rend, t->err);
        if (lock) pthread_mutex_unlock(&t->wlock);
    }
    t->sent_unread = false;
    if (n > 0) {
        t->rend += (size_t)n;
        t->last_read = mq_clock_ns();
    }
    return n;
}

ssize_t mq_transport_read_into(mq_transport *t, void *buf, size_t n, mq_error *err)
{
    /* a TLS read shares the session with the heartbeat thread's writes */
    bool lock = t->io->read_needs_lock && mq_transport_lock_needed(t);
    if (lock) pthread_mutex_lock(&t->wlock);
    ssize_t r = t->io->ops->read(t->io, buf, n, err);
    if (lock) pthread_mutex_unlock(&t->wlock);
    return r;
}

size_t mq_transport_pending(mq_transport *t)
{
    mq_io *io = t->io;
    bool lock = io->read_needs_lock && mq_transport_lock_needed(t);
    if (lock) pthread_mutex_lock(&t->wlock);
    size_t n = io->ops->pending(io);
    if (lock) pthread_mutex_unlock(&t->wlock);
    return n;
}

int mq_transport_wait_readable(mq_transport *t, int64_t until, const mq_io_intr *ih)
{
    int r = mq_io_poll(t->io->fd, t->io->rwant, until, ih, t->err);
    if (r >= 0) t->sent_unread = false; /* readable, or time to check: read next */
    return r;
}

/* ---- writing -------------------------------------------------------------- */

/* Writes iov[0..cnt) until done, an error, the deadline or an interrupt
 * of the level `h` stops at.  iov is consumed in place: what is left to
 * write is exactly what its entries still describe.  Called with wlock
 * held when needed. */
static int write_loop(mq_transport *t, struct iovec *iov, int cnt, int64_t deadline,
                      const mq_io_intr *h)
{
    int i = 0;
    while (i < cnt) {
        if (iov[i].iov_len == 0) {
            i++;
            continue;
        }
        ssize_t n = t->io->ops->writev(t->io, iov + i, cnt - i, t->err);
        if (n > 0) {
            __atomic_store_n(&t->last_write, mq_clock_ns(), __ATOMIC_RELAXED);
            t->sent_unread = true;
            size_t left = (size_t)n;
            while (i < cnt && left >= iov[i].iov_len) { /* written entries become empty */
                left -= iov[i].iov_len;
                iov[i++].iov_len = 0;
            }
            if (left) {
                iov[i].iov_base = (char *)iov[i].iov_base + left;
                iov[i].iov_len -= left;
            }
            continue;
        }
        if (n < 0) return (int)n;
        int r = mq_io_poll(t->io->fd, t->io->wwant, deadline, h, t->err);
        if (r == 0) return mq_error_set(t->err, MQ_E_TIMEOUT, "request timed out");
        if (r < 0) return r;
    }
    return MQ_OK;
}

/* Appends the unwritten bytes of iov[0..cnt) to pend. */
static int pend_add(mq_transport *t, const struct iovec *iov, int cnt)
{
    size_t n = 0;
    for (int i = 0; i < cnt; i++) n += iov[i].iov_len;
    if (mq_wbuf_reserve(&t->pend, n) != MQ_OK)
        return mq_error_set(t->err, MQ_E_NOMEM, "could not allocate memory");
    for (int i = 0; i < cnt; i++) {
        if (iov[i].iov_len) memcpy(t->pend.data + t->pend.len, iov[i].iov_base, iov[i].iov_len);
        t->pend.len += iov[i].iov_len;
    }
    return MQ_OK;
}

/* Writes pend; MQ_OK once all of it is out. */
static int pend_write(mq_transport *t, int64_t deadline, const mq_io_intr *h)
{
    struct iovec p = {t->pend.data + t->pend_off, t->pend.len - t->pend_off};
    int rc = write_loop(t, &p, 1, deadline, h);
    t->pend_off = t->pend.len - p.iov_len;
    if (rc == MQ_OK) pend_clear(t);
    return rc;
}

/* An interrupted suspendable write: suspended when the embedder's code
 * merely waits (MQ_INTR_PENDING), a failure when it asked to stop all. */
static bool suspend_now(mq_transport *t, int rc, bool suspendable)
{
    return suspendable && rc == MQ_E_INTERRUPTED && t->level && t->level(t->level_ud) < MQ_INTR_ABORT;
}

/* After write_loop() on a stream with nothing suspended: an interrupt that
 * merely waits suspends a suspendable write (the rest goes to pend). */
static int suspend_rest(mq_transport *t, int rc, const struct iovec *iov, int cnt, int64_t deadline,
                        bool suspendable)
{
    if (!suspend_now(t, rc, suspendable)) return rc;
    rc = pend_add(t, iov, cnt);
    if (rc != MQ_OK) return rc;
    t->pend_deadline = deadline;
    return MQ_TR_SUSPENDED;
}

/* mq_transport_writev() under the lock when the heartbeat thread runs, or
 * behind a suspended write. */
static int writev_shared(mq_transport *t, struct iovec *iov, int cnt, int64_t deadline,
                         const mq_io_intr *h, bool suspendable)
{
    int rc;
    bool lock = mq_transport_lock_needed(t);
    if (lock) pthread_mutex_lock(&t->wlock);
    if (t->pend.len) {
        /* a frame is half written: these bytes can only follow it (rare:
         * code run at the suspension wrote on the same connection) */
        rc = pend_add(t, iov, cnt);
        if (rc == MQ_OK) rc = pend_write(t, deadline, h);
        if (suspend_now(t, rc, suspendable)) { /* MQ_INTR_ABORT fails instead */
            t->pend_deadline = deadline;
            rc = MQ_TR_SUSPENDED;
        }
    } else {
        rc = suspend_rest(t, write_loop(t, iov, cnt, deadline, h), iov, cnt, deadline, suspendable);
    }
    if (lock) pthread_mutex_unlock(&t->wlock);
    return rc;
}

int mq_transport_writev(mq_transport *t, struct iovec *iov, int cnt, double timeout,
                        bool suspendable)
{
    int64_t deadline = mq_deadline_in(timeout);
    const mq_io_intr *h = suspendable ? &t->io_wait : &t->io_hard;
    /* only this thread changes pend: it is read without the lock */
    if (t->hb_thread || t->pend.len) return writev_shared(t, iov, cnt, deadline, h, suspendable);
    int rc = write_loop(t, iov, cnt, deadline, h);
    if (rc != MQ_E_INTERRUPTED) return rc;
    return suspend_rest(t, rc, iov, cnt, deadline, suspendable);
}

int mq_transport_resume_write(mq_transport *t)
{
    bool lock = mq_transport_lock_needed(t);
    if (lock) pthread_mutex_lock(&t->wlock);
    int rc = pend_write(t, t->pend_deadline, &t->io_wait);
    if (lock) pthread_mutex_unlock(&t->wlock);
    return suspend_now(t, rc, true) ? MQ_TR_SUSPENDED : rc;
}

/* ---- heartbeat thread ----------------------------------------------------- */

void mq_transport_hb_stop(mq_transport *t)
{
    if (!mq_transport_lock_needed(t)) return; /* none, or a forked child's stale flag (now cleared) */
    pthread_mutex_lock(&t->hb_mu);
    __atomic_store_n(&t->hb_stop, true, __ATOMIC_RELAXED);
    pthread_cond_signal(&t->hb_cv);
    pthread_mutex_unlock(&t->hb_mu);
    pthread_join(t->hb_tid, NULL);
    t->hb_thread = false;
}

/* Writes one heartbeat frame; called with wlock held.  Polls in short
 * slices so a stop request is noticed, and gives up after one heartbeat
 * interval (a socket that takes no frame for that long is dead; the main
 * thread's own timeouts report it).  Returns false on failure. */
static bool hb_write(mq_transport *t)
{
    size_t off = 0;
    mq_error e; /* the thread never touches the error record */
    int64_t give_up = mq_clock_ns() + (int64_t)t->hb_interval * 1000000000LL;
    while (off < t->hb_len) {
        struct iovec iov = {(void *)(t->hb_frame + off), t->hb_len - off};
        ssize_t n = t->io->ops->writev(t->io, &iov, 1, &e);
        if (n < 0) return false;
        if (n > 0) {
            off += (size_t)n;
            continue;
        }
        if (__atomic_load_n(&t->hb_stop, __ATOMIC_RELAXED) || mq_clock_ns() >= give_up) return false;
        struct pollfd p = {.fd = t->io->fd, .events = t->io->wwant, .revents = 0};
        if (poll(&p, 1, 100) < 0 && errno != EINTR) return false;
    }
    __atomic_store_n(&t->last_write, mq_clock_ns(), __ATOMIC_RELAXED);
    return true;
}

static void *hb_main(void *arg)
{
    mq_transport *t = arg;
    const int64_t half = (int64_t)t->hb_interval * 500000000LL;
    pthread_mutex_lock(&t->hb_mu);
    while (!t->hb_stop) {
        int64_t due = mq_transport_last_write(t) + half;
        if (mq_clock_ns() >= due) {
            pthread_mutex_unlock(&t->hb_mu);
            pthread_mutex_lock(&t->wlock);
            bool ok = true, suspended = t->pend.len > 0;
            /* never inside a half-written frame (a suspended write: the
             * main thread's own writes carry on from it) */
            if (!suspended && mq_clock_ns() >= mq_transport_last_write(t) + half) ok = hb_write(t);
            pthread_mutex_unlock(&t->wlock);
            pthread_mutex_lock(&t->hb_mu);
            if (!ok) break; /* the main thread will see the broken socket itself */
            if (!suspended) continue;
            due = mq_clock_ns() + 100000000LL; /* look again later */
        }
        struct timespec ts = {(time_t)(due / 1000000000LL), (long)(due % 1000000000LL)};
        pthread_cond_timedwait(&t->hb_cv, &t->hb_mu, &ts);
    }
    pthread_mutex_unlock(&t->hb_mu);
    return NULL;
}

int mq_transport_hb_start(mq_transport *t, const uint8_t *frame, size_t len, unsigned interval)
{
    t->hb_frame = frame;
    t->hb_len = len;
    t->hb_interval = interval;
    t->hb_stop = false;
    t->hb_pid = getpid();
    t->hb_thread = true; /* before the thread exists: our writes lock from now on */
    /* The thread blocks every signal, so that process-directed signals
     * (SIGTERM, SIGINT, SIGALRM, PHP's timers) always reach the embedding
     * thread, whose handlers may touch its state, and wake its waits. */
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    int e = pthread_create(&t->hb_tid, NULL, hb_main, t);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (e != 0) {
        t->hb_thread = false;
        return mq_error_set(t->err, MQ_E_NOMEM, "could not start the heartbeat thread");
    }
    return MQ_OK;
}

/* SPDX-License-Identifier: MIT */
/*
 * Safety limits of the connection layer against the fake server of
 * fake_server.h: a server frame_max below the protocol minimum is refused;
 * confirms/returns nobody takes are queued only up to MQ_ASYNC_QUEUE_MAX
 * per channel (the oldest dropped and counted, the connection stays
 * usable); the read
 * that recovers a connection.close after a failed write takes the write
 * lock while the heartbeat thread runs (it shares the TLS session with the
 * thread's writes); a connection used in a forked child is closed there
 * without a byte written, and the parent's keeps working.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fake_server.h"
#include "mq_conn_internal.h"


/* ---- frame_max below 4096 ------------------------------------------------------- */

static void s_handshake(fake *f, int fd)
{
    if (srv_handshake(f, fd) < 0) return;
    f->result = 1; /* got tune-ok and open */
    srv_closing(f, fd);
}

static void t_frame_max(void)
{
    static const uint32_t sizes[] = {1024, 4095, 4096};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        fake f = {.frame_max = sizes[i]};
        fake_start(&f, s_handshake);
        mq_conn *c = mq_conn_new();
        mq_conn_params p = fparams(&f);
        int rc = mq_conn_open(c, &p);
        if (sizes[i] < 4096) {
            EQ(rc, MQ_E_PROTOCOL, "frame_max below 4096 refused");
            char want[96];
            snprintf(want, sizeof want, "server's frame_max %u is below the protocol minimum 4096",
                     (unsigned)sizes[i]);
            TAP_OK(strcmp(mq_conn_error(c)->text, want) == 0, "text: %s", mq_conn_error(c)->text);
            TAP_OK(!mq_conn_is_open(c), "connection closed");
        } else {
            EQ(rc, 0, "frame_max 4096 accepted");
            EQ(mq_conn_frame_max(c), 4096, "negotiated 4096");
            EQ(mq_conn_close(c), 0, "close");
        }
        mq_conn_free(c);
        fake_stop(&f);
        EQ(f.result, sizes[i] >= 4096, "server saw the handshake end as expected");
    }
}

/* ---- the cap of queued confirms/returns ---------------------------------------------- */

#define ACKS (MQ_ASYNC_QUEUE_MAX + 100)

/* Answers basic.qos only after ACKS basic.acks: they arrive during the RPC. */
static void s_ack_flood(fake *f, int fd)
{
    uint16_t ch;
    if (srv_channel(f, fd) < 0) return;
    if (srv_expect(f, fd, &ch, false, 5000) != MQ_BASIC_QOS) return;
    mq_wbuf w;
    mq_wbuf_init(&w);
    for (uint64_t tag = 1; tag <= ACKS; tag++) {
        mq_basic_ack_t a = {tag, false};
        mq_method_frame(&w, ch, MQ_BASIC_ACK, &a);
    }
    srv_write(f, fd, w.data, w.len);
    mq_wbuf_free(&w);
    srv_method(f, fd, ch, MQ_BASIC_QOS_OK, NULL);
    srv_closing(f, fd);
}

static void t_async_cap(void)
{
    fake f = {0};
    fake_start(&f, s_ack_flood);
    mq_conn *c = mq_conn_new();
    mq_conn_params p = fparams(&f);
    uint16_t ch = 0;
    int rc = mq_conn_open(c, &p);
    if (!rc) rc = mq_channel_open(c, &ch);
    if (!rc) rc = mq_basic_qos(c, ch, 0, 10, false);
    EQ(rc, 0, "RPC completed after the flood");
    EQ(mq_conn_queued_async(c), MQ_ASYNC_QUEUE_MAX, "queue held at MQ_ASYNC_QUEUE_MAX");
    EQ(mq_channel_take_dropped(c, ch), ACKS - MQ_ASYNC_QUEUE_MAX, "the oldest dropped and counted");
    TAP_OK(mq_conn_is_open(c), "connection still open");
    mq_event ev;
    EQ(mq_conn_wait_event(c, 0, MQ_EV_ASYNC, -1, &ev), 1, "a queued ack is taken");
    EQ(ev.kind, MQ_EV_ACK, "it is an ack");
    EQ(ev.delivery_tag, ACKS - MQ_ASYNC_QUEUE_MAX + 1, "the oldest kept first");
    EQ(mq_conn_close(c), 0, "close");
    mq_conn_free(c);
    fake_stop(&f);
}

/* ---- salvage_close() under the write lock ----------------------------------------- */

static const struct mq_io_ops *real_ops;
static struct mq_io_ops spy_ops;
static mq_conn *spy_conn;
static int spy_reads, spy_unlocked_reads;

static ssize_t spy_read(mq_io *io, void *buf, size_t n, mq_error *err)
{
    /* the lock is not recursive: trylock fails when this thread holds it */
    spy_reads++;
    if (pthread_mutex_trylock(&spy_conn->wlock) == 0) {
        spy_unlocked_reads++;
        pthread_mutex_unlock(&spy_conn->wlock);
    }
    return real_ops->read(io, buf, n, err);
}

static ssize_t spy_writev(mq_io *io, const struct iovec *iov, int cnt, mq_error *err)
{
    (void)io, (void)iov, (void)cnt;
    mq_error_set(err, MQ_E_CLOSED, "connection closed unexpectedly");
    return MQ_E_CLOSED;
}

static void s_idle(fake *f, int fd)
{
    if (srv_channel(f, fd) < 0) return;
    srv_drain(f, fd, 3000);
}

static void t_salvage_lock(void)
{
    fake f = {.heartbeat = 60};
    fake_start(&f, s_idle);
    mq_conn *c = mq_conn_new();
    mq_conn_params p = fparams(&f);
    p.heartbeat = 60;
    uint16_t ch = 0;
    int rc = mq_conn_open(c, &p);
    if (!rc) rc = mq_channel_open(c, &ch);
    if (!rc) rc = mq_conn_heartbeat_thread(c, true);
    EQ(rc, 0, "open with the heartbeat thread");
    if (rc == 0) {
        /* a transport whose reads need the lock (as TLS) and whose next
         * write fails: the failed write is followed by salvage_close()'s read */
        spy_conn = c;
        real_ops = c->io->ops;
        spy_ops = *real_ops;
        spy_ops.read = spy_read;
        spy_ops.writev = spy_writev;
        spy_ops.read_wait = NULL;
        c->io->ops = &spy_ops;
        c->io->read_needs_lock = true;
        spy_reads = spy_unlocked_reads = 0;
        rc = mq_basic_qos(c, ch, 0, 10, false);
        EQ(rc, MQ_E_CLOSED, "the write failed");
        TAP_OK(spy_reads >= 1, "the failed write was followed by a read (%d)", spy_reads);
        EQ(spy_unlocked_reads, 0, "every such read held the write lock");
    }
    mq_conn_free(c);
    fake_stop(&f);
}

/* ---- fork: the child never writes ---------------------------------------------------- */

/* Records the first method the client sends after the channel is open:
 * it must be the parent's basic.qos, not the child's. */
static void s_fork(fake *f, int fd)
{
    uint16_t ch;
    if (srv_channel(f, fd) < 0) return;
    /* the parent's next method must be the first thing after open: basic.qos */
    uint32_t id = srv_expect(f, fd, &ch, false, 5000);
    f->result = (int)id;
    if (id == MQ_BASIC_QOS) srv_method(f, fd, ch, MQ_BASIC_QOS_OK, NULL);
    srv_closing(f, fd);
}

static void t_fork(void)
{
    fake f = {.heartbeat = 60};
    fake_start(&f, s_fork);
    mq_conn *c = mq_conn_new();
    mq_conn_params p = fparams(&f);
    p.heartbeat = 60;
    uint16_t ch = 0;
    int rc = mq_conn_open(c, &p);
    if (!rc) rc = mq_channel_open(c, &ch);
    if (!rc) rc = mq_conn_heartbeat_thread(c, true);
    EQ(rc, 0, "open with the heartbeat thread");
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        /* child: a call fails with the documented text, then close and
         * free write nothing and wait for no thread */
        int code = 0;
        if (mq_basic_qos(c, ch, 0, 1, false) != MQ_E_NOT_CONNECTED) code |= 1;
        if (strcmp(mq_conn_error(c)->text, MQ_FOREIGN_PROCESS_TEXT) != 0) code |= 2;
        if (mq_conn_is_open(c)) code |= 4;
        if (mq_conn_close(c) != MQ_OK) code |= 8;
        mq_conn_free(c);
        _exit(code);
    }
    int st = 0;
    waitpid(pid, &st, 0);
    EQ(WIFEXITED(st) ? WEXITSTATUS(st) : 100, 0, "child: NOT_CONNECTED with the text, closed silently");
    EQ(mq_basic_qos(c, ch, 0, 10, false), 0, "parent: the connection still works");
    EQ(mq_conn_close(c), 0, "parent: close");
    mq_conn_free(c);
    fake_stop(&f);
    EQ(f.result, MQ_BASIC_QOS, "the server saw nothing from the child");
}

int main(void)
{
    t_frame_max();
    t_async_cap();
    t_salvage_lock();
    t_fork();
    return tap_done();
}

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
 * without a byte written, and the parent's keeps working; a publish whose
 * write blocks while the embedder has code pending is suspended, its rest
 * goes out before anything else (the heartbeat thread writes nothing in
 * the middle), or the close drops it unfinished.
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
    if (pthread_mutex_trylock(&spy_conn->tr.wlock) == 0) {
        spy_unlocked_reads++;
        pthread_mutex_unlock(&spy_conn->tr.wlock);
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
        real_ops = c->tr.io->ops;
        spy_ops = *real_ops;
        spy_ops.read = spy_read;
        spy_ops.writev = spy_writev;
        spy_ops.read_wait = NULL;
        c->tr.io->ops = &spy_ops;
        c->tr.io->read_needs_lock = true;
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


/* ---- suspended writes ------------------------------------------------------------- */

#define BIG (32u << 20) /* more than the loopback socket buffers of both sides */

static int susp_level;  /* what the interrupt hook reports (atomic access) */
static int susp_go;     /* the server starts reading (atomic access) */
static int susp_abandon; /* the case where the client closes instead */

static int susp_hook(void *ud)
{
    (void)ud;
    return __atomic_load_n(&susp_level, __ATOMIC_SEQ_CST);
}

static uint8_t pattern(size_t i) { return (uint8_t)(i * 7 + (i >> 13)); }

/* One published message: method, header, body frames (heartbeats may come
 * between frames, never inside one).  Its body length, or -1 on EOF or a
 * broken frame; the body is checked against pattern() when big. */
static long long srv_message(fake *f, int fd, char *small, size_t small_cap)
{
    uint8_t type;
    uint16_t ch;
    uint32_t size;
    int stage = 0;
    uint64_t want = 0, got = 0;
    bool ok = true;
    while (srv_frame(f, fd, &type, &ch, &size, 5000) == 0) {
        if (type == MQ_FRAME_HEARTBEAT) continue;
        if (stage == 0) {
            if (type != MQ_FRAME_METHOD || mq_get32(f->buf) != MQ_BASIC_PUBLISH) return -1;
            stage = 1;
        } else if (stage == 1) {
            if (type != MQ_FRAME_HEADER || size < 12) return -1;
            want = mq_get64(f->buf + 4);
            stage = 2;
            if (want == 0) return 0;
        } else {
            if (type != MQ_FRAME_BODY) return -1;
            for (uint32_t i = 0; i < size; i++) {
                if (want == BIG && f->buf[i] != pattern(got + i)) ok = false;
                if (want < small_cap && got + i < small_cap) small[got + i] = (char)f->buf[i];
            }
            got += size;
            if (got >= want) return got == want && ok ? (long long)got : -1;
        }
    }
    return -1;
}

static void s_suspend(fake *f, int fd)
{
    if (srv_channel(f, fd) < 0) return;
    /* not reading yet; heartbeats every 200 ms keep the client's liveness
     * check content when it next reads */
    static const uint8_t hb[8] = {MQ_FRAME_HEARTBEAT, 0, 0, 0, 0, 0, 0, MQ_FRAME_END};
    bool beat = true; /* until a write fails: the client may have closed already */
    for (int i = 0; i < 2000 && !__atomic_load_n(&susp_go, __ATOMIC_SEQ_CST); i++) {
        if (beat && i % 40 == 0 && srv_write(f, fd, hb, sizeof hb) < 0) beat = false;
        usleep(5000);
    }
    char small[16] = {0};
    long long n = srv_message(f, fd, small, sizeof small);
    if (susp_abandon) {
        f->result = n < 0 ? 2 : 0; /* EOF before the message was complete */
        return;
    }
    if (n == BIG && srv_message(f, fd, small, sizeof small) == 5 && memcmp(small, "small", 5) == 0)
        f->result = 1;
    srv_closing(f, fd);
}

static void t_suspend(bool abandon)
{
    fake f = {.heartbeat = 1};
    __atomic_store_n(&susp_go, 0, __ATOMIC_SEQ_CST);
    __atomic_store_n(&susp_level, MQ_INTR_NONE, __ATOMIC_SEQ_CST);
    susp_abandon = abandon;
    fake_start(&f, s_suspend);
    mq_conn *c = mq_conn_new();
    mq_hooks h;
    memset(&h, 0, sizeof h);
    h.interrupt = susp_hook;
    mq_conn_set_hooks(c, &h);
    mq_conn_params p = fparams(&f);
    p.heartbeat = 1;
    uint16_t ch = 0;
    int rc = mq_conn_open(c, &p);
    if (!rc) rc = mq_channel_open(c, &ch);
    if (!rc) rc = mq_conn_heartbeat_thread(c, true);
    EQ(rc, 0, "open with the heartbeat thread (1 s)");
    uint8_t *body = malloc(BIG);
    for (size_t i = 0; i < BIG; i++) body[i] = pattern(i);
    /* code is pending from the start: only a write that blocks suspends */
    __atomic_store_n(&susp_level, MQ_INTR_PENDING, __ATOMIC_SEQ_CST);
    rc = mq_basic_publish(c, ch, mq_cstr(""), mq_cstr("q"), false, false, NULL, (char *)body, BIG);
    EQ(rc, MQ_E_INTERRUPTED, "the blocked publish is suspended");
    TAP_OK(mq_conn_write_suspended(c), "a write is suspended");
    TAP_OK(mq_conn_is_open(c), "the connection stays open");
    memset(body, 0, BIG); /* the rest was copied: the caller's buffer may go */
    free(body);
    __atomic_store_n(&susp_level, MQ_INTR_NONE, __ATOMIC_SEQ_CST);
    usleep(1500000); /* three heartbeat intervals of the thread */
    if (abandon) {
        EQ(mq_conn_close(c), 0, "close with a half-written message");
        TAP_OK(strcmp(mq_conn_error(c)->text, MQ_ABANDONED_WRITE_TEXT) == 0, "error: %s",
               mq_conn_error(c)->text);
        TAP_OK(!mq_conn_is_open(c) && !mq_conn_write_suspended(c), "dropped");
        EQ(mq_conn_resume_write(c), MQ_E_NOT_CONNECTED, "resume after the close");
        __atomic_store_n(&susp_go, 1, __ATOMIC_SEQ_CST);
    } else {
        __atomic_store_n(&susp_go, 1, __ATOMIC_SEQ_CST);
        /* code run at the safe point publishes on the same connection */
        rc = mq_basic_publish(c, ch, mq_cstr(""), mq_cstr("q"), false, false, NULL, "small", 5);
        EQ(rc, 0, "a publish meanwhile");
        TAP_OK(!mq_conn_write_suspended(c), "the rest went out first");
        EQ(mq_conn_resume_write(c), 0, "nothing left to resume");
        EQ(mq_conn_close(c), 0, "close");
    }
    mq_conn_free(c);
    fake_stop(&f);
    EQ(f.result, abandon ? 2 : 1,
       abandon ? "the server never got the message complete"
               : "the server got the whole message, intact, then the one published meanwhile");
}

/* ---- a refused basic.qos pipelined with channel.open ------------------------------- */

/* channel.open-ok, then the 540 connection.close for the basic.qos sent
 * in the same write (RabbitMQ's answer to a prefetch_size). */
static void s_qos_refused(fake *f, int fd)
{
    uint16_t ch;
    if (srv_handshake(f, fd) < 0) return;
    if (srv_expect(f, fd, &ch, false, 5000) != MQ_CHANNEL_OPEN) return;
    if (srv_expect(f, fd, NULL, false, 5000) != MQ_BASIC_QOS) return;
    mq_channel_open_ok_t ok = {mq_bytes_of(NULL, 0)};
    if (srv_method(f, fd, ch, MQ_CHANNEL_OPEN_OK, &ok) < 0) return;
    mq_connection_close_t cl = {540, mq_cstr("NOT_IMPLEMENTED - prefetch_size!=0 (4096)"), 60, 10};
    if (srv_method(f, fd, 0, MQ_CONNECTION_CLOSE, &cl) < 0) return;
    f->result = srv_expect(f, fd, NULL, false, 5000) == MQ_CONNECTION_CLOSE_OK;
}

static void t_open_qos_refused(void)
{
    fake f = {0};
    fake_start(&f, s_qos_refused);
    mq_conn *c = mq_conn_new();
    mq_conn_params p = fparams(&f);
    EQ(mq_conn_open(c, &p), 0, "open");
    uint16_t id = 0;
    const mq_basic_qos_t bad[1] = {{4096, 0, false}};
    EQ(mq_channel_open_qos(c, &id, bad, 1), MQ_E_CONNECTION_CLOSED, "the refused basic.qos closes the connection");
    EQ(id, 1, "the channel got its id from the open-ok before the refusal");
    EQ(mq_conn_error(c)->reply_code, 540, "the server's reply code");
    TAP_OK(!mq_conn_is_open(c), "closed");
    mq_conn_free(c);
    fake_stop(&f);
    EQ(f.result, 1, "the client answered close-ok");
}

int main(void)
{
    t_frame_max();
    t_async_cap();
    t_salvage_lock();
    t_fork();
    t_suspend(false);
    t_suspend(true);
    t_open_qos_refused();
    return tap_done();
}

/* SPDX-License-Identifier: MIT */
/*
 * Liveness tests of the connection layer against the tiny fake AMQP server
 * of fake_server.h, which runs in a thread of this process on
 * 127.0.0.1:<ephemeral>.  The server stalls (before connection.start, after
 * the handshake, on an RPC), sends no heartbeats or counts the client's.
 * Read, RPC and connect timeouts must fire on time, the interrupt hook must
 * stop a wait, the smaller heartbeat wins (0 on the client stays off), a
 * silent server is given up after two heartbeat intervals, the heartbeat
 * thread keeps sending while the caller sleeps, a handshake with no timeouts
 * set still ends (12 s), and process-directed signals reach the main thread,
 * never the heartbeat thread.  No crash, no hang, no leak (run under
 * ASan/UBSan and valgrind); slow by design (about 20 s).  Protocol faults:
 * test_conn_fake.c.
 */
#include <dirent.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include "fake_server.h"

/* ---- scripts ---------------------------------------------------------------- */

static void s_stall_before_start(fake *f, int fd)
{
    uint8_t hdr[8];
    if (read_full(fd, hdr, 8, 5000) == 0) srv_drain(f, fd, 5000);
}

static void s_stall_after_open(fake *f, int fd)
{
    if (srv_handshake(f, fd) < 0) return;
    srv_drain(f, fd, 6000);
}

static void s_no_reply(fake *f, int fd)
{
    if (srv_handshake(f, fd) < 0) return;
    srv_drain(f, fd, 5000); /* swallows channel.open */
}

/* Counts heartbeats the client's thread sends while the client sleeps;
 * sends its own every 0.5 s so the client has no reason to give up. */
static void s_count_hb(fake *f, int fd)
{
    static const uint8_t hb[8] = {MQ_FRAME_HEARTBEAT, 0, 0, 0, 0, 0, 0, MQ_FRAME_END};
    if (srv_handshake(f, fd) < 0) return;
    double until = now_s() + 10, next_hb = now_s() + 0.5;
    while (now_s() < until) {
        if (now_s() >= next_hb) {
            srv_write(f, fd, hb, sizeof hb);
            next_hb = now_s() + 0.5;
        }
        struct pollfd p = {fd, POLLIN, 0};
        int r = poll(&p, 1, 100);
        if (r == 0) continue;
        uint8_t type;
        uint16_t ch;
        uint32_t size;
        if (r < 0 || srv_frame(f, fd, &type, &ch, &size, 2000) < 0) return;
        if (type == MQ_FRAME_HEARTBEAT) f->result++;
        if (type == MQ_FRAME_METHOD && mq_get32(f->buf) == MQ_CONNECTION_CLOSE) {
            mq_connection_close_ok_t ok;
            srv_method(f, fd, 0, MQ_CONNECTION_CLOSE_OK, &ok);
            return;
        }
    }
}

/* Reads the protocol header, then says nothing for 20 s (longer than the
 * default handshake bound). */
static void s_stall_long(fake *f, int fd)
{
    uint8_t hdr[8];
    if (read_full(fd, hdr, 8, 5000) == 0) srv_drain(f, fd, 20000);
}

/* ---- client side ------------------------------------------------------------- */

static pthread_t sig_thread;
static volatile sig_atomic_t sig_count;
static void on_usr1(int sig)
{
    (void)sig;
    sig_thread = pthread_self();
    sig_count++;
}

/* Threads of this process that block SIGTERM (SigBlk in /proc/self/task/N/status). */
static int threads_blocking_sigterm(void)
{
    int n = 0;
    DIR *d = opendir("/proc/self/task");
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL) {
        char path[300], line[256];
        if (e->d_name[0] == '.') continue;
        snprintf(path, sizeof path, "/proc/self/task/%s/status", e->d_name);
        FILE *fp = fopen(path, "r");
        while (fp && fgets(line, sizeof line, fp)) {
            unsigned long long mask;
            if (sscanf(line, "SigBlk: %llx", &mask) == 1 && (mask >> (SIGTERM - 1) & 1)) n++;
        }
        if (fp) fclose(fp);
    }
    if (d) closedir(d);
    return n;
}

static void t_timeouts(void)
{
    fake f = {0};
    /* read timeout: nothing arrives */
    fake_start(&f, s_stall_after_open);
    mq_conn_params p = fparams(&f);
    p.read_timeout = 0.5;
    mq_conn *c = mq_conn_new();
    mq_event ev;
    int rc = mq_conn_open(c, &p);
    double t0 = now_s();
    int w = rc ? rc : mq_conn_wait_event(c, 0, MQ_EV_ANY, 0, &ev);
    double el = now_s() - t0;
    TAP_OK(w == 0 && el > 0.4 && el < 0.6 && mq_conn_is_open(c), "read timeout 0.5 s: %d after %.3f s, still open", w, el);
    t0 = now_s();
    w = mq_conn_wait_event(c, 0, MQ_EV_ANY, 0.3, &ev);
    el = now_s() - t0;
    TAP_OK(w == 0 && el > 0.24 && el < 0.36, "explicit wait timeout 0.3 s: %.3f s", el);
    t0 = now_s();
    w = mq_conn_wait_event(c, 0, MQ_EV_ANY, -1, &ev);
    TAP_OK(w == 0 && now_s() - t0 < 0.05, "non-blocking wait returns at once");
    mq_conn_abort(c);
    TAP_OK(!mq_conn_is_open(c) && mq_conn_fd(c) == -1, "abort drops the socket");
    mq_conn_free(c);
    fake_stop(&f);

    /* rpc timeout: channel.open never answered */
    fake_start(&f, s_no_reply);
    p = fparams(&f);
    p.rpc_timeout = 0.5;
    c = mq_conn_new();
    uint16_t ch;
    rc = mq_conn_open(c, &p);
    t0 = now_s();
    if (!rc) rc = mq_channel_open(c, &ch);
    el = now_s() - t0;
    TAP_OK(rc == MQ_E_TIMEOUT && el > 0.4 && el < 0.6 && !mq_conn_is_open(c),
           "rpc timeout 0.5 s: %d after %.3f s, connection aborted", rc, el);
    mq_conn_free(c);
    fake_stop(&f);

    /* handshake bounded by the connect timeout */
    fake_start(&f, s_stall_before_start);
    p = fparams(&f);
    p.connect_timeout = 0.5;
    p.rpc_timeout = 0;
    c = mq_conn_new();
    t0 = now_s();
    rc = mq_conn_open(c, &p);
    el = now_s() - t0;
    TAP_OK(rc == MQ_E_TIMEOUT && el > 0.4 && el < 0.6, "silent server: connect timeout 0.5 s: %d after %.3f s", rc, el);
    mq_conn_free(c);
    fake_stop(&f);
}

static int interrupt_after_3(void *ud)
{
    int *n = ud;
    return ++*n >= 3;
}

static void t_interrupt(void)
{
    fake f = {0};
    fake_start(&f, s_stall_after_open);
    mq_conn_params p = fparams(&f);
    mq_conn *c = mq_conn_new();
    int calls = 0;
    mq_hooks h;
    memset(&h, 0, sizeof h);
    h.interrupt = interrupt_after_3;
    h.ud = &calls;
    mq_conn_set_hooks(c, &h);
    int rc = mq_conn_open(c, &p);
    calls = 0;
    mq_event ev;
    double t0 = now_s();
    int w = rc ? rc : mq_conn_wait_event(c, 0, MQ_EV_ANY, 5, &ev);
    double el = now_s() - t0;
    TAP_OK(w == MQ_E_INTERRUPTED && el > 0.25 && el < 0.45 && calls == 3,
           "interrupt hook called every 100 ms, stops the wait: %d after %.3f s", w, el);
    TAP_OK(mq_conn_is_open(c), "connection still open after an interrupted wait");
    mq_conn_abort(c);
    mq_conn_free(c);
    fake_stop(&f);
}

static void t_heartbeat(void)
{
    fake f = {0};
    f.heartbeat = 1;
    fake_start(&f, s_stall_after_open);
    mq_conn_params p = fparams(&f);
    p.heartbeat = 5; /* the server's smaller value wins */
    mq_conn *c = mq_conn_new();
    mq_event ev;
    int rc = mq_conn_open(c, &p);
    EQ(mq_conn_heartbeat(c), 1, "heartbeat: server's smaller value taken");
    double t0 = now_s();
    int w = rc ? rc : mq_conn_wait_event(c, 0, MQ_EV_ANY, 10, &ev);
    double el = now_s() - t0;
    TAP_OK(w == MQ_E_HEARTBEAT && el > 1.8 && el < 2.6 && !mq_conn_is_open(c),
           "silent server: MQ_E_HEARTBEAT after %.3f s (2 intervals)", el);
    mq_conn_free(c);
    fake_stop(&f);
    TAP_OK(f.result >= 3, "client sent heartbeats meanwhile (%d)", f.result);

    /* the thread sends heartbeats while the main thread sleeps */
    f.heartbeat = 1;
    fake_start(&f, s_count_hb);
    p = fparams(&f);
    p.heartbeat = 1;
    c = mq_conn_new();
    rc = mq_conn_open(c, &p);
    EQ(rc ? rc : mq_conn_heartbeat_thread(c, true), 0, "heartbeat thread started");
    usleep(2600000);
    EQ(mq_conn_close(c), 0, "close stops the thread");
    mq_conn_free(c);
    fake_stop(&f);
    TAP_OK(f.result >= 4, "thread sent %d heartbeats in 2.6 s", f.result);
    f.heartbeat = 0;

    /* client heartbeat 0 = off even when the server proposes one */
    f.heartbeat = 3;
    fake_start(&f, s_stall_after_open);
    p = fparams(&f);
    c = mq_conn_new();
    rc = mq_conn_open(c, &p);
    EQ(rc ? -1 : mq_conn_heartbeat(c), 0, "client heartbeat 0 stays off");
    mq_conn_abort(c);
    mq_conn_free(c);
    fake_stop(&f);
}

static void t_liveness(void)
{
    /* no connect timeout, no rpc timeout: the handshake still ends (12 s) */
    fake f = {0};
    fake_start(&f, s_stall_long);
    mq_conn_params p = fparams(&f);
    p.connect_timeout = 0;
    p.rpc_timeout = 0;
    p.write_timeout = 0;
    mq_conn *c = mq_conn_new();
    double t0 = now_s();
    int rc = mq_conn_open(c, &p);
    double el = now_s() - t0;
    TAP_OK(rc == MQ_E_TIMEOUT && el > 11.5 && el < 14 && !mq_conn_is_open(c),
           "silent server, no timeouts set: handshake bounded by 12 s (%d after %.3f s)", rc, el);
    mq_conn_free(c);
    fake_stop(&f);

    /* process-directed signals reach the main thread, never the heartbeat thread */
    f.heartbeat = 1;
    fake_start(&f, s_count_hb);
    p = fparams(&f);
    p.heartbeat = 1;
    c = mq_conn_new();
    rc = mq_conn_open(c, &p);
    int blocking = threads_blocking_sigterm();
    EQ(rc ? rc : mq_conn_heartbeat_thread(c, true), 0, "heartbeat thread started");
    EQ(threads_blocking_sigterm() - blocking, 1, "the heartbeat thread blocks signals");
    struct sigaction sa, old;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr1;
    sigaction(SIGUSR1, &sa, &old);
    int got = 0;
    for (int i = 0; i < 20; i++) {
        sig_count = 0;
        kill(getpid(), SIGUSR1);
        for (int k = 0; k < 100 && !sig_count; k++) usleep(1000);
        got += sig_count && pthread_equal(sig_thread, pthread_self());
    }
    sigaction(SIGUSR1, &old, NULL);
    EQ(got, 20, "20 signals, all handled by the main thread");
    EQ(mq_conn_close(c), 0, "close stops the thread");
    mq_conn_free(c);
    fake_stop(&f);
    f.heartbeat = 0;
}

int main(void)
{
    t_timeouts();
    t_interrupt();
    t_heartbeat();
    t_liveness();
    return tap_done();
}

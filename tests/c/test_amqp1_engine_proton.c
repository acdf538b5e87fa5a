/* SPDX-License-Identifier: MIT */
/*
 * The AMQP 1.0 engine against a second, independent peer: Qpid Proton C's
 * example broker (broker.c of Debian's libqpid-proton11-dev-examples, which
 * tests/c/Makefile builds as <flavour dir>/proton_broker).  The broker is
 * started on a free loopback port; over a blocking socket loop the test
 * authenticates with SASL ANONYMOUS (the only mechanism it offers: PLAIN is
 * refused naming it), sends 8 messages to "q" through a sender whose credit
 * the broker refills 5 at a time (one message of 20000 bytes, frames of
 * 4096), gets each accepted, receives them pre-settled with credit granted
 * 3 at a time, compares the bodies, and detaches, ends and closes.
 */
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>

#include "tap.h"
#include "a1_net.h"

#define EQ(expr, want, what)                    \
    do {                                        \
        long long eq_v_ = (long long)(expr);    \
        TAP_EQ_INT(eq_v_, (want), (what));      \
    } while (0)

#ifndef MQ_PROTON_BROKER
#define MQ_PROTON_BROKER "proton_broker"
#endif

static pid_t broker_pid = -1;

/* Starts the broker on 127.0.0.1, port 0; returns the port it prints. */
static int start_broker(void)
{
    int fds[2], port = -1;
    char line[256];
    FILE *f;
    if (pipe(fds) < 0)
        return -1;
    if ((broker_pid = fork()) == 0) {
        dup2(fds[1], 1);
        close(fds[0]);
        execl(MQ_PROTON_BROKER, MQ_PROTON_BROKER, "127.0.0.1", "0", (char *)NULL);
        _exit(127);
    }
    close(fds[1]);
    if (broker_pid < 0 || !(f = fdopen(fds[0], "r")))
        return -1;
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "listening on %d", &port) == 1)
            break;
    fclose(f); /* (the broker prints nothing more that matters) */
    return port;
}

static void stop_broker(void)
{
    if (broker_pid > 0) {
        kill(broker_pid, SIGTERM);
        waitpid(broker_pid, NULL, 0);
    }
}

static int connect_engine(a1_peer *p, int port, int sasl, int *fd)
{
    mq_a1_engine_opts o;
    memset(&o, 0, sizeof o);
    o.sasl = sasl;
    o.user = mq_cstr("guest");
    o.password = mq_cstr("guest");
    o.max_frame_size = 4096;
    a1_now = mono_ns();
    a1_peer_init(p, &o);
    if ((*fd = tcp_connect("127.0.0.1", port)) < 0)
        return 0;
    return net_wait(*fd, p, MQ_A1_EV_OPEN, 1);
}

static int attach(int fd, a1_peer *p, uint16_t ch, bool receiver, uint32_t *h)
{
    mq_a1_link_opts lo;
    int n = a1_count(p, MQ_A1_EV_ATTACH);
    memset(&lo, 0, sizeof lo);
    lo.receiver = receiver;
    if (receiver)
        lo.source = mq_cstr("q");
    else
        lo.target = mq_cstr("q");
    return mq_a1_link_attach(&p->e, ch, &lo, h) == 0 && net_wait(fd, p, MQ_A1_EV_ATTACH, n + 1);
}

static const char *body_of(int i, size_t *len)
{
    static char big[20000], small[32];
    size_t j;
    if (i == 4) {
        for (j = 0; j < sizeof big; j++)
            big[j] = (char)('a' + (j * 7) % 26);
        *len = sizeof big;
        return big;
    }
    *len = (size_t)snprintf(small, sizeof small, "message %d", i);
    return small;
}

/* Sends 8 data messages, waiting for credit when it runs out. */
static int send_all(int fd, a1_peer *p, uint16_t ch, uint32_t snd, int *waits)
{
    uint64_t end = mono_ns() + 10000000000ull;
    int i = 0;
    mq_wbuf msg;
    mq_wbuf_init(&msg);
    while (i < 8 && mono_ns() < end && p->rc >= 0) {
        mq_a1_writer wr;
        size_t len;
        const char *b = body_of(i, &len);
        int rc;
        mq_wbuf_reset(&msg);
        mq_a1_writer_init(&wr, &msg);
        mq_a1_data_put(&wr, b, len);
        mq_a1_writer_finish(&wr);
        rc = mq_a1_link_send(&p->e, ch, snd, mq_bytes_of(NULL, 0), msg.data, msg.len, false, NULL);
        if (rc == 0)
            i++;
        else if (rc == MQ_A1_E_NO_CREDIT || rc == MQ_A1_E_WINDOW) {
            (*waits)++;
            net_step(fd, p, 100);
        } else
            break;
    }
    mq_wbuf_free(&msg);
    return i;
}

static void run(int port)
{
    a1_peer p;
    int fd = -1, waits = 0, k, d;
    uint16_t ch = 0;
    uint32_t snd = 0, rcv = 0, accepted = 0;
    uint64_t end;
    int up = connect_engine(&p, port, MQ_A1_SASL_ANONYMOUS, &fd);
    TAP_OK(up, "SASL ANONYMOUS and open: %s", up ? "open" : mq_a1_engine_error(&p.e)->text);
    TAP_OK(mq_a1_session_begin(&p.e, &ch) == 0 && net_wait(fd, &p, MQ_A1_EV_BEGIN, 1), "begin");
    TAP_OK(attach(fd, &p, ch, false, &snd), "sender to q");
    EQ(send_all(fd, &p, ch, snd, &waits), 8, "8 messages sent (one of 20000 bytes)");
    TAP_OK(waits > 0, "  the sender waited for credit (the broker grants 5 at a time): %d waits",
           waits);
    end = mono_ns() + 10000000000ull;
    while (mq_a1_session_get(&p.e, ch) && mq_a1_session_get(&p.e, ch)->nunsettled &&
           mono_ns() < end && p.rc >= 0)
        net_step(fd, &p, 100);
    for (k = 0; k < p.n; k++)
        if (p.log[k].type == MQ_A1_EV_DISPOSITION && p.log[k].outcome == MQ_A1_OUT_ACCEPTED &&
            p.log[k].settled)
            accepted += p.log[k].matched;
    EQ(accepted, 8, "all 8 accepted and settled");
    TAP_OK(attach(fd, &p, ch, true, &rcv), "receiver from q");
    while (a1_count(&p, MQ_A1_EV_DELIVERY) < 8 && p.rc >= 0) {
        int have = a1_count(&p, MQ_A1_EV_DELIVERY);
        if (mq_a1_link_flow(&p.e, ch, rcv, 3, false) < 0 ||
            !net_wait(fd, &p, MQ_A1_EV_DELIVERY, have + 3 > 8 ? 8 : have + 3))
            break;
    }
    EQ(a1_count(&p, MQ_A1_EV_DELIVERY), 8, "8 deliveries, credit granted 3 at a time");
    d = 0;
    for (k = 0; k < p.n; k++) {
        mq_a1_message m;
        mq_a1_cursor c;
        uint64_t code;
        mq_bytes data;
        size_t len;
        const char *want;
        if (p.log[k].type != MQ_A1_EV_DELIVERY)
            continue;
        want = body_of(d, &len);
        TAP_OK(mq_a1_message_decode(p.log[k].payload, p.log[k].plen, &m) == 0 &&
                   (mq_a1_cursor_init(&c, m.body.ptr, m.body.len),
                    mq_a1_section_next(&c, &code, &data) == 1) &&
                   data.len == len && !memcmp(data.ptr, want, len) && p.log[k].settled,
               "delivery %d: the body sent (%zu bytes), pre-settled", d, len);
        d++;
    }
    EQ(mq_a1_link_detach(&p.e, ch, snd, true, mq_bytes_of(NULL, 0), mq_bytes_of(NULL, 0)), 0, "detach the sender");
    EQ(mq_a1_link_detach(&p.e, ch, rcv, true, mq_bytes_of(NULL, 0), mq_bytes_of(NULL, 0)), 0, "detach the receiver");
    TAP_OK(net_wait(fd, &p, MQ_A1_EV_DETACH, 2), "  both answered");
    EQ(mq_a1_session_end(&p.e, ch, mq_bytes_of(NULL, 0), mq_bytes_of(NULL, 0)), 0, "end");
    TAP_OK(net_wait(fd, &p, MQ_A1_EV_END, 1), "  answered");
    EQ(mq_a1_engine_close(&p.e, mq_bytes_of(NULL, 0), mq_bytes_of(NULL, 0)), 0, "close");
    TAP_OK(net_wait(fd, &p, MQ_A1_EV_CLOSE, 1), "  answered");
    a1_peer_free(&p);
    if (fd >= 0)
        close(fd);
}

static void plain_refused(int port)
{
    a1_peer p;
    int fd = -1;
    connect_engine(&p, port, MQ_A1_SASL_PLAIN, &fd);
    EQ(p.rc, MQ_E_AUTH, "SASL PLAIN: MQ_E_AUTH");
    TAP_OK(strstr(mq_a1_engine_error(&p.e)->text, "(it offers: ANONYMOUS)") != NULL,
           "  naming what the broker offers: %s", mq_a1_engine_error(&p.e)->text);
    a1_peer_free(&p);
    if (fd >= 0)
        close(fd);
}

int main(void)
{
    int port;
    signal(SIGPIPE, SIG_IGN);
    port = start_broker();
    if (TAP_OK(port > 0, "Proton's example broker (%s) listens (port %d)", MQ_PROTON_BROKER, port)) {
        run(port);
        plain_refused(port);
    }
    stop_broker();
    return tap_done();
}

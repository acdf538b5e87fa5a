/* SPDX-License-Identifier: MIT */
/*
 * The AMQP 1.0 engine against a scripted peer that writes hand-built
 * frames with the frame writer: every fault of the peer closes the
 * connection with the right error condition (checked in the close frame
 * the engine wrote) and a sticky error; truncated input waits for more;
 * aborted deliveries are discarded; windows reopen for a peer that waits.
 */
#include <stdio.h>

#include "tap.h"
#include "a1_peer.h"

#define EQ(expr, want, what)                    \
    do {                                        \
        long long eq_v_ = (long long)(expr);    \
        TAP_EQ_INT(eq_v_, (want), (what));      \
    } while (0)

#define PEER_HANDLE 5

typedef struct script {
    mq_a1_engine e;
    mq_wbuf out;   /* what the engine wrote */
    mq_wbuf in;    /* what the script writes */
    mq_a1_event ev;
    int rc;
    uint16_t ch;
    uint32_t rcv;
} script;

static void s_open(script *t)
{
    mq_a1_open o;
    mq_a1_open_init(&o);
    o.container_id = mq_cstr("peer");
    mq_a1_frame_put(&t->in, 0, 0, &mq_a1_ci_open, &o, NULL, 0, 0);
}

static void s_begin(script *t, uint16_t ch, bool answer, uint16_t remote)
{
    mq_a1_begin b;
    mq_a1_begin_init(&b);
    b.has_remote_channel = answer;
    b.remote_channel = remote;
    b.incoming_window = 100;
    b.outgoing_window = 100;
    mq_a1_frame_put(&t->in, 0, ch, &mq_a1_ci_begin, &b, NULL, 0, 0);
}

static void s_attach(script *t, const char *name, uint32_t handle, bool role)
{
    mq_a1_attach a;
    mq_a1_attach_init(&a);
    a.name = mq_cstr(name);
    a.handle = handle;
    a.role = role;
    a.has_initial_delivery_count = !role;
    mq_a1_frame_put(&t->in, 0, 0, &mq_a1_ci_attach, &a, NULL, 0, 0);
}

static void s_transfer(script *t, uint32_t handle, bool has_id, uint32_t id, const char *tag,
                       const char *body, bool more, bool aborted)
{
    mq_a1_transfer x;
    mq_a1_transfer_init(&x);
    x.handle = handle;
    x.has_delivery_id = has_id;
    x.delivery_id = id;
    if (tag) {
        x.has_delivery_tag = true;
        x.delivery_tag = mq_cstr(tag);
    }
    x.has_more = more;
    x.more = more;
    x.has_aborted = aborted;
    x.aborted = aborted;
    mq_a1_frame_put(&t->in, 0, 0, &mq_a1_ci_transfer, &x, body, body ? strlen(body) : 0, 0);
}

static void s_detach(script *t, uint32_t handle)
{
    mq_a1_detach d;
    mq_a1_detach_init(&d);
    d.handle = handle;
    d.has_closed = d.closed = true;
    mq_a1_frame_put(&t->in, 0, 0, &mq_a1_ci_detach, &d, NULL, 0, 0);
}

static void s_flow_link(script *t, uint32_t handle, uint32_t delivery_count, uint32_t credit)
{
    mq_a1_flow f;
    mq_a1_flow_init(&f);
    f.incoming_window = f.outgoing_window = 100;
    f.has_handle = f.has_delivery_count = f.has_link_credit = true;
    f.handle = handle;
    f.delivery_count = delivery_count;
    f.link_credit = credit;
    mq_a1_frame_put(&t->in, 0, 0, &mq_a1_ci_flow, &f, NULL, 0, 0);
}

/* Feeds what the script wrote; events until none.  Returns the events'
 * count; t->rc the last result. */
static int s_run(script *t)
{
    int n = 0;
    mq_a1_engine_feed(&t->e, t->in.data, t->in.len, a1_now);
    mq_wbuf_reset(&t->in);
    while ((t->rc = mq_a1_engine_next(&t->e, &t->ev)) > 0)
        n++;
    return n;
}

static void s_init(script *t, uint32_t window)
{
    mq_a1_engine_opts o;
    memset(t, 0, sizeof *t);
    memset(&o, 0, sizeof o);
    o.incoming_window = window;
    mq_wbuf_init(&t->out);
    mq_wbuf_init(&t->in);
    mq_a1_engine_init(&t->e, &o, &t->out, a1_now);
}

/* Open, a session, our receiver attached (the peer's handle PEER_HANDLE)
 * with credit. */
static int s_up(script *t, uint32_t window, uint32_t credit)
{
    mq_a1_link_opts lo;
    s_init(t, window);
    mq_a1_proto_header_put(&t->in, 0);
    s_open(t);
    s_run(t);
    if (mq_a1_session_begin(&t->e, &t->ch) < 0)
        return 0;
    s_begin(t, 0, true, t->ch);
    s_run(t);
    memset(&lo, 0, sizeof lo);
    lo.receiver = true;
    lo.name = mq_cstr("r");
    lo.source = mq_cstr("q");
    if (mq_a1_link_attach(&t->e, t->ch, &lo, &t->rcv) < 0)
        return 0;
    s_attach(t, "r", PEER_HANDLE, false);
    if (s_run(t) != 1 || t->ev.type != MQ_A1_EV_ATTACH)
        return 0;
    if (credit && mq_a1_link_flow(&t->e, t->ch, t->rcv, credit, false) < 0)
        return 0;
    return mq_a1_engine_is_open(&t->e);
}

static void s_free(script *t)
{
    mq_a1_engine_free(&t->e);
    mq_wbuf_free(&t->out);
    mq_wbuf_free(&t->in);
}

/* The condition of the close frame the engine wrote ("" when none, "-"
 * when it wrote no close). */
static void written_close(script *t, char *cond, size_t cap)
{
    mq_a1_reader r;
    mq_a1_frame f;
    int rc;
    strcpy(cond, "-");
    mq_a1_reader_init(&r, 1u << 20);
    mq_a1_reader_feed(&r, t->out.data, t->out.len);
    while ((rc = mq_a1_reader_next(&r, &f)) > 0) {
        if (rc == MQ_A1_READ_FRAME && f.ci == &mq_a1_ci_close)
            a1_copy(cond, cap, f.perf.close.error.condition);
    }
    mq_a1_reader_free(&r);
}

static void expect_close(script *t, const char *cond, const char *what)
{
    char got[64];
    int rc = t->rc;
    written_close(t, got, sizeof got);
    TAP_OK(rc < 0 && !strcmp(got, cond), "%s: error %d, close with %s (got %s: %s)", what, rc, cond,
           got, mq_a1_engine_error(&t->e)->text);
    TAP_OK(mq_a1_engine_next(&t->e, &t->ev) == rc, "  the error sticks");
}

static void test_frames(void)
{
    script t;
    static const uint8_t lying[] = {0x7f, 0xff, 0xff, 0xff, 2, 0, 0, 0};
    static const uint8_t tiny[] = {0, 0, 0, 4, 2, 0, 0, 0};
    static const uint8_t no_cid[] = {0, 0, 0, 12, 2, 0, 0, 0, 0x00, 0x53, 0x10, 0x45};
    static const uint8_t bad_code[] = {0, 0, 0, 12, 2, 0, 0, 0, 0x00, 0x53, 0x10, 0xff};
    static const uint8_t amqp091[] = {'A', 'M', 'Q', 'P', 0, 0, 9, 1};
    uint8_t buf[64];

    s_up(&t, 0, 0);
    mq_a1_engine_feed(&t.e, lying, sizeof lying, a1_now);
    t.rc = mq_a1_engine_next(&t.e, &t.ev);
    expect_close(&t, "amqp:connection:framing-error", "a frame size of 2 GiB");
    s_free(&t);

    s_up(&t, 0, 0);
    mq_a1_engine_feed(&t.e, tiny, sizeof tiny, a1_now);
    t.rc = mq_a1_engine_next(&t.e, &t.ev);
    expect_close(&t, "amqp:connection:framing-error", "a frame size of 4");
    s_free(&t);

    s_up(&t, 0, 0);
    s_flow_link(&t, PEER_HANDLE, 0, 0);
    memcpy(buf, t.in.data, t.in.len);
    {
        size_t n = t.in.len, k;
        int events = 0;
        mq_wbuf_reset(&t.in);
        for (k = 0; k + 1 < n; k++) {
            mq_a1_engine_feed(&t.e, buf + k, 1, a1_now);
            while ((t.rc = mq_a1_engine_next(&t.e, &t.ev)) > 0)
                events++;
        }
        TAP_OK(events == 0 && t.rc == 0, "a flow fed a byte at a time, but the last: no event, no error");
        mq_a1_engine_feed(&t.e, buf + n - 1, 1, a1_now);
        t.rc = mq_a1_engine_next(&t.e, &t.ev);
        TAP_OK(t.rc == 1 && t.ev.type == MQ_A1_EV_FLOW, "  the last byte: FLOW");
    }
    s_free(&t);

    s_init(&t, 0);
    mq_a1_proto_header_put(&t.in, 0);
    s_run(&t);
    mq_a1_engine_feed(&t.e, no_cid, sizeof no_cid, a1_now);
    t.rc = mq_a1_engine_next(&t.e, &t.ev);
    expect_close(&t, "amqp:decode-error", "an open without container-id");
    s_free(&t);

    s_init(&t, 0);
    mq_a1_proto_header_put(&t.in, 0);
    s_run(&t);
    mq_a1_engine_feed(&t.e, bad_code, sizeof bad_code, a1_now);
    t.rc = mq_a1_engine_next(&t.e, &t.ev);
    expect_close(&t, "amqp:decode-error", "a performative with a bad constructor");
    s_free(&t);

    s_up(&t, 0, 0);
    {
        mq_a1_flow f;
        mq_a1_flow_init(&f);
        /* a flow with a payload: the frame writer refuses it, so by hand */
        mq_a1_frame_put(&t.in, 0, 0, &mq_a1_ci_flow, &f, NULL, 0, 0);
        mq_wbuf_reserve(&t.in, 1);
        t.in.data[t.in.len++] = 0x40;
        mq_put32(t.in.data, (uint32_t)t.in.len);
    }
    s_run(&t);
    expect_close(&t, "amqp:connection:framing-error", "a payload after a flow");
    s_free(&t);

    s_init(&t, 0);
    mq_a1_engine_feed(&t.e, amqp091, sizeof amqp091, a1_now);
    t.rc = mq_a1_engine_next(&t.e, &t.ev);
    {
        char got[64];
        written_close(&t, got, sizeof got);
        TAP_OK(t.rc == MQ_E_PROTOCOL && !strcmp(got, "-"),
               "an AMQP 0-9-1 protocol header: MQ_E_PROTOCOL, no close frame");
    }
    s_free(&t);
}

static void test_order(void)
{
    script t;
    s_init(&t, 0);
    mq_a1_proto_header_put(&t.in, 0);
    s_begin(&t, 0, false, 0);
    s_run(&t);
    expect_close(&t, "amqp:not-allowed", "begin before open");
    s_free(&t);

    s_up(&t, 0, 0);
    s_open(&t);
    s_run(&t);
    expect_close(&t, "amqp:not-allowed", "a second open");
    s_free(&t);

    s_up(&t, 0, 0);
    {
        mq_a1_attach a;
        mq_a1_attach_init(&a);
        a.name = mq_cstr("x");
        mq_a1_frame_put(&t.in, 0, 3, &mq_a1_ci_attach, &a, NULL, 0, 0);
    }
    s_run(&t);
    expect_close(&t, "amqp:not-allowed", "an attach on a channel without a session");
    s_free(&t);

    s_up(&t, 0, 0);
    s_begin(&t, 1, true, 9);
    s_run(&t);
    expect_close(&t, "amqp:not-allowed", "a begin answering a channel we did not begin");
    s_free(&t);

    s_up(&t, 0, 0);
    s_attach(&t, "other", PEER_HANDLE, false);
    s_run(&t);
    expect_close(&t, "amqp:session:handle-in-use", "an attach on a handle in use");
    s_free(&t);

    s_up(&t, 0, 0);
    s_attach(&t, "other", 100000, false);
    s_run(&t);
    expect_close(&t, "amqp:connection:framing-error", "an attach beyond handle-max");
    s_free(&t);

    s_up(&t, 0, 0);
    {
        mq_a1_disposition d;
        mq_a1_disposition_init(&d);
        d.role = true;
        d.first = 5;
        d.has_last = true;
        d.last = 2;
        mq_a1_frame_put(&t.in, 0, 0, &mq_a1_ci_disposition, &d, NULL, 0, 0);
    }
    s_run(&t);
    expect_close(&t, "amqp:invalid-field", "a disposition 5..2");
    s_free(&t);

    s_up(&t, 0, 0);
    mq_a1_engine_close(&t.e, mq_bytes_of(NULL, 0), mq_bytes_of(NULL, 0));
    s_transfer(&t, 77, true, 0, "t", "x", false, false); /* ignored after our close */
    {
        mq_a1_close c;
        mq_a1_close_init(&c);
        mq_a1_frame_put(&t.in, 0, 0, &mq_a1_ci_close, &c, NULL, 0, 0);
    }
    TAP_OK(s_run(&t) == 1 && t.ev.type == MQ_A1_EV_CLOSE && !t.ev.remote_initiated,
           "after our close, a transfer is ignored and the close answers ours");
    EQ(t.rc, MQ_E_CONNECTION_CLOSED, "  then MQ_E_CONNECTION_CLOSED");
    s_free(&t);
}

static void test_links(void)
{
    script t;
    s_up(&t, 0, 5);
    s_transfer(&t, 42, true, 0, "t", "x", false, false);
    s_run(&t);
    expect_close(&t, "amqp:session:unattached-handle", "a transfer on an unknown handle");
    EQ(mq_a1_link_flow(&t.e, t.ch, t.rcv, 1, false), MQ_A1_E_STATE, "  operations then: MQ_A1_E_STATE");
    s_free(&t);

    s_up(&t, 0, 5);
    s_flow_link(&t, 42, 0, 1);
    s_run(&t);
    expect_close(&t, "amqp:session:unattached-handle", "a flow on an unknown handle");
    s_free(&t);

    s_up(&t, 0, 5);
    s_detach(&t, PEER_HANDLE);
    TAP_OK(s_run(&t) == 1 && t.ev.type == MQ_A1_EV_DETACH && t.ev.remote_initiated,
           "the peer detaches our receiver: DETACH");
    s_transfer(&t, PEER_HANDLE, true, 0, "t", "x", false, false);
    s_run(&t);
    expect_close(&t, "amqp:session:unattached-handle", "a transfer after the peer's detach");
    s_free(&t);

    s_up(&t, 0, 0);
    s_transfer(&t, PEER_HANDLE, true, 0, "t", "x", false, false);
    s_run(&t);
    expect_close(&t, "amqp:link:transfer-limit-exceeded", "a transfer without credit");
    s_free(&t);

    s_up(&t, 0, 1);
    s_transfer(&t, PEER_HANDLE, true, 0, "t", "x", false, false);
    TAP_OK(s_run(&t) == 1 && t.ev.type == MQ_A1_EV_DELIVERY, "credit 1: the first transfer is a delivery");
    s_transfer(&t, PEER_HANDLE, true, 1, "u", "y", false, false);
    s_run(&t);
    expect_close(&t, "amqp:link:transfer-limit-exceeded", "  the second exceeds the credit");
    s_free(&t);

    s_up(&t, 0, 5);
    s_transfer(&t, PEER_HANDLE, true, 0, "t", "part", true, false);
    s_transfer(&t, PEER_HANDLE, true, 1, NULL, "more", false, false);
    s_run(&t);
    expect_close(&t, "amqp:invalid-field", "a continuation naming another delivery-id");
    s_free(&t);

    s_up(&t, 0, 5);
    s_transfer(&t, PEER_HANDLE, true, 3, "t", "x", false, false);
    s_transfer(&t, PEER_HANDLE, true, 2, "u", "y", false, false);
    s_run(&t);
    expect_close(&t, "amqp:invalid-field", "a delivery-id going backwards");
    s_free(&t);

    s_up(&t, 0, 5);
    s_transfer(&t, PEER_HANDLE, false, 0, "t", "x", false, false);
    s_run(&t);
    expect_close(&t, "amqp:invalid-field", "a first transfer without delivery-id");
    s_free(&t);

    s_up(&t, 0, 5);
    s_transfer(&t, PEER_HANDLE, true, 0, "0123456789abcdef0123456789abcdef!", "x", false, false);
    s_run(&t);
    expect_close(&t, "amqp:invalid-field", "a delivery-tag of 33 bytes");
    s_free(&t);

    s_up(&t, 0, 5);
    s_flow_link(&t, PEER_HANDLE, 9, 0);
    s_run(&t);
    expect_close(&t, "amqp:invalid-field", "a sender's delivery-count beyond our credit");
    s_free(&t);

    /* a transfer on our sender link */
    s_up(&t, 0, 0);
    {
        mq_a1_link_opts lo;
        uint32_t h;
        memset(&lo, 0, sizeof lo);
        lo.name = mq_cstr("s");
        lo.target = mq_cstr("q");
        mq_a1_link_attach(&t.e, t.ch, &lo, &h);
        s_attach(&t, "s", 6, true);
        s_run(&t);
        s_transfer(&t, 6, true, 0, "t", "x", false, false);
        s_run(&t);
        expect_close(&t, "amqp:not-allowed", "a transfer to our sender link");
    }
    s_free(&t);
}

static void test_aborted_and_windows(void)
{
    script t;
    int n;
    s_up(&t, 0, 5);
    s_transfer(&t, PEER_HANDLE, true, 0, "t", "part one ", true, false);
    s_transfer(&t, PEER_HANDLE, false, 0, NULL, "part two", true, false);
    s_transfer(&t, PEER_HANDLE, false, 0, NULL, NULL, false, true);
    EQ(s_run(&t), 0, "an aborted delivery: no event");
    EQ(t.rc, 0, "  and no error");
    s_transfer(&t, PEER_HANDLE, true, 1, "u", "whole", false, false);
    n = s_run(&t);
    TAP_OK(n == 1 && t.ev.type == MQ_A1_EV_DELIVERY && t.ev.delivery_id == 1 &&
           t.ev.payload.len == 5 && !memcmp(t.ev.payload.ptr, "whole", 5),
           "  the next delivery arrives whole");
    EQ(mq_a1_link_get(&t.e, t.ch, t.rcv)->credit, 3, "  both used credit");
    s_free(&t);

    s_up(&t, 4, 20);
    {
        int i;
        for (i = 0; i < 5; i++)
            s_transfer(&t, PEER_HANDLE, true, (uint32_t)i, "t", "x", false, false);
    }
    s_run(&t);
    expect_close(&t, "amqp:session:window-violation", "5 transfers at once into a window of 4");
    s_free(&t);

    s_up(&t, 4, 20);
    {
        int i, total = 0;
        for (i = 0; i < 16; i++) {
            s_transfer(&t, PEER_HANDLE, true, (uint32_t)i, "t", "x", false, false);
            if (i % 4 == 3)
                total += s_run(&t); /* the peer waits for our flow each 4 */
        }
        EQ(total, 16, "16 transfers, 4 at a time, into a window of 4: all delivered");
        EQ(t.rc, 0, "  no error");
        EQ(mq_a1_session_get(&t.e, t.ch)->incoming_window, 4, "  the window reopened");
        EQ(mq_a1_session_get(&t.e, t.ch)->next_incoming_id, 16, "  next-incoming-id 16");
    }
    s_free(&t);
}

int main(void)
{
    test_frames();
    test_order();
    test_links();
    test_aborted_and_windows();
    return tap_done();
}

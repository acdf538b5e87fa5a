/* SPDX-License-Identifier: MIT */
/*
 * The AMQP 1.0 engine (src/amqp1/mq_a1_engine.h): a client engine and a
 * server engine talking to each other in memory.  Handshakes with and
 * without SASL, SASL refusals, open negotiation, sessions and their
 * windows, links, credit and drain, transfers (pre-settled, unsettled,
 * multi-frame), dispositions in ranges, detach with an error, end, close,
 * idle time-outs, and the bounds (message size, unsettled map).
 */
#include <stdio.h>

#include "tap.h"
#include "a1_peer.h"

/* (evaluates expr once: TAP_EQ_INT evaluates its arguments twice) */
#define EQ(expr, want, what)                    \
    do {                                        \
        long long eq_v_ = (long long)(expr);    \
        TAP_EQ_INT(eq_v_, (want), (what));      \
    } while (0)

static mq_a1_engine_opts client_opts(int sasl)
{
    mq_a1_engine_opts o;
    memset(&o, 0, sizeof o);
    o.sasl = sasl;
    o.user = mq_cstr("guest");
    o.password = mq_cstr("secret");
    o.container_id = mq_cstr("client-1");
    o.hostname = mq_cstr("localhost");
    o.max_frame_size = 4096;
    return o;
}

static mq_a1_engine_opts server_opts(int mechs)
{
    mq_a1_engine_opts o;
    memset(&o, 0, sizeof o);
    o.server = true;
    o.sasl = mechs;
    o.user = mq_cstr("guest");
    o.password = mq_cstr("secret");
    o.container_id = mq_cstr("server-1");
    o.max_frame_size = 1024;
    o.channel_max = 7;
    return o;
}

static int connect_pair(a1_peer *c, a1_peer *s, mq_a1_engine_opts co, mq_a1_engine_opts so)
{
    a1_peer_init(s, &so);
    a1_peer_init(c, &co);
    a1_pump(c, s);
    return mq_a1_engine_is_open(&c->e) && mq_a1_engine_is_open(&s->e);
}

/* A connection, a session and, on it, a sender to "q" and a receiver from
 * "q" (our handles *snd and *rcv; the server's handles: the events). */
typedef struct pair {
    a1_peer c, s;
    uint16_t ch;      /* the client's channel */
    uint16_t sch;     /* the server's channel */
    uint32_t snd, rcv;   /* the client's handles */
    uint32_t s_rcv, s_snd; /* the server's handles for them */
} pair;

static int link_up(pair *p, bool receiver, const char *addr, uint32_t *mine, uint32_t *theirs)
{
    mq_a1_link_opts lo;
    int i;
    memset(&lo, 0, sizeof lo);
    lo.receiver = receiver;
    if (receiver) lo.source = mq_cstr(addr); else lo.target = mq_cstr(addr);
    if (mq_a1_link_attach(&p->c.e, p->ch, &lo, mine) < 0)
        return 0;
    a1_pump(&p->c, &p->s);
    if ((i = a1_find(&p->s, MQ_A1_EV_ATTACH)) < 0)
        return 0;
    *theirs = p->s.log[i].link;
    return a1_find(&p->c, MQ_A1_EV_ATTACH) >= 0;
}

static int pair_up(pair *p, mq_a1_engine_opts co, mq_a1_engine_opts so)
{
    int i;
    if (!connect_pair(&p->c, &p->s, co, so) || mq_a1_session_begin(&p->c.e, &p->ch) < 0)
        return 0;
    a1_pump(&p->c, &p->s);
    if ((i = a1_find(&p->s, MQ_A1_EV_BEGIN)) < 0)
        return 0;
    p->sch = p->s.log[i].session;
    return link_up(p, false, "q", &p->snd, &p->s_rcv) && link_up(p, true, "q", &p->rcv, &p->s_snd);
}

static void pair_free(pair *p)
{
    a1_peer_free(&p->c);
    a1_peer_free(&p->s);
}

static void test_handshakes(void)
{
    static const int mechs[] = {MQ_A1_SASL_NONE, MQ_A1_SASL_PLAIN, MQ_A1_SASL_ANONYMOUS,
                                MQ_A1_SASL_EXTERNAL};
    size_t i;
    for (i = 0; i < sizeof mechs / sizeof mechs[0]; i++) {
        a1_peer c, s;
        int all = MQ_A1_SASL_PLAIN | MQ_A1_SASL_ANONYMOUS | MQ_A1_SASL_EXTERNAL;
        int ok = connect_pair(&c, &s, client_opts(mechs[i]), server_opts(mechs[i] ? all : 0));
        TAP_OK(ok, "handshake with SASL mechanism %d: both open", mechs[i]);
        TAP_OK(a1_find(&c, MQ_A1_EV_OPEN) == 0 && a1_find(&s, MQ_A1_EV_OPEN) == 0,
               "  the first event of each side is OPEN");
        a1_peer_free(&c);
        a1_peer_free(&s);
    }
}

static void test_open_negotiation(void)
{
    a1_peer c, s;
    mq_a1_engine_opts co = client_opts(MQ_A1_SASL_PLAIN), so = server_opts(MQ_A1_SASL_PLAIN);
    co.idle_timeout_ms = 1000;
    so.idle_timeout_ms = 400;
    connect_pair(&c, &s, co, so);
    EQ(c.e.send_max_frame, 1024, "client sends frames of min(4096, 1024)");
    EQ(s.e.send_max_frame, 1024, "server too");
    EQ(c.e.remote_channel_max, 7, "client knows the server's channel-max");
    EQ(c.e.remote_idle_ms, 400, "client knows the server's idle-time-out");
    EQ(s.e.remote_idle_ms, 1000, "server knows the client's");
    EQ(mq_a1_engine_heartbeat_due(&c.e), a1_now + 200000000ull,
       "client: an empty frame is due after half the server's idle-time-out");
    EQ(mq_a1_engine_peer_dead_at(&c.e), a1_now + 2000000000ull,
       "client: the server is dead after twice our idle-time-out");
    EQ(mq_a1_engine_deadline(&c.e), a1_now + 200000000ull, "deadline: the earlier of the two");
    EQ(mq_a1_engine_tick(&c.e, a1_now + 199999999ull), 0, "tick before it is due");
    EQ(c.out.len, 0, "  writes nothing");
    EQ(mq_a1_engine_tick(&c.e, a1_now + 200000000ull), 0, "tick when due");
    EQ(c.out.len, 8, "  writes an empty frame");
    TAP_OK(c.out.len == 8 && !memcmp(c.out.data, "\0\0\0\x08\x02\0\0\0", 8), "  00 00 00 08 02 00 00 00");
    EQ(mq_a1_engine_heartbeat_due(&c.e), a1_now + 400000000ull, "  the next is due 200 ms later");
    mq_a1_engine_feed(&s.e, c.out.data, c.out.len, a1_now + 200000000ull);
    mq_wbuf_reset(&c.out);
    a1_drain_events(&s);
    EQ(s.rc, 0, "the server takes the empty frame without an event");
    /* the peer's death */
    EQ(mq_a1_engine_tick(&c.e, a1_now + 2000000000ull), MQ_E_HEARTBEAT,
       "nothing from the server for 2000 ms: MQ_E_HEARTBEAT");
    TAP_OK(strstr(mq_a1_engine_error(&c.e)->text, "amqp:resource-limit-exceeded") != NULL,
           "  error text names the condition: %s", mq_a1_engine_error(&c.e)->text);
    a1_pump(&c, &s);
    {
        int i = a1_find(&s, MQ_A1_EV_CLOSE);
        TAP_OK(i >= 0 && !strcmp(s.log[i].cond, "amqp:resource-limit-exceeded"),
               "  the server got a close with amqp:resource-limit-exceeded");
    }
    a1_peer_free(&c);
    a1_peer_free(&s);
}

static void test_sasl_refusals(void)
{
    a1_peer c, s;
    mq_a1_engine_opts co = client_opts(MQ_A1_SASL_PLAIN);
    co.password = mq_cstr("wrong");
    TAP_OK(!connect_pair(&c, &s, co, server_opts(MQ_A1_SASL_PLAIN)), "a wrong password: not open");
    EQ(c.rc, MQ_E_AUTH, "  client: MQ_E_AUTH");
    TAP_OK(strstr(mq_a1_engine_error(&c.e)->text, "outcome code 1 (auth") != NULL,
           "  with the server's code: %s", mq_a1_engine_error(&c.e)->text);
    a1_peer_free(&c);
    a1_peer_free(&s);

    TAP_OK(!connect_pair(&c, &s, client_opts(MQ_A1_SASL_PLAIN), server_opts(MQ_A1_SASL_ANONYMOUS)),
           "PLAIN, the server offers ANONYMOUS only: not open");
    EQ(c.rc, MQ_E_AUTH, "  client: MQ_E_AUTH");
    TAP_OK(strstr(mq_a1_engine_error(&c.e)->text, "does not offer SASL PLAIN (it offers: ANONYMOUS)") != NULL,
           "  names what is offered: %s", mq_a1_engine_error(&c.e)->text);
    a1_peer_free(&c);
    a1_peer_free(&s);

    TAP_OK(!connect_pair(&c, &s, client_opts(MQ_A1_SASL_NONE), server_opts(MQ_A1_SASL_PLAIN)),
           "no SASL, the server wants SASL: not open");
    EQ(c.rc, MQ_E_PROTOCOL, "  client: MQ_E_PROTOCOL (the header names another protocol)");
    a1_peer_free(&c);
    a1_peer_free(&s);
}

static void test_sessions(void)
{
    pair p;
    const mq_a1_session *cs, *ss;
    int i;
    mq_a1_engine_opts co = client_opts(MQ_A1_SASL_NONE), so = server_opts(0);
    co.incoming_window = 100;
    so.incoming_window = 50;
    TAP_OK(pair_up(&p, co, so), "session and two links up");
    i = a1_find(&p.s, MQ_A1_EV_BEGIN);
    TAP_OK(i >= 0 && p.s.log[i].remote, "server: BEGIN, remote-initiated (answered by the engine)");
    i = a1_find(&p.c, MQ_A1_EV_BEGIN);
    TAP_OK(i >= 0 && !p.c.log[i].remote && p.c.log[i].session == p.ch, "client: BEGIN of its channel");
    cs = mq_a1_session_get(&p.c.e, p.ch);
    ss = mq_a1_session_get(&p.s.e, p.sch);
    TAP_OK(cs && ss, "both sessions exist");
    if (!cs || !ss) {
        pair_free(&p);
        return;
    }
    EQ(cs->remote_incoming_window, 50, "client: the server's incoming window");
    EQ(ss->remote_incoming_window, 100, "server: the client's incoming window");
    EQ(cs->next_outgoing_id, 0, "client: next-outgoing-id 0");
    EQ(ss->next_incoming_id, 0, "server: next-incoming-id from the client's begin");
    /* a second session, then end the first */
    {
        uint16_t ch2;
        EQ(mq_a1_session_begin(&p.c.e, &ch2), 0, "a second session");
        TAP_OK(ch2 != p.ch, "  on another channel (%u)", ch2);
        a1_pump(&p.c, &p.s);
        EQ(a1_count(&p.c, MQ_A1_EV_BEGIN), 2, "  mapped");
        EQ(mq_a1_session_end(&p.c.e, ch2, mq_bytes_of(NULL, 0), mq_bytes_of(NULL, 0)), 0, "end it");
        a1_pump(&p.c, &p.s);
        i = a1_find(&p.c, MQ_A1_EV_END);
        TAP_OK(i >= 0 && !p.c.log[i].remote && p.c.log[i].session == ch2, "  client: END, answered");
        i = a1_find(&p.s, MQ_A1_EV_END);
        TAP_OK(i >= 0 && p.s.log[i].remote, "  server: END, remote-initiated");
        TAP_OK(mq_a1_session_get(&p.c.e, ch2) == NULL, "  the channel is free again");
    }
    pair_free(&p);
}

static int send_msg(pair *p, const char *body, size_t len, bool settled, uint32_t *id)
{
    return mq_a1_link_send(&p->c.e, p->ch, p->snd, mq_bytes_of(NULL, 0), body, len, settled, id);
}

static void test_credit_and_transfers(void)
{
    pair p;
    char big[5000];
    uint32_t id0 = 99, id1 = 99, id2 = 99;
    int i, d;
    size_t k;
    pair_up(&p, client_opts(MQ_A1_SASL_NONE), server_opts(0));
    for (k = 0; k < sizeof big; k++)
        big[k] = (char)('a' + k % 26);
    EQ(send_msg(&p, "x", 1, false, NULL), MQ_A1_E_NO_CREDIT, "no credit yet: MQ_A1_E_NO_CREDIT");
    EQ(mq_a1_link_send(&p.c.e, p.ch, p.snd, mq_cstr("0123456789abcdef0123456789abcdef!"), "x", 1,
                       true, NULL), MQ_E_INVALID, "a delivery-tag of 33 bytes: MQ_E_INVALID");
    EQ(p.c.out.len, 0, "  nothing written");
    EQ(mq_a1_link_flow(&p.s.e, p.sch, p.s_rcv, 3, false), 0, "server grants 3");
    a1_pump(&p.c, &p.s);
    i = a1_find(&p.c, MQ_A1_EV_FLOW);
    TAP_OK(i >= 0 && p.c.log[i].link == p.snd && p.c.log[i].credit == 3, "client: FLOW, credit 3");
    EQ(send_msg(&p, "hello", 5, false, &id0), 0, "send unsettled");
    EQ(send_msg(&p, "fire", 4, true, &id1), 0, "send pre-settled");
    EQ(send_msg(&p, big, sizeof big, false, &id2), 0, "send 5000 bytes (max-frame-size 1024)");
    TAP_OK(id0 == 0 && id1 == 1 && id2 == 2, "delivery-ids 0, 1, 2");
    EQ(mq_a1_session_get(&p.c.e, p.ch)->next_outgoing_id, 7, "7 transfer frames (1 + 1 + 5)");
    EQ(send_msg(&p, "x", 1, false, NULL), MQ_A1_E_NO_CREDIT, "credit used up");
    a1_pump(&p.c, &p.s);
    EQ(a1_count(&p.s, MQ_A1_EV_DELIVERY), 3, "server: 3 deliveries");
    d = a1_find(&p.s, MQ_A1_EV_DELIVERY) - 2;
    TAP_OK(d >= 0 && p.s.log[d].plen == 5 && !memcmp(p.s.log[d].payload, "hello", 5) &&
           !p.s.log[d].settled && p.s.log[d].id == 0, "  hello, unsettled, id 0");
    TAP_OK(d >= 0 && p.s.log[d + 1].plen == 4 && p.s.log[d + 1].settled && p.s.log[d + 1].id == 1,
           "  fire, settled, id 1");
    TAP_OK(d >= 0 && p.s.log[d + 2].plen == sizeof big &&
           !memcmp(p.s.log[d + 2].payload, big, sizeof big), "  5000 bytes reassembled");
    EQ(mq_a1_link_get(&p.s.e, p.sch, p.s_rcv)->credit, 0, "server's receiver: credit 0");
    EQ(mq_a1_link_get(&p.s.e, p.sch, p.s_rcv)->delivery_count, 3, "  delivery-count 3");
    EQ(mq_a1_session_get(&p.c.e, p.ch)->nunsettled, 2, "client: 2 unsettled");
    /* settle: 0 accepted, 2 rejected */
    {
        mq_a1_outcome acc = {MQ_A1_OUT_ACCEPTED, false, false, {NULL, 0}, {NULL, 0}};
        mq_a1_outcome rej = {MQ_A1_OUT_REJECTED, false, false, {"amqp:invalid-field", 18}, {"bad", 3}};
        EQ(mq_a1_delivery_settle(&p.s.e, p.sch, 0, &acc), 0, "server accepts 0");
        EQ(mq_a1_delivery_settle(&p.s.e, p.sch, 2, &rej), 0, "server rejects 2");
        EQ(mq_a1_delivery_settle(&p.s.e, p.sch, 7, &acc), MQ_E_INVALID, "settling an id not received");
    }
    a1_pump(&p.c, &p.s);
    EQ(a1_count(&p.c, MQ_A1_EV_DISPOSITION), 2, "client: 2 dispositions");
    i = a1_find(&p.c, MQ_A1_EV_DISPOSITION);
    TAP_OK(i >= 1 && p.c.log[i - 1].outcome == MQ_A1_OUT_ACCEPTED && p.c.log[i - 1].first == 0 &&
           p.c.log[i - 1].last == 0 && p.c.log[i - 1].matched == 1 && p.c.log[i - 1].settled,
           "  0..0 accepted, settled, matched 1");
    TAP_OK(i >= 0 && p.c.log[i].outcome == MQ_A1_OUT_REJECTED && p.c.log[i].first == 2 &&
           !strcmp(p.c.log[i].cond, "amqp:invalid-field") && !strcmp(p.c.log[i].desc, "bad"),
           "  2..2 rejected with amqp:invalid-field: bad");
    EQ(mq_a1_session_get(&p.c.e, p.ch)->nunsettled, 0, "client: nothing unsettled");
    pair_free(&p);
}

static void test_disposition_ranges(void)
{
    pair p;
    mq_a1_outcome acc = {MQ_A1_OUT_ACCEPTED, false, false, {NULL, 0}, {NULL, 0}};
    mq_a1_outcome rel = {MQ_A1_OUT_RELEASED, false, false, {NULL, 0}, {NULL, 0}};
    mq_a1_outcome mod = {MQ_A1_OUT_MODIFIED, true, true, {NULL, 0}, {NULL, 0}};
    int i, j;
    size_t before;
    pair_up(&p, client_opts(MQ_A1_SASL_NONE), server_opts(0));
    mq_a1_link_flow(&p.s.e, p.sch, p.s_rcv, 10, false);
    a1_pump(&p.c, &p.s);
    for (i = 0; i < 8; i++)
        send_msg(&p, "m", 1, false, NULL);
    a1_pump(&p.c, &p.s);
    EQ(a1_count(&p.s, MQ_A1_EV_DELIVERY), 8, "8 deliveries");
    for (i = 0; i < 4; i++)
        mq_a1_delivery_settle(&p.s.e, p.sch, (uint32_t)i, &acc);
    before = p.s.out.len;
    mq_a1_delivery_settle(&p.s.e, p.sch, 4, &rel);
    TAP_OK(p.s.out.len > before, "a different outcome writes the batched range");
    mq_a1_delivery_settle(&p.s.e, p.sch, 5, &rel);
    mq_a1_delivery_settle(&p.s.e, p.sch, 6, &mod);
    mq_a1_delivery_settle(&p.s.e, p.sch, 7, &mod);
    a1_clear_log(&p.c);
    a1_pump(&p.c, &p.s);
    EQ(a1_count(&p.c, MQ_A1_EV_DISPOSITION), 3, "8 settlements, 3 dispositions");
    j = 0;
    TAP_OK(p.c.log[j].first == 0 && p.c.log[j].last == 3 && p.c.log[j].outcome == MQ_A1_OUT_ACCEPTED &&
           p.c.log[j].matched == 4, "  0..3 accepted (matched 4)");
    TAP_OK(p.c.log[j + 1].first == 4 && p.c.log[j + 1].last == 5 &&
           p.c.log[j + 1].outcome == MQ_A1_OUT_RELEASED, "  4..5 released");
    TAP_OK(p.c.log[j + 2].first == 6 && p.c.log[j + 2].last == 7 &&
           p.c.log[j + 2].outcome == MQ_A1_OUT_MODIFIED, "  6..7 modified");
    EQ(mq_a1_session_get(&p.c.e, p.ch)->nunsettled, 0, "  nothing unsettled");
    pair_free(&p);
}

static void test_modified_flags(void)
{
    /* the modified outcome's flags, as the client decodes them */
    pair p;
    mq_a1_outcome mod = {MQ_A1_OUT_MODIFIED, true, false, {NULL, 0}, {NULL, 0}};
    mq_a1_event ev;
    pair_up(&p, client_opts(MQ_A1_SASL_NONE), server_opts(0));
    mq_a1_link_flow(&p.s.e, p.sch, p.s_rcv, 1, false);
    a1_pump(&p.c, &p.s);
    send_msg(&p, "m", 1, false, NULL);
    a1_pump(&p.c, &p.s);
    mq_a1_delivery_settle(&p.s.e, p.sch, 0, &mod);
    mq_a1_engine_flush(&p.s.e);
    mq_a1_engine_feed(&p.c.e, p.s.out.data, p.s.out.len, a1_now);
    mq_wbuf_reset(&p.s.out);
    TAP_OK(mq_a1_engine_next(&p.c.e, &ev) == 1 && ev.type == MQ_A1_EV_DISPOSITION &&
           ev.outcome.kind == MQ_A1_OUT_MODIFIED && ev.outcome.delivery_failed &&
           !ev.outcome.undeliverable_here, "modified: delivery-failed true, undeliverable-here false");
    pair_free(&p);
}

static void test_receive_and_drain(void)
{
    pair p;
    int i;
    pair_up(&p, client_opts(MQ_A1_SASL_NONE), server_opts(0));
    EQ(mq_a1_link_flow(&p.c.e, p.ch, p.rcv, 2, false), 0, "client grants 2");
    a1_pump(&p.c, &p.s);
    i = a1_find(&p.s, MQ_A1_EV_FLOW);
    TAP_OK(i >= 0 && p.s.log[i].credit == 2 && !p.s.log[i].drain, "server's sender: credit 2");
    EQ(mq_a1_link_send(&p.s.e, p.sch, p.s_snd, mq_cstr("t1"), "one", 3, false, NULL), 0, "server sends");
    EQ(mq_a1_link_send(&p.s.e, p.sch, p.s_snd, mq_cstr("t2"), "two", 3, true, NULL), 0, "and again");
    EQ(mq_a1_link_send(&p.s.e, p.sch, p.s_snd, mq_cstr("t3"), "three", 5, true, NULL),
       MQ_A1_E_NO_CREDIT, "a third: no credit");
    a1_pump(&p.c, &p.s);
    EQ(a1_count(&p.c, MQ_A1_EV_DELIVERY), 2, "client: 2 deliveries");
    i = a1_find(&p.c, MQ_A1_EV_DELIVERY);
    TAP_OK(i >= 0 && p.c.log[i].plen == 3 && !memcmp(p.c.log[i].payload, "two", 3) &&
           p.c.log[i].link == p.rcv, "  the second is 'two' on our receiver");
    /* drain */
    EQ(mq_a1_link_flow(&p.c.e, p.ch, p.rcv, 10, true), 0, "client grants 10 with drain");
    a1_pump(&p.c, &p.s);
    i = a1_find(&p.s, MQ_A1_EV_FLOW);
    TAP_OK(i >= 0 && p.s.log[i].credit == 10 && p.s.log[i].drain, "server: credit 10, drain");
    EQ(mq_a1_link_drained(&p.s.e, p.sch, p.s_snd), 0, "server has nothing: drained");
    a1_pump(&p.c, &p.s);
    i = a1_find(&p.c, MQ_A1_EV_FLOW);
    TAP_OK(i >= 0 && p.c.log[i].credit == 0 && p.c.log[i].delivery_count == 12 && !p.c.log[i].drain,
           "client: credit 0, delivery-count 2 + 10, drain over");
    EQ(mq_a1_link_get(&p.s.e, p.sch, p.s_snd)->delivery_count, 12, "server's delivery-count 12");
    pair_free(&p);
}

static void test_bounds(void)
{
    pair p;
    mq_a1_engine_opts co = client_opts(MQ_A1_SASL_NONE), so = server_opts(0);
    char big[3000];
    int i;
    memset(big, 'z', sizeof big);
    co.max_message_size = 2000;
    co.max_unsettled = 2;
    so.incoming_window = 4;
    pair_up(&p, co, so);
    /* max-message-size: announced, and enforced */
    mq_a1_link_flow(&p.c.e, p.ch, p.rcv, 5, false);
    a1_pump(&p.c, &p.s);
    EQ(mq_a1_link_get(&p.s.e, p.sch, p.s_snd)->peer_max_message, 2000,
       "the server knows the client's max-message-size");
    EQ(mq_a1_link_send(&p.s.e, p.sch, p.s_snd, mq_bytes_of(NULL, 0), big, sizeof big, true, NULL),
       MQ_E_TOO_LONG, "a sender refuses a message above it");
    /* a peer that ignores it: the server forgets the limit */
    ((mq_a1_link *)mq_a1_link_get(&p.s.e, p.sch, p.s_snd))->peer_max_message = 0;
    EQ(mq_a1_link_send(&p.s.e, p.sch, p.s_snd, mq_bytes_of(NULL, 0), big, sizeof big, true, NULL), 0,
       "(a server that ignores it sends 3000 bytes)");
    a1_pump(&p.c, &p.s);
    i = a1_find(&p.c, MQ_A1_EV_LINK_ERROR);
    TAP_OK(i >= 0 && !strcmp(p.c.log[i].cond, "amqp:link:message-size-exceeded") &&
           p.c.log[i].link == p.rcv, "client: LINK_ERROR amqp:link:message-size-exceeded");
    i = a1_find(&p.s, MQ_A1_EV_DETACH);
    TAP_OK(i >= 0 && !strcmp(p.s.log[i].cond, "amqp:link:message-size-exceeded") && p.s.log[i].remote,
           "server: DETACH with that condition");
    i = a1_find(&p.c, MQ_A1_EV_DETACH);
    TAP_OK(i >= 0 && p.c.log[i].link == p.rcv && !p.c.log[i].remote, "client: the detach answered");
    EQ(a1_count(&p.c, MQ_A1_EV_DELIVERY), 0, "  no delivery");
    TAP_OK(mq_a1_engine_is_open(&p.c.e), "  the connection stays open");
    /* the peer's incoming window (4 frames; max-frame-size 1024) */
    mq_a1_link_flow(&p.s.e, p.sch, p.s_rcv, 100, false);
    a1_pump(&p.c, &p.s);
    EQ(send_msg(&p, big, sizeof big, true, NULL), 0, "3000 bytes: 3 frames fit a window of 4");
    EQ(mq_a1_session_get(&p.c.e, p.ch)->remote_incoming_window, 1, "  window left: 1");
    EQ(send_msg(&p, big, 1500, true, NULL), MQ_A1_E_WINDOW, "2 more frames: MQ_A1_E_WINDOW");
    a1_pump(&p.c, &p.s);
    TAP_OK(mq_a1_session_get(&p.c.e, p.ch)->remote_incoming_window >= 2,
           "after the server processed them, its flow reopens the window");
    EQ(send_msg(&p, big, 1500, true, NULL), 0, "  now they go");
    /* unsettled map */
    EQ(send_msg(&p, "a", 1, false, NULL), 0, "unsettled 1");
    EQ(send_msg(&p, "b", 1, false, NULL), 0, "unsettled 2");
    EQ(send_msg(&p, "c", 1, false, NULL), MQ_A1_E_UNSETTLED, "unsettled 3: the map (2) is full");
    a1_pump(&p.c, &p.s);
    pair_free(&p);
}

static void test_detach_end_close(void)
{
    pair p;
    uint32_t h, sh;
    int i;
    pair_up(&p, client_opts(MQ_A1_SASL_NONE), server_opts(0));
    /* a refused attach (the broker: amqp:not-found) */
    a1_clear_log(&p.c);
    link_up(&p, false, "missing", &h, &sh);
    i = a1_find(&p.c, MQ_A1_EV_DETACH);
    TAP_OK(i >= 0 && p.c.log[i].link == h && p.c.log[i].remote && p.c.log[i].closed &&
           !strcmp(p.c.log[i].cond, "amqp:not-found") && !strcmp(p.c.log[i].desc, "no queue 'missing'"),
           "attach to a missing node: ATTACH, then DETACH amqp:not-found with its description");
    TAP_OK(mq_a1_link_get(&p.c.e, p.ch, h) == NULL, "  the handle is free");
    /* our detach */
    EQ(mq_a1_link_detach(&p.c.e, p.ch, p.snd, true, mq_bytes_of(NULL, 0), mq_bytes_of(NULL, 0)), 0,
       "client detaches its sender");
    a1_pump(&p.c, &p.s);
    i = a1_find(&p.c, MQ_A1_EV_DETACH);
    TAP_OK(i >= 0 && p.c.log[i].link == p.snd && !p.c.log[i].remote && !p.c.log[i].cond[0],
           "  DETACH, answered, no error");
    EQ(send_msg(&p, "x", 1, true, NULL), MQ_A1_E_STATE, "  sending on it: MQ_A1_E_STATE");
    /* the peer's close with an error */
    EQ(mq_a1_engine_close(&p.s.e, mq_cstr("amqp:internal-error"), mq_cstr("going away")), 0,
       "server closes with amqp:internal-error");
    a1_pump(&p.c, &p.s);
    i = a1_find(&p.c, MQ_A1_EV_CLOSE);
    TAP_OK(i >= 0 && p.c.log[i].remote && !strcmp(p.c.log[i].cond, "amqp:internal-error") &&
           !strcmp(p.c.log[i].desc, "going away"), "client: CLOSE with the condition and description");
    EQ(p.c.rc, MQ_E_CONNECTION_CLOSED, "  then MQ_E_CONNECTION_CLOSED");
    TAP_OK(strstr(mq_a1_engine_error(&p.c.e)->text, "amqp:internal-error: going away") != NULL,
           "  error text: %s", mq_a1_engine_error(&p.c.e)->text);
    i = a1_find(&p.s, MQ_A1_EV_CLOSE);
    TAP_OK(i >= 0 && !p.s.log[i].remote, "server: CLOSE, answered");
    pair_free(&p);

    pair_up(&p, client_opts(MQ_A1_SASL_NONE), server_opts(0));
    EQ(mq_a1_engine_close(&p.c.e, mq_bytes_of(NULL, 0), mq_bytes_of(NULL, 0)), 0, "client closes");
    EQ(mq_a1_session_begin(&p.c.e, &p.ch), MQ_A1_E_STATE, "  begin after close: MQ_A1_E_STATE");
    a1_pump(&p.c, &p.s);
    TAP_OK(a1_find(&p.c, MQ_A1_EV_CLOSE) >= 0 && a1_find(&p.s, MQ_A1_EV_CLOSE) >= 0, "  both: CLOSE");
    pair_free(&p);
}

int main(void)
{
    test_handshakes();
    test_open_negotiation();
    test_sasl_refusals();
    test_sessions();
    test_credit_and_transfers();
    test_disposition_ranges();
    test_modified_flags();
    test_receive_and_drain();
    test_bounds();
    test_detach_end_close();
    return tap_done();
}

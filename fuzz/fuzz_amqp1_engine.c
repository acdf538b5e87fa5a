/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target: the AMQP 1.0 connection engine (src/amqp1) as a
 * client, fed what a server says.  Input: 1 byte of options (bit 0: SASL
 * PLAIN, bit 1: an incoming window of 4, bit 2: a max-message-size of 1000,
 * bit 3: an idle-time-out), 4 bytes that seed the chunk sizes, then the
 * server's byte stream.  The client acts on its events as a program would
 * (begin on open; attach a receiver and a sender on begin; grant credit on
 * attach; accept deliveries; send on credit; settle and detach now and
 * then) and its clock advances with each chunk, so that the fuzzer reaches
 * every state: SASL, open, sessions, links, transfers being reassembled,
 * dispositions, detach, end, close, time-outs.  Checked: no crash, no
 * leak, views of events inside the input or the engine's buffers, and
 * every error sticky.
 */
#include <stdlib.h>
#include <string.h>

#include "mq_a1_engine.h"

#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct client {
    mq_a1_engine e;
    mq_wbuf out;
    uint64_t now;
    uint16_t ch;
    uint32_t rcv, snd;
    unsigned steps;
} client;

static void on_event(client *c, const mq_a1_event *ev)
{
    mq_a1_link_opts lo;
    mq_a1_outcome acc = {MQ_A1_OUT_ACCEPTED, false, false, {NULL, 0}, {NULL, 0}};
    memset(&lo, 0, sizeof lo);
    switch (ev->type) {
    case MQ_A1_EV_OPEN:
        mq_a1_session_begin(&c->e, &c->ch);
        break;
    case MQ_A1_EV_BEGIN:
        lo.name = mq_cstr("r");
        lo.receiver = true;
        lo.source = mq_cstr("q");
        mq_a1_link_attach(&c->e, ev->session, &lo, &c->rcv);
        lo.name = mq_cstr("s");
        lo.receiver = false;
        lo.target = mq_cstr("q");
        mq_a1_link_attach(&c->e, ev->session, &lo, &c->snd);
        break;
    case MQ_A1_EV_ATTACH:
        mq_a1_link_flow(&c->e, ev->session, ev->link, 10, (c->steps & 7) == 3);
        break;
    case MQ_A1_EV_DELIVERY:
        FUZZ_CHECK(ev->payload.len <= c->e.o.max_message_size);
        if (!ev->settled)
            mq_a1_delivery_settle(&c->e, ev->session, ev->delivery_id, &acc);
        if ((c->steps & 15) == 5)
            mq_a1_link_detach(&c->e, ev->session, ev->link, true, mq_bytes_of(NULL, 0),
                              mq_bytes_of(NULL, 0));
        break;
    case MQ_A1_EV_FLOW:
        if (ev->link != MQ_A1_NO_LINK && ev->credit)
            mq_a1_link_send(&c->e, ev->session, ev->link, mq_bytes_of(NULL, 0), "hello", 5,
                            (c->steps & 1) != 0, NULL);
        if (ev->drain)
            mq_a1_link_drained(&c->e, ev->session, ev->link);
        break;
    default:
        break;
    }
}

static void run_events(client *c)
{
    mq_a1_event ev;
    int rc;
    while ((rc = mq_a1_engine_next(&c->e, &ev)) > 0) {
        c->steps++;
        on_event(c, &ev);
    }
    if (rc < 0)
        FUZZ_CHECK(mq_a1_engine_next(&c->e, &ev) == rc); /* sticky */
    mq_a1_engine_flush(&c->e);
    mq_a1_engine_tick(&c->e, c->now);
    mq_wbuf_reset(&c->out); /* "written" */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    mq_a1_engine_opts o;
    client c;
    uint32_t seed;
    size_t off = 5;
    if (size < 5)
        return 0;
    memset(&o, 0, sizeof o);
    memset(&c, 0, sizeof c);
    o.sasl = data[0] & 1 ? MQ_A1_SASL_PLAIN : MQ_A1_SASL_NONE;
    o.user = mq_cstr("guest");
    o.password = mq_cstr("guest");
    o.incoming_window = data[0] & 2 ? 4 : 0;
    o.max_message_size = data[0] & 4 ? 1000 : 0;
    o.idle_timeout_ms = data[0] & 8 ? 1000 : 0;
    o.max_frame_size = 4096;
    o.max_unsettled = 8;
    seed = (uint32_t)data[1] << 24 | (uint32_t)data[2] << 16 | (uint32_t)data[3] << 8 | data[4];
    mq_wbuf_init(&c.out);
    c.now = 1000000000ull;
    if (mq_a1_engine_init(&c.e, &o, &c.out, c.now) < 0)
        return 0;
    while (off < size) {
        size_t n;
        seed = seed * 1103515245u + 12345u;
        n = 1 + (seed >> 8) % 4096;
        if (n > size - off)
            n = size - off;
        c.now += (uint64_t)((seed >> 4) & 0xff) * 10000000ull; /* 0 to 2.5 s */
        mq_a1_engine_feed(&c.e, data + off, n, c.now);
        off += n;
        run_events(&c);
    }
    mq_a1_engine_free(&c.e);
    mq_wbuf_free(&c.out);
    return 0;
}

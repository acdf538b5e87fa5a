/* SPDX-License-Identifier: MIT */
/*
 * Helpers of the AMQP 1.0 engine tests: an engine with its output buffer
 * and a log of the events it produced (copied, since event views do not
 * outlive the next call), two engines pumped into each other in memory,
 * and a minimal broker behaviour for the server engine (answers every
 * attach; refuses the address "missing" with amqp:not-found).
 */
#ifndef MQ_TEST_A1_PEER_H
#define MQ_TEST_A1_PEER_H

#include <stdlib.h>
#include <string.h>

#include "mq_a1_engine.h"
#include "mq_a1_message.h"

#define A1_LOG_MAX 256

typedef struct a1_rec {
    int type;
    uint16_t session;
    uint32_t link;
    bool remote, closed, settled, drain;
    char cond[64], desc[128];
    uint32_t id, first, last, matched, credit, delivery_count;
    int outcome;
    char *payload; /* DELIVERY: a copy */
    size_t plen;
} a1_rec;

typedef struct a1_peer {
    mq_a1_engine e;
    mq_wbuf out;
    a1_rec log[A1_LOG_MAX];
    int n;
    int rc;        /* the last mq_a1_engine_next() result */
    bool broker;   /* answer attaches like a broker */
} a1_peer;

static uint64_t a1_now = 1000000000ull;

static inline void a1_copy(char *dst, size_t cap, mq_bytes b)
{
    size_t n = b.len < cap - 1 ? b.len : cap - 1;
    if (n)
        memcpy(dst, b.ptr, n);
    dst[n] = 0;
}

/* The address of an encoded source or target ("" when none). */
static inline void a1_terminus_address(mq_bytes raw, bool is_source, char *out, size_t cap)
{
    mq_a1_source s;
    mq_a1_target t;
    mq_bytes addr = mq_bytes_of(NULL, 0);
    mq_a1_cursor c;
    mq_a1_value v;
    out[0] = 0;
    if (!raw.len)
        return;
    if (is_source ? mq_a1_composite_decode_bytes(&mq_a1_ci_source, raw.ptr, raw.len, &s) < 0
                  : mq_a1_composite_decode_bytes(&mq_a1_ci_target, raw.ptr, raw.len, &t) < 0)
        return;
    addr = is_source ? s.address : t.address;
    mq_a1_cursor_init(&c, addr.ptr, addr.len);
    if (mq_a1_next(&c, &v) == 1 && v.type == MQ_A1_T_STRING)
        a1_copy(out, cap, v.v.bytes);
}

/* The broker side: answers a peer's attach with the same addresses, then
 * detaches it with amqp:not-found when its address is "missing". */
static inline void a1_broker_attach(a1_peer *p, const mq_a1_event *ev)
{
    const mq_a1_attach *a = &ev->frame->perf.attach;
    char src[128], tgt[128];
    mq_a1_link_opts lo;
    a1_terminus_address(a->source, true, src, sizeof src);
    a1_terminus_address(a->target, false, tgt, sizeof tgt);
    memset(&lo, 0, sizeof lo);
    lo.source = mq_cstr(src);
    lo.target = mq_cstr(tgt);
    if (!strcmp(src, "missing") || !strcmp(tgt, "missing")) {
        if (a->role) lo.source = mq_bytes_of(NULL, 0); else lo.target = mq_bytes_of(NULL, 0);
    }
    mq_a1_link_answer(&p->e, ev->session, ev->link, &lo);
    if (!strcmp(src, "missing") || !strcmp(tgt, "missing"))
        mq_a1_link_detach(&p->e, ev->session, ev->link, true, mq_cstr("amqp:not-found"),
                          mq_cstr("no queue 'missing'"));
}

static inline void a1_record(a1_peer *p, const mq_a1_event *ev)
{
    a1_rec *r;
    if (p->broker && ev->type == MQ_A1_EV_ATTACH && ev->remote_initiated)
        a1_broker_attach(p, ev);
    if (p->n >= A1_LOG_MAX)
        return;
    r = &p->log[p->n++];
    memset(r, 0, sizeof *r);
    r->type = ev->type;
    r->session = ev->session;
    r->link = ev->link;
    r->remote = ev->remote_initiated;
    r->closed = ev->closed;
    r->settled = ev->settled;
    r->drain = ev->drain;
    a1_copy(r->cond, sizeof r->cond, ev->condition.len ? ev->condition : ev->outcome.condition);
    a1_copy(r->desc, sizeof r->desc, ev->description.len ? ev->description : ev->outcome.description);
    r->id = ev->delivery_id;
    r->first = ev->first;
    r->last = ev->last;
    r->matched = ev->matched;
    r->credit = ev->credit;
    r->delivery_count = ev->delivery_count;
    r->outcome = ev->outcome.kind;
    if (ev->type == MQ_A1_EV_DELIVERY) {
        r->payload = (char *)malloc(ev->payload.len + 1);
        if (ev->payload.len)
            memcpy(r->payload, ev->payload.ptr, ev->payload.len);
        r->plen = ev->payload.len;
    }
}

static inline void a1_clear_log(a1_peer *p)
{
    int i;
    for (i = 0; i < p->n; i++)
        free(p->log[i].payload);
    p->n = 0;
}

static inline int a1_peer_init(a1_peer *p, const mq_a1_engine_opts *o)
{
    memset(p, 0, sizeof *p);
    mq_wbuf_init(&p->out);
    p->broker = o->server;
    return mq_a1_engine_init(&p->e, o, &p->out, a1_now);
}

static inline void a1_peer_free(a1_peer *p)
{
    a1_clear_log(p);
    mq_a1_engine_free(&p->e);
    mq_wbuf_free(&p->out);
}

static inline void a1_drain_events(a1_peer *p)
{
    mq_a1_event ev;
    while ((p->rc = mq_a1_engine_next(&p->e, &ev)) > 0)
        a1_record(p, &ev);
}

/* Moves bytes both ways until neither side has anything to say. */
static inline void a1_pump(a1_peer *a, a1_peer *b)
{
    int i;
    for (i = 0; i < 1000; i++) {
        bool moved = false;
        mq_a1_engine_flush(&a->e);
        mq_a1_engine_flush(&b->e);
        if (a->out.len) {
            mq_a1_engine_feed(&b->e, a->out.data, a->out.len, a1_now);
            mq_wbuf_reset(&a->out);
            moved = true;
        }
        if (b->out.len) {
            mq_a1_engine_feed(&a->e, b->out.data, b->out.len, a1_now);
            mq_wbuf_reset(&b->out);
            moved = true;
        }
        a1_drain_events(a);
        a1_drain_events(b);
        if (!moved && !a->out.len && !b->out.len)
            return;
    }
}

/* The index of the last event of type in p's log, or -1. */
static inline int a1_find(const a1_peer *p, int type)
{
    int i;
    for (i = p->n - 1; i >= 0; i--)
        if (p->log[i].type == type)
            return i;
    return -1;
}

static inline int a1_count(const a1_peer *p, int type)
{
    int i, n = 0;
    for (i = 0; i < p->n; i++)
        n += p->log[i].type == type;
    return n;
}

#endif

/* SPDX-License-Identifier: MIT */
/*
 * The AMQP 1.0 engine, session level: begin and end, the session's flow
 * control (specification 2.5.6: next-incoming-id, incoming-window,
 * next-outgoing-id, outgoing-window), the peer's dispositions of our sent
 * deliveries, and our settlements batched into disposition ranges.
 */
#include <stdlib.h>

#include "mq_a1_engine_int.h"

/* Our outgoing-window: we never hold transfers back for it. */
#define OUR_OUTGOING_WINDOW 0x7fffffffu

/* ------------------------------------------------------------ lookup */

mq_a1_session *a1_session(mq_a1_engine *e, uint16_t ch)
{
    if (ch > e->o.channel_max || e->sessions[ch].state == A1_SES_FREE)
        return NULL;
    return &e->sessions[ch];
}

mq_a1_session *a1_rsession(mq_a1_engine *e, uint16_t rch)
{
    if (rch > e->o.channel_max || !e->rchannel[rch])
        return NULL;
    return &e->sessions[e->rchannel[rch] - 1];
}

uint16_t a1_channel_of(const mq_a1_engine *e, const mq_a1_session *s)
{
    return (uint16_t)(s - e->sessions);
}

const mq_a1_session *mq_a1_session_get(const mq_a1_engine *e, uint16_t channel)
{
    return a1_session((mq_a1_engine *)e, channel);
}

static int session_alloc(mq_a1_engine *e, mq_a1_session *s)
{
    size_t nh = (size_t)e->o.handle_max + 1;
    memset(s, 0, sizeof *s);
    s->links = (mq_a1_link *)calloc(nh, sizeof *s->links);
    s->rhandle = (uint32_t *)calloc(nh, sizeof *s->rhandle);
    s->unsettled = (a1_unsettled *)calloc(e->o.max_unsettled, sizeof *s->unsettled);
    if (!s->links || !s->rhandle || !s->unsettled) {
        a1_session_free(e, s);
        return MQ_E_NOMEM;
    }
    s->incoming_window = e->o.incoming_window;
    return MQ_OK;
}

void a1_session_free(mq_a1_engine *e, mq_a1_session *s)
{
    if (s->links)
        a1_links_free(s, e->o.handle_max + 1);
    if (s->has_remote && s->remote_channel <= e->o.channel_max)
        e->rchannel[s->remote_channel] = 0;
    if (s->pending.active)
        e->npending--;
    free(s->links);
    free(s->rhandle);
    free(s->unsettled);
    memset(s, 0, sizeof *s);
}

void a1_sessions_free(mq_a1_engine *e)
{
    uint32_t i;
    for (i = 0; i <= e->o.channel_max; i++)
        if (e->sessions[i].state != A1_SES_FREE)
            a1_session_free(e, &e->sessions[i]);
}

/* ------------------------------------------------------------ begin, end */

static int send_begin(mq_a1_engine *e, mq_a1_session *s)
{
    mq_a1_begin b;
    mq_a1_begin_init(&b);
    if (s->has_remote) {
        b.has_remote_channel = true;
        b.remote_channel = s->remote_channel;
    }
    b.next_outgoing_id = s->next_outgoing_id;
    b.incoming_window = s->incoming_window;
    b.outgoing_window = OUR_OUTGOING_WINDOW;
    b.has_handle_max = true;
    b.handle_max = e->o.handle_max;
    return a1_put(e, a1_channel_of(e, s), &mq_a1_ci_begin, &b);
}

static mq_a1_session *free_session(mq_a1_engine *e)
{
    uint32_t i, max = e->o.channel_max;
    if (e->got_open && e->remote_channel_max < max)
        max = e->remote_channel_max;
    for (i = 0; i <= max; i++)
        if (e->sessions[i].state == A1_SES_FREE)
            return &e->sessions[i];
    return NULL;
}

int mq_a1_session_begin(mq_a1_engine *e, uint16_t *channel)
{
    mq_a1_session *s;
    int rc;
    if (e->fail || !e->sent_open || e->state >= A1_CONN_CLOSE_SENT)
        return a1_err(e, MQ_A1_E_STATE, "begin: the connection is not open");
    if (!(s = free_session(e)))
        return a1_err(e, MQ_E_NO_CHANNEL, "begin: every channel is in use");
    if ((rc = session_alloc(e, s)) < 0)
        return rc;
    s->state = A1_SES_BEGIN_SENT;
    *channel = a1_channel_of(e, s);
    return send_begin(e, s);
}

/* The session a begin maps: ours that it answers, or a new one (the peer
 * began it; answered here). */
static int begin_target(mq_a1_engine *e, const mq_a1_begin *b, mq_a1_session **out)
{
    mq_a1_session *s;
    int rc;
    if (b->has_remote_channel) {
        s = a1_session(e, b->remote_channel);
        if (!s || s->state != A1_SES_BEGIN_SENT)
            return a1_fail(e, MQ_E_PROTOCOL, A1_C_NOT_ALLOWED,
                           "begin answers channel %u, which has no begin of ours", b->remote_channel);
        *out = s;
        return MQ_OK;
    }
    if (!(s = free_session(e)))
        return a1_fail(e, MQ_E_PROTOCOL, A1_C_RESOURCE_LIMIT, "the peer began more sessions than %u",
                       e->o.channel_max + 1);
    if ((rc = session_alloc(e, s)) < 0)
        return rc;
    s->state = A1_SES_BEGIN_SENT; /* answered below */
    *out = s;
    return 1;
}

int a1_on_begin(mq_a1_engine *e, const mq_a1_frame *f, mq_a1_event *ev)
{
    const mq_a1_begin *b = &f->perf.begin;
    mq_a1_session *s = NULL;
    int rc;
    if (f->channel > e->o.channel_max || e->rchannel[f->channel])
        return a1_fail(e, MQ_E_PROTOCOL, A1_C_NOT_ALLOWED, "begin on channel %u, %s", f->channel,
                       f->channel > e->o.channel_max ? "beyond our channel-max" : "already in use");
    if ((rc = begin_target(e, b, &s)) < 0)
        return rc;
    s->has_remote = true;
    s->remote_channel = f->channel;
    e->rchannel[f->channel] = (uint16_t)(a1_channel_of(e, s) + 1);
    s->next_incoming_id = b->next_outgoing_id;
    s->remote_incoming_window = b->incoming_window;
    s->remote_outgoing_window = b->outgoing_window;
    s->remote_handle_max = b->handle_max;
    s->state = A1_SES_MAPPED;
    ev->remote_initiated = rc == 1;
    if (rc == 1 && (rc = send_begin(e, s)) < 0)
        return rc;
    ev->type = MQ_A1_EV_BEGIN;
    ev->session = a1_channel_of(e, s);
    return MQ_OK;
}

static int send_end(mq_a1_engine *e, mq_a1_session *s, mq_bytes condition, mq_bytes description)
{
    mq_a1_end end;
    mq_a1_end_init(&end);
    if (condition.len) {
        end.has_error = true;
        a1_error_of(&end.error, condition, description);
    }
    return a1_put(e, a1_channel_of(e, s), &mq_a1_ci_end, &end);
}

int mq_a1_session_end(mq_a1_engine *e, uint16_t channel, mq_bytes condition,
                      mq_bytes description)
{
    mq_a1_session *s = a1_session(e, channel);
    int rc;
    if (e->fail || !s || s->state != A1_SES_MAPPED)
        return a1_err(e, MQ_A1_E_STATE, "end: channel %u has no open session", channel);
    if ((rc = send_end(e, s, condition, description)) == MQ_OK)
        s->state = A1_SES_END_SENT;
    return rc;
}

int a1_on_end(mq_a1_engine *e, mq_a1_session *s, const mq_a1_frame *f, mq_a1_event *ev)
{
    const mq_a1_end *end = &f->perf.end;
    int rc;
    ev->type = MQ_A1_EV_END;
    ev->session = a1_channel_of(e, s);
    ev->remote_initiated = s->state != A1_SES_END_SENT;
    if (end->has_error) {
        ev->condition = end->error.condition;
        ev->description = end->error.description;
    }
    if (ev->remote_initiated && (rc = send_end(e, s, mq_bytes_of(NULL, 0), mq_bytes_of(NULL, 0))) < 0)
        return rc;
    a1_session_free(e, s);
    return MQ_OK;
}

/* ------------------------------------------------------------ flow */

int a1_send_flow(mq_a1_engine *e, mq_a1_session *s, const mq_a1_link *l, bool echo)
{
    mq_a1_flow fl;
    mq_a1_flow_init(&fl);
    fl.has_next_incoming_id = true;
    fl.next_incoming_id = s->next_incoming_id;
    fl.incoming_window = s->incoming_window;
    fl.next_outgoing_id = s->next_outgoing_id;
    fl.outgoing_window = OUR_OUTGOING_WINDOW;
    if (l) {
        fl.has_handle = fl.has_delivery_count = fl.has_link_credit = fl.has_drain = true;
        fl.handle = (uint32_t)(l - s->links);
        fl.delivery_count = l->delivery_count;
        fl.link_credit = l->credit;
        fl.drain = l->drain;
    }
    if (echo) {
        fl.has_echo = true;
        fl.echo = true;
    }
    return a1_put(e, a1_channel_of(e, s), &mq_a1_ci_flow, &fl);
}

int a1_on_flow(mq_a1_engine *e, mq_a1_session *s, const mq_a1_frame *f, mq_a1_event *ev)
{
    const mq_a1_flow *fl = &f->perf.flow;
    /* The peer's next-incoming-id is absent only before it saw our begin,
     * whose next-outgoing-id was 0. */
    uint32_t nin = fl->has_next_incoming_id ? fl->next_incoming_id : 0;
    s->remote_incoming_window = nin + fl->incoming_window - s->next_outgoing_id;
    if ((int32_t)s->remote_incoming_window < 0)
        s->remote_incoming_window = 0;
    s->remote_outgoing_window = fl->outgoing_window;
    ev->session = a1_channel_of(e, s);
    if (fl->has_handle)
        return a1_link_on_flow(e, s, fl, ev);
    ev->type = MQ_A1_EV_FLOW;
    return fl->echo ? a1_send_flow(e, s, NULL, false) : MQ_OK;
}

/* Reopens the incoming windows that are down to half (a session flow). */
int a1_refill_windows(mq_a1_engine *e)
{
    uint32_t i;
    int rc;
    e->refill_due = false;
    for (i = 0; i <= e->o.channel_max; i++) {
        mq_a1_session *s = &e->sessions[i];
        if (s->state != A1_SES_MAPPED || s->incoming_window > e->o.incoming_window / 2)
            continue;
        s->incoming_window = e->o.incoming_window;
        if ((rc = a1_send_flow(e, s, NULL, false)) < 0)
            return rc;
    }
    return MQ_OK;
}

/* ------------------------------------------------------------ dispositions */

static int outcome_of_value(const mq_a1_cursor *c, const mq_a1_value *v, mq_a1_outcome *o)
{
    mq_a1_performative u; /* (large enough for every outcome) */
    const mq_a1_composite_info *ci = mq_a1_desc_is_sym(&v->desc) ? NULL
                                                                  : mq_a1_composite_find(v->desc.num);
    int rc;
    o->kind = MQ_A1_OUT_OTHER;
    if (!ci || ci->size > sizeof u)
        return MQ_OK;
    if ((rc = mq_a1_composite_decode(ci, c, v, &u)) < 0)
        return rc;
    if (ci == &mq_a1_ci_accepted)
        o->kind = MQ_A1_OUT_ACCEPTED;
    else if (ci == &mq_a1_ci_released)
        o->kind = MQ_A1_OUT_RELEASED;
    else if (ci == &mq_a1_ci_received)
        o->kind = MQ_A1_OUT_RECEIVED;
    else if (ci == &mq_a1_ci_rejected) {
        const mq_a1_rejected *r = (const mq_a1_rejected *)(const void *)&u;
        o->kind = MQ_A1_OUT_REJECTED;
        if (r->has_error) {
            o->condition = r->error.condition;
            o->description = r->error.description;
        }
    } else if (ci == &mq_a1_ci_modified) {
        const mq_a1_modified *m = (const mq_a1_modified *)(const void *)&u;
        o->kind = MQ_A1_OUT_MODIFIED;
        o->delivery_failed = m->delivery_failed;
        o->undeliverable_here = m->undeliverable_here;
    }
    return MQ_OK;
}

/* The outcome in an encoded delivery-state (empty: none). */
static int outcome_decode(mq_bytes state, mq_a1_outcome *o)
{
    mq_a1_cursor c;
    mq_a1_value v;
    int rc;
    memset(o, 0, sizeof *o);
    if (!state.len)
        return MQ_OK;
    mq_a1_cursor_init(&c, state.ptr, state.len);
    if ((rc = mq_a1_next(&c, &v)) <= 0)
        return rc < 0 ? rc : MQ_OK;
    if (v.type == MQ_A1_T_NULL)
        return MQ_OK;
    if (!v.desc.code || v.type != MQ_A1_T_LIST)
        return MQ_A1_E_FIELD_TYPE;
    return outcome_of_value(&c, &v, o);
}

/* Our unsettled sends within first..last: counted, and removed when
 * settled. */
static uint32_t match_unsettled(mq_a1_session *s, uint32_t first, uint32_t last, bool settled)
{
    uint32_t i, kept = 0, n = 0;
    for (i = 0; i < s->nunsettled; i++) {
        uint32_t id = s->unsettled[i].id;
        bool in = !a1_before(id, first) && !a1_before(last, id);
        n += in;
        if (!(in && settled))
            s->unsettled[kept++] = s->unsettled[i];
    }
    s->nunsettled = kept;
    return n;
}

int a1_on_disposition(mq_a1_engine *e, mq_a1_session *s, const mq_a1_frame *f, mq_a1_event *ev)
{
    const mq_a1_disposition *d = &f->perf.disposition;
    uint32_t last = d->has_last ? d->last : d->first;
    int rc;
    if (a1_before(last, d->first))
        return a1_fail(e, MQ_E_PROTOCOL, A1_C_INVALID_FIELD, "disposition range %u..%u", d->first,
                       last);
    if ((rc = outcome_decode(d->state, &ev->outcome)) < 0)
        return a1_fail(e, rc, A1_C_DECODE, "bad delivery state in a disposition: %s",
                       mq_a1_strerror(rc));
    if (!d->role)
        return MQ_OK; /* the peer as sender: we settle what we receive ourselves */
    ev->type = MQ_A1_EV_DISPOSITION;
    ev->session = a1_channel_of(e, s);
    ev->first = d->first;
    ev->last = last;
    ev->settled = d->settled;
    ev->matched = match_unsettled(s, d->first, last, d->settled);
    return MQ_OK;
}

static int outcome_put(mq_wbuf *w, const a1_pending_disp *p)
{
    mq_a1_writer wr;
    mq_a1_writer_init(&wr, w);
    if (p->kind == MQ_A1_OUT_ACCEPTED) {
        mq_a1_accepted a;
        mq_a1_accepted_init(&a);
        mq_a1_accepted_put(&wr, &a);
    } else if (p->kind == MQ_A1_OUT_RELEASED) {
        mq_a1_released r;
        mq_a1_released_init(&r);
        mq_a1_released_put(&wr, &r);
    } else if (p->kind == MQ_A1_OUT_REJECTED) {
        mq_a1_rejected r;
        mq_a1_rejected_init(&r);
        if (p->cond_len) {
            r.has_error = true;
            a1_error_of(&r.error, mq_bytes_of(p->condition, p->cond_len),
                        mq_bytes_of(p->description, p->desc_len));
        }
        mq_a1_rejected_put(&wr, &r);
    } else {
        mq_a1_modified m;
        mq_a1_modified_init(&m);
        m.has_delivery_failed = m.has_undeliverable_here = true;
        m.delivery_failed = p->delivery_failed;
        m.undeliverable_here = p->undeliverable_here;
        mq_a1_modified_put(&wr, &m);
    }
    return mq_a1_writer_finish(&wr);
}

int a1_flush_pending(mq_a1_engine *e, mq_a1_session *s)
{
    a1_pending_disp *p = &s->pending;
    mq_a1_disposition d;
    mq_wbuf st;
    int rc;
    mq_wbuf_init(&st);
    mq_a1_disposition_init(&d);
    d.role = true;
    d.first = p->first;
    d.has_last = p->last != p->first;
    d.last = p->last;
    d.has_settled = d.settled = true;
    if ((rc = outcome_put(&st, p)) == MQ_OK) {
        d.has_state = true;
        d.state = mq_bytes_of((const char *)st.data, st.len);
        rc = mq_a1_frame_put(e->out, MQ_A1_FRAME_AMQP, a1_channel_of(e, s), &mq_a1_ci_disposition,
                             &d, NULL, 0, e->send_max_frame);
    }
    mq_wbuf_free(&st);
    if (rc == MQ_OK) {
        p->active = false;
        e->npending--;
        e->last_out = e->now;
    }
    return rc;
}

static bool same_outcome(const a1_pending_disp *p, const mq_a1_outcome *o)
{
    return p->kind == o->kind && p->delivery_failed == o->delivery_failed &&
           p->undeliverable_here == o->undeliverable_here && p->cond_len == o->condition.len &&
           p->desc_len == o->description.len &&
           (!p->cond_len || !memcmp(p->condition, o->condition.ptr, p->cond_len)) &&
           (!p->desc_len || !memcmp(p->description, o->description.ptr, p->desc_len));
}

static int check_settle(mq_a1_engine *e, mq_a1_session *s, uint32_t id, const mq_a1_outcome *o)
{
    if (e->fail || !s || s->state != A1_SES_MAPPED)
        return a1_err(e, MQ_A1_E_STATE, "settle: no open session");
    if (o->kind < MQ_A1_OUT_ACCEPTED || o->kind > MQ_A1_OUT_MODIFIED)
        return a1_err(e, MQ_E_INVALID, "settle: outcome %d is not a terminal outcome", o->kind);
    if (o->condition.len >= sizeof s->pending.condition ||
        o->description.len >= sizeof s->pending.description)
        return a1_err(e, MQ_E_TOO_LONG, "settle: the error condition or description is too long");
    if (!s->has_last_in_id || a1_before(s->last_in_id, id))
        return a1_err(e, MQ_E_INVALID, "settle: delivery %u was not received", id);
    return MQ_OK;
}

int mq_a1_delivery_settle(mq_a1_engine *e, uint16_t channel, uint32_t delivery_id,
                          const mq_a1_outcome *o)
{
    mq_a1_session *s = a1_session(e, channel);
    a1_pending_disp *p;
    int rc;
    if ((rc = check_settle(e, s, delivery_id, o)) < 0)
        return rc;
    p = &s->pending;
    if (p->active && delivery_id == p->last + 1 && same_outcome(p, o)) {
        p->last = delivery_id;
        return MQ_OK;
    }
    if (p->active && (rc = a1_flush_pending(e, s)) < 0)
        return rc;
    p->active = true;
    e->npending++;
    p->first = p->last = delivery_id;
    p->kind = o->kind;
    p->delivery_failed = o->delivery_failed;
    p->undeliverable_here = o->undeliverable_here;
    p->cond_len = (uint8_t)o->condition.len;
    p->desc_len = (uint16_t)o->description.len;
    if (p->cond_len)
        memcpy(p->condition, o->condition.ptr, p->cond_len);
    if (p->desc_len)
        memcpy(p->description, o->description.ptr, p->desc_len);
    return MQ_OK;
}

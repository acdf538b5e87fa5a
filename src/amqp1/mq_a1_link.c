/* SPDX-License-Identifier: MIT */
/*
 * The AMQP 1.0 engine, link level: attach and detach of sender and receiver
 * links with their termini, link flow control (credit, delivery-count,
 * drain), sending messages as transfers and reassembling received ones.
 */
#include <stdio.h>
#include <stdlib.h>

#include "mq_a1_engine_int.h"

/* ------------------------------------------------------------ lookup */

static mq_a1_link *link_of(mq_a1_engine *e, mq_a1_session *s, uint32_t h)
{
    if (!s || h > e->o.handle_max || s->links[h].state == A1_LINK_FREE)
        return NULL;
    return &s->links[h];
}

const mq_a1_link *mq_a1_link_get(const mq_a1_engine *e, uint16_t channel, uint32_t handle)
{
    mq_a1_engine *me = (mq_a1_engine *)e;
    return link_of(me, a1_session(me, channel), handle);
}

static uint32_t handle_of(const mq_a1_session *s, const mq_a1_link *l)
{
    return (uint32_t)(l - s->links);
}

/* The link the peer's handle h names, or NULL (after a1_fail). */
static mq_a1_link *rlink(mq_a1_engine *e, mq_a1_session *s, uint32_t h, const char *what)
{
    if (h > e->o.handle_max || !s->rhandle[h]) {
        a1_fail(e, MQ_E_PROTOCOL, A1_C_UNATTACHED, "%s on handle %u, which is not attached", what,
                h);
        return NULL;
    }
    return &s->links[s->rhandle[h] - 1];
}

static void link_free(mq_a1_session *s, mq_a1_link *l)
{
    if (l->has_remote)
        s->rhandle[l->remote_handle] = 0;
    free(l->name);
    mq_wbuf_free(&l->msg);
    memset(l, 0, sizeof *l);
}

void a1_links_free(mq_a1_session *s, uint32_t n)
{
    uint32_t i;
    for (i = 0; i < n; i++)
        if (s->links[i].state != A1_LINK_FREE)
            link_free(s, &s->links[i]);
}

static mq_a1_link *free_link(mq_a1_engine *e, mq_a1_session *s)
{
    uint32_t i, max = e->o.handle_max < s->remote_handle_max ? e->o.handle_max : s->remote_handle_max;
    for (i = 0; i <= max; i++)
        if (s->links[i].state == A1_LINK_FREE)
            return &s->links[i];
    return NULL;
}

static int set_name(mq_a1_link *l, mq_bytes name)
{
    if (!(l->name = (char *)malloc(name.len + 1)))
        return MQ_E_NOMEM;
    if (name.len)
        memcpy(l->name, name.ptr, name.len);
    l->name[name.len] = 0;
    l->name_len = name.len;
    return MQ_OK;
}

/* ------------------------------------------------------------ termini */

/* The encoded address (a string) and capabilities of a terminus, in w. */
typedef struct terminus_parts {
    size_t addr_off, addr_len, caps_off, caps_len;
} terminus_parts;

static int encode_parts(mq_wbuf *w, mq_bytes addr, const mq_a1_link_opts *lo, bool ours,
                        terminus_parts *tp)
{
    mq_a1_writer wr;
    int rc;
    memset(tp, 0, sizeof *tp);
    tp->addr_off = w->len;
    if (addr.len) {
        mq_a1_writer_init(&wr, w);
        mq_a1_put_string(&wr, addr.ptr, addr.len);
        if ((rc = mq_a1_writer_finish(&wr)) < 0)
            return rc;
    }
    tp->addr_len = w->len - tp->addr_off;
    tp->caps_off = w->len;
    if (ours && lo->ncapabilities &&
        (rc = mq_a1_symbols_encode(w, lo->capabilities, lo->ncapabilities)) < 0)
        return rc;
    tp->caps_len = w->len - tp->caps_off;
    return MQ_OK;
}

static mq_bytes view(const mq_wbuf *w, size_t off, size_t len)
{
    return mq_bytes_of(len ? (const char *)w->data + off : NULL, len);
}

/* The source (is_source) or target of lo into out.  ours: the terminus
 * that our end of the link owns gets durability, expiry and capabilities. */
static int encode_terminus(mq_wbuf *out, const mq_wbuf *parts, const terminus_parts *tp,
                           const mq_a1_link_opts *lo, bool is_source, bool ours)
{
    mq_a1_writer wr;
    mq_a1_writer_init(&wr, out);
    if (is_source) {
        mq_a1_source src;
        mq_a1_source_init(&src);
        src.has_address = tp->addr_len > 0;
        src.address = view(parts, tp->addr_off, tp->addr_len);
        src.has_durable = ours && lo->durable;
        src.durable = lo->durable;
        src.has_expiry_policy = ours && lo->expiry_policy.len;
        src.expiry_policy = lo->expiry_policy;
        src.has_capabilities = tp->caps_len > 0;
        src.capabilities = view(parts, tp->caps_off, tp->caps_len);
        mq_a1_source_put(&wr, &src);
    } else {
        mq_a1_target tgt;
        mq_a1_target_init(&tgt);
        tgt.has_address = tp->addr_len > 0;
        tgt.address = view(parts, tp->addr_off, tp->addr_len);
        tgt.has_durable = ours && lo->durable;
        tgt.durable = lo->durable;
        tgt.has_expiry_policy = ours && lo->expiry_policy.len;
        tgt.expiry_policy = lo->expiry_policy;
        tgt.has_capabilities = tp->caps_len > 0;
        tgt.capabilities = view(parts, tp->caps_off, tp->caps_len);
        mq_a1_target_put(&wr, &tgt);
    }
    return mq_a1_writer_finish(&wr);
}

static void attach_fields(mq_a1_attach *a, const mq_a1_session *s, const mq_a1_link *l,
                          uint64_t max_message)
{
    mq_a1_attach_init(a);
    a->name = mq_bytes_of(l->name, l->name_len);
    a->handle = handle_of(s, l);
    a->role = l->receiver;
    a->has_snd_settle_mode = true;
    a->snd_settle_mode = l->snd_settle_mode;
    a->has_rcv_settle_mode = true;
    a->rcv_settle_mode = 0;
    a->has_source = a->has_target = true;
    if (l->receiver) {
        a->has_max_message_size = true;
        a->max_message_size = max_message;
    } else {
        a->has_initial_delivery_count = true;
        a->initial_delivery_count = l->delivery_count;
    }
}

static int send_attach(mq_a1_engine *e, mq_a1_session *s, mq_a1_link *l, const mq_a1_link_opts *lo)
{
    mq_wbuf parts;
    terminus_parts ps, pt;
    mq_a1_attach a;
    size_t mid;
    int rc;
    mq_wbuf_init(&parts);
    mq_wbuf_reset(&e->scratch);
    attach_fields(&a, s, l, e->o.max_message_size);
    if ((rc = encode_parts(&parts, lo->source, lo, l->receiver, &ps)) == MQ_OK &&
        (rc = encode_parts(&parts, lo->target, lo, !l->receiver, &pt)) == MQ_OK &&
        (rc = encode_terminus(&e->scratch, &parts, &ps, lo, true, l->receiver)) == MQ_OK) {
        mid = e->scratch.len;
        if ((rc = encode_terminus(&e->scratch, &parts, &pt, lo, false, !l->receiver)) == MQ_OK) {
            a.source = view(&e->scratch, 0, mid);
            a.target = view(&e->scratch, mid, e->scratch.len - mid);
            rc = a1_put(e, a1_channel_of(e, s), &mq_a1_ci_attach, &a);
        }
    }
    mq_wbuf_free(&parts);
    return rc;
}

/* ------------------------------------------------------------ attach */

static int check_link_opts(mq_a1_engine *e, const mq_a1_link_opts *lo)
{
    if (lo->has_snd_settle_mode && lo->snd_settle_mode > 2)
        return a1_err(e, MQ_E_INVALID, "attach: snd-settle-mode %u", lo->snd_settle_mode);
    if (lo->rcv_settle_mode != 0)
        return a1_err(e, MQ_E_INVALID, "attach: only rcv-settle-mode first (0) is supported");
    return MQ_OK;
}

static void link_setup(mq_a1_link *l, const mq_a1_link_opts *lo, uint8_t state)
{
    l->state = state;
    l->snd_settle_mode = lo->has_snd_settle_mode ? lo->snd_settle_mode : 2;
    l->rcv_settle_mode = 0;
    mq_wbuf_init(&l->msg);
}

int mq_a1_link_attach(mq_a1_engine *e, uint16_t channel, const mq_a1_link_opts *lo,
                      uint32_t *handle)
{
    mq_a1_session *s = a1_session(e, channel);
    mq_a1_link *l;
    char gen[40];
    int rc;
    if (e->fail || !s || s->state != A1_SES_MAPPED)
        return a1_err(e, MQ_A1_E_STATE, "attach: channel %u has no open session", channel);
    if ((rc = check_link_opts(e, lo)) < 0)
        return rc;
    if (!(l = free_link(e, s)))
        return a1_err(e, MQ_E_NO_CHANNEL, "attach: every handle of session %u is in use", channel);
    snprintf(gen, sizeof gen, "mq-link-%u-%u", channel, handle_of(s, l));
    if ((rc = set_name(l, lo->name.len ? lo->name : mq_cstr(gen))) < 0)
        return rc;
    link_setup(l, lo, A1_LINK_ATTACH_SENT);
    l->receiver = lo->receiver;
    *handle = handle_of(s, l);
    return send_attach(e, s, l, lo);
}

int mq_a1_link_answer(mq_a1_engine *e, uint16_t channel, uint32_t handle,
                      const mq_a1_link_opts *lo)
{
    mq_a1_session *s = a1_session(e, channel);
    mq_a1_link *l = link_of(e, s, handle);
    int rc;
    if (e->fail || !l || l->state != A1_LINK_ATTACH_RCVD)
        return a1_err(e, MQ_A1_E_STATE, "attach answer: link %u awaits no answer", handle);
    if ((rc = check_link_opts(e, lo)) < 0)
        return rc;
    l->snd_settle_mode = lo->has_snd_settle_mode ? lo->snd_settle_mode : l->snd_settle_mode;
    if ((rc = send_attach(e, s, l, lo)) == MQ_OK)
        l->state = A1_LINK_ATTACHED;
    return rc;
}

/* Ours that the peer's attach answers (same name, not answered yet). */
static mq_a1_link *find_by_name(mq_a1_engine *e, mq_a1_session *s, mq_bytes name)
{
    uint32_t i;
    for (i = 0; i <= e->o.handle_max; i++) {
        mq_a1_link *l = &s->links[i];
        if ((l->state == A1_LINK_ATTACH_SENT || l->state == A1_LINK_DETACH_SENT) &&
            !l->has_remote && l->name_len == name.len && !memcmp(l->name, name.ptr, name.len))
            return l;
    }
    return NULL;
}

/* A peer-initiated attach: a new link of ours, the opposite role. */
static int remote_attach(mq_a1_engine *e, mq_a1_session *s, const mq_a1_attach *a,
                         mq_a1_link **out)
{
    mq_a1_link_opts lo;
    mq_a1_link *l = free_link(e, s);
    int rc;
    if (!l)
        return a1_fail(e, MQ_E_PROTOCOL, A1_C_RESOURCE_LIMIT, "the peer attached more links than %u",
                       e->o.handle_max + 1);
    memset(&lo, 0, sizeof lo);
    if ((rc = set_name(l, a->name)) < 0)
        return rc;
    link_setup(l, &lo, A1_LINK_ATTACH_RCVD);
    l->receiver = !a->role;
    l->snd_settle_mode = a->snd_settle_mode;
    *out = l;
    return MQ_OK;
}

int a1_on_attach(mq_a1_engine *e, mq_a1_session *s, const mq_a1_frame *f, mq_a1_event *ev)
{
    const mq_a1_attach *a = &f->perf.attach;
    mq_a1_link *l;
    int rc;
    if (a->handle > e->o.handle_max)
        return a1_fail(e, MQ_E_PROTOCOL, A1_C_FRAMING, "attach with handle %u beyond handle-max %u",
                       a->handle, e->o.handle_max);
    if (s->rhandle[a->handle])
        return a1_fail(e, MQ_E_PROTOCOL, A1_C_HANDLE_IN_USE, "attach on handle %u, already attached",
                       a->handle);
    if (!(l = find_by_name(e, s, a->name))) {
        if ((rc = remote_attach(e, s, a, &l)) < 0)
            return rc;
        ev->remote_initiated = true;
    } else if (a->role == l->receiver) {
        return a1_fail(e, MQ_E_PROTOCOL, A1_C_NOT_ALLOWED, "the peer's attach of link %.*s has our role",
                       (int)a->name.len, a->name.ptr);
    } else if (l->state == A1_LINK_ATTACH_SENT) {
        l->state = A1_LINK_ATTACHED;
    }
    l->has_remote = true;
    l->remote_handle = a->handle;
    s->rhandle[a->handle] = handle_of(s, l) + 1;
    if (l->receiver)
        l->delivery_count = a->initial_delivery_count;
    else
        l->peer_max_message = a->has_max_message_size ? a->max_message_size : 0;
    ev->type = MQ_A1_EV_ATTACH;
    ev->session = a1_channel_of(e, s);
    ev->link = handle_of(s, l);
    return MQ_OK;
}

/* ------------------------------------------------------------ detach */

static int send_detach(mq_a1_engine *e, mq_a1_session *s, mq_a1_link *l, bool closed,
                       mq_bytes condition, mq_bytes description)
{
    mq_a1_detach d;
    mq_a1_detach_init(&d);
    d.handle = handle_of(s, l);
    d.has_closed = true;
    d.closed = closed;
    if (condition.len) {
        d.has_error = true;
        a1_error_of(&d.error, condition, description);
    }
    return a1_put(e, a1_channel_of(e, s), &mq_a1_ci_detach, &d);
}

int mq_a1_link_detach(mq_a1_engine *e, uint16_t channel, uint32_t handle, bool closed,
                      mq_bytes condition, mq_bytes description)
{
    mq_a1_session *s = a1_session(e, channel);
    mq_a1_link *l = link_of(e, s, handle);
    int rc;
    if (e->fail || !l || l->state == A1_LINK_DETACH_SENT)
        return a1_err(e, MQ_A1_E_STATE, "detach: link %u is not attached", handle);
    if ((rc = send_detach(e, s, l, closed, condition, description)) == MQ_OK)
        l->state = A1_LINK_DETACH_SENT;
    return rc;
}

int a1_on_detach(mq_a1_engine *e, mq_a1_session *s, const mq_a1_frame *f, mq_a1_event *ev)
{
    const mq_a1_detach *d = &f->perf.detach;
    mq_a1_link *l = rlink(e, s, d->handle, "detach");
    int rc;
    if (!l)
        return e->fail;
    ev->type = MQ_A1_EV_DETACH;
    ev->session = a1_channel_of(e, s);
    ev->link = handle_of(s, l);
    ev->closed = d->closed;
    ev->remote_initiated = l->state != A1_LINK_DETACH_SENT;
    if (d->has_error) {
        ev->condition = d->error.condition;
        ev->description = d->error.description;
    }
    if (ev->remote_initiated &&
        (rc = send_detach(e, s, l, d->closed, mq_bytes_of(NULL, 0), mq_bytes_of(NULL, 0))) < 0)
        return rc;
    link_free(s, l);
    return MQ_OK;
}

/* Detaches l for its peer's fault (LINK_ERROR event with the condition). */
static int link_error(mq_a1_engine *e, mq_a1_session *s, mq_a1_link *l, const char *cond,
                      const char *desc, mq_a1_event *ev)
{
    int rc = send_detach(e, s, l, true, mq_cstr(cond), mq_cstr(desc));
    l->state = A1_LINK_DETACH_SENT;
    l->in_delivery = false;
    mq_wbuf_reset(&l->msg);
    mq_error_set(&e->err, MQ_E_PROTOCOL, "link %u detached: %s (%s)", handle_of(s, l), desc, cond);
    ev->type = MQ_A1_EV_LINK_ERROR;
    ev->session = a1_channel_of(e, s);
    ev->link = handle_of(s, l);
    ev->condition = mq_cstr(cond);
    ev->description = mq_cstr(desc);
    return rc;
}

/* ------------------------------------------------------------ flow */

static void flow_event(mq_a1_session *s, mq_a1_link *l, mq_a1_event *ev)
{
    ev->type = MQ_A1_EV_FLOW;
    ev->link = handle_of(s, l);
    ev->credit = l->credit;
    ev->delivery_count = l->delivery_count;
    ev->drain = l->drain;
}

int a1_link_on_flow(mq_a1_engine *e, mq_a1_session *s, const mq_a1_flow *fl, mq_a1_event *ev)
{
    mq_a1_link *l = rlink(e, s, fl->handle, "flow");
    if (!l)
        return e->fail;
    if (!l->receiver) {
        /* credit = the receiver's delivery-count + its link-credit - ours */
        uint32_t rdc = fl->has_delivery_count ? fl->delivery_count : 0;
        uint32_t c = rdc + fl->link_credit - l->delivery_count;
        l->credit = (int32_t)c < 0 ? 0 : c;
        l->drain = fl->drain;
    } else if (fl->has_delivery_count) {
        /* the sender advanced its delivery-count (a drain): credit used up */
        uint32_t limit = l->delivery_count + l->credit;
        if (a1_before(limit, fl->delivery_count) || a1_before(fl->delivery_count, l->delivery_count))
            return a1_fail(e, MQ_E_PROTOCOL, A1_C_INVALID_FIELD,
                           "flow: delivery-count %u outside %u..%u", fl->delivery_count,
                           l->delivery_count, limit);
        l->delivery_count = fl->delivery_count;
        l->credit = limit - fl->delivery_count;
        if (!l->credit)
            l->drain = false;
    }
    flow_event(s, l, ev);
    return fl->echo ? a1_send_flow(e, s, l, false) : MQ_OK;
}

static mq_a1_link *op_link(mq_a1_engine *e, uint16_t channel, uint32_t handle, bool receiver,
                           mq_a1_session **sp, const char *what)
{
    mq_a1_session *s = a1_session(e, channel);
    mq_a1_link *l = link_of(e, s, handle);
    if (e->fail || !l || l->state != A1_LINK_ATTACHED || l->receiver != receiver) {
        a1_err(e, MQ_A1_E_STATE, "%s: link %u is not an attached %s", what, handle,
               receiver ? "receiver" : "sender");
        return NULL;
    }
    *sp = s;
    return l;
}

int mq_a1_link_flow(mq_a1_engine *e, uint16_t channel, uint32_t handle, uint32_t credit,
                    bool drain)
{
    mq_a1_session *s;
    mq_a1_link *l = op_link(e, channel, handle, true, &s, "flow");
    if (!l)
        return MQ_A1_E_STATE;
    l->credit = credit;
    l->drain = drain;
    return a1_send_flow(e, s, l, false);
}

int mq_a1_link_drained(mq_a1_engine *e, uint16_t channel, uint32_t handle)
{
    mq_a1_session *s;
    mq_a1_link *l = op_link(e, channel, handle, false, &s, "drained");
    int rc;
    if (!l)
        return MQ_A1_E_STATE;
    l->delivery_count += l->credit;
    l->credit = 0;
    rc = a1_send_flow(e, s, l, false);
    l->drain = false;
    return rc;
}

/* ------------------------------------------------------------ send */

static int check_send(mq_a1_engine *e, mq_a1_session *s, mq_a1_link *l, size_t len, bool settled,
                      size_t tag_len)
{
    if (tag_len > sizeof l->cur_tag)
        return a1_err(e, MQ_E_INVALID, "send: a delivery-tag of %zu bytes (at most 32)", tag_len);
    if (!l->credit)
        return a1_err(e, MQ_A1_E_NO_CREDIT, "send: link %u has no credit", handle_of(s, l));
    if (!settled && s->nunsettled >= e->o.max_unsettled)
        return a1_err(e, MQ_A1_E_UNSETTLED, "send: %u unsettled deliveries", s->nunsettled);
    if ((l->snd_settle_mode == 0 && settled) || (l->snd_settle_mode == 1 && !settled))
        return a1_err(e, MQ_E_INVALID, "send: the link's snd-settle-mode is %s",
                      l->snd_settle_mode ? "settled" : "unsettled");
    if (l->peer_max_message && len > l->peer_max_message)
        return a1_err(e, MQ_E_TOO_LONG, "send: %zu bytes, the peer's max-message-size is %llu", len,
                      (unsigned long long)l->peer_max_message);
    return MQ_OK;
}

int mq_a1_link_send(mq_a1_engine *e, uint16_t channel, uint32_t handle, mq_bytes tag,
                    const void *payload, size_t len, bool settled, uint32_t *delivery_id)
{
    mq_a1_session *s;
    mq_a1_link *l = op_link(e, channel, handle, false, &s, "send");
    mq_a1_transfer t;
    uint8_t gen[8];
    size_t start, nframes;
    int rc;
    if (!l)
        return MQ_A1_E_STATE;
    if ((rc = check_send(e, s, l, len, settled, tag.len)) < 0 || (rc = mq_a1_engine_flush(e)) < 0)
        return rc;
    mq_a1_transfer_init(&t);
    t.handle = handle;
    t.has_delivery_id = t.has_delivery_tag = t.has_message_format = true;
    t.delivery_id = s->next_delivery_id;
    mq_put64(gen, l->next_tag);
    t.delivery_tag = tag.len ? tag : mq_bytes_of((const char *)gen, sizeof gen);
    t.has_settled = settled;
    t.settled = settled;
    start = e->out->len;
    if ((rc = mq_a1_transfer_frames(e->out, channel, &t, payload, len, e->send_max_frame, &nframes)) < 0)
        return a1_err(e, rc, "send: %s", mq_a1_strerror(rc));
    if (nframes > s->remote_incoming_window) {
        e->out->len = start;
        return a1_err(e, MQ_A1_E_WINDOW, "send: %zu frames, the peer's incoming window is %u",
                      nframes, s->remote_incoming_window);
    }
    s->next_outgoing_id += (uint32_t)nframes;
    s->remote_incoming_window -= (uint32_t)nframes;
    if (!settled)
        s->unsettled[s->nunsettled++] = (a1_unsettled){t.delivery_id, handle};
    if (delivery_id)
        *delivery_id = t.delivery_id;
    s->next_delivery_id++;
    l->delivery_count++;
    l->credit--;
    l->next_tag++;
    e->last_out = e->now;
    return MQ_OK;
}

/* ------------------------------------------------------------ receive */

/* The session window: one transfer frame in.  It is refilled when the
 * engine has processed all the input it has (mq_a1_engine_next() returning
 * 0), so a peer that sends more frames than our last flow allowed is
 * caught whenever they arrive together, and a peer that waits for our flow
 * never is. */
static int window_in(mq_a1_engine *e, mq_a1_session *s)
{
    if (!s->incoming_window)
        return a1_fail(e, MQ_E_PROTOCOL, A1_C_WINDOW,
                       "a transfer beyond our incoming window (next-incoming-id %u)",
                       s->next_incoming_id);
    s->incoming_window--;
    s->next_incoming_id++;
    if (s->remote_outgoing_window)
        s->remote_outgoing_window--;
    if (s->incoming_window <= e->o.incoming_window / 2)
        e->refill_due = true;
    return MQ_OK;
}

/* The first transfer of a delivery. */
static int delivery_start(mq_a1_engine *e, mq_a1_session *s, mq_a1_link *l, const mq_a1_transfer *t)
{
    if (!t->has_delivery_id || !t->has_delivery_tag)
        return a1_fail(e, MQ_E_PROTOCOL, A1_C_INVALID_FIELD,
                       "the first transfer of a delivery lacks its delivery-id or tag");
    if (t->delivery_tag.len > sizeof l->cur_tag)
        return a1_fail(e, MQ_E_PROTOCOL, A1_C_INVALID_FIELD, "a delivery-tag of %zu bytes",
                       t->delivery_tag.len);
    if (s->has_last_in_id && !a1_before(s->last_in_id, t->delivery_id))
        return a1_fail(e, MQ_E_PROTOCOL, A1_C_INVALID_FIELD,
                       "delivery-id %u does not follow %u", t->delivery_id, s->last_in_id);
    if (!l->credit)
        return a1_fail(e, MQ_E_PROTOCOL, A1_C_TRANSFER_LIMIT,
                       "a transfer on link %u without credit", handle_of(s, l));
    l->credit--;
    l->delivery_count++;
    s->has_last_in_id = true;
    s->last_in_id = t->delivery_id;
    l->in_delivery = true;
    l->cur_id = t->delivery_id;
    l->cur_settled = t->settled;
    l->cur_format = t->message_format;
    l->cur_tag_len = (uint8_t)t->delivery_tag.len;
    if (t->delivery_tag.len)
        memcpy(l->cur_tag, t->delivery_tag.ptr, t->delivery_tag.len);
    mq_wbuf_reset(&l->msg);
    return MQ_OK;
}

static void delivery_event(mq_a1_session *s, mq_a1_link *l, mq_bytes payload, mq_a1_event *ev)
{
    ev->type = MQ_A1_EV_DELIVERY;
    ev->link = handle_of(s, l);
    ev->delivery_id = l->cur_id;
    ev->tag = mq_bytes_of((const char *)l->cur_tag, l->cur_tag_len);
    ev->settled = l->cur_settled;
    ev->message_format = l->cur_format;
    ev->payload = payload;
    l->in_delivery = false;
}

/* The payload of one transfer frame: appended, or the whole message. */
static int delivery_data(mq_a1_engine *e, mq_a1_session *s, mq_a1_link *l, const mq_a1_transfer *t,
                         mq_bytes p, bool first, mq_a1_event *ev)
{
    if ((uint64_t)l->msg.len + p.len > e->o.max_message_size)
        return link_error(e, s, l, A1_C_MESSAGE_SIZE, "a message larger than max-message-size", ev);
    if (first && !t->more) { /* one frame: no copy */
        delivery_event(s, l, p, ev);
        return MQ_OK;
    }
    if (p.len) {
        if (mq_wbuf_reserve(&l->msg, p.len) < 0)
            return MQ_E_NOMEM;
        memcpy(l->msg.data + l->msg.len, p.ptr, p.len);
        l->msg.len += p.len;
    }
    if (!t->more)
        delivery_event(s, l, mq_bytes_of((const char *)l->msg.data, l->msg.len), ev);
    return MQ_OK;
}

int a1_on_transfer(mq_a1_engine *e, mq_a1_session *s, const mq_a1_frame *f, mq_a1_event *ev)
{
    const mq_a1_transfer *t = &f->perf.transfer;
    mq_a1_link *l = rlink(e, s, t->handle, "transfer");
    bool first;
    int rc;
    if (!l)
        return e->fail;
    if ((rc = window_in(e, s)) < 0)
        return rc;
    if (l->state == A1_LINK_DETACH_SENT)
        return MQ_OK; /* we detached it: what was in flight is dropped */
    if (!l->receiver)
        return a1_fail(e, MQ_E_PROTOCOL, A1_C_NOT_ALLOWED, "a transfer to our sender link %u",
                       handle_of(s, l));
    first = !l->in_delivery;
    if (first && (rc = delivery_start(e, s, l, t)) < 0)
        return rc;
    if (!first && t->has_delivery_id && t->delivery_id != l->cur_id)
        return a1_fail(e, MQ_E_PROTOCOL, A1_C_INVALID_FIELD,
                       "delivery-id %u in the middle of delivery %u", t->delivery_id, l->cur_id);
    if (t->settled)
        l->cur_settled = true;
    ev->session = a1_channel_of(e, s);
    if (t->aborted) { /* discarded */
        l->in_delivery = false;
        mq_wbuf_reset(&l->msg);
        return MQ_OK;
    }
    return delivery_data(e, s, l, t, f->payload, first, ev);
}

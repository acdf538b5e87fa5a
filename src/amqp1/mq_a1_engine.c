/* SPDX-License-Identifier: MIT */
/*
 * The AMQP 1.0 engine, connection level: options, protocol headers, SASL,
 * open, close, the idle-time-out timer, errors, and the dispatch of frames
 * to the session and link handlers (mq_a1_session.c, mq_a1_link.c).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "mq_a1_engine_int.h"

#define MS_NS 1000000ull

/* ------------------------------------------------------------ errors */

static void put_close(mq_a1_engine *e, const char *cond, const char *desc)
{
    mq_a1_close c;
    mq_a1_close_init(&c);
    if (cond) {
        c.has_error = true;
        a1_error_of(&c.error, mq_cstr(cond), mq_cstr(desc));
    }
    e->npending = 0; /* (a connection error: dispositions no longer matter) */
    (void)a1_put(e, 0, &mq_a1_ci_close, &c);
    e->state = A1_CONN_CLOSE_SENT;
}

static int send_open(mq_a1_engine *e);

int a1_fail(mq_a1_engine *e, int code, const char *cond, const char *fmt, ...)
{
    char text[200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    if (cond)
        mq_error_set(&e->err, code, "%s (%s)", text, cond);
    else
        mq_error_set(&e->err, code, "%s", text);
    if (cond && e->got_amqp_hdr && e->state < A1_CONN_CLOSE_SENT) {
        if (!e->sent_open) /* a close must follow an open */
            (void)send_open(e);
        put_close(e, cond, text);
    }
    e->fail = code;
    return code;
}

int a1_err(mq_a1_engine *e, int code, const char *fmt, ...)
{
    char text[200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    return mq_error_set(&e->err, code, "%s", text);
}

void a1_error_of(mq_a1_error *er, mq_bytes condition, mq_bytes description)
{
    mq_a1_error_init(er);
    er->condition = condition;
    if (description.len) {
        er->has_description = true;
        er->description = description;
    }
}

int a1_put(mq_a1_engine *e, uint16_t channel, const mq_a1_composite_info *ci, const void *perf)
{
    int rc;
    if (e->npending) {
        uint32_t i;
        for (i = 0; i <= e->o.channel_max; i++)
            if (e->sessions[i].pending.active && (rc = a1_flush_pending(e, &e->sessions[i])) < 0)
                return rc;
    }
    rc = mq_a1_frame_put(e->out, MQ_A1_FRAME_AMQP, channel, ci, perf, NULL, 0, e->send_max_frame);
    if (rc == MQ_OK)
        e->last_out = e->now;
    return rc;
}

const mq_error *mq_a1_engine_error(const mq_a1_engine *e)
{
    return &e->err;
}

/* ------------------------------------------------------------ options */

static uint32_t or_def(uint32_t v, uint32_t def, uint32_t max)
{
    return v == 0 ? def : v > max ? max : v;
}

/* Copies the option strings into one block. */
static int own_strings(mq_a1_engine *e)
{
    mq_bytes *all[5] = {&e->o.user, &e->o.password, &e->o.authzid, &e->o.container_id,
                        &e->o.hostname};
    size_t i, n = 0;
    char *p;
    for (i = 0; i < 5; i++)
        n += all[i]->len;
    if (!(p = e->owned = (char *)malloc(n + 1)))
        return MQ_E_NOMEM;
    for (i = 0; i < 5; i++) {
        if (all[i]->len)
            memcpy(p, all[i]->ptr, all[i]->len);
        *all[i] = mq_bytes_of(p, all[i]->len);
        p += all[i]->len;
    }
    return MQ_OK;
}

static void fill_defaults(mq_a1_engine_opts *o)
{
    if (!o->container_id.len)
        o->container_id = mq_cstr("mq");
    if (o->max_frame_size < MQ_A1_MIN_MAX_FRAME_SIZE)
        o->max_frame_size = o->max_frame_size ? MQ_A1_MIN_MAX_FRAME_SIZE : MQ_A1_DEF_MAX_FRAME;
    o->channel_max = (uint16_t)or_def(o->channel_max, MQ_A1_DEF_CHANNEL_MAX, MQ_A1_MAX_CHANNEL_MAX);
    o->handle_max = or_def(o->handle_max, MQ_A1_DEF_HANDLE_MAX, MQ_A1_MAX_HANDLE_MAX);
    if (!o->max_message_size)
        o->max_message_size = MQ_A1_DEF_MAX_MESSAGE;
    o->incoming_window = or_def(o->incoming_window, MQ_A1_DEF_WINDOW, UINT32_MAX);
    o->max_unsettled = or_def(o->max_unsettled, MQ_A1_DEF_UNSETTLED, MQ_A1_MAX_UNSETTLED);
}

/* ------------------------------------------------------------ start */

static int send_open(mq_a1_engine *e)
{
    mq_a1_open o;
    int rc;
    mq_a1_open_init(&o);
    o.container_id = e->o.container_id;
    if (e->o.hostname.len) {
        o.has_hostname = true;
        o.hostname = e->o.hostname;
    }
    o.has_max_frame_size = o.has_channel_max = true;
    o.max_frame_size = e->o.max_frame_size;
    o.channel_max = e->o.channel_max;
    if (e->o.idle_timeout_ms) {
        o.has_idle_time_out = true;
        o.idle_time_out = e->o.idle_timeout_ms;
    }
    if ((rc = a1_put(e, 0, &mq_a1_ci_open, &o)) < 0)
        return rc;
    e->sent_open = true;
    if (e->state < A1_CONN_OPEN_SENT)
        e->state = A1_CONN_OPEN_SENT;
    mq_a1_reader_set_max_frame(&e->rd, e->o.max_frame_size);
    return MQ_OK;
}

/* The AMQP protocol header, and (a client) our open right after it. */
static int start_amqp(mq_a1_engine *e)
{
    int rc = mq_a1_proto_header_put(e->out, MQ_A1_PROTO_AMQP);
    e->state = A1_CONN_AMQP_HDR;
    if (rc == MQ_OK && !e->o.server)
        rc = send_open(e);
    return rc;
}

int mq_a1_engine_init(mq_a1_engine *e, const mq_a1_engine_opts *o, mq_wbuf *out, uint64_t now)
{
    size_t nch;
    memset(e, 0, sizeof *e);
    e->o = *o;
    e->out = out;
    e->now = e->last_in = e->last_out = now;
    e->send_max_frame = MQ_A1_MIN_MAX_FRAME_SIZE;
    mq_wbuf_init(&e->scratch);
    fill_defaults(&e->o);
    mq_a1_reader_init(&e->rd, e->o.max_frame_size);
    nch = (size_t)e->o.channel_max + 1;
    e->sessions = (mq_a1_session *)calloc(nch, sizeof *e->sessions);
    e->rchannel = (uint16_t *)calloc(nch, sizeof *e->rchannel);
    if (!e->sessions || !e->rchannel || own_strings(e) < 0) {
        mq_a1_engine_free(e);
        return MQ_E_NOMEM;
    }
    if (e->o.server)
        return MQ_OK;
    if (e->o.sasl) {
        e->state = A1_CONN_SASL;
        return mq_a1_proto_header_put(out, MQ_A1_PROTO_SASL);
    }
    return start_amqp(e);
}

void mq_a1_engine_free(mq_a1_engine *e)
{
    if (e->sessions)
        a1_sessions_free(e);
    free(e->sessions);
    free(e->rchannel);
    free(e->owned);
    mq_a1_reader_free(&e->rd);
    mq_wbuf_free(&e->scratch);
    e->sessions = NULL;
    e->rchannel = NULL;
    e->owned = NULL;
}

int mq_a1_engine_is_open(const mq_a1_engine *e)
{
    return e->sent_open && e->got_open && e->state == A1_CONN_OPEN && !e->fail;
}

/* ------------------------------------------------------------ SASL */

static const char *const mech_names[] = {"PLAIN", "ANONYMOUS", "EXTERNAL"};

static int mech_bit(mq_bytes name)
{
    int i;
    for (i = 0; i < 3; i++)
        if (name.len == strlen(mech_names[i]) && !memcmp(name.ptr, mech_names[i], name.len))
            return 1 << i;
    return 0;
}

static const char *mech_name(int bit)
{
    return bit == MQ_A1_SASL_PLAIN ? "PLAIN" : bit == MQ_A1_SASL_ANONYMOUS ? "ANONYMOUS" : "EXTERNAL";
}

static int sasl_put(mq_a1_engine *e, const mq_a1_composite_info *ci, const void *perf)
{
    return mq_a1_frame_put(e->out, MQ_A1_FRAME_SASL, 0, ci, perf, NULL, 0, 0);
}

/* PLAIN's initial response: authzid NUL user NUL password. */
static int plain_response(mq_a1_engine *e, mq_wbuf *w)
{
    size_t n = e->o.authzid.len + e->o.user.len + e->o.password.len + 2;
    if (mq_wbuf_reserve(w, n) < 0)
        return MQ_E_NOMEM;
    if (e->o.authzid.len)
        memcpy(w->data + w->len, e->o.authzid.ptr, e->o.authzid.len);
    w->len += e->o.authzid.len;
    w->data[w->len++] = 0;
    if (e->o.user.len)
        memcpy(w->data + w->len, e->o.user.ptr, e->o.user.len);
    w->len += e->o.user.len;
    w->data[w->len++] = 0;
    if (e->o.password.len)
        memcpy(w->data + w->len, e->o.password.ptr, e->o.password.len);
    w->len += e->o.password.len;
    return MQ_OK;
}

static int sasl_init(mq_a1_engine *e)
{
    mq_a1_sasl_init si;
    int rc = MQ_OK;
    mq_a1_sasl_init_init(&si);
    si.mechanism = mq_cstr(mech_name(e->o.sasl));
    mq_wbuf_reset(&e->scratch);
    if (e->o.sasl == MQ_A1_SASL_PLAIN)
        rc = plain_response(e, &e->scratch);
    else if (e->o.sasl == MQ_A1_SASL_EXTERNAL && e->o.authzid.len)
        rc = mq_wbuf_reserve(&e->scratch, e->o.authzid.len) < 0 ? MQ_E_NOMEM : MQ_OK;
    if (rc < 0)
        return rc;
    if (e->o.sasl == MQ_A1_SASL_EXTERNAL && e->o.authzid.len) {
        memcpy(e->scratch.data, e->o.authzid.ptr, e->o.authzid.len);
        e->scratch.len = e->o.authzid.len;
    }
    si.has_initial_response = true;
    si.initial_response = mq_bytes_of((const char *)e->scratch.data, e->scratch.len);
    if (e->o.hostname.len) {
        si.has_hostname = true;
        si.hostname = e->o.hostname;
    }
    return sasl_put(e, &mq_a1_ci_sasl_init, &si);
}

/* The client: the server's mechanisms; ours must be among them. */
static int on_mechanisms(mq_a1_engine *e, const mq_a1_sasl_mechanisms *m)
{
    mq_a1_cursor c;
    mq_a1_value v;
    char offered[128] = "";
    size_t used = 0;
    int rc, have = 0;
    if ((rc = mq_a1_multi_open(m->sasl_server_mechanisms, &c)) < 0)
        return a1_fail(e, rc, NULL, "bad sasl-mechanisms: %s", mq_a1_strerror(rc));
    while ((rc = mq_a1_next(&c, &v)) > 0) {
        if (v.type != MQ_A1_T_SYMBOL)
            return a1_fail(e, MQ_E_PROTOCOL, NULL, "sasl-mechanisms holds a non-symbol");
        have |= mech_bit(v.v.bytes);
        if (used + v.v.bytes.len + 2 < sizeof offered)
            used += (size_t)snprintf(offered + used, sizeof offered - used, "%s%.*s",
                                     used ? " " : "", (int)v.v.bytes.len, v.v.bytes.ptr);
    }
    if (rc < 0)
        return a1_fail(e, rc, NULL, "bad sasl-mechanisms: %s", mq_a1_strerror(rc));
    if (!(have & e->o.sasl))
        return a1_fail(e, MQ_E_AUTH, NULL, "the server does not offer SASL %s (it offers: %s)",
                       mech_name(e->o.sasl), used ? offered : "nothing");
    return sasl_init(e);
}

static const char *sasl_code_name(uint8_t code)
{
    switch (code) {
    case 1: return "auth: authentication failed";
    case 2: return "sys: system error";
    case 3: return "sys-perm: permanent system error";
    case 4: return "sys-temp: transient system error";
    default: return "unknown code";
    }
}

static int on_outcome(mq_a1_engine *e, const mq_a1_sasl_outcome *so)
{
    if (so->code != 0)
        return a1_fail(e, MQ_E_AUTH, NULL, "SASL %s refused: outcome code %u (%s)",
                       mech_name(e->o.sasl), so->code, sasl_code_name(so->code));
    e->sasl_done = true;
    mq_a1_reader_expect_proto(&e->rd);
    return start_amqp(e);
}

/* The server: checks the client's sasl-init. */
static bool sasl_accepts(const mq_a1_engine *e, const mq_a1_sasl_init *si)
{
    int bit = mech_bit(si->mechanism);
    const char *r = si->initial_response.ptr, *u, *p;
    size_t n = si->initial_response.len;
    if (!(bit & e->o.sasl))
        return false;
    if (bit != MQ_A1_SASL_PLAIN || !e->o.user.len)
        return true;
    if (!r || !(u = (const char *)memchr(r, 0, n)) ||
        !(p = (const char *)memchr(u + 1, 0, n - (size_t)(u + 1 - r))))
        return false;
    u++;
    return (size_t)(p - u) == e->o.user.len && !memcmp(u, e->o.user.ptr, e->o.user.len) &&
           (size_t)(r + n - p - 1) == e->o.password.len &&
           !memcmp(p + 1, e->o.password.ptr, e->o.password.len);
}

static int on_sasl_init(mq_a1_engine *e, const mq_a1_sasl_init *si)
{
    mq_a1_sasl_outcome so;
    mq_a1_sasl_outcome_init(&so);
    so.code = sasl_accepts(e, si) ? 0 : 1;
    if (sasl_put(e, &mq_a1_ci_sasl_outcome, &so) < 0)
        return MQ_E_NOMEM;
    if (so.code)
        return a1_fail(e, MQ_E_AUTH, NULL, "the client's SASL %.*s was refused",
                       (int)si->mechanism.len, si->mechanism.ptr);
    e->sasl_done = true;
    mq_a1_reader_expect_proto(&e->rd);
    return MQ_OK;
}

static int on_sasl_frame(mq_a1_engine *e, const mq_a1_frame *f)
{
    uint64_t code = f->ci->code;
    if (e->sasl_done || !e->o.sasl)
        return a1_fail(e, MQ_E_PROTOCOL, NULL, "a SASL frame outside the SASL exchange");
    if (!e->o.server && code == MQ_A1_D_SASL_MECHANISMS)
        return on_mechanisms(e, &f->perf.sasl_mechanisms);
    if (!e->o.server && code == MQ_A1_D_SASL_OUTCOME)
        return on_outcome(e, &f->perf.sasl_outcome);
    if (e->o.server && code == MQ_A1_D_SASL_INIT)
        return on_sasl_init(e, &f->perf.sasl_init);
    return a1_fail(e, MQ_E_AUTH, NULL, "unexpected SASL frame %s (challenges are not supported)",
                   f->ci->name);
}

/* The server: offers its mechanisms. */
static int sasl_offer(mq_a1_engine *e)
{
    mq_bytes names[3];
    mq_a1_sasl_mechanisms m;
    size_t n = 0;
    int i, rc;
    for (i = 0; i < 3; i++)
        if (e->o.sasl & (1 << i))
            names[n++] = mq_cstr(mech_names[i]);
    mq_wbuf_reset(&e->scratch);
    if ((rc = mq_a1_symbols_encode(&e->scratch, names, n)) < 0)
        return rc;
    m.sasl_server_mechanisms = mq_bytes_of((const char *)e->scratch.data, e->scratch.len);
    return sasl_put(e, &mq_a1_ci_sasl_mechanisms, &m);
}

/* ------------------------------------------------------------ headers, open */

static int on_proto(mq_a1_engine *e, uint8_t id)
{
    bool sasl_phase = e->o.sasl && !e->sasl_done;
    uint8_t want = sasl_phase ? MQ_A1_PROTO_SASL : MQ_A1_PROTO_AMQP;
    int rc = MQ_OK;
    if (id != want && e->o.server) /* the header we would speak, then the end (2.2) */
        (void)mq_a1_proto_header_put(e->out, want);
    if (id != want)
        return a1_fail(e, MQ_E_PROTOCOL, NULL, "the peer speaks protocol id %u, expected %u", id,
                       want);
    if (e->o.server)
        rc = sasl_phase ? mq_a1_proto_header_put(e->out, id) : start_amqp(e);
    if (rc == MQ_OK && e->o.server && sasl_phase)
        rc = sasl_offer(e);
    if (!sasl_phase)
        e->got_amqp_hdr = true;
    return rc;
}

static int on_open(mq_a1_engine *e, const mq_a1_frame *f, mq_a1_event *ev)
{
    const mq_a1_open *o = &f->perf.open;
    int rc;
    if (e->got_open)
        return a1_fail(e, MQ_E_PROTOCOL, A1_C_NOT_ALLOWED, "a second open");
    if (f->channel != 0)
        return a1_fail(e, MQ_E_PROTOCOL, A1_C_NOT_ALLOWED, "open on channel %u", f->channel);
    if (o->max_frame_size < MQ_A1_MIN_MAX_FRAME_SIZE)
        return a1_fail(e, MQ_E_PROTOCOL, A1_C_INVALID_FIELD, "max-frame-size %u below 512",
                       o->max_frame_size);
    e->got_open = true;
    e->send_max_frame = o->max_frame_size < e->o.max_frame_size ? o->max_frame_size
                                                                : e->o.max_frame_size;
    e->remote_channel_max = o->channel_max;
    e->remote_idle_ms = o->has_idle_time_out ? o->idle_time_out : 0;
    if (e->o.server && !e->sent_open && (rc = send_open(e)) < 0)
        return rc;
    e->state = A1_CONN_OPEN;
    ev->type = MQ_A1_EV_OPEN;
    return MQ_OK;
}

static void error_event(mq_a1_event *ev, bool has, const mq_a1_error *er)
{
    if (has) {
        ev->condition = er->condition;
        ev->description = er->description;
    }
}

static int on_close(mq_a1_engine *e, const mq_a1_frame *f, mq_a1_event *ev)
{
    const mq_a1_close *c = &f->perf.close;
    ev->type = MQ_A1_EV_CLOSE;
    error_event(ev, c->has_error, &c->error);
    ev->remote_initiated = e->state != A1_CONN_CLOSE_SENT;
    if (ev->remote_initiated) {
        mq_a1_close mine;
        mq_a1_close_init(&mine);
        (void)a1_put(e, 0, &mq_a1_ci_close, &mine);
    }
    if (c->has_error)
        mq_error_set(&e->err, MQ_E_CONNECTION_CLOSED, "the peer closed the connection: %.*s%s%.*s",
                     (int)c->error.condition.len, c->error.condition.ptr,
                     c->error.description.len ? ": " : "", (int)c->error.description.len,
                     c->error.description.ptr);
    else if (!e->fail)
        mq_error_set(&e->err, MQ_E_CONNECTION_CLOSED, "the connection is closed");
    e->state = A1_CONN_CLOSED;
    if (!e->fail)
        e->fail = MQ_E_CONNECTION_CLOSED;
    return MQ_OK;
}

int mq_a1_engine_close(mq_a1_engine *e, mq_bytes condition, mq_bytes description)
{
    mq_a1_close c;
    int rc;
    if (e->fail || e->state >= A1_CONN_CLOSE_SENT || !e->sent_open)
        return a1_err(e, MQ_A1_E_STATE, "the connection is not open");
    mq_a1_close_init(&c);
    if (condition.len) {
        c.has_error = true;
        a1_error_of(&c.error, condition, description);
    }
    if ((rc = a1_put(e, 0, &mq_a1_ci_close, &c)) == MQ_OK)
        e->state = A1_CONN_CLOSE_SENT;
    return rc;
}

/* ------------------------------------------------------------ dispatch */

static int on_session_frame(mq_a1_engine *e, const mq_a1_frame *f, mq_a1_event *ev)
{
    uint64_t code = f->ci->code;
    mq_a1_session *s;
    if (code == MQ_A1_D_BEGIN)
        return a1_on_begin(e, f, ev);
    if (!(s = a1_rsession(e, f->channel)))
        return a1_fail(e, MQ_E_PROTOCOL, A1_C_NOT_ALLOWED, "%s on channel %u, which has no session",
                       f->ci->name, f->channel);
    switch (code) {
    case MQ_A1_D_END: return a1_on_end(e, s, f, ev);
    case MQ_A1_D_FLOW: return a1_on_flow(e, s, f, ev);
    case MQ_A1_D_DISPOSITION: return a1_on_disposition(e, s, f, ev);
    case MQ_A1_D_ATTACH: return a1_on_attach(e, s, f, ev);
    case MQ_A1_D_DETACH: return a1_on_detach(e, s, f, ev);
    default: return a1_on_transfer(e, s, f, ev);
    }
}

static int on_amqp_frame(mq_a1_engine *e, const mq_a1_frame *f, mq_a1_event *ev)
{
    uint64_t code = f->ci->code;
    if (!e->got_amqp_hdr)
        return a1_fail(e, MQ_E_PROTOCOL, NULL, "an AMQP frame before the AMQP protocol header");
    if (e->state == A1_CONN_CLOSE_SENT && code != MQ_A1_D_CLOSE)
        return MQ_OK; /* after our close, only the peer's close counts */
    if (code == MQ_A1_D_OPEN)
        return on_open(e, f, ev);
    if (!e->got_open)
        return a1_fail(e, MQ_E_PROTOCOL, A1_C_NOT_ALLOWED, "%s before open", f->ci->name);
    if (code == MQ_A1_D_CLOSE)
        return on_close(e, f, ev);
    return on_session_frame(e, f, ev);
}

static const char *cond_of_read_error(int rc)
{
    return rc == MQ_E_FRAME ? A1_C_FRAMING : rc == MQ_E_NOMEM ? A1_C_INTERNAL : A1_C_DECODE;
}

static int dispatch(mq_a1_engine *e, int kind, mq_a1_event *ev)
{
    const mq_a1_frame *f = &e->frame;
    if (kind == MQ_A1_READ_PROTO)
        return on_proto(e, f->proto);
    if (kind == MQ_A1_READ_HEARTBEAT)
        return e->got_amqp_hdr || f->type == MQ_A1_FRAME_AMQP
                   ? MQ_OK
                   : a1_fail(e, MQ_E_PROTOCOL, NULL, "an empty frame during SASL");
    if (f->type == MQ_A1_FRAME_SASL)
        return on_sasl_frame(e, f);
    return on_amqp_frame(e, f, ev);
}

int mq_a1_engine_next(mq_a1_engine *e, mq_a1_event *ev)
{
    int rc;
    for (;;) {
        if (e->fail)
            return e->fail;
        rc = mq_a1_reader_next(&e->rd, &e->frame);
        if (rc == MQ_A1_READ_MORE)
            return e->refill_due && e->state == A1_CONN_OPEN ? a1_refill_windows(e) : 0;
        if (rc == MQ_E_PROTOCOL)
            return a1_fail(e, rc, NULL, "the peer's protocol header is not AMQP 1.0");
        if (rc < 0)
            return a1_fail(e, rc, cond_of_read_error(rc), "bad frame from the peer: %s",
                           mq_a1_strerror(rc));
        memset(ev, 0, sizeof *ev);
        ev->link = MQ_A1_NO_LINK;
        ev->frame = &e->frame;
        if ((rc = dispatch(e, rc, ev)) < 0)
            return e->fail ? e->fail : a1_fail(e, rc, A1_C_INTERNAL, "%s", mq_a1_strerror(rc));
        if (ev->type)
            return 1;
    }
}

int mq_a1_engine_feed(mq_a1_engine *e, const void *p, size_t n, uint64_t now)
{
    e->now = now;
    if (n)
        e->last_in = now;
    return mq_a1_reader_feed(&e->rd, p, n);
}

int mq_a1_engine_flush(mq_a1_engine *e)
{
    uint32_t i;
    int rc;
    for (i = 0; e->npending && i <= e->o.channel_max; i++)
        if (e->sessions[i].pending.active && (rc = a1_flush_pending(e, &e->sessions[i])) < 0)
            return rc;
    return MQ_OK;
}

/* ------------------------------------------------------------ time */

uint64_t mq_a1_engine_heartbeat_due(const mq_a1_engine *e)
{
    if (!e->remote_idle_ms || !e->sent_open || e->state >= A1_CONN_CLOSED)
        return UINT64_MAX;
    return e->last_out + (uint64_t)e->remote_idle_ms * MS_NS / 2;
}

uint64_t mq_a1_engine_peer_dead_at(const mq_a1_engine *e)
{
    if (!e->o.idle_timeout_ms || e->state >= A1_CONN_CLOSED)
        return UINT64_MAX;
    return e->last_in + (uint64_t)e->o.idle_timeout_ms * MS_NS * 2;
}

uint64_t mq_a1_engine_deadline(const mq_a1_engine *e)
{
    uint64_t a = mq_a1_engine_heartbeat_due(e), b = mq_a1_engine_peer_dead_at(e);
    return a < b ? a : b;
}

int mq_a1_engine_tick(mq_a1_engine *e, uint64_t now)
{
    int rc;
    e->now = now;
    if (e->fail)
        return e->fail;
    if (now >= mq_a1_engine_peer_dead_at(e))
        return a1_fail(e, MQ_E_HEARTBEAT, A1_C_RESOURCE_LIMIT,
                       "nothing received for %u ms (twice our idle-time-out)",
                       e->o.idle_timeout_ms * 2);
    if (now >= mq_a1_engine_heartbeat_due(e)) {
        if ((rc = mq_a1_heartbeat_put(e->out)) < 0)
            return rc;
        e->last_out = now;
    }
    return MQ_OK;
}

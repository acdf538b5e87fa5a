/* SPDX-License-Identifier: MIT */
/*
 * Connection state, the layer the rest of the connection stands on: the
 * lifecycle of an mq_conn (new, hooks, fail, abort, free; teardown closes
 * the transport and resets everything below without protocol), the
 * channel-id table and its states, the storage of queued events, the
 * reader's view of the channels (which frames it accepts) and the
 * accessors.  It calls only the transport and the reader; the output path
 * (mq_output.c), the wait (mq_event.c) and the operations (mq_conn.c,
 * mq_channel.c) call it.
 *
 * Channel states: FREE (id allocatable), OPEN, CLOSING (we sent
 * channel.close; frames dropped until close-ok frees the id), CLOSED (the
 * server closed it; id allocatable, its error record kept until reuse).
 */
#include "mq_conn_internal.h"

#include <stdlib.h>

/* ---- the reader's view of the connection ---------------------------------- */

/* What channel ch accepts: its frames are a protocol error unless we opened
 * it; once we close it (or the server did) its frames are dropped. */
static int chan_mode(void *ud, uint16_t id)
{
    mq_chan *ch = mq_conn_chan((mq_conn *)ud, id);
    if (!ch || ch->state == MQ_CH_FREE) return MQ_RD_OFF;
    return ch->state == MQ_CH_OPEN ? MQ_RD_OPEN : MQ_RD_DROP;
}

static void *chan_body_alloc(void *ud, size_t len, char **data)
{
    mq_conn *c = ud;
    return c->hooks.body_alloc(c->hooks.ud, len, data);
}

static void chan_body_free(void *ud, void *handle)
{
    mq_conn *c = ud;
    c->hooks.body_free(c->hooks.ud, handle);
}

static void reader_init(mq_conn *c)
{
    mq_reader_init(&c->rd, chan_mode, chan_body_alloc, chan_body_free, c, &c->err);
}

/* ---- lifecycle and errors ------------------------------------------------ */


static void *default_body_alloc(void *ud, size_t len, char **data)
{
    (void)ud;
    char *p = malloc(len + 1);
    *data = p;
    return p;
}

static void default_body_free(void *ud, void *handle)
{
    (void)ud;
    free(handle);
}

mq_conn *mq_conn_new(void)
{
    mq_conn *c = calloc(1, sizeof *c);
    if (!c) return NULL;
    mq_wbuf_init(&c->out);
    c->hooks.body_alloc = default_body_alloc;
    c->hooks.body_free = default_body_free;
    reader_init(c);
    if (mq_transport_init(&c->tr, &c->err) != MQ_OK) {
        free(c);
        return NULL;
    }
    return c;
}

void mq_conn_set_hooks(mq_conn *c, const mq_hooks *h)
{
    c->hooks = *h;
    if (!c->hooks.body_alloc || !c->hooks.body_free) {
        c->hooks.body_alloc = default_body_alloc;
        c->hooks.body_free = default_body_free;
    }
    mq_transport_set_interrupt(&c->tr, c->hooks.interrupt, c->hooks.ud);
}

void mq_conn_release_held(mq_conn *c)
{
    if (c->held) {
        mq_qev_free(c, c->held);
        c->held = NULL;
    }
}

int64_t mq_conn_rpc_deadline(const mq_conn *c) { return mq_deadline_in(c->rpc_timeout); }

/* Closes everything without protocol; keeps c->err. */
static void teardown(mq_conn *c)
{
    mq_transport_close(&c->tr);
    c->open = false;
    c->blocked = false;
    c->blocked_reason[0] = '\0';
    c->notice_count = 0;
    c->cork = 0;
    mq_chans_reset(c);
    mq_conn_queue_clear(c);
    if (c->out.data) memset(c->out.data, 0, c->out.len); /* may hold credentials */
    mq_wbuf_reset(&c->out);
}

int mq_conn_fail(mq_conn *c, int code)
{
    if (c->err.code != code) {
        int eno = c->err.sys_errno;
        mq_error_set(&c->err, code, "%s", mq_strerror(code));
        c->err.sys_errno = eno;
    }
    teardown(c);
    return code;
}

void mq_conn_abort(mq_conn *c) { teardown(c); }

int mq_conn_check_process(mq_conn *c)
{
    if (!mq_transport_foreign(&c->tr)) return MQ_OK;
    /* teardown() closes only this process' descriptor (and frees its copy
     * of the TLS state without writing); a heartbeat thread does not exist
     * here and is neither signalled nor joined (mq_transport_lock_needed) */
    mq_error_set(&c->err, MQ_E_NOT_CONNECTED, "%s", MQ_FOREIGN_PROCESS_TEXT);
    teardown(c);
    return MQ_E_NOT_CONNECTED;
}

void mq_conn_free(mq_conn *c)
{
    if (!c) return;
    teardown(c);
    mq_conn_release_held(c);
    mq_chans_free(c);
    mq_transport_free(&c->tr);
    free(c->server_props);
    mq_wbuf_free(&c->out);
    free(c);
}

/* The server's connection.close or channel.close as an error record.  The
 * two methods have the same fields (the generated structs are alike). */
void mq_error_from_close(mq_error *e, int code, uint16_t channel, uint16_t reply_code,
                         mq_bytes reply_text, uint16_t class_id, uint16_t method_id)
{
    mq_error_clear(e);
    e->code = code;
    e->reply_code = reply_code;
    e->class_id = class_id;
    e->method_id = method_id;
    e->channel = channel;
    size_t n = reply_text.len < sizeof e->text ? reply_text.len : sizeof e->text - 1;
    if (n) memcpy(e->text, reply_text.ptr, n);
    e->text[n] = '\0';
}

/* ---- channel ids and state -------------------------------------------------- */

/* SPDX-License-Identifier: MIT */
/*
 * Channels and everything sent on them: id allocation (php-amqp's order,
 * see next_free(); ids 1..channel_max, reused after close-ok), channel open/close
 * (synchronous and fire-and-forget), the server's channel.close, the
 * generic synchronous method (mq_rpc) with its named wrappers, basic.get,
 * basic.publish (method + header + body frames in one write; large bodies
 * sent from the caller's memory) and the corkable acks.
 *
 * Channel states: FREE (id allocatable), OPEN, CLOSING (we sent
 * channel.close; frames dropped until close-ok frees the id), CLOSED (the
 * server closed it; id allocatable, its error record kept until reuse).
 */
#include "mq_conn_internal.h"

#include <stdlib.h>


void mq_chan_release_id(mq_conn *c, uint16_t id)
{
    mq_chan *ch = c->chans[id];
    if (ch->state == MQ_CH_CLOSING) c->nclosing--;
    ch->state = MQ_CH_FREE;
    if (mq_chan_id_used(c, id)) {
        c->used[id / 64] &= ~((uint64_t)1 << (id % 64));
        c->nused--;
    }
}

/* The id a new channel gets, as php-amqp hands them out: the search starts
 * at (channels in use + 1), so replacing a channel object in a loop gives
 * 1, 2, 3 and closing it each time gives 1, 1, 1; unlike php-amqp it wraps
 * around to 1, so that freed low ids are found again.  Only OPEN channels
 * hold their id here: one we closed without waiting (CLOSING) is free to
 * the application, and the caller first waits for its close-ok.  0 when
 * every id is open. */
uint16_t mq_chan_next_free(const mq_conn *c)
{
    int used = mq_conn_channels_used(c);
    if (used >= (int)c->channel_max) return 0;
    for (uint32_t k = 0; k < c->channel_max; k++) {
        uint32_t id = ((uint32_t)used + k) % c->channel_max + 1;
        if (!mq_chan_id_used(c, (uint16_t)id) || c->chans[id]->state == MQ_CH_CLOSING) return (uint16_t)id;
    }
    return 0;
}

/* The walks below cover ids 1..chans_hi only: entries are allocated by
 * open_id(), which raises chans_hi, and ids are only marked used there. */
void mq_chans_reset(mq_conn *c)
{
    mq_reader_reset_all(&c->rd);
    if (!c->chans) return;
    for (size_t id = 1; id <= c->chans_hi; id++) {
        mq_chan *ch = c->chans[id];
        if (!ch) continue;
        if (ch->state != MQ_CH_CLOSED) ch->state = MQ_CH_FREE;
        ch->drop_untold = ch->drop_told = false;
        ch->dropped = 0;
    }
    memset(c->used, 0, ((size_t)c->chans_hi / 64 + 1) * sizeof *c->used);
    c->nused = 0;
    c->nclosing = 0;
    c->drop_untold = 0;
}

void mq_chans_free(mq_conn *c)
{
    if (c->chans) {
        for (size_t id = 1; id <= c->chans_hi; id++) {
            mq_chan *ch = c->chans[id];
            if (!ch) continue;
            free(ch);
        }
    }
    mq_reader_free(&c->rd);
    free(c->chans);
    free(c->used);
    c->chans = NULL;
    c->used = NULL;
    c->nused = c->nclosing = 0;
    c->chans_hi = 0;
    c->drop_untold = 0;
}

bool mq_channel_is_open(const mq_conn *c, uint16_t id)
{
    const mq_chan *ch = mq_conn_chan(c, id);
    return c->open && ch && ch->state == MQ_CH_OPEN;
}

/* Channels closed by us but still waiting for close-ok keep their id
 * reserved (it is not reused before the close-ok) but no longer count as
 * used: to the application they are gone, as in php-amqp. */
int mq_conn_channels_used(const mq_conn *c) { return c->nused - c->nclosing; }

const mq_error *mq_channel_error(const mq_conn *c, uint16_t id)
{
    const mq_chan *ch = mq_conn_chan(c, id);
    return ch ? &ch->err : &c->no_err;
}

/* Drops by the queue's bound (counted in mq_event.c), reported once per
 * channel opening. */
bool mq_conn_has_dropped(const mq_conn *c) { return c->drop_untold > 0; }

size_t mq_channel_take_dropped(mq_conn *c, uint16_t ch)
{
    mq_chan *cs = mq_conn_chan(c, ch);
    if (!cs || !cs->drop_untold) return 0;
    cs->drop_untold = false;
    cs->drop_told = true;
    c->drop_untold--;
    return cs->dropped;
}

uint64_t mq_channel_next_publish_seq(const mq_conn *c, uint16_t id)
{
    const mq_chan *ch = mq_conn_chan(c, id);
    return ch && ch->confirm ? ch->next_seq : 0;
}

/* ---- queued events: storage ------------------------------------------------- */

void mq_qev_free(mq_conn *c, mq_qev *q)
{
    if (q->ev.msg.body_handle) c->hooks.body_free(c->hooks.ud, q->ev.msg.body_handle);
    free(q);
}

/* Counts a queued async event of channel ch in (+1) or out (-1). */
void mq_conn_count_async(mq_conn *c, uint16_t ch, int delta)
{
    mq_chan *cs = mq_conn_chan(c, ch);
    if (delta > 0) {
        c->nasync++;
        if (cs) cs->nasync++;
    } else {
        c->nasync--;
        if (cs && cs->nasync) cs->nasync--;
    }
}

void mq_conn_queue_clear(mq_conn *c)
{
    mq_qev *q = c->qhead;
    while (q) {
        mq_qev *n = q->next;
        if (q->kind & MQ_EV_ASYNC) mq_conn_count_async(c, q->channel, -1);
        mq_qev_free(c, q);
        q = n;
    }
    c->qhead = c->qtail = NULL;
    c->nasync = 0;
}

void mq_conn_drop_events(mq_conn *c, uint16_t ch)
{
    mq_qev **pp = &c->qhead, *last = NULL;
    while (*pp) {
        mq_qev *q = *pp;
        if (ch == 0 || q->channel == ch) {
            *pp = q->next;
            if (q->kind & MQ_EV_ASYNC) mq_conn_count_async(c, q->channel, -1);
            mq_qev_free(c, q);
        } else {
            last = q;
            pp = &q->next;
        }
    }
    c->qtail = last;
}

size_t mq_conn_queued_async(const mq_conn *c) { return c->nasync; }

const char *mq_conn_blocked_reason(const mq_conn *c) { return c->blocked_reason; }

void *mq_message_take_body(mq_message *m)
{
    void *h = m->body_handle;
    m->body_handle = NULL;
    return h;
}

void mq_message_release(mq_conn *c, mq_message *m)
{
    if (m->body_handle) c->hooks.body_free(c->hooks.ud, m->body_handle);
    m->body_handle = NULL;
    m->body = NULL;
    m->body_len = 0;
}

/* ---- accessors ---------------------------------------------------------------- */

const mq_error *mq_conn_error(const mq_conn *c) { return &c->err; }

bool mq_conn_is_open(const mq_conn *c) { return c->open && c->tr.io != NULL; }

uint16_t mq_conn_channel_max(const mq_conn *c) { return c->channel_max; }

uint32_t mq_conn_frame_max(const mq_conn *c) { return c->frame_max; }

uint16_t mq_conn_heartbeat(const mq_conn *c) { return c->heartbeat; }

int mq_conn_fd(const mq_conn *c) { return c->tr.io ? c->tr.io->fd : -1; }

bool mq_conn_is_blocked(const mq_conn *c) { return c->blocked; }

mq_bytes mq_conn_server_properties(const mq_conn *c)
{
    return mq_bytes_of((const char *)c->server_props, c->server_props ? c->server_props_len : 0);
}

void mq_conn_set_timeouts(mq_conn *c, double read, double write, double rpc)
{
    c->read_timeout = read > 0 ? read : 0;
    c->write_timeout = write > 0 ? write : 0;
    c->rpc_timeout = rpc > 0 ? rpc : 0;
}

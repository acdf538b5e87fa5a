/* SPDX-License-Identifier: MIT */
/*
 * Confirms and returns that nobody waits for (API.md §7.24): basic.ack,
 * basic.nack and basic.return read during get(), an RPC or a consume on
 * another channel are queued by the core; at the start of the next call
 * that checks its channel (php_mq_check_channel()) they go to their
 * channel's callbacks, or are dropped with one notice per channel and kind
 * when there is no callback, so that they never pile up.  Not inside
 * waitForConfirm()/waitForBasicReturn(), which take them themselves.
 */
#include "php_mq_internal.h"
#include "mq_connection.h"

ZEND_METHOD(AMQPChannel, waitForConfirm);
ZEND_METHOD(AMQPChannel, waitForBasicReturn);

/* ---- confirms and returns nobody waits for (API.md §7.24) -------------- */

/* Set while unwaited events are dispatched: the API calls their callbacks
 * make do not dispatch again (no recursion, no callback re-entered). */
ZEND_TLS bool chan_unwaited_running;

/* How many events of each channel and kind one dispatch dropped. */
typedef struct {
    struct chan_dropped {
        uint16_t channel;
        int kind;
        size_t count;
    } *list, inline_buf[8]; /* list: inline_buf, or emalloc'd when that is full */
    size_t n, cap;
} chan_drops;

/* Is a waitForConfirm()/waitForBasicReturn() running, in this call or
 * further up the stack (calls made by its callbacks)?  It takes these
 * events itself, under its own rules (false ends the wait, an unhandled
 * one ends it with the notice). */
static bool chan_wait_running(void)
{
    const zend_execute_data *ex;

    for (ex = EG(current_execute_data); ex; ex = ex->prev_execute_data) {
        const zend_function *f = ex->func;
        if (f && f->type == ZEND_INTERNAL_FUNCTION
            && (f->internal_function.handler == ZEND_MN(AMQPChannel_waitForConfirm)
                || f->internal_function.handler == ZEND_MN(AMQPChannel_waitForBasicReturn))) {
            return true;
        }
    }
    return false;
}

/* The channel object registered for id on res, or NULL. */
static php_mq_channel *chan_of_id(const php_mq_conn_res *res, uint16_t id)
{
    php_mq_channel *ch = res->channels && id > 0 && id <= res->channel_max ? res->channels[id] : NULL;

    return ch && php_mq_channel_registered(ch) ? ch : NULL;
}

static bool chan_has_callback(const php_mq_channel *ch, int kind)
{
    switch (kind) {
    case MQ_EV_ACK:
        return !Z_ISUNDEF(ch->ack_cb);
    case MQ_EV_NACK:
        return !Z_ISUNDEF(ch->nack_cb);
    default:
        return !Z_ISUNDEF(ch->return_cb);
    }
}

/* Counts a dropped event under its channel and kind. */
static void chan_count_drop(chan_drops *d, uint16_t channel, int kind)
{
    size_t i;

    for (i = 0; i < d->n; i++) {
        if (d->list[i].channel == channel && d->list[i].kind == kind) {
            d->list[i].count++;
            return;
        }
    }
    if (d->n == d->cap) {
        struct chan_dropped *grown = safe_emalloc(d->cap, 2 * sizeof(*grown), 0);
        memcpy(grown, d->list, d->n * sizeof(*grown));
        if (d->list != d->inline_buf) {
            efree(d->list);
        }
        d->list = grown;
        d->cap *= 2;
    }
    d->list[d->n].channel = channel;
    d->list[d->n].kind = kind;
    d->list[d->n].count = 1;
    d->n++;
}

/* Takes the events queued now (not those read during the callbacks' own
 * calls: a callback that publishes cannot keep this going) and dispatches
 * or counts them; stops at an exception or when the connection changed. */
static void chan_take_unwaited(php_mq_conn_res *res, chan_drops *d)
{
    mq_conn *conn = res->conn;
    size_t left;

    for (left = mq_conn_queued_async(conn); left > 0; left--) {
        php_mq_channel *target;
        mq_event ev;
        int rc;

        memset(&ev, 0, sizeof(ev));
        /* queued ones come first: no read, no wait */
        if (mq_conn_wait_event(conn, 0, MQ_EV_ASYNC, -1.0, &ev) != 1) {
            return;
        }
        target = chan_of_id(res, ev.channel);
        if (!target || !chan_has_callback(target, ev.kind)) {
            if (ev.kind == MQ_EV_RETURN) {
                mq_message_release(conn, &ev.msg);
            }
            if (target) {
                chan_count_drop(d, ev.channel, ev.kind);
            }
            continue;
        }
        /* a callback's false ends nothing here: nobody waits */
        GC_ADDREF(&target->std);
        rc = php_mq_channel_dispatch(target, &ev, 0);
        OBJ_RELEASE(&target->std);
        if (rc < 0 || res->conn != conn || !php_mq_res_is_open(res)) {
            return;
        }
    }
}

/* chan_take_unwaited() under the flag; a fatal error (or the time limit)
 * in a callback clears it and res's extra reference on its way out, so
 * that the requests that follow still dispatch. */
static void chan_take_unwaited_guarded(php_mq_conn_res *res, chan_drops *d)
{
    chan_unwaited_running = true;
    php_mq_res_addref(res);
    zend_try {
        chan_take_unwaited(res, d);
    } zend_catch {
        chan_unwaited_running = false;
        php_mq_res_release(res);
        zend_bailout();
    } zend_end_try();
    php_mq_res_release(res);
    chan_unwaited_running = false;
}

php_mq_channel *php_mq_channel_dispatch_unwaited(php_mq_channel *ch, const char *context)
{
    chan_drops d;
    size_t i;

    if (chan_unwaited_running || EG(exception) || chan_wait_running()) {
        return ch;
    }
    d.list = d.inline_buf;
    d.n = 0;
    d.cap = sizeof(d.inline_buf) / sizeof(d.inline_buf[0]);
    GC_ADDREF(&ch->std);
    chan_take_unwaited_guarded(ch->res, &d);
    /* one notice per channel and kind, after the events are gone (an error
     * handler that throws ends the call, not the clean-up) */
    for (i = 0; i < d.n && !EG(exception); i++) {
        bool ret = d.list[i].kind == MQ_EV_RETURN;
        zend_error(E_NOTICE,
                   "Unhandled %s method from server received (channel %u, %zu dropped). "
                   "Use AMQPChannel::%s() to process it.",
                   ret ? "basic.return" : d.list[i].kind == MQ_EV_ACK ? "basic.ack" : "basic.nack",
                   (unsigned)d.list[i].channel, d.list[i].count, ret ? "setReturnCallback" : "setConfirmCallback");
    }
    if (d.list != d.inline_buf) {
        efree(d.list);
    }
    /* the callbacks (or an error handler) may have closed the channel or
     * let go of it */
    if (GC_REFCOUNT(&ch->std) == 1) {
        OBJ_RELEASE(&ch->std);
        if (!EG(exception)) {
            php_mq_throwf(mq_ce_AMQPChannelException, 0, "%s Stale reference to the channel object.", context);
        }
        return NULL;
    }
    OBJ_RELEASE(&ch->std);
    if (EG(exception)) {
        return NULL;
    }
    if (!php_mq_channel_is_open(ch)) {
        php_mq_throwf(mq_ce_AMQPChannelException, 0, "%s %s", context,
                      ch->res ? "No channel available." : "Stale reference to the channel object.");
        return NULL;
    }
    return ch;
}

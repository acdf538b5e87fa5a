/* SPDX-License-Identifier: MIT */
/*
 * AMQPChannel's events (docs/compatibility.md §3.2): the confirm and return
 * callbacks (setConfirmCallback(), setReturnCallback()), the dispatch of
 * basic.ack, basic.nack and basic.return to them (also used by consume()),
 * and the wait loops of waitForConfirm()/waitForBasicReturn(), which stop
 * at the core's safe points to run signal handlers.
 *
 * Confirms and returns nobody waits for (README, "Differences"): basic.ack,
 * basic.nack and basic.return read during get(), an RPC, a publish or a
 * consume on another channel stay queued by the core, in arrival order,
 * until the next waitForConfirm()/waitForBasicReturn() or consume() takes
 * them one at a time, as php-amqp keeps them (tests/217 and 218).  The
 * core bounds that queue at MQ_ASYNC_QUEUE_MAX events per channel and then
 * drops the oldest; php_mq_channel_report_dropped() tells the application
 * so, once per channel.
 */
#include "php_mq_internal.h"
#include "mq_connection.h"
#include "mq_queue.h"

void php_mq_channel_report_dropped(php_mq_conn_res *res)
{
    mq_conn *conn = res->conn;
    uint32_t id;

    /* every id is taken, so that the connection's flag clears even for a
     * channel object that is gone (its events went with it) */
    for (id = 1; id <= res->channel_max && mq_conn_has_dropped(conn); id++) {
        size_t n = mq_channel_take_dropped(conn, (uint16_t)id);
        if (n > 0 && !EG(exception)) {
            zend_error(E_NOTICE,
                       "Unhandled basic.ack, basic.nack and basic.return methods from server dropped on channel %u: "
                       "more than %d were queued without AMQPChannel::waitForConfirm(), "
                       "AMQPChannel::waitForBasicReturn() or AMQPQueue::consume() taking them; "
                       "%zu oldest dropped so far, later ones without another notice.",
                       (unsigned)id, MQ_ASYNC_QUEUE_MAX, n);
        }
    }
}

/* ---- callbacks -------------------------------------------------------- */

/* Replaces a stored callback (NULL fci/unset: none).  A trampoline
 * (__call) is released now and resolved again at each call. */
static void chan_set_callback(zval *slot, zend_fcall_info_cache *slot_fcc, zend_fcall_info *fci,
                              zend_fcall_info_cache *fcc)
{
    zval old;

    ZVAL_COPY_VALUE(&old, slot);
    if (fci && ZEND_FCI_INITIALIZED(*fci)) {
        ZVAL_COPY(slot, &fci->function_name);
        *slot_fcc = *fcc;
        zend_release_fcall_info_cache(slot_fcc);
    } else {
        ZVAL_UNDEF(slot);
        *slot_fcc = empty_fcall_info_cache;
    }
    zval_ptr_dtor(&old);
}

ZEND_METHOD(AMQPChannel, setConfirmCallback)
{
    php_mq_channel *ch = php_mq_channel_from_obj(Z_OBJ_P(ZEND_THIS));
    zend_fcall_info ack_fci = empty_fcall_info, nack_fci = empty_fcall_info;
    zend_fcall_info_cache ack_fcc = empty_fcall_info_cache, nack_fcc = empty_fcall_info_cache;

    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_FUNC_OR_NULL(ack_fci, ack_fcc)
        Z_PARAM_OPTIONAL
        Z_PARAM_FUNC_OR_NULL(nack_fci, nack_fcc)
    ZEND_PARSE_PARAMETERS_END();
    /* both are replaced on every call */
    chan_set_callback(&ch->ack_cb, &ch->ack_fcc, &ack_fci, &ack_fcc);
    chan_set_callback(&ch->nack_cb, &ch->nack_fcc, &nack_fci, &nack_fcc);
}

ZEND_METHOD(AMQPChannel, setReturnCallback)
{
    php_mq_channel *ch = php_mq_channel_from_obj(Z_OBJ_P(ZEND_THIS));
    zend_fcall_info fci = empty_fcall_info;
    zend_fcall_info_cache fcc = empty_fcall_info_cache;

    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_FUNC_OR_NULL(fci, fcc)
    ZEND_PARSE_PARAMETERS_END();
    chan_set_callback(&ch->return_cb, &ch->return_fcc, &fci, &fcc);
}

/* Calls a stored callback with argc args: 1 when it returned exactly
 * false (stop), 0 to go on, -1 with an exception.  The callable is held
 * for the duration of the call, so the callback may replace itself. */
static int chan_call(zval *cb, const zend_fcall_info_cache *stored_fcc, uint32_t argc, zval *args)
{
    zend_fcall_info fci = empty_fcall_info; /* fields added by later PHP releases start empty */
    zend_fcall_info_cache fcc;
    zval callable, rv;
    char *error = NULL;
    int result;

    ZVAL_COPY(&callable, cb);
    if (stored_fcc->function_handler) {
        fcc = *stored_fcc;
    } else if (!zend_is_callable_ex(&callable, NULL, 0, NULL, &fcc, &error)) {
        zend_type_error("Callback is no longer callable: %s", error ? error : "unknown reason");
        if (error) {
            efree(error);
        }
        zval_ptr_dtor(&callable);
        return -1;
    }
    if (error) {
        efree(error);
    }
    fci.size = sizeof(fci);
    ZVAL_COPY_VALUE(&fci.function_name, &callable);
    fci.object = NULL;
    fci.retval = &rv;
    fci.params = args;
    fci.param_count = argc;
    fci.named_params = NULL;
    ZVAL_UNDEF(&rv);
    if (zend_call_function(&fci, &fcc) == FAILURE || EG(exception)) {
        result = -1;
    } else {
        result = Z_TYPE(rv) == IS_FALSE ? 1 : 0;
    }
    zval_ptr_dtor(&rv);
    zval_ptr_dtor(&callable);
    return result;
}

static int chan_unhandled(const char *method, const char *setter)
{
    zend_error(E_NOTICE, "Unhandled %s method from server received. Use AMQPChannel::%s() to process it.",
               method, setter);
    return EG(exception) ? -1 : 1;
}

int php_mq_channel_dispatch(php_mq_channel *ch, mq_event *ev, uint32_t depth)
{
    zval args[6];
    int result, i;
    mq_conn *conn = ch->res ? ch->res->conn : NULL;

    (void)depth;
    switch (ev->kind) {
    case MQ_EV_ACK:
        if (Z_ISUNDEF(ch->ack_cb)) {
            return chan_unhandled("basic.ack", "setConfirmCallback");
        }
        ZVAL_LONG(&args[0], (zend_long)ev->delivery_tag);
        ZVAL_BOOL(&args[1], ev->multiple);
        return chan_call(&ch->ack_cb, &ch->ack_fcc, 2, args);
    case MQ_EV_NACK:
        if (Z_ISUNDEF(ch->nack_cb)) {
            return chan_unhandled("basic.nack", "setConfirmCallback");
        }
        ZVAL_LONG(&args[0], (zend_long)ev->delivery_tag);
        ZVAL_BOOL(&args[1], ev->multiple);
        ZVAL_BOOL(&args[2], ev->requeue);
        return chan_call(&ch->nack_cb, &ch->nack_fcc, 3, args);
    case MQ_EV_RETURN:
        if (Z_ISUNDEF(ch->return_cb)) {
            if (conn) {
                mq_message_release(conn, &ev->msg);
            }
            return chan_unhandled("basic.return", "setReturnCallback");
        }
        /* everything is copied out of the core's views before the callback
         * or an error handler runs (they may call into the connection) */
        php_mq_warn_defer_begin();
        if (php_mq_properties_from_message(&args[4], &ev->msg) == FAILURE) {
            if (conn) {
                mq_message_release(conn, &ev->msg);
            }
            php_mq_warn_defer_end();
            return -1;
        }
        ZVAL_LONG(&args[0], ev->msg.reply_code);
        ZVAL_STRINGL(&args[1], ev->msg.reply_text.ptr ? ev->msg.reply_text.ptr : "", ev->msg.reply_text.len);
        ZVAL_STRINGL(&args[2], ev->msg.exchange.ptr ? ev->msg.exchange.ptr : "", ev->msg.exchange.len);
        ZVAL_STRINGL(&args[3], ev->msg.routing_key.ptr ? ev->msg.routing_key.ptr : "", ev->msg.routing_key.len);
        ZVAL_STR(&args[5], php_mq_message_body(&ev->msg));
        if (conn) {
            mq_message_release(conn, &ev->msg);
        }
        php_mq_warn_defer_end();
        if (EG(exception)) {
            for (i = 0; i < 6; i++) {
                zval_ptr_dtor(&args[i]);
            }
            return -1;
        }
        result = chan_call(&ch->return_cb, &ch->return_fcc, 6, args);
        for (i = 0; i < 6; i++) {
            zval_ptr_dtor(&args[i]);
        }
        return result;
    default:
        /* not ours to handle (deliveries belong to the consume loop) */
        if (ev->kind == MQ_EV_DELIVER && conn) {
            mq_message_release(conn, &ev->msg);
        }
        return 0;
    }
}

/* ---- wait loops ------------------------------------------------------- */

static void chan_wait(zend_execute_data *execute_data, zval *return_value, int kinds,
                      zend_class_entry *default_ce)
{
    static const char context[] = "Could not start wait loop for basic.return method.";
    double timeout = 0.0;
    php_mq_channel *ch;
    mq_event ev;
    int rc;
    double until = 0.0;
    bool resumed = false;

    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_DOUBLE(timeout)
    ZEND_PARSE_PARAMETERS_END();
    if (!(timeout >= 0)) {
        php_mq_throwf(mq_ce_AMQPChannelException, 0, "Timeout must be greater than or equal to zero.");
        RETURN_THROWS();
    }
    /* recovery (mq extension): a connection lost before this wait is
     * recovered by the check below; what was awaited can never come then */
    ch = php_mq_channel_from_obj(Z_OBJ_P(ZEND_THIS));
    mq_conn *before = ch->res && ch->res->recoverable ? ch->res->conn : NULL;
    for (;;) {
        /* checked again after every callback, which may close things */
        if (!(ch = php_mq_check_channel(ZEND_THIS, context))) {
            RETURN_THROWS();
        }
        if (before && ch->res->conn != before) {
            php_mq_throwf(mq_ce_AMQPConnectionException, 0,
                          "%s The connection was lost and recovered: publish again what was not confirmed.",
                          context);
            RETURN_THROWS();
        }
        memset(&ev, 0, sizeof(ev));
        /* the timeout applies to each wait (0: forever), a signal handler's
         * interruption included; frames of other kinds or channels are
         * queued by the core, never fatal (§7.7) */
        double left = timeout;
        if (timeout > 0 && resumed) {
            left = until - php_mq_now();
            if (left <= 0) {
                left = 1e-9; /* the wait still takes what is buffered */
            }
        } else if (timeout > 0) {
            until = php_mq_now() + timeout;
        }
        rc = mq_conn_wait_event(ch->res->conn, ch->id, kinds, left, &ev);
        resumed = false;
        if (rc == MQ_E_INTERRUPTED && EG(exception) == NULL) {
            /* a safe point: pending signal handlers run here, then the
             * checks above see whatever they closed */
            if (php_mq_safe_point() == FAILURE) {
                RETURN_THROWS();
            }
            resumed = true;
            continue;
        }
        if (rc == 0) {
            php_mq_throwf(mq_ce_AMQPQueueException, 0, "Wait timeout exceed");
            RETURN_THROWS();
        }
        if (rc < 0) {
            php_mq_channel_fail(ch, rc, default_ce);
            RETURN_THROWS();
        }
        if (ev.kind == MQ_EV_BLOCKED) {
            /* connection.blocked/unblocked: the connection's callback (mq
             * extension) runs here too, then the wait goes on */
            zval *conn = php_mq_slot(&ch->std, MQ_CHAN_PROP_CONNECTION);
            if (Z_TYPE_P(conn) == IS_OBJECT
                && php_mq_connection_notify_one(Z_OBJ_P(conn), ev.blocked, ev.reason) < 0) {
                RETURN_THROWS();
            }
            continue;
        }
        rc = php_mq_channel_dispatch(ch, &ev, 0);
        if (rc < 0) {
            RETURN_THROWS();
        }
        if (rc > 0) {
            return;
        }
    }
}

ZEND_METHOD(AMQPChannel, waitForConfirm)
{
    chan_wait(execute_data, return_value, MQ_EV_ACK | MQ_EV_NACK | MQ_EV_RETURN | MQ_EV_BLOCKED,
              mq_ce_AMQPChannelException);
}

ZEND_METHOD(AMQPChannel, waitForBasicReturn)
{
    /* channel errors here are AMQPQueueException (a quirk kept) */
    chan_wait(execute_data, return_value, MQ_EV_RETURN | MQ_EV_BLOCKED, mq_ce_AMQPQueueException);
}

/* ---- registration ----------------------------------------------------- */


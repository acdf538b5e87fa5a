/* SPDX-License-Identifier: MIT */
/*
 * AMQPQueue, receiving side: get(), consume() with its delivery loop,
 * ack/nack/reject and cancel().  consume() registers the consumer in the
 * channel's `consumers` property (tag => the AMQPQueue object), then waits
 * for events anywhere on the connection: deliveries go to the callback with
 * the queue object that registered the consumer, confirms and returns to
 * their channel's callbacks, and server cancels, channel closes, timeouts
 * and connection failures end the loop with an exception (docs/compatibility.md §3.3 and
 * §7.5-7.7).  An ack, nack or reject from a callback is written before
 * the call returns, as in php-amqp (tests/318).  mq extensions: the same loop in
 * non-blocking mode (consumeNonBlocking(): dispatch what is buffered or
 * readable now, then return), blocked notifications passed to the
 * connection's callback, and server cancels passed to the cancel callback
 * of the queue that started the consumer (setCancelCallback()).
 */
#include "mq_queue.h"
#include "mq_connection.h"

/* amqp.auto_ack applies only when $flags is omitted (explicit null: 0). */
static zend_long queue_default_flags(void)
{
    return INI_INT("amqp.auto_ack") ? MQ_FLAG_AUTOACK : 0;
}

/* ---- get --------------------------------------------------------------- */

ZEND_METHOD(AMQPQueue, get)
{
    zend_long flags = queue_default_flags();
    bool flags_null = false;
    zend_object *obj = Z_OBJ_P(ZEND_THIS);

    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG_OR_NULL(flags, flags_null)
    ZEND_PARSE_PARAMETERS_END();

    if (flags_null) {
        flags = 0;
    }
    php_mq_channel *ch = php_mq_queue_check(obj, "Could not get messages from queue.");
    if (!ch) {
        RETURN_THROWS();
    }
    mq_message m;
    int rc = mq_basic_get(ch->res->conn, ch->id, php_mq_slot_bytes(obj, MQ_QUEUE_PROP_NAME),
                          (flags & MQ_FLAG_AUTOACK) != 0, &m);
    if (rc < 0) {
        php_mq_channel_fail(ch, rc, mq_ce_AMQPQueueException);
        RETURN_THROWS();
    }
    if (rc == 0) {
        RETURN_NULL();
    }
    php_mq_channel_track_tag(ch, &m);
    if (php_mq_envelope_from_message(return_value, &m) == FAILURE) {
        RETURN_THROWS();
    }
}

/* ---- ack / nack / reject ------------------------------------------------ */

enum { QUEUE_ACK, QUEUE_NACK, QUEUE_REJECT };

static void queue_acknowledge(INTERNAL_FUNCTION_PARAMETERS, int kind)
{
    static const char *const contexts[] = {
        "Could not ack message.", "Could not nack message.", "Could not reject message."
    };
    zend_long tag, flags = 0;
    bool flags_null = true;

    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_LONG(tag)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG_OR_NULL(flags, flags_null)
    ZEND_PARSE_PARAMETERS_END();

    if (flags_null) {
        flags = 0;
    }
    php_mq_channel *ch = php_mq_queue_check(Z_OBJ_P(ZEND_THIS), contexts[kind]);
    if (!ch) {
        RETURN_THROWS();
    }
    mq_conn *c = ch->res->conn;
    bool multiple = (flags & MQ_FLAG_MULTIPLE) != 0;
    bool requeue = (flags & MQ_FLAG_REQUEUE) != 0;
    int rc;
    if (ch->tag_base > 0) {
        /* after a recovery (mq extension): tags of the lost connection
         * cannot be acknowledged any more; the new ones are offset */
        if ((uint64_t)tag <= ch->tag_base) {
            php_error_docref(NULL, E_NOTICE,
                             "%s Delivery tag " ZEND_LONG_FMT " is from before the connection was recovered; "
                             "the broker redelivers that message, dropped.", contexts[kind], tag);
            return;
        }
        tag = (zend_long)((uint64_t)tag - ch->tag_base);
    }
    switch (kind) {
    case QUEUE_ACK:
        rc = mq_basic_ack(c, ch->id, (uint64_t)tag, multiple);
        break;
    case QUEUE_NACK:
        rc = mq_basic_nack(c, ch->id, (uint64_t)tag, multiple, requeue);
        break;
    default:
        rc = mq_basic_reject(c, ch->id, (uint64_t)tag, requeue);
        break;
    }
    if (rc < 0 && ch->res->lost == false && ch->res->recoverable && !mq_conn_is_open(c)
        && php_mq_recovery_recoverable(mq_conn_error(c))) {
        /* the connection went down under the acknowledgement: recover it;
         * the tag is stale then (the broker redelivers the message) */
        php_mq_res_after_error(ch->res);
        if (php_mq_recovery_run_channel(ch) == FAILURE) {
            RETURN_THROWS();
        }
        php_error_docref(NULL, E_NOTICE,
                         "%s The connection was lost and recovered; the broker redelivers that message, dropped.",
                         contexts[kind]);
        return;
    }
    if (rc < 0) {
        php_mq_channel_fail(ch, rc, mq_ce_AMQPQueueException);
        RETURN_THROWS();
    }
}

ZEND_METHOD(AMQPQueue, ack)
{
    queue_acknowledge(INTERNAL_FUNCTION_PARAM_PASSTHRU, QUEUE_ACK);
}

ZEND_METHOD(AMQPQueue, nack)
{
    queue_acknowledge(INTERNAL_FUNCTION_PARAM_PASSTHRU, QUEUE_NACK);
}

ZEND_METHOD(AMQPQueue, reject)
{
    queue_acknowledge(INTERNAL_FUNCTION_PARAM_PASSTHRU, QUEUE_REJECT);
}

/* ---- consumer map ------------------------------------------------------- */

/* The AMQPQueue registered for tag in a channel's consumer map, or NULL. */
static zval *channel_consumer(php_mq_channel *ch, mq_bytes tag)
{
    zval *consumers = php_mq_slot(&ch->std, MQ_CHAN_PROP_CONSUMERS);
    if (Z_TYPE_P(consumers) != IS_ARRAY) {
        return NULL;
    }
    zval *queue = zend_symtable_str_find(Z_ARRVAL_P(consumers), tag.ptr ? tag.ptr : "", tag.len);
    if (queue) {
        ZVAL_DEREF(queue);
    }
    return queue && Z_TYPE_P(queue) == IS_OBJECT ? queue : NULL;
}

/* Removes tag from a channel's consumer map (if present). */
static void channel_remove_consumer(php_mq_channel *ch, mq_bytes tag)
{
    const char *p = tag.ptr ? tag.ptr : "";
    zval *consumers = php_mq_slot(&ch->std, MQ_CHAN_PROP_CONSUMERS);
    if (Z_TYPE_P(consumers) == IS_ARRAY && zend_symtable_str_find(Z_ARRVAL_P(consumers), p, tag.len)) {
        zend_symtable_str_del(php_mq_slot_array_for_write(&ch->std, MQ_CHAN_PROP_CONSUMERS), p, tag.len);
    }
}

/* Clears a queue's consumerTag when it equals tag. */
static void queue_forget_tag(zend_object *queue, mq_bytes tag)
{
    zval *own = php_mq_slot(queue, MQ_QUEUE_PROP_CONSUMER_TAG);
    if (Z_TYPE_P(own) == IS_STRING && Z_STRLEN_P(own) == tag.len
        && (tag.len == 0 || memcmp(Z_STRVAL_P(own), tag.ptr, tag.len) == 0)) {
        php_mq_slot_set_null(queue, MQ_QUEUE_PROP_CONSUMER_TAG);
    }
}

/* ---- the delivery loop -------------------------------------------------- */

/* The channel object with id `id` on res, or NULL. */
static php_mq_channel *res_channel(php_mq_conn_res *res, uint16_t id)
{
    if (!res->channels || id == 0 || id > res->channel_max) {
        return NULL;
    }
    return res->channels[id];
}

/* Throws AMQPEnvelopeException "Orphaned envelope" carrying env (taken). */
static void throw_orphaned_envelope(zval *env)
{
    zend_object *ex = zend_throw_exception(mq_ce_AMQPEnvelopeException, "Orphaned envelope", 0);
    zend_update_property(mq_ce_AMQPEnvelopeException, ex, "envelope", sizeof("envelope") - 1, env);
    zval_ptr_dtor(env);
}

/* Hands one delivery to the callback.  1: stop, 0: go on, -1: exception. */
static int consume_deliver(php_mq_conn_res *res, mq_event *ev, zend_fcall_info *fci,
                           zend_fcall_info_cache *fcc)
{
    php_mq_channel *ch = res_channel(res, ev->channel);
    if (!ch) {
        mq_message_release(res->conn, &ev->msg);
        zend_throw_exception(mq_ce_AMQPQueueException, "Orphaned channel. Please, report a bug.", 0);
        return -1;
    }
    /* Look the consumer up while the tag view is valid; hold the queue
     * object, the callback may cancel it and drop the map's reference. */
    zval params[2];
    zval *queue = channel_consumer(ch, ev->msg.consumer_tag);
    if (queue) {
        ZVAL_COPY(&params[1], queue);
    }
    php_mq_channel_track_tag(ch, &ev->msg);
    if (php_mq_envelope_from_message(&params[0], &ev->msg) == FAILURE) {
        if (queue) {
            zval_ptr_dtor(&params[1]);
        }
        return -1;
    }
    if (!queue) {
        throw_orphaned_envelope(&params[0]);
        return -1;
    }
    zval retval;
    ZVAL_UNDEF(&retval);
    fci->params = params;
    fci->param_count = 2;
    fci->retval = &retval;
    zend_call_function(fci, fcc);
    zval_ptr_dtor(&params[0]);
    zval_ptr_dtor(&params[1]);
    int result = Z_TYPE(retval) == IS_FALSE ? 1 : 0;
    zval_ptr_dtor(&retval);
    return EG(exception) ? -1 : result;
}

/* A consumer cancelled by the server (basic.cancel, e.g. its queue was
 * deleted): forget it, then call the cancel callback of the queue that
 * registered it (mq extension) or, without one, report it as an
 * AMQPQueueException (mq improvement; the peer does not handle server
 * cancels).  The channel stays open.  1: stop, 0: go on, -1: exception. */
static int consume_server_cancel(php_mq_conn_res *res, mq_event *ev)
{
    /* the tag is a view: copy it before PHP code can run */
    zend_string *tag = zend_string_init(ev->consumer_tag.ptr ? ev->consumer_tag.ptr : "",
                                        ev->consumer_tag.len, 0);
    mq_bytes tb = mq_bytes_of(ZSTR_VAL(tag), ZSTR_LEN(tag));
    php_mq_channel *ch = res_channel(res, ev->channel);
    zval queue;
    ZVAL_UNDEF(&queue);
    if (ch) {
        zval *q = channel_consumer(ch, tb);
        if (q) {
            ZVAL_COPY(&queue, q); /* held: the map lets go of it below */
            queue_forget_tag(Z_OBJ(queue), tb);
        }
        channel_remove_consumer(ch, tb);
        if (PHP_MQ_RECORDING(ch)) {
            php_mq_recovery_note_consumer(ch, false, tb, mq_bytes_of(NULL, 0), false, false, false,
                                          mq_bytes_of(NULL, 0));
        }
    }
    int result = -1;
    if (!Z_ISUNDEF(queue) && !Z_ISUNDEF(php_mq_queue_from_obj(Z_OBJ(queue))->cancel_cb)) {
        zval params[2], retval, cb;
        ZVAL_STR_COPY(&params[0], tag);
        ZVAL_COPY_VALUE(&params[1], &queue);
        ZVAL_COPY(&cb, &php_mq_queue_from_obj(Z_OBJ(queue))->cancel_cb);
        ZVAL_UNDEF(&retval);
        call_user_function(NULL, NULL, &cb, &retval, 2, params);
        result = EG(exception) ? -1 : (Z_TYPE(retval) == IS_FALSE ? 1 : 0);
        zval_ptr_dtor(&retval);
        zval_ptr_dtor(&cb);
        zval_ptr_dtor(&params[0]);
    } else {
        php_mq_throwf(mq_ce_AMQPQueueException, 0, "Consumer '%s' was cancelled by the server.",
                      ZSTR_VAL(tag));
    }
    zval_ptr_dtor(&queue);
    zend_string_release(tag);
    return result;
}

/* One event of the loop.  1: stop, 0: go on, -1: exception pending. */
static int consume_event(php_mq_conn_res *res, zend_object *conn_obj, mq_event *ev,
                         zend_fcall_info *fci, zend_fcall_info_cache *fcc)
{
    php_mq_channel *ch;

    switch (ev->kind) {
    case MQ_EV_DELIVER:
        return consume_deliver(res, ev, fci, fcc);
    case MQ_EV_CANCEL:
        return consume_server_cancel(res, ev);
    case MQ_EV_BLOCKED:
        /* the wait took this notice; the ones read meanwhile follow it */
        return php_mq_connection_notify_one(conn_obj, ev->blocked, ev->reason) < 0 ? -1 : 0;
    default: /* ack, nack, return: their channel's callbacks; the loop goes on (§7.7) */
        ch = res_channel(res, ev->channel);
        if (!ch) {
            if (ev->kind == MQ_EV_RETURN) {
                mq_message_release(res->conn, &ev->msg);
            }
            return 0;
        }
        return php_mq_channel_dispatch(ch, ev, 0) < 0 ? -1 : 0;
    }
}

/* Runs the delivery loop until the callback stops it or an error/timeout
 * throws.  ch is the consuming queue's channel, conn_obj its connection.
 * nonblock (consumeNonBlocking()): never waits; the loop ends without an
 * exception once nothing is buffered or readable.  Returns the number of
 * deliveries handed to the callback. */
static zend_long consume_loop(php_mq_channel *ch, zend_object *conn_obj, zend_fcall_info *fci,
                              zend_fcall_info_cache *fcc, bool nonblock)
{
    zend_long delivered = 0;
    php_mq_conn_res *res = ch->res; /* the channel holds a reference to it */
    mq_conn *c = res->conn;
    /* The read timeout at call time, applied per wait (0: forever). */
    zval *rt = php_mq_slot(conn_obj, MQ_CONN_PROP_READ_TIMEOUT);
    double timeout = Z_TYPE_P(rt) == IS_DOUBLE ? Z_DVAL_P(rt) : 0.0;

    /* Whatever the callbacks and signal handlers do (close the
     * connection, construct the channel again), the channel, the
     * connection object and res stay alive until the loop is left. */
    GC_ADDREF(&ch->std);
    GC_ADDREF(conn_obj);
    php_mq_res_addref(res);
    for (;;) {
        mq_event ev;
        /* < 0: only what is buffered or readable now (heartbeats serviced) */
        int rc = mq_conn_wait_event(c, 0, MQ_EV_ANY | MQ_EV_BLOCKED, nonblock ? -1.0 : timeout, &ev);
        if (rc == 0) {
            if (!nonblock) {
                zend_throw_exception(mq_ce_AMQPQueueException, "Consumer timeout exceed", 0);
            }
            break;
        }
        if (rc == MQ_E_INTERRUPTED && !EG(exception)) {
            /* The safe point: pending signal handlers run here, with no
             * core call in progress.  A handler that closed the connection
             * (the graceful-shutdown pattern: disconnect() on SIGTERM) ends
             * the loop without an exception. */
            if (php_mq_safe_point() == FAILURE) {
                break;
            }
            if (!php_mq_res_is_open(res) && !res->lost) {
                break;
            }
            if (res->conn != c && res->conn) {
                c = res->conn;
            }
            continue;
        }
        if (rc < 0) {
            if (rc == MQ_E_INTERRUPTED) {
                break; /* a handler threw */
            }
            if (res->recoverable && !mq_conn_is_open(c) && php_mq_recovery_recoverable(mq_conn_error(c))) {
                /* mq extension: recover and go on consuming */
                php_mq_res_after_error(res);
                if (php_mq_recovery_run(res, php_mq_slot(&ch->std, MQ_CHAN_PROP_CONNECTION)) == FAILURE) {
                    break;
                }
                if (res->lost || !php_mq_res_is_open(res)) {
                    zend_throw_exception(mq_ce_AMQPChannelException,
                                         "Could not get channel. No channel available.", 0);
                    break;
                }
                c = res->conn;
                continue;
            }
            /* Channel closes come as AMQPQueueException with the real code
             * and text; connection failures as the class php_mq_throw picks. */
            php_mq_throw(mq_conn_error(c), rc, mq_ce_AMQPQueueException);
            php_mq_res_after_error(res);
            break;
        }
        if (ev.kind == MQ_EV_DELIVER) {
            delivered++;
        }
        if (consume_event(res, conn_obj, &ev, fci, fcc) != 0) {
            break;
        }
        /* The callback may have closed (or reopened) the connection: its
         * channels are gone, which docs/compatibility.md §3.0 reports as the channel's
         * absence. */
        if (res->conn != c && res->lost) {
            /* an ack from the callback saw the connection go down */
            if (php_mq_recovery_run(res, php_mq_slot(&ch->std, MQ_CHAN_PROP_CONNECTION)) == FAILURE) {
                break;
            }
        }
        if (!php_mq_res_is_open(res)) {
            zend_throw_exception(mq_ce_AMQPChannelException,
                                 "Could not get channel. No channel available.", 0);
            break;
        }
        if (res->conn != c) {
            /* recovered meanwhile (mq extension): the same resource, a new connection */
            c = res->conn;
        }
    }
    php_mq_res_release(res);
    OBJ_RELEASE(conn_obj);
    OBJ_RELEASE(&ch->std);
    return delivered;
}

/* basic.consume failures are always AMQPQueueException (code = reply code),
 * even for connection-level errors, like the peer's; except a heartbeat
 * timeout, which is AMQPConnectionException wherever it is seen (§7.20). */
static void consume_fail(php_mq_channel *ch, int rc)
{
    php_mq_channel_fail(ch, rc, mq_ce_AMQPQueueException);
    zend_object *ex = EG(exception);
    if (!ex || rc == MQ_E_HEARTBEAT || instanceof_function(ex->ce, mq_ce_AMQPQueueException)
        || !instanceof_function(ex->ce, mq_ce_AMQPException)) {
        return;
    }
    zval rv1, rv2;
    zval *msg = zend_read_property_ex(zend_ce_exception, ex, ZSTR_KNOWN(ZEND_STR_MESSAGE), 1, &rv1);
    zval *code = zend_read_property_ex(zend_ce_exception, ex, ZSTR_KNOWN(ZEND_STR_CODE), 1, &rv2);
    zend_string *text = zval_get_string(msg);
    zend_long num = zval_get_long(code);
    GC_ADDREF(ex);
    zend_clear_exception();
    zend_throw_exception(mq_ce_AMQPQueueException, ZSTR_VAL(text), num);
    zend_string_release(text);
    OBJ_RELEASE(ex);
}

ZEND_METHOD(AMQPQueue, consume)
{
    zend_fcall_info fci = empty_fcall_info;
    zend_fcall_info_cache fcc = empty_fcall_info_cache;
    zend_long flags = queue_default_flags();
    bool flags_null = false;
    zend_string *tag = NULL;
    zend_object *obj = Z_OBJ_P(ZEND_THIS);

    ZEND_PARSE_PARAMETERS_START(0, 3)
        Z_PARAM_OPTIONAL
        Z_PARAM_FUNC_OR_NULL(fci, fcc)
        Z_PARAM_LONG_OR_NULL(flags, flags_null)
        Z_PARAM_STR_OR_NULL(tag)
    ZEND_PARSE_PARAMETERS_END();

    if (flags_null) {
        flags = 0;
    }
    if (!(flags & MQ_FLAG_JUST_CONSUME)
        && php_mq_check_shortstr(tag, mq_ce_AMQPQueueException, "Could not get channel.", "consumer tag") == FAILURE) {
        RETURN_THROWS();
    }
    php_mq_channel *ch = php_mq_queue_check(obj, "Could not get channel.");
    if (!ch) {
        RETURN_THROWS();
    }

    if (!(flags & MQ_FLAG_JUST_CONSUME)) {
        mq_wbuf w;
        mq_bytes args = mq_bytes_of(NULL, 0);
        zval *arguments = php_mq_slot(obj, MQ_QUEUE_PROP_ARGUMENTS);
        mq_wbuf_init(&w);
        /* The conversion may run PHP code (AMQPValue): check again after it. */
        if (Z_TYPE_P(arguments) == IS_ARRAY
            && (php_mq_encode_table(&w, Z_ARRVAL_P(arguments), &args) == FAILURE
                || !(ch = php_mq_queue_check(obj, "Could not get channel.")))) {
            mq_wbuf_free(&w);
            RETURN_THROWS();
        }
        mq_bytes confirmed;
        int rc = mq_basic_consume(ch->res->conn, ch->id, php_mq_slot_bytes(obj, MQ_QUEUE_PROP_NAME),
                                  tag ? mq_bytes_of(ZSTR_VAL(tag), ZSTR_LEN(tag)) : mq_bytes_of(NULL, 0),
                                  (flags & MQ_FLAG_NOLOCAL) != 0, (flags & MQ_FLAG_AUTOACK) != 0,
                                  php_mq_slot_bool(obj, MQ_QUEUE_PROP_EXCLUSIVE), args, &confirmed);
        if (rc >= 0 && PHP_MQ_RECORDING(ch)) {
            php_mq_recovery_note_consumer(ch, true, confirmed, php_mq_slot_bytes(obj, MQ_QUEUE_PROP_NAME),
                                          (flags & MQ_FLAG_NOLOCAL) != 0, (flags & MQ_FLAG_AUTOACK) != 0,
                                          php_mq_slot_bool(obj, MQ_QUEUE_PROP_EXCLUSIVE), args);
        }
        mq_wbuf_free(&w);
        if (rc < 0) {
            consume_fail(ch, rc);
            RETURN_THROWS();
        }
        /* consumers[tag] = $this on the channel; consumerTag = tag. */
        zend_string *ctag = zend_string_init(confirmed.ptr ? confirmed.ptr : "", confirmed.len, 0);
        zval self;
        ZVAL_OBJ_COPY(&self, obj);
        zend_symtable_update(php_mq_slot_array_for_write(&ch->std, MQ_CHAN_PROP_CONSUMERS), ctag, &self);
        zval ztag;
        ZVAL_STR(&ztag, ctag);
        php_mq_slot_move(obj, MQ_QUEUE_PROP_CONSUMER_TAG, &ztag);
    }

    if (!ZEND_FCI_INITIALIZED(fci)) {
        return;
    }
    zval *conn = php_mq_slot(obj, MQ_QUEUE_PROP_CONNECTION);
    if (Z_TYPE_P(conn) != IS_OBJECT) {
        zend_throw_exception(mq_ce_AMQPConnectionException,
                             "Could not get channel. Stale reference to the connection object.", 0);
        RETURN_THROWS();
    }
    consume_loop(ch, Z_OBJ_P(conn), &fci, &fcc, false);
    if (EG(exception)) {
        RETURN_THROWS();
    }
}

/* ---- mq extensions: non-blocking consume, server cancel callback ---------- */

ZEND_METHOD(AMQPQueue, consumeNonBlocking)
{
    zend_fcall_info fci = empty_fcall_info;
    zend_fcall_info_cache fcc = empty_fcall_info_cache;
    zend_object *obj = Z_OBJ_P(ZEND_THIS);

    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_FUNC(fci, fcc)
    ZEND_PARSE_PARAMETERS_END();

    php_mq_channel *ch = php_mq_queue_check(obj, "Could not get channel.");
    if (!ch) {
        RETURN_THROWS();
    }
    zval *conn = php_mq_slot(obj, MQ_QUEUE_PROP_CONNECTION);
    if (Z_TYPE_P(conn) != IS_OBJECT) {
        zend_throw_exception(mq_ce_AMQPConnectionException,
                             "Could not get channel. Stale reference to the connection object.", 0);
        RETURN_THROWS();
    }
    zend_long n = consume_loop(ch, Z_OBJ_P(conn), &fci, &fcc, true);
    if (EG(exception)) {
        RETURN_THROWS();
    }
    RETURN_LONG(n);
}

ZEND_METHOD(AMQPQueue, setCancelCallback)
{
    zend_fcall_info fci = empty_fcall_info;
    zend_fcall_info_cache fcc = empty_fcall_info_cache;
    php_mq_queue *q = php_mq_queue_from_obj(Z_OBJ_P(ZEND_THIS));

    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_FUNC_OR_NULL(fci, fcc)
    ZEND_PARSE_PARAMETERS_END();

    php_mq_callback_store(&q->cancel_cb, &fci);
}

/* ---- cancel ---------------------------------------------------------------- */

ZEND_METHOD(AMQPQueue, cancel)
{
    zend_string *tag = NULL;
    zend_object *obj = Z_OBJ_P(ZEND_THIS);

    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_STR(tag)
    ZEND_PARSE_PARAMETERS_END();

    if (php_mq_check_shortstr(tag, mq_ce_AMQPQueueException, "Could not cancel queue.", "consumer tag") == FAILURE) {
        RETURN_THROWS();
    }
    php_mq_channel *ch = php_mq_queue_check(obj, "Could not cancel queue.");
    if (!ch) {
        RETURN_THROWS();
    }
    zval *own = php_mq_slot(obj, MQ_QUEUE_PROP_CONSUMER_TAG);
    bool have_own = Z_TYPE_P(own) == IS_STRING && Z_STRLEN_P(own) > 0;
    mq_bytes cancel_tag;
    bool clear_own;
    if (tag && ZSTR_LEN(tag) > 0) {
        cancel_tag = mq_bytes_of(ZSTR_VAL(tag), ZSTR_LEN(tag));
        clear_own = have_own && zend_string_equals(Z_STR_P(own), tag);
    } else if (have_own) {
        cancel_tag = mq_bytes_of(Z_STRVAL_P(own), Z_STRLEN_P(own));
        clear_own = true;
    } else {
        return; /* nothing to cancel: no wire traffic */
    }
    mq_bytes confirmed;
    int rc = mq_basic_cancel(ch->res->conn, ch->id, cancel_tag, &confirmed);
    if (rc < 0) {
        php_mq_channel_fail(ch, rc, mq_ce_AMQPQueueException);
        RETURN_THROWS();
    }
    /* The confirmed tag is a view into the connection's buffer: copy it
     * before PHP code (a destructor) can run. */
    zend_string *done = zend_string_init(confirmed.ptr ? confirmed.ptr : "", confirmed.len, 0);
    if (PHP_MQ_RECORDING(ch)) {
        php_mq_recovery_note_consumer(ch, false, mq_bytes_of(ZSTR_VAL(done), ZSTR_LEN(done)),
                                      mq_bytes_of(NULL, 0), false, false, false, mq_bytes_of(NULL, 0));
    }
    if (clear_own) {
        php_mq_slot_set_null(obj, MQ_QUEUE_PROP_CONSUMER_TAG);
    }
    channel_remove_consumer(ch, mq_bytes_of(ZSTR_VAL(done), ZSTR_LEN(done)));
    zend_string_release(done);
}

/* SPDX-License-Identifier: MIT */
/*
 * Automatic connection recovery (mq extension, opt-in with the credentials
 * key 'recovery').  A connection with recovery on records what it declares
 * (exchanges, queues, bindings) and the consumers it starts.  When it fails
 * at the network level (socket error or reset, heartbeat loss, a broker
 * restart or `rabbitmqctl close_connection`: connection.close 320), the
 * binding marks its resource "lost" instead of forgetting its channels; the
 * next call on one of its channels (or, inside consume(), the loop itself)
 * recovers it: reconnect with exponential backoff (the host list walked
 * from the node after the failed one), reopen every channel under its old
 * id with its qos and confirm mode, redeclare the recorded topology on a
 * temporary channel (server-named queues get new names, which rename the
 * bindings, consumers and consuming AMQPQueue objects that used them), and
 * re-register the consumers under their tags, so a worker's consume() loop
 * goes on.  Delivery tags stay increasing across a recovery (each channel
 * adds the highest tag it handed out before); acknowledging a tag from
 * before the failure is dropped with a notice instead of closing the new
 * channel.  Every step is reported to the recovery callback
 * (AMQPConnection::setRecoveryCallback()).  A failure that recovery cannot
 * fix (login refused, a queue that can no longer be declared) ends in the
 * usual exception; running out of time ends in an AMQPConnectionException
 * and the next call tries again.
 */
#include "mq_recovery.h"
#include "mq_connection.h"
#include "mq_queue.h"

#include <math.h>
#include <time.h>
#include <unistd.h>

/* ---- failure classification ---------------------------------------------- */

bool php_mq_recovery_recoverable(const mq_error *err)
{
    switch (err->code) {
    case MQ_E_SOCKET:
    case MQ_E_CLOSED:
    case MQ_E_TIMEOUT:
    case MQ_E_HEARTBEAT:
        return true;
    case MQ_E_CONNECTION_CLOSED:
        /* CONNECTION_FORCED (broker shutdown, close_connection) and
         * INTERNAL_ERROR; not the refusals or protocol errors */
        return err->reply_code == 320 || err->reply_code == 541;
    default:
        return false;
    }
}

/* ---- the recovery ----------------------------------------------------------- */

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Sleeps `seconds`, running signal handlers as the VM would; false when
 * one threw (or the request timed out). */
static bool recovery_sleep(double seconds)
{
    double end = now_seconds() + seconds;
    for (;;) {
        double left = end - now_seconds();
        if (left <= 0) {
            return true;
        }
        usleep((useconds_t)(MIN(left, 0.1) * 1e6));
        if (php_mq_safe_point() == FAILURE) {
            return false;
        }
    }
}

/* Calls the recovery callback with (event, info); info is taken.  false
 * when the callback threw. */
static bool emit(php_mq_recovery *r, const char *event, zval *info)
{
    zval params[2], retval, cb;

    if (Z_ISUNDEF(r->callback)) {
        zval_ptr_dtor(info);
        return true;
    }
    ZVAL_STRING(&params[0], event);
    ZVAL_COPY_VALUE(&params[1], info);
    ZVAL_COPY(&cb, &r->callback); /* the callback may replace itself */
    ZVAL_UNDEF(&retval);
    call_user_function(NULL, NULL, &cb, &retval, 2, params);
    zval_ptr_dtor(&retval);
    zval_ptr_dtor(&cb);
    zval_ptr_dtor(&params[0]);
    zval_ptr_dtor(&params[1]);
    return !EG(exception);
}

/* The message (a copy) and *code of the pending exception, which stays
 * pending. */
static zend_string *exception_message(zend_long *code)
{
    zval rv1, rv2;
    zend_object *ex = EG(exception);
    zval *msg = zend_read_property_ex(ex->ce, ex, ZSTR_KNOWN(ZEND_STR_MESSAGE), 1, &rv1);
    zval *cz = zend_read_property_ex(ex->ce, ex, ZSTR_KNOWN(ZEND_STR_CODE), 1, &rv2);
    *code = zval_get_long(cz);
    return zval_get_string(msg);
}

/* The new name of a queue renamed by this recovery, or name itself. */
static zend_string *renamed(HashTable *renames, zend_string *name)
{
    zval *zv = renames ? zend_hash_find(renames, name) : NULL;
    return zv ? Z_STR_P(zv) : name;
}

static mq_bytes zbytes(const zend_string *s)
{
    return s ? mq_bytes_of(ZSTR_VAL(s), ZSTR_LEN(s)) : mq_bytes_of(NULL, 0);
}

/* The server-named queue `old` is now called `new_name`: consuming queue
 * objects on the channels of res follow. */
static void rename_consuming_queues(php_mq_conn_res *res, zend_string *old, zend_string *new_name)
{
    for (uint32_t id = 1; id <= res->channel_max; id++) {
        php_mq_channel *ch = res->channels[id];
        zval *consumers, *q;
        if (!ch) {
            continue;
        }
        consumers = OBJ_PROP_NUM(&ch->std, MQ_CHAN_PROP_CONSUMERS);
        ZVAL_DEREF(consumers);
        if (Z_TYPE_P(consumers) != IS_ARRAY) {
            continue;
        }
        ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(consumers), q) {
            ZVAL_DEREF(q);
            if (Z_TYPE_P(q) == IS_OBJECT) {
                zval *name = php_mq_slot(Z_OBJ_P(q), MQ_QUEUE_PROP_NAME);
                if (Z_TYPE_P(name) == IS_STRING && zend_string_equals(Z_STR_P(name), old)) {
                    php_mq_slot_set_str(Z_OBJ_P(q), MQ_QUEUE_PROP_NAME, new_name);
                }
            }
        } ZEND_HASH_FOREACH_END();
    }
}

/* The consumer map of channel ch still has tag (it was not cancelled). */
static bool consumer_registered(php_mq_channel *ch, zend_string *tag)
{
    zval *consumers = OBJ_PROP_NUM(&ch->std, MQ_CHAN_PROP_CONSUMERS);
    ZVAL_DEREF(consumers);
    return Z_TYPE_P(consumers) == IS_ARRAY && zend_symtable_find(Z_ARRVAL_P(consumers), tag) != NULL;
}

/* Step results: OK, RETRY (the new connection failed too: reconnect
 * again), FAIL (exception thrown, recovery ends). */
enum { STEP_OK = 0, STEP_RETRY = 1, STEP_FAIL = -1 };

/* After a failed core call during recovery: RETRY when the new connection
 * went down again in a recoverable way, else FAIL with the exception. */
static int step_failed(mq_conn *c, int rc, zend_class_entry *ce)
{
    const mq_error *err = mq_conn_error(c);
    if (!mq_conn_is_open(c) && php_mq_recovery_recoverable(err)) {
        return STEP_RETRY;
    }
    php_mq_throw(err, rc, ce);
    return STEP_FAIL;
}

/* Reopens the channels that were open when the connection was lost
 * (`closed` marks the ones the server had closed: they stay closed). */
static int reopen_channels(php_mq_recovery *r, php_mq_conn_res *res, const uint8_t *closed)
{
    mq_conn *c = res->conn;
    for (uint32_t id = 1; id <= res->channel_max; id++) {
        php_mq_channel *ch = res->channels[id];
        zend_object *o;
        zval info;
        int rc;
        if (!ch || closed[id]) {
            continue;
        }
        o = &ch->std;
        rc = mq_channel_open_id(c, (uint16_t)id);
        if (rc >= 0) {
            zval *pc = OBJ_PROP_NUM(o, MQ_CHAN_PROP_PREFETCH_COUNT);
            zval *gs = OBJ_PROP_NUM(o, MQ_CHAN_PROP_GLOBAL_PREFETCH_SIZE);
            zval *gc = OBJ_PROP_NUM(o, MQ_CHAN_PROP_GLOBAL_PREFETCH_COUNT);
            rc = mq_basic_qos(c, (uint16_t)id, 0, (uint16_t)zval_get_long(pc), false);
            if (rc >= 0 && (zval_get_long(gs) || zval_get_long(gc))) {
                rc = mq_basic_qos(c, (uint16_t)id, (uint32_t)zval_get_long(gs), (uint16_t)zval_get_long(gc), true);
            }
        }
        if (rc >= 0 && ch->confirm_mode) {
            rc = mq_confirm_select(c, (uint16_t)id);
        }
        if (rc < 0) {
            return step_failed(c, rc, mq_ce_AMQPChannelException);
        }
        /* tags of the lost connection can no longer be acknowledged */
        ch->tag_base = ch->last_tag;
        array_init(&info);
        add_assoc_long(&info, "channel", (zend_long)id);
        if (!emit(r, "channel", &info)) {
            return STEP_FAIL;
        }
    }
    return STEP_OK;
}

static int redeclare(php_mq_recovery *r, php_mq_conn_res *res, HashTable *renames)
{
    mq_conn *c = res->conn;
    uint16_t tmp = 0;
    int rc = mq_channel_open(c, &tmp);
    if (rc < 0) {
        return step_failed(c, rc, mq_ce_AMQPChannelException);
    }
    for (uint32_t i = 0; i < r->n; i++) {
        mq_topo *t = &r->items[i];
        zend_class_entry *ce = mq_ce_AMQPQueueException;
        const char *event = NULL;
        zval info;
        switch (t->kind) {
        case TOPO_EXCHANGE:
            ce = mq_ce_AMQPExchangeException;
            rc = mq_exchange_declare(c, tmp, zbytes(t->s[0]), zbytes(t->s[1]), false, t->flags & TOPO_DURABLE,
                                     t->flags & TOPO_AUTO_DELETE, t->flags & TOPO_INTERNAL, zbytes(t->args));
            event = "exchange";
            array_init(&info);
            add_assoc_str(&info, "exchange", zend_string_copy(t->s[0]));
            break;
        case TOPO_QUEUE: {
            mq_bytes name_out;
            uint32_t messages, consumers;
            bool server_named = t->flags & TOPO_SERVER_NAMED;
            rc = mq_queue_declare(c, tmp, server_named ? mq_bytes_of(NULL, 0) : zbytes(t->s[0]), false,
                                  t->flags & TOPO_DURABLE, t->flags & TOPO_EXCLUSIVE, t->flags & TOPO_AUTO_DELETE,
                                  zbytes(t->args), &name_out, &messages, &consumers);
            if (rc < 0) {
                break;
            }
            event = "queue";
            array_init(&info);
            add_assoc_str(&info, "queue", bstr(name_out));
            add_assoc_str(&info, "previous", zend_string_copy(t->s[0]));
            if (server_named && !str_is(t->s[0], name_out)) {
                zval nz;
                ZVAL_STR(&nz, bstr(name_out));
                zend_hash_update(renames, t->s[0], &nz);
                rename_consuming_queues(res, t->s[0], Z_STR(nz));
                php_mq_recovery_remember_rename(r, t->s[0], Z_STR(nz));
                zend_string_release(t->s[0]);
                t->s[0] = zend_string_copy(Z_STR(nz));
            }
            break;
        }
        case TOPO_QUEUE_BIND:
        case TOPO_EXCHANGE_BIND: {
            zend_string *dest = t->kind == TOPO_QUEUE_BIND ? renamed(renames, t->s[0]) : t->s[0];
            if (dest != t->s[0]) {
                zend_string_release(t->s[0]);
                t->s[0] = zend_string_copy(dest);
            }
            ce = t->kind == TOPO_QUEUE_BIND ? mq_ce_AMQPQueueException : mq_ce_AMQPExchangeException;
            rc = t->kind == TOPO_QUEUE_BIND
                     ? mq_queue_bind(c, tmp, zbytes(t->s[0]), zbytes(t->s[1]), zbytes(t->s[2]), zbytes(t->args))
                     : mq_exchange_bind(c, tmp, zbytes(t->s[0]), zbytes(t->s[1]), zbytes(t->s[2]), zbytes(t->args));
            event = "binding";
            array_init(&info);
            add_assoc_string(&info, "type", t->kind == TOPO_QUEUE_BIND ? "queue" : "exchange");
            add_assoc_str(&info, "destination", zend_string_copy(t->s[0]));
            add_assoc_str(&info, "source", zend_string_copy(t->s[1]));
            add_assoc_str(&info, "routing_key", zend_string_copy(t->s[2]));
            break;
        }
        default:
            continue; /* consumers come after the channels' topology */
        }
        if (rc < 0) {
            if (event) {
                zval_ptr_dtor(&info);
            }
            return step_failed(c, rc, ce);
        }
        if (!emit(r, event, &info)) {
            return STEP_FAIL;
        }
    }
    rc = mq_channel_close(c, tmp);
    return rc < 0 ? step_failed(c, rc, mq_ce_AMQPChannelException) : STEP_OK;
}

static int reconsume(php_mq_recovery *r, php_mq_conn_res *res, HashTable *renames)
{
    mq_conn *c = res->conn;
    for (uint32_t i = 0; i < r->n; i++) {
        mq_topo *t = &r->items[i];
        php_mq_channel *ch;
        mq_bytes confirmed;
        zend_string *queue;
        zval info;
        int rc;
        if (t->kind != TOPO_CONSUMER) {
            continue;
        }
        ch = t->channel <= res->channel_max ? res->channels[t->channel] : NULL;
        if (!ch || !consumer_registered(ch, t->s[1])) {
            continue; /* its channel or the consumer is gone; dropped below */
        }
        queue = renamed(renames, t->s[0]);
        if (queue != t->s[0]) {
            zend_string_release(t->s[0]);
            t->s[0] = zend_string_copy(queue);
        }
        rc = mq_basic_consume(c, t->channel, zbytes(t->s[0]), zbytes(t->s[1]), t->flags & TOPO_NO_LOCAL,
                              t->flags & TOPO_NO_ACK, t->flags & TOPO_EXCLUSIVE, zbytes(t->args), &confirmed);
        if (rc < 0) {
            return step_failed(c, rc, mq_ce_AMQPQueueException);
        }
        array_init(&info);
        add_assoc_long(&info, "channel", t->channel);
        add_assoc_str(&info, "consumer_tag", zend_string_copy(t->s[1]));
        add_assoc_str(&info, "queue", zend_string_copy(t->s[0]));
        if (!emit(r, "consumer", &info)) {
            return STEP_FAIL;
        }
    }
    return STEP_OK;
}

static bool drop_stale_consumer(const mq_topo *t, const void *arg)
{
    const php_mq_conn_res *res = arg;
    php_mq_channel *ch;
    if (t->kind != TOPO_CONSUMER) {
        return false;
    }
    ch = t->channel <= res->channel_max ? res->channels[t->channel] : NULL;
    return !ch || !consumer_registered(ch, t->s[1]);
}

/* Reports a final failure to the callback, the exception set aside
 * meanwhile (an exception from the callback replaces it). */
static void emit_failed(php_mq_recovery *r)
{
    zend_object *ex = EG(exception);
    zend_long code;
    zend_string *msg;
    zval info, ez;

    if (Z_ISUNDEF(r->callback) || !ex) {
        return;
    }
    msg = exception_message(&code);
    GC_ADDREF(ex);
    zend_clear_exception();
    array_init(&info);
    add_assoc_str(&info, "error", msg);
    add_assoc_long(&info, "code", code);
    if (emit(r, "failed", &info)) {
        ZVAL_OBJ(&ez, ex);
        zend_throw_exception_object(&ez);
    } else {
        OBJ_RELEASE(ex);
    }
}

/* One attempt to open a new connection failed (exception pending):
 * 1 to try again after the delay, 0 to give up (exception pending). */
static int attempt_failed(php_mq_recovery *r, php_mq_conn_res *res, zend_long attempts, double start,
                          double delay)
{
    zend_long code = 0;
    zend_string *msg;
    zval info;

    if (!EG(exception) || !instanceof_function(EG(exception)->ce, mq_ce_AMQPConnectionException)) {
        return 0; /* e.g. a signal handler threw: that is the error */
    }
    msg = exception_message(&code);
    if (code == 402 || code == 403 || code == 530) {
        res->lost = false; /* refused: retrying cannot help */
        zend_string_release(msg);
        return 0;
    }
    zend_clear_exception();
    if (r->timeout > 0 && now_seconds() - start + delay > r->timeout) {
        php_mq_throwf(mq_ce_AMQPConnectionException, 0, "Could not recover the connection after %ld attempts: %s",
                      (long)attempts, ZSTR_VAL(msg));
        zend_string_release(msg);
        return 0;
    }
    array_init(&info);
    add_assoc_long(&info, "attempt", attempts);
    add_assoc_str(&info, "error", msg);
    add_assoc_double(&info, "delay", delay);
    return emit(r, "retry", &info) && recovery_sleep(delay) ? 1 : 0;
}

/* Reconnects (with backoff) and restores channels, topology and consumers.
 * SUCCESS, or FAILURE with an exception thrown. */
static zend_result recover(zend_object *conn_obj, php_mq_connection *c, php_mq_conn_res *res)
{
    php_mq_recovery *r = c->recovery;
    double start = now_seconds(), delay = r->interval;
    HashTable renames;
    zend_long attempts = 0;
    uint8_t *closed;
    bool report = true;
    zval info;

    array_init(&info);
    add_assoc_string(&info, "error", res->lost_error ? ZSTR_VAL(res->lost_error) : "");
    if (!emit(r, "lost", &info)) {
        return FAILURE;
    }
    /* channels the server had closed before the loss stay closed */
    closed = ecalloc((size_t)res->channel_max + 1, 1);
    for (uint32_t id = 1; id <= res->channel_max; id++) {
        closed[id] = res->channels[id] && res->conn && mq_channel_error(res->conn, (uint16_t)id)->reply_code != 0;
    }
    zend_hash_init(&renames, 8, NULL, ZVAL_PTR_DTOR, 0);
    for (;;) {
        mq_conn *nc;
        int step;
        attempts++;
        nc = php_mq_connection_open_core(conn_obj, false, true);
        if (!nc) {
            if (attempt_failed(r, res, attempts, start, delay)) {
                delay = MIN(delay * 2, r->max_interval);
                continue;
            }
            break;
        }
        /* the new connection replaces the lost one under the same resource */
        if (res->conn) {
            mq_conn_drop_events(res->conn, 0);
            mq_conn_free(res->conn);
        }
        res->conn = nc;
        if (php_mq_res_heartbeat_thread(res, c->heartbeat_thread) == FAILURE) {
            break;
        }
        array_init(&info);
        add_assoc_long(&info, "attempt", attempts);
        add_assoc_str(&info, "host", zval_get_string(php_mq_conn_slot(conn_obj, MQ_CONN_PROP_HOST)));
        add_assoc_long(&info, "port", php_mq_conn_long(conn_obj, MQ_CONN_PROP_PORT));
        if (!emit(r, "connected", &info)) {
            report = false;
            break;
        }
        step = reopen_channels(r, res, closed);
        if (step == STEP_OK) {
            step = redeclare(r, res, &renames);
        }
        if (step == STEP_OK) {
            step = reconsume(r, res, &renames);
        }
        if (step == STEP_RETRY) {
            continue;
        }
        if (step == STEP_FAIL) {
            if (mq_conn_is_open(res->conn)) {
                res->lost = false; /* connected, but something could not be restored */
            }
            report = EG(exception) && instanceof_function(EG(exception)->ce, mq_ce_AMQPException);
            break;
        }
        php_mq_topo_remove(r, drop_stale_consumer, res);
        res->lost = false;
        efree(closed);
        zend_hash_destroy(&renames);
        array_init(&info);
        add_assoc_long(&info, "attempts", attempts);
        add_assoc_double(&info, "seconds", now_seconds() - start);
        return emit(r, "recovered", &info) ? SUCCESS : FAILURE;
    }
    efree(closed);
    zend_hash_destroy(&renames);
    if (!EG(exception)) {
        php_mq_throwf(mq_ce_AMQPConnectionException, 0, "Could not recover the connection.");
    }
    if (report) {
        emit_failed(r);
    }
    return FAILURE;
}

zend_result php_mq_recovery_run(php_mq_conn_res *res, zval *conn_zv)
{
    php_mq_connection *c;
    zend_object *conn_obj;
    zend_result result;

    if (!res || !res->lost) {
        return SUCCESS;
    }
    if (!conn_zv) {
        return SUCCESS;
    }
    ZVAL_DEREF(conn_zv);
    if (Z_TYPE_P(conn_zv) != IS_OBJECT) {
        return SUCCESS;
    }
    conn_obj = Z_OBJ_P(conn_zv);
    c = php_mq_connection_from_obj(conn_obj);
    if (!c->recovery || c->res != res || c->recovery->running) {
        return SUCCESS; /* not ours to recover (or recovering already) */
    }
    c->recovery->running = true;
    GC_ADDREF(conn_obj);
    php_mq_res_addref(res);
    result = recover(conn_obj, c, res);
    if (c->recovery) {
        c->recovery->running = false;
    }
    php_mq_res_release(res);
    OBJ_RELEASE(conn_obj);
    return result;
}

zend_result php_mq_recovery_run_channel(php_mq_channel *ch)
{
    if (!ch->res || !ch->res->lost) {
        return SUCCESS;
    }
    return php_mq_recovery_run(ch->res, OBJ_PROP_NUM(&ch->std, MQ_CHAN_PROP_CONNECTION));
}

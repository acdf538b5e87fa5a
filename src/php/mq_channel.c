/* SPDX-License-Identifier: MIT */
/*
 * AMQPChannel (docs/compatibility.md §3.2): opening a channel (channel.open, then the
 * prefetch basic.qos), closing it, prefetch and qos, transactions,
 * basic.recover and confirm mode (the callbacks, their dispatch and the
 * wait loops are in mq_channel_events.c).  Also the channel helpers the
 * queue and exchange files use: the precondition checks of §3.0 and
 * php_mq_channel_fail().  A channel holds
 * a reference to the connection resource it was opened on and is
 * registered (weakly) in its channel table, so that deliveries and events
 * can find their channel object; free_obj unregisters it and closes the
 * channel without waiting.
 */
#include "php_mq_internal.h"
#include "mq_connection.h"

#include "AMQPChannel_arginfo.h"

zend_class_entry *mq_ce_AMQPChannel;
static zend_object_handlers mq_channel_handlers;

static const char *const chan_prop_names[] = {
    "connection", "prefetchCount", "prefetchSize", "globalPrefetchCount", "globalPrefetchSize",
    "consumers"
};

/* ---- properties by slot ----------------------------------------------- */

static zval *chan_slot(zend_object *obj, int n)
{
    zval *zv = PHP_MQ_PROP(obj, n);
    ZVAL_DEREF(zv);
    return zv;
}

static void chan_write(zend_object *obj, int n, zval *value) /* value taken over */
{
    zval *slot = chan_slot(obj, n);
    zval old;

    ZVAL_COPY_VALUE(&old, slot);
    ZVAL_COPY_VALUE(slot, value);
    zval_ptr_dtor(&old);
}

static void chan_write_long(zend_object *obj, int n, zend_long l)
{
    zval v;
    ZVAL_LONG(&v, l);
    chan_write(obj, n, &v);
}

/* Stored prefetch value (0 when unset). */
static zend_long chan_long(zend_object *obj, int n)
{
    zval *zv = chan_slot(obj, n);
    return Z_TYPE_P(zv) == IS_LONG ? Z_LVAL_P(zv) : 0;
}

/* ---- state ------------------------------------------------------------ */

/* Still the channel object that owns its id on a live generation of the
 * resource (a closed id can be reused by a newer channel). */
static bool chan_registered(const php_mq_channel *ch)
{
    return php_mq_channel_registered(ch);
}

bool php_mq_channel_registered(const php_mq_channel *ch)
{
    const php_mq_conn_res *res = ch->res;

    return res && res->channels && ch->id > 0 && ch->id <= res->channel_max
           && res->generation == ch->generation && res->channels[ch->id] == ch;
}

bool php_mq_channel_is_open(const php_mq_channel *ch)
{
    return ch && chan_registered(ch) && php_mq_res_is_open(ch->res)
           && mq_channel_is_open(ch->res->conn, ch->id);
}

/* Forgets the channel in the resource's table and frees its queued events;
 * with `async_close`, an open channel also gets channel.close without
 * waiting for the reply. */
static void chan_unregister(php_mq_channel *ch, bool async_close)
{
    php_mq_conn_res *res = ch->res;

    if (!chan_registered(ch)) {
        return;
    }
    res->channels[ch->id] = NULL;
    if (php_mq_res_is_open(res)) {
        if (async_close && mq_channel_is_open(res->conn, ch->id)) {
            mq_channel_close_async(res->conn, ch->id);
        }
        mq_conn_drop_events(res->conn, ch->id);
    }
}

void php_mq_channel_fail(php_mq_channel *ch, int rc, zend_class_entry *default_ce)
{
    php_mq_throw(mq_conn_error(ch->res->conn), rc, default_ce);
    php_mq_res_after_error(ch->res);
}

/* ---- object ----------------------------------------------------------- */

static zend_object *chan_obj_create(zend_class_entry *ce)
{
    php_mq_channel *ch = zend_object_alloc(sizeof(php_mq_channel), ce);

    memset(ch, 0, offsetof(php_mq_channel, std));
    ZVAL_UNDEF(&ch->ack_cb);
    ZVAL_UNDEF(&ch->nack_cb);
    ZVAL_UNDEF(&ch->return_cb);
    zend_object_std_init(&ch->std, ce);
    object_properties_init(&ch->std, ce);
    ch->std.handlers = &mq_channel_handlers;
    return &ch->std;
}

static void chan_release_res(php_mq_channel *ch, bool async_close)
{
    if (ch->res) {
        chan_unregister(ch, async_close);
        php_mq_res_release(ch->res);
        ch->res = NULL;
    }
}

static void chan_obj_free(zend_object *obj)
{
    php_mq_channel *ch = php_mq_channel_from_obj(obj);

    /* never blocks: channel.close goes out, its close-ok is collected by
     * the connection later (docs/style.md §2.11); no protocol after a fatal error */
    chan_release_res(ch, !CG(unclean_shutdown));
    zval_ptr_dtor(&ch->ack_cb);
    zval_ptr_dtor(&ch->nack_cb);
    zval_ptr_dtor(&ch->return_cb);
    ZVAL_UNDEF(&ch->ack_cb);
    ZVAL_UNDEF(&ch->nack_cb);
    ZVAL_UNDEF(&ch->return_cb);
    zend_object_std_dtor(obj);
}

/* The callables, plus the declared properties through the property table. */
static HashTable *mq_channel_get_gc(zend_object *obj, zval **table, int *n)
{
    php_mq_channel *ch = php_mq_channel_from_obj(obj);
    zend_get_gc_buffer *buf = zend_get_gc_buffer_create();

    zend_get_gc_buffer_add_zval(buf, &ch->ack_cb);
    zend_get_gc_buffer_add_zval(buf, &ch->nack_cb);
    zend_get_gc_buffer_add_zval(buf, &ch->return_cb);
    zend_get_gc_buffer_use(buf, table, n);
    return zend_std_get_properties(obj);
}

/* ---- preconditions (§3.0) --------------------------------------------- */

php_mq_channel *php_mq_check_channel(zval *channel_zv, const char *context)
{
    php_mq_channel *ch = NULL;

    if (channel_zv) {
        ZVAL_DEREF(channel_zv);
        if (Z_TYPE_P(channel_zv) == IS_OBJECT && instanceof_function(Z_OBJCE_P(channel_zv), mq_ce_AMQPChannel)) {
            ch = php_mq_channel_from_obj(Z_OBJ_P(channel_zv));
        }
    }
    /* a pending exception (e.g. the engine's uninitialised-property Error)
     * becomes the previous one of what is thrown here */
    if (!ch || !ch->res) {
        php_mq_throwf(mq_ce_AMQPChannelException, 0, "%s Stale reference to the channel object.", context);
        return NULL;
    }
    /* a connection lost with recovery on comes back first (mq_recovery.c);
     * one lost while idle is noticed first */
    if (ch->res->recoverable && !ch->res->lost && php_mq_res_is_open(ch->res)
        && mq_conn_service_if_idle(ch->res->conn, 0.1) < 0) {
        php_mq_res_after_error(ch->res);
    }
    if (ch->res->lost && php_mq_recovery_run_channel(ch) == FAILURE) {
        return NULL;
    }
    if (!php_mq_channel_is_open(ch)) {
        php_mq_throwf(mq_ce_AMQPChannelException, 0, "%s No channel available.", context);
        return NULL;
    }
    /* confirms and returns nobody waited for stay queued for the next wait
     * or consume(), as in php-amqp; only the bound's drops are reported */
    if (mq_conn_has_dropped(ch->res->conn)) {
        php_mq_channel_report_dropped(ch->res);
        if (EG(exception)) {
            return NULL;
        }
    }
    return ch;
}

/* The prefetch setters and qos() skip the "channel open" check: a closed
 * channel counts as detached from its connection (the peer's texts). */
static php_mq_channel *chan_check_attached(zend_object *obj, const char *context)
{
    php_mq_channel *ch = php_mq_channel_from_obj(obj);

    if (!ch->res) {
        php_mq_throwf(mq_ce_AMQPChannelException, 0, "%s Stale reference to the channel object.", context);
        return NULL;
    }
    if (ch->res->lost && php_mq_recovery_run_channel(ch) == FAILURE) {
        return NULL;
    }
    if (!chan_registered(ch) || (php_mq_res_is_open(ch->res) && !mq_channel_is_open(ch->res->conn, ch->id))) {
        php_mq_throwf(mq_ce_AMQPConnectionException, 0, "%s Stale reference to the connection object.", context);
        return NULL;
    }
    if (!php_mq_res_is_open(ch->res)) {
        php_mq_throwf(mq_ce_AMQPConnectionException, 0, "%s No connection available.", context);
        return NULL;
    }
    return ch;
}

/* ---- constructor ------------------------------------------------------ */

ZEND_METHOD(AMQPChannel, __construct)
{
    zend_object *obj = Z_OBJ_P(ZEND_THIS);
    php_mq_channel *ch = php_mq_channel_from_obj(obj);
    php_mq_connection *c;
    php_mq_conn_res *res;
    zval *conn_zv, v;
    mq_basic_qos_t qos[2];
    uint16_t id = 0;
    int rc;

    /* a wrong argument: AMQPChannelException with the TypeError (or
     * ArgumentCountError) as previous, like the peer */
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_OBJECT_OF_CLASS(conn_zv, mq_ce_AMQPConnection)
    ZEND_PARSE_PARAMETERS_END_EX(
        php_mq_throwf(mq_ce_AMQPChannelException, 0, "Parameter must be an instance of AMQPConnection.");
        RETURN_THROWS()
    );

    /* constructing twice: let go of the first channel */
    chan_release_res(ch, true);

    ZVAL_COPY(&v, conn_zv);
    chan_write(obj, MQ_CHAN_PROP_CONNECTION, &v);
    ZVAL_EMPTY_ARRAY(&v);
    chan_write(obj, MQ_CHAN_PROP_CONSUMERS, &v);
    /* the ini values are stored before the connection is checked */
    chan_write_long(obj, MQ_CHAN_PROP_PREFETCH_COUNT, INI_INT("amqp.prefetch_count"));
    chan_write_long(obj, MQ_CHAN_PROP_PREFETCH_SIZE, INI_INT("amqp.prefetch_size"));
    chan_write_long(obj, MQ_CHAN_PROP_GLOBAL_PREFETCH_COUNT, INI_INT("amqp.global_prefetch_count"));
    chan_write_long(obj, MQ_CHAN_PROP_GLOBAL_PREFETCH_SIZE, INI_INT("amqp.global_prefetch_size"));

    c = php_mq_connection_from_obj(Z_OBJ_P(conn_zv));
    res = c->res;
    if (res && res->lost && php_mq_recovery_run(res, conn_zv) == FAILURE) {
        RETURN_THROWS();
    }
    if (!php_mq_res_is_open(res)) {
        php_mq_throwf(mq_ce_AMQPConnectionException, 0, "Could not create channel. No connection available.");
        RETURN_THROWS();
    }
    /* always the per-consumer count (the ini size is stored, not sent);
     * the global values only when set; sent with channel.open */
    qos[0].prefetch_size = 0;
    qos[0].prefetch_count = (uint16_t)chan_long(obj, MQ_CHAN_PROP_PREFETCH_COUNT);
    qos[0].global = false;
    qos[1].prefetch_size = (uint32_t)chan_long(obj, MQ_CHAN_PROP_GLOBAL_PREFETCH_SIZE);
    qos[1].prefetch_count = (uint16_t)chan_long(obj, MQ_CHAN_PROP_GLOBAL_PREFETCH_COUNT);
    qos[1].global = true;
    /* heartbeats, and close-oks that free ids of channels closed earlier */
    id = 0;
    rc = mq_conn_service(res->conn);
    if (rc >= 0) {
        rc = mq_channel_open_qos(res->conn, &id, qos, qos[1].prefetch_size || qos[1].prefetch_count ? 2 : 1);
    }
    if (rc == MQ_E_NO_CHANNEL) {
        php_mq_throwf(mq_ce_AMQPChannelException, 0,
                      "Could not create channel. Connection has no open channel slots remaining.");
        RETURN_THROWS();
    }
    if (rc < 0 && id == 0) {
        php_mq_throw(mq_conn_error(res->conn), rc, mq_ce_AMQPChannelException);
        php_mq_res_after_error(res);
        RETURN_THROWS();
    }

    ch->res = res;
    php_mq_res_addref(res);
    ch->generation = res->generation;
    ch->id = id;
    ch->confirm_mode = false;
    if (id <= res->channel_max) {
        res->channels[id] = ch;
    }
    if (rc < 0) { /* a basic.qos failed */
        php_mq_channel_fail(ch, rc, mq_ce_AMQPChannelException);
        RETURN_THROWS();
    }
}

/* ---- simple methods --------------------------------------------------- */

ZEND_METHOD(AMQPChannel, isConnected)
{
    ZEND_PARSE_PARAMETERS_NONE();
    RETURN_BOOL(php_mq_channel_is_open(php_mq_channel_from_obj(Z_OBJ_P(ZEND_THIS))));
}

ZEND_METHOD(AMQPChannel, close)
{
    php_mq_channel *ch = php_mq_channel_from_obj(Z_OBJ_P(ZEND_THIS));
    int rc;

    ZEND_PARSE_PARAMETERS_NONE();
    if (!php_mq_channel_is_open(ch)) {
        return;
    }
    rc = mq_channel_close(ch->res->conn, ch->id);
    chan_unregister(ch, false);
    if (rc < 0) {
        php_mq_channel_fail(ch, rc, mq_ce_AMQPChannelException);
        RETURN_THROWS();
    }
}

ZEND_METHOD(AMQPChannel, getChannelId)
{
    ZEND_PARSE_PARAMETERS_NONE();
    RETURN_LONG(php_mq_channel_from_obj(Z_OBJ_P(ZEND_THIS))->id);
}

ZEND_METHOD(AMQPChannel, getConnection)
{
    zval *zv = chan_slot(Z_OBJ_P(ZEND_THIS), MQ_CHAN_PROP_CONNECTION);

    ZEND_PARSE_PARAMETERS_NONE();
    if (Z_ISUNDEF_P(zv)) {
        zend_throw_error(NULL, "Typed property AMQPChannel::$%s must not be accessed before initialization",
                         chan_prop_names[MQ_CHAN_PROP_CONNECTION]);
        RETURN_THROWS();
    }
    RETURN_COPY(zv);
}

ZEND_METHOD(AMQPChannel, getConsumers)
{
    zval *zv = chan_slot(Z_OBJ_P(ZEND_THIS), MQ_CHAN_PROP_CONSUMERS);

    ZEND_PARSE_PARAMETERS_NONE();
    if (Z_TYPE_P(zv) != IS_ARRAY) {
        RETURN_EMPTY_ARRAY();
    }
    RETURN_COPY(zv);
}

/* ---- prefetch --------------------------------------------------------- */

#define MQ_U16_MAX 65535
#define MQ_U32_MAX ((zend_long)4294967295LL)

/* basic.qos with the stored global values re-sent afterwards when set
 * (the per-consumer setters do that, the global ones do not). */
static int chan_qos(php_mq_channel *ch, zend_object *obj, uint32_t size, uint16_t count, bool global,
                    bool resend_global)
{
    int rc = mq_basic_qos(ch->res->conn, ch->id, size, count, global);
    zend_long gsize = chan_long(obj, MQ_CHAN_PROP_GLOBAL_PREFETCH_SIZE);
    zend_long gcount = chan_long(obj, MQ_CHAN_PROP_GLOBAL_PREFETCH_COUNT);

    if (rc >= 0 && resend_global && (gsize || gcount)) {
        rc = mq_basic_qos(ch->res->conn, ch->id, (uint32_t)gsize, (uint16_t)gcount, true);
    }
    return rc;
}

/* One prefetch setter: validate (AMQPConnectionException, a quirk),
 * check, send, and store only when the broker accepted it. */
static void chan_set_prefetch(zend_execute_data *execute_data, zval *return_value, bool is_size,
                              bool global, const char *name, const char *context)
{
    zend_object *obj = Z_OBJ_P(ZEND_THIS);
    zend_long value, max = is_size ? MQ_U32_MAX : MQ_U16_MAX;
    php_mq_channel *ch;
    int rc;

    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_LONG(value)
    ZEND_PARSE_PARAMETERS_END();
    if (value < 0 || value > max) {
        php_mq_throwf(mq_ce_AMQPConnectionException, 0, "Parameter '%s' must be between 0 and " ZEND_LONG_FMT ".",
                      name, max);
        RETURN_THROWS();
    }
    if (!(ch = chan_check_attached(obj, context))) {
        RETURN_THROWS();
    }
    rc = chan_qos(ch, obj, is_size ? (uint32_t)value : 0, is_size ? 0 : (uint16_t)value, global, !global);
    if (rc < 0) {
        php_mq_channel_fail(ch, rc, mq_ce_AMQPChannelException);
        RETURN_THROWS();
    }
    chan_write_long(obj, global ? MQ_CHAN_PROP_GLOBAL_PREFETCH_COUNT : MQ_CHAN_PROP_PREFETCH_COUNT,
                    is_size ? 0 : value);
    chan_write_long(obj, global ? MQ_CHAN_PROP_GLOBAL_PREFETCH_SIZE : MQ_CHAN_PROP_PREFETCH_SIZE,
                    is_size ? value : 0);
}

ZEND_METHOD(AMQPChannel, setPrefetchCount)
{
    chan_set_prefetch(execute_data, return_value, false, false, "prefetchCount", "Could not set prefetch count.");
}

ZEND_METHOD(AMQPChannel, setPrefetchSize)
{
    chan_set_prefetch(execute_data, return_value, true, false, "prefetchSize", "Could not set prefetch size.");
}

ZEND_METHOD(AMQPChannel, setGlobalPrefetchCount)
{
    chan_set_prefetch(execute_data, return_value, false, true, "globalPrefetchCount",
                      "Could not set global prefetch count.");
}

ZEND_METHOD(AMQPChannel, setGlobalPrefetchSize)
{
    /* "Could not set prefetch size.": the peer's context (sic) */
    chan_set_prefetch(execute_data, return_value, true, true, "globalPrefetchSize", "Could not set prefetch size.");
}

#define MQ_CHAN_GETTER(method, slot)                                        \
    ZEND_METHOD(AMQPChannel, method)                                        \
    {                                                                       \
        ZEND_PARSE_PARAMETERS_NONE();                                       \
        RETURN_LONG(chan_long(Z_OBJ_P(ZEND_THIS), (slot)));                 \
    }

MQ_CHAN_GETTER(getPrefetchCount, MQ_CHAN_PROP_PREFETCH_COUNT)
MQ_CHAN_GETTER(getPrefetchSize, MQ_CHAN_PROP_PREFETCH_SIZE)
MQ_CHAN_GETTER(getGlobalPrefetchCount, MQ_CHAN_PROP_GLOBAL_PREFETCH_COUNT)
MQ_CHAN_GETTER(getGlobalPrefetchSize, MQ_CHAN_PROP_GLOBAL_PREFETCH_SIZE)

ZEND_METHOD(AMQPChannel, qos)
{
    zend_object *obj = Z_OBJ_P(ZEND_THIS);
    zend_long size, count;
    bool global = false;
    php_mq_channel *ch;
    int rc;

    ZEND_PARSE_PARAMETERS_START(2, 3)
        Z_PARAM_LONG(size)
        Z_PARAM_LONG(count)
        Z_PARAM_OPTIONAL
        Z_PARAM_BOOL(global)
    ZEND_PARSE_PARAMETERS_END();

    /* ranges checked, not truncated (§7.14) */
    if (size < 0 || size > MQ_U32_MAX) {
        php_mq_throwf(mq_ce_AMQPConnectionException, 0, "Parameter '%s' must be between 0 and 4294967295.",
                      global ? "globalPrefetchSize" : "prefetchSize");
        RETURN_THROWS();
    }
    if (count < 0 || count > MQ_U16_MAX) {
        php_mq_throwf(mq_ce_AMQPConnectionException, 0, "Parameter '%s' must be between 0 and 65535.",
                      global ? "globalPrefetchCount" : "prefetchCount");
        RETURN_THROWS();
    }
    if (!(ch = chan_check_attached(obj, "Could not set qos parameters."))) {
        RETURN_THROWS();
    }
    /* stored before the wire; the partner values are kept */
    chan_write_long(obj, global ? MQ_CHAN_PROP_GLOBAL_PREFETCH_SIZE : MQ_CHAN_PROP_PREFETCH_SIZE, size);
    chan_write_long(obj, global ? MQ_CHAN_PROP_GLOBAL_PREFETCH_COUNT : MQ_CHAN_PROP_PREFETCH_COUNT, count);
    rc = chan_qos(ch, obj, (uint32_t)chan_long(obj, MQ_CHAN_PROP_PREFETCH_SIZE),
                  (uint16_t)chan_long(obj, MQ_CHAN_PROP_PREFETCH_COUNT), false, true);
    if (rc < 0) {
        php_mq_channel_fail(ch, rc, mq_ce_AMQPChannelException);
        RETURN_THROWS();
    }
}

/* ---- synchronous channel methods -------------------------------------- */

enum { MQ_OP_TX_SELECT, MQ_OP_TX_COMMIT, MQ_OP_TX_ROLLBACK, MQ_OP_CONFIRM_SELECT };

static void chan_simple_rpc(zend_execute_data *execute_data, zval *return_value, int op, const char *context)
{
    php_mq_channel *ch;
    int rc;

    ZEND_PARSE_PARAMETERS_NONE();
    if (!(ch = php_mq_check_channel(ZEND_THIS, context))) {
        RETURN_THROWS();
    }
    switch (op) {
    case MQ_OP_TX_SELECT:
        rc = mq_tx_select(ch->res->conn, ch->id);
        break;
    case MQ_OP_TX_COMMIT:
        rc = mq_tx_commit(ch->res->conn, ch->id);
        break;
    case MQ_OP_TX_ROLLBACK:
        rc = mq_tx_rollback(ch->res->conn, ch->id);
        break;
    default:
        rc = mq_confirm_select(ch->res->conn, ch->id);
        break;
    }
    if (rc < 0) {
        php_mq_channel_fail(ch, rc, mq_ce_AMQPChannelException);
        RETURN_THROWS();
    }
    if (op == MQ_OP_CONFIRM_SELECT) {
        ch->confirm_mode = true;
    }
}

ZEND_METHOD(AMQPChannel, startTransaction)
{
    chan_simple_rpc(execute_data, return_value, MQ_OP_TX_SELECT, "Could not start the transaction.");
}

ZEND_METHOD(AMQPChannel, commitTransaction)
{
    /* "start": the peer's context (sic) */
    chan_simple_rpc(execute_data, return_value, MQ_OP_TX_COMMIT, "Could not start the transaction.");
}

ZEND_METHOD(AMQPChannel, rollbackTransaction)
{
    chan_simple_rpc(execute_data, return_value, MQ_OP_TX_ROLLBACK, "Could not rollback the transaction.");
}

ZEND_METHOD(AMQPChannel, confirmSelect)
{
    chan_simple_rpc(execute_data, return_value, MQ_OP_CONFIRM_SELECT, "Could not enable confirms mode.");
}

ZEND_METHOD(AMQPChannel, basicRecover)
{
    bool requeue = true;
    php_mq_channel *ch;
    int rc;

    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_BOOL(requeue)
    ZEND_PARSE_PARAMETERS_END();
    if (!(ch = php_mq_check_channel(ZEND_THIS, "Could not redeliver unacknowledged messages."))) {
        RETURN_THROWS();
    }
    rc = mq_basic_recover(ch->res->conn, ch->id, requeue);
    if (rc < 0) {
        php_mq_channel_fail(ch, rc, mq_ce_AMQPChannelException);
        RETURN_THROWS();
    }
}

void php_mq_register_channel(void)
{
    mq_ce_AMQPChannel = register_class_AMQPChannel();
    mq_ce_AMQPChannel->create_object = chan_obj_create;

    memcpy(&mq_channel_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
    mq_channel_handlers.offset = offsetof(php_mq_channel, std);
    mq_channel_handlers.free_obj = chan_obj_free;
    mq_channel_handlers.get_gc = mq_channel_get_gc;
    /* a clone would share the channel id: forbidden (§7.22) */
    mq_channel_handlers.clone_obj = NULL;
}

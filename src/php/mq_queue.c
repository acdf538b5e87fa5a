/* SPDX-License-Identifier: MIT */
/*
 * AMQPQueue, configuration and synchronous queue methods: the object
 * (declared properties plus the consumer count of the last declare), the
 * constructor (which also takes an AMQPConnection and then opens a channel
 * of its own), name/flags/arguments, declare, bind/unbind, purge, delete,
 * recover and the getters.  Consuming, get and acknowledgements live in
 * mq_queue_consume.c.  Wire work is done by the core (mq_conn.h); this file
 * only validates, reads the properties and turns core errors into
 * exceptions (docs/compatibility.md §3.3).
 */
#include "mq_queue.h"
#include "AMQPQueue_arginfo.h"

zend_class_entry *mq_ce_AMQPQueue;
static zend_object_handlers mq_queue_handlers;

/* ---- object ------------------------------------------------------------ */

static zend_object *queue_obj_create(zend_class_entry *ce)
{
    php_mq_queue *q = zend_object_alloc(sizeof(php_mq_queue), ce);
    q->consumer_count = -1;
    ZVAL_UNDEF(&q->cancel_cb);
    zend_object_std_init(&q->std, ce);
    object_properties_init(&q->std, ce);
    q->std.handlers = &mq_queue_handlers;
    return &q->std;
}

/* Clones are plain property copies (like the peer's), plus the C state. */
static zend_object *queue_obj_clone(zend_object *old)
{
    zend_object *obj = queue_obj_create(old->ce);
    zend_objects_clone_members(obj, old);
    php_mq_queue_from_obj(obj)->consumer_count = php_mq_queue_from_obj(old)->consumer_count;
    ZVAL_COPY(&php_mq_queue_from_obj(obj)->cancel_cb, &php_mq_queue_from_obj(old)->cancel_cb);
    return obj;
}

static void queue_obj_free(zend_object *obj)
{
    php_mq_queue *q = php_mq_queue_from_obj(obj);
    zval_ptr_dtor(&q->cancel_cb);
    ZVAL_UNDEF(&q->cancel_cb);
    zend_object_std_dtor(obj);
}

/* The cancel callback (mq extension), plus the declared properties. */
static HashTable *mq_queue_get_gc(zend_object *obj, zval **table, int *n)
{
    php_mq_queue *q = php_mq_queue_from_obj(obj);
    *table = &q->cancel_cb;
    *n = Z_ISUNDEF(q->cancel_cb) ? 0 : 1;
    return zend_std_get_properties(obj);
}

void php_mq_register_queue(void)
{
    mq_ce_AMQPQueue = register_class_AMQPQueue();
    mq_ce_AMQPQueue->create_object = queue_obj_create;
    memcpy(&mq_queue_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
    mq_queue_handlers.offset = offsetof(php_mq_queue, std);
    mq_queue_handlers.clone_obj = queue_obj_clone;
    mq_queue_handlers.free_obj = queue_obj_free;
    mq_queue_handlers.get_gc = mq_queue_get_gc;
}

/* ---- shared helpers (mq_queue.h) ---------------------------------------- */

php_mq_channel *php_mq_queue_check(zend_object *queue, const char *context)
{
    zval *ch = php_mq_slot(queue, MQ_QUEUE_PROP_CHANNEL);
    if (Z_TYPE_P(ch) != IS_OBJECT) {
        /* The constructor never ran: the engine's error becomes the
         * previous exception of the stale-reference one. */
        zend_throw_error(NULL, "Typed property AMQPQueue::$channel must not be accessed before initialization");
    }
    php_mq_channel *c = php_mq_check_channel(ch, context);
    if (c && PHP_MQ_RECORDING(c)) {
        php_mq_recovery_follow_rename(c, queue); /* mq extension: recovery */
    }
    return c;
}

/* Stores the channel and its connection in a queue object. */
static void queue_store_channel(zend_object *obj, zval *channel)
{
    php_mq_slot_set(obj, MQ_QUEUE_PROP_CHANNEL, channel);
    php_mq_slot_set(obj, MQ_QUEUE_PROP_CONNECTION,
                    php_mq_slot(Z_OBJ_P(channel), MQ_CHAN_PROP_CONNECTION));
}

/* ---- constructor ------------------------------------------------------- */

/* The arginfo is php-amqp's __construct(AMQPChannel $channel) (reflection,
 * the TypeError text); an AMQPConnection is accepted beyond it (mq
 * extension, see the stub). */
ZEND_METHOD(AMQPQueue, __construct)
{
    zval *arg;
    zend_object *obj = Z_OBJ_P(ZEND_THIS);

    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_ZVAL(arg)
    ZEND_PARSE_PARAMETERS_END();

    if (Z_TYPE_P(arg) != IS_OBJECT || !instanceof_function(Z_OBJCE_P(arg), mq_ce_AMQPConnection)) {
        /* Anything else must be a channel: the engine's own check and text. */
        ZEND_PARSE_PARAMETERS_START(1, 1)
            Z_PARAM_OBJECT_OF_CLASS(arg, mq_ce_AMQPChannel)
        ZEND_PARSE_PARAMETERS_END();
    }

    /* arguments = [] first, like the peer (before any check can fail). */
    zval empty;
    ZVAL_EMPTY_ARRAY(&empty);
    php_mq_slot_set(obj, MQ_QUEUE_PROP_ARGUMENTS, &empty);

    if (instanceof_function(Z_OBJCE_P(arg), mq_ce_AMQPChannel)) {
        if (!php_mq_check_channel(arg, "Could not create queue.")) {
            RETURN_THROWS();
        }
        queue_store_channel(obj, arg);
        return;
    }

    /* mq extension: a connection; open a channel of our own on it. */
    zval channel;
    if (object_init_ex(&channel, mq_ce_AMQPChannel) == FAILURE) {
        RETURN_THROWS();
    }
    zend_call_known_instance_method_with_1_params(mq_ce_AMQPChannel->constructor,
                                                  Z_OBJ(channel), NULL, arg);
    if (EG(exception)) {
        zval_ptr_dtor(&channel);
        RETURN_THROWS();
    }
    if (!php_mq_check_channel(&channel, "Could not create queue.")) {
        zval_ptr_dtor(&channel);
        RETURN_THROWS();
    }
    queue_store_channel(obj, &channel);
    zval_ptr_dtor(&channel);
}

/* ---- name and flags ---------------------------------------------------- */

ZEND_METHOD(AMQPQueue, getName)
{
    ZEND_PARSE_PARAMETERS_NONE();
    zval *chz = php_mq_slot(Z_OBJ_P(ZEND_THIS), MQ_QUEUE_PROP_CHANNEL);
    if (Z_TYPE_P(chz) == IS_OBJECT && PHP_MQ_RECORDING(php_mq_channel_from_obj(Z_OBJ_P(chz)))) {
        /* mq extension: a server-named queue renamed by a recovery */
        php_mq_recovery_follow_rename(php_mq_channel_from_obj(Z_OBJ_P(chz)), Z_OBJ_P(ZEND_THIS));
    }
    zval *name = php_mq_slot(Z_OBJ_P(ZEND_THIS), MQ_QUEUE_PROP_NAME);
    if (Z_TYPE_P(name) == IS_STRING && Z_STRLEN_P(name) > 0) {
        RETURN_STR_COPY(Z_STR_P(name));
    }
    RETURN_NULL();
}

/* setName() and the mq extension declare($name) share this check. */
static zend_result queue_set_name(zend_object *obj, zend_string *name)
{
    if (ZSTR_LEN(name) < 1 || ZSTR_LEN(name) > 255) {
        zend_throw_exception(mq_ce_AMQPQueueException,
                             "Invalid queue name given, must be between 1 and 255 characters long.", 0);
        return FAILURE;
    }
    php_mq_slot_set_str(obj, MQ_QUEUE_PROP_NAME, name);
    return SUCCESS;
}

ZEND_METHOD(AMQPQueue, setName)
{
    zend_string *name;

    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(name)
    ZEND_PARSE_PARAMETERS_END();

    if (queue_set_name(Z_OBJ_P(ZEND_THIS), name) == FAILURE) {
        RETURN_THROWS();
    }
}

static zend_long queue_flags(zend_object *obj)
{
    zend_long flags = 0;
    if (php_mq_slot_bool(obj, MQ_QUEUE_PROP_PASSIVE)) {
        flags |= MQ_FLAG_PASSIVE;
    }
    if (php_mq_slot_bool(obj, MQ_QUEUE_PROP_DURABLE)) {
        flags |= MQ_FLAG_DURABLE;
    }
    if (php_mq_slot_bool(obj, MQ_QUEUE_PROP_EXCLUSIVE)) {
        flags |= MQ_FLAG_EXCLUSIVE;
    }
    if (php_mq_slot_bool(obj, MQ_QUEUE_PROP_AUTO_DELETE)) {
        flags |= MQ_FLAG_AUTODELETE;
    }
    return flags;
}

ZEND_METHOD(AMQPQueue, getFlags)
{
    ZEND_PARSE_PARAMETERS_NONE();
    RETURN_LONG(queue_flags(Z_OBJ_P(ZEND_THIS)));
}

ZEND_METHOD(AMQPQueue, setFlags)
{
    zend_long flags;
    bool flags_null;
    zend_object *obj = Z_OBJ_P(ZEND_THIS);

    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_LONG_OR_NULL(flags, flags_null)
    ZEND_PARSE_PARAMETERS_END();

    if (flags_null) {
        flags = 0;
    }
    php_mq_slot_set_bool(obj, MQ_QUEUE_PROP_PASSIVE, flags & MQ_FLAG_PASSIVE);
    php_mq_slot_set_bool(obj, MQ_QUEUE_PROP_DURABLE, flags & MQ_FLAG_DURABLE);
    php_mq_slot_set_bool(obj, MQ_QUEUE_PROP_EXCLUSIVE, flags & MQ_FLAG_EXCLUSIVE);
    php_mq_slot_set_bool(obj, MQ_QUEUE_PROP_AUTO_DELETE, flags & MQ_FLAG_AUTODELETE);
}

/* ---- arguments ---------------------------------------------------------- */

ZEND_METHOD(AMQPQueue, getArgument)
{
    php_mq_arguments_get(INTERNAL_FUNCTION_PARAM_PASSTHRU, MQ_QUEUE_PROP_ARGUMENTS, mq_ce_AMQPQueueException);
}

ZEND_METHOD(AMQPQueue, getArguments)
{
    php_mq_arguments_all(INTERNAL_FUNCTION_PARAM_PASSTHRU, MQ_QUEUE_PROP_ARGUMENTS);
}

ZEND_METHOD(AMQPQueue, setArgument)
{
    php_mq_arguments_set(INTERNAL_FUNCTION_PARAM_PASSTHRU, MQ_QUEUE_PROP_ARGUMENTS, mq_ce_AMQPQueueException, true,
                         "The value parameter must be of type bool, int, double, string, null, array, "
                         "AMQPTimestamp, AMQPDecimal, or an implementation of AMQPValue.");
}

ZEND_METHOD(AMQPQueue, removeArgument)
{
    php_mq_arguments_remove(INTERNAL_FUNCTION_PARAM_PASSTHRU, MQ_QUEUE_PROP_ARGUMENTS);
}

ZEND_METHOD(AMQPQueue, setArguments)
{
    php_mq_arguments_replace(INTERNAL_FUNCTION_PARAM_PASSTHRU, MQ_QUEUE_PROP_ARGUMENTS);
}

ZEND_METHOD(AMQPQueue, hasArgument)
{
    php_mq_arguments_has(INTERNAL_FUNCTION_PARAM_PASSTHRU, MQ_QUEUE_PROP_ARGUMENTS);
}

/* The queue's arguments as a field table (into w). */
static zend_result queue_arguments_table(zend_object *obj, mq_wbuf *w, mq_bytes *content)
{
    zval *args = php_mq_slot(obj, MQ_QUEUE_PROP_ARGUMENTS);
    if (Z_TYPE_P(args) != IS_ARRAY) {
        *content = mq_bytes_of(NULL, 0);
        return SUCCESS;
    }
    return php_mq_encode_table(w, Z_ARRVAL_P(args), content);
}

/* ---- declare ------------------------------------------------------------ */

/* The name zpp gives a wrong argument in its TypeError ("true given" from
 * PHP 8.3 on, "bool given" before). */
#if PHP_VERSION_ID >= 80300
# define MQ_ZVAL_VALUE_NAME(zv) zend_zval_value_name(zv)
#else
# define MQ_ZVAL_VALUE_NAME(zv) zend_zval_type_name(zv)
#endif

/* The arginfo is php-amqp's declareQueue(): int / declare(): int, so that
 * subclasses written for php-amqp stay compatible; the optional name (mq
 * extension, see the stub) is parsed here beyond it.  The engine knows no
 * parameter name for it, so a wrong type is reported by hand, with the
 * text zpp gives a declared "?string $name". */
static void queue_declare(INTERNAL_FUNCTION_PARAMETERS)
{
    zval *arg = NULL;
    zend_string *name = NULL;
    zend_object *obj = Z_OBJ_P(ZEND_THIS);

    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_ZVAL(arg)
    ZEND_PARSE_PARAMETERS_END();

    /* zend_parse_arg_str() follows the caller's strict_types. */
    if (arg && !zend_parse_arg_str(arg, &name, true, 1)) {
        if (!EG(exception)) { /* e.g. a __toString() that threw */
            zend_string *fn = get_active_function_or_method_name();
            zend_type_error("%s(): Argument #1 ($name) must be of type ?string, %s given",
                            ZSTR_VAL(fn), MQ_ZVAL_VALUE_NAME(arg));
            zend_string_release(fn);
        }
        RETURN_THROWS();
    }
    if (name && queue_set_name(obj, name) == FAILURE) {
        RETURN_THROWS();
    }
    php_mq_channel *ch = php_mq_queue_check(obj, "Could not declare queue.");
    if (!ch) {
        RETURN_THROWS();
    }

    mq_wbuf w;
    mq_bytes args;
    mq_wbuf_init(&w);
    /* The conversion may run PHP code (AMQPValue): check again after it. */
    if (queue_arguments_table(obj, &w, &args) == FAILURE
        || !(ch = php_mq_queue_check(obj, "Could not declare queue."))) {
        mq_wbuf_free(&w);
        RETURN_THROWS();
    }
    mq_bytes confirmed;
    uint32_t message_count = 0, consumer_count = 0;
    mq_bytes requested = php_mq_slot_bytes(obj, MQ_QUEUE_PROP_NAME);
    int rc = mq_queue_declare(ch->res->conn, ch->id, requested,
                              php_mq_slot_bool(obj, MQ_QUEUE_PROP_PASSIVE),
                              php_mq_slot_bool(obj, MQ_QUEUE_PROP_DURABLE),
                              php_mq_slot_bool(obj, MQ_QUEUE_PROP_EXCLUSIVE),
                              php_mq_slot_bool(obj, MQ_QUEUE_PROP_AUTO_DELETE), args, &confirmed,
                              &message_count, &consumer_count);
    if (rc >= 0 && PHP_MQ_RECORDING(ch) && !php_mq_slot_bool(obj, MQ_QUEUE_PROP_PASSIVE)) {
        php_mq_recovery_note_queue(ch, requested.len == 0, confirmed,
                                   php_mq_slot_bool(obj, MQ_QUEUE_PROP_DURABLE),
                                   php_mq_slot_bool(obj, MQ_QUEUE_PROP_EXCLUSIVE),
                                   php_mq_slot_bool(obj, MQ_QUEUE_PROP_AUTO_DELETE), args);
    }
    mq_wbuf_free(&w);
    if (rc < 0) {
        php_mq_channel_fail(ch, rc, mq_ce_AMQPQueueException);
        RETURN_THROWS();
    }
    /* The confirmed name, raw (docs/compatibility.md §7.17). */
    zval confirmed_name;
    ZVAL_STRINGL_FAST(&confirmed_name, confirmed.ptr ? confirmed.ptr : "", confirmed.len);
    php_mq_slot_move(obj, MQ_QUEUE_PROP_NAME, &confirmed_name);
    php_mq_queue_from_obj(obj)->consumer_count = consumer_count;
    RETURN_LONG((zend_long)message_count);
}

ZEND_METHOD(AMQPQueue, declareQueue)
{
    queue_declare(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}

ZEND_METHOD(AMQPQueue, declare)
{
    queue_declare(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}

ZEND_METHOD(AMQPQueue, getConsumerCount)
{
    ZEND_PARSE_PARAMETERS_NONE();
    zend_long n = php_mq_queue_from_obj(Z_OBJ_P(ZEND_THIS))->consumer_count;
    if (n < 0) {
        RETURN_NULL();
    }
    RETURN_LONG(n);
}

/* ---- bind / unbind -------------------------------------------------------- */

static void queue_bind(INTERNAL_FUNCTION_PARAMETERS, bool bind)
{
    zend_string *exchange, *routing_key = NULL;
    HashTable *arguments = NULL;
    zend_object *obj = Z_OBJ_P(ZEND_THIS);

    ZEND_PARSE_PARAMETERS_START(1, 3)
        Z_PARAM_STR(exchange)
        Z_PARAM_OPTIONAL
        Z_PARAM_STR_OR_NULL(routing_key)
        Z_PARAM_ARRAY_HT(arguments)
    ZEND_PARSE_PARAMETERS_END();

    const char *context = bind ? "Could not bind queue." : "Could not unbind queue.";
    if (php_mq_check_shortstr(exchange, mq_ce_AMQPQueueException, context, "exchange name") == FAILURE
        || php_mq_check_shortstr(routing_key, mq_ce_AMQPQueueException, context, "routing key") == FAILURE) {
        RETURN_THROWS();
    }
    php_mq_channel *ch = php_mq_queue_check(obj, context);
    if (!ch) {
        RETURN_THROWS();
    }
    mq_wbuf w;
    mq_bytes args = mq_bytes_of(NULL, 0);
    mq_wbuf_init(&w);
    /* The conversion may run PHP code (AMQPValue): check again after it. */
    if (arguments && (php_mq_encode_table(&w, arguments, &args) == FAILURE
                      || !(ch = php_mq_queue_check(obj, context)))) {
        mq_wbuf_free(&w);
        RETURN_THROWS();
    }
    mq_bytes queue = php_mq_slot_bytes(obj, MQ_QUEUE_PROP_NAME);
    mq_bytes ex = mq_bytes_of(ZSTR_VAL(exchange), ZSTR_LEN(exchange));
    mq_bytes rk = routing_key ? mq_bytes_of(ZSTR_VAL(routing_key), ZSTR_LEN(routing_key))
                              : mq_bytes_of(NULL, 0);
    int rc = bind ? mq_queue_bind(ch->res->conn, ch->id, queue, ex, rk, args)
                  : mq_queue_unbind(ch->res->conn, ch->id, queue, ex, rk, args);
    if (rc >= 0 && PHP_MQ_RECORDING(ch)) {
        php_mq_recovery_note_binding(ch, true, bind, queue, ex, rk, args);
    }
    mq_wbuf_free(&w);
    if (rc < 0) {
        php_mq_channel_fail(ch, rc, mq_ce_AMQPQueueException);
        RETURN_THROWS();
    }
}

ZEND_METHOD(AMQPQueue, bind)
{
    queue_bind(INTERNAL_FUNCTION_PARAM_PASSTHRU, true);
}

ZEND_METHOD(AMQPQueue, unbind)
{
    queue_bind(INTERNAL_FUNCTION_PARAM_PASSTHRU, false);
}

/* ---- recover / purge / delete ------------------------------------------------ */

ZEND_METHOD(AMQPQueue, recover)
{
    bool requeue = true;

    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_BOOL(requeue)
    ZEND_PARSE_PARAMETERS_END();

    php_mq_channel *ch = php_mq_queue_check(Z_OBJ_P(ZEND_THIS), "Could not recover messages.");
    if (!ch) {
        RETURN_THROWS();
    }
    int rc = mq_basic_recover(ch->res->conn, ch->id, requeue);
    if (rc < 0) {
        php_mq_channel_fail(ch, rc, mq_ce_AMQPQueueException);
        RETURN_THROWS();
    }
}

ZEND_METHOD(AMQPQueue, purge)
{
    ZEND_PARSE_PARAMETERS_NONE();
    zend_object *obj = Z_OBJ_P(ZEND_THIS);

    php_mq_channel *ch = php_mq_queue_check(obj, "Could not purge queue.");
    if (!ch) {
        RETURN_THROWS();
    }
    uint32_t count = 0;
    int rc = mq_queue_purge(ch->res->conn, ch->id, php_mq_slot_bytes(obj, MQ_QUEUE_PROP_NAME), &count);
    if (rc < 0) {
        php_mq_channel_fail(ch, rc, mq_ce_AMQPQueueException);
        RETURN_THROWS();
    }
    RETURN_LONG((zend_long)count);
}

ZEND_METHOD(AMQPQueue, delete)
{
    zend_long flags = 0;
    bool flags_null = true;
    zend_object *obj = Z_OBJ_P(ZEND_THIS);

    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG_OR_NULL(flags, flags_null)
    ZEND_PARSE_PARAMETERS_END();

    if (flags_null) {
        flags = 0;
    }
    php_mq_channel *ch = php_mq_queue_check(obj, "Could not delete queue.");
    if (!ch) {
        RETURN_THROWS();
    }
    uint32_t count = 0;
    int rc = mq_queue_delete(ch->res->conn, ch->id, php_mq_slot_bytes(obj, MQ_QUEUE_PROP_NAME),
                             (flags & MQ_FLAG_IFUNUSED) != 0, (flags & MQ_FLAG_IFEMPTY) != 0, &count);
    if (rc < 0) {
        php_mq_channel_fail(ch, rc, mq_ce_AMQPQueueException);
        RETURN_THROWS();
    }
    if (PHP_MQ_RECORDING(ch)) {
        php_mq_recovery_note_delete(ch, true, php_mq_slot_bytes(obj, MQ_QUEUE_PROP_NAME));
    }
    RETURN_LONG((zend_long)count);
}

/* ---- getters ------------------------------------------------------------- */

/* Returns an object slot; an uninitialised one gives the engine's error. */
static void queue_return_object(zend_object *obj, int slot, const char *name, zval *return_value)
{
    zval *zv = php_mq_slot(obj, slot);
    if (Z_TYPE_P(zv) != IS_OBJECT) {
        zend_throw_error(NULL, "Typed property AMQPQueue::$%s must not be accessed before initialization",
                         name);
        return;
    }
    RETURN_COPY(zv);
}

ZEND_METHOD(AMQPQueue, getChannel)
{
    ZEND_PARSE_PARAMETERS_NONE();
    queue_return_object(Z_OBJ_P(ZEND_THIS), MQ_QUEUE_PROP_CHANNEL, "channel", return_value);
}

ZEND_METHOD(AMQPQueue, getConnection)
{
    ZEND_PARSE_PARAMETERS_NONE();
    queue_return_object(Z_OBJ_P(ZEND_THIS), MQ_QUEUE_PROP_CONNECTION, "connection", return_value);
}

ZEND_METHOD(AMQPQueue, getConsumerTag)
{
    ZEND_PARSE_PARAMETERS_NONE();
    zval *tag = php_mq_slot(Z_OBJ_P(ZEND_THIS), MQ_QUEUE_PROP_CONSUMER_TAG);
    if (Z_TYPE_P(tag) == IS_STRING) {
        RETURN_STR_COPY(Z_STR_P(tag));
    }
    RETURN_NULL();
}

/* SPDX-License-Identifier: MIT */
/*
 * AMQPExchange: the object (declared properties plus a reusable buffer for
 * publish() headers), the constructor, name/type/flags/arguments, declare,
 * delete, exchange-to-exchange bind/unbind and publish (docs/compatibility.md §3.4).
 * publish() builds the message properties from the caller's array by slot
 * and by key, converts the headers table before anything is checked or sent
 * (§7.12), refuses property strings that do not fit a shortstr (§7.16) and
 * hands everything to the core in one call.
 */
#include "mq_queue.h"
#include "AMQPExchange_arginfo.h"

zend_class_entry *mq_ce_AMQPExchange;
static zend_object_handlers mq_exchange_handlers;

/* Publish buffers larger than this are released after use. */
#define MQ_EXCHANGE_KEEP_BUFFER (64 * 1024)

/* AMQPExchange's C state (only this file uses it). */
typedef struct php_mq_exchange {
    mq_wbuf headers; /* publish(): encoded headers table, reused between calls */
    bool headers_busy; /* `headers` in use by a publish() up the stack (an
                        * AMQPValue's toAmqpValue() may publish again) */
    zend_object std;
} php_mq_exchange;

static inline php_mq_exchange *php_mq_exchange_from_obj(zend_object *obj)
{
    return (php_mq_exchange *)((char *)obj - offsetof(php_mq_exchange, std));
}

/* ---- object ------------------------------------------------------------ */

static zend_object *exchange_obj_create(zend_class_entry *ce)
{
    php_mq_exchange *x = zend_object_alloc(sizeof(php_mq_exchange), ce);
    mq_wbuf_init(&x->headers);
    x->headers_busy = false;
    zend_object_std_init(&x->std, ce);
    object_properties_init(&x->std, ce);
    x->std.handlers = &mq_exchange_handlers;
    return &x->std;
}

static void exchange_obj_free(zend_object *obj)
{
    mq_wbuf_free(&php_mq_exchange_from_obj(obj)->headers);
    zend_object_std_dtor(obj);
}

/* Clones are plain property copies, like the peer's. */
static zend_object *exchange_obj_clone(zend_object *old)
{
    zend_object *obj = exchange_obj_create(old->ce);
    zend_objects_clone_members(obj, old);
    return obj;
}

void php_mq_register_exchange(void)
{
    mq_ce_AMQPExchange = register_class_AMQPExchange();
    mq_ce_AMQPExchange->create_object = exchange_obj_create;
    memcpy(&mq_exchange_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
    mq_exchange_handlers.offset = offsetof(php_mq_exchange, std);
    mq_exchange_handlers.free_obj = exchange_obj_free;
    mq_exchange_handlers.clone_obj = exchange_obj_clone;
}

/* ---- helpers ----------------------------------------------------------- */

/* Precondition checks (docs/compatibility.md §3.0); stale when the constructor never ran. */
static php_mq_channel *exchange_check(zend_object *obj, const char *context)
{
    zval *ch = php_mq_slot(obj, MQ_EXCH_PROP_CHANNEL);
    if (Z_TYPE_P(ch) != IS_OBJECT) {
        zend_throw_error(NULL, "Typed property AMQPExchange::$channel must not be accessed before initialization");
    }
    return php_mq_check_channel(ch, context);
}

/* ---- constructor ------------------------------------------------------- */

ZEND_METHOD(AMQPExchange, __construct)
{
    zval *channel;
    zend_object *obj = Z_OBJ_P(ZEND_THIS);

    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_OBJECT_OF_CLASS(channel, mq_ce_AMQPChannel)
    ZEND_PARSE_PARAMETERS_END();

    zval empty;
    ZVAL_EMPTY_ARRAY(&empty);
    php_mq_slot_set(obj, MQ_EXCH_PROP_ARGUMENTS, &empty);

    if (!php_mq_check_channel(channel, "Could not create exchange.")) {
        RETURN_THROWS();
    }
    php_mq_slot_set(obj, MQ_EXCH_PROP_CHANNEL, channel);
    php_mq_slot_set(obj, MQ_EXCH_PROP_CONNECTION, php_mq_slot(Z_OBJ_P(channel), MQ_CHAN_PROP_CONNECTION));
}

/* ---- name, type, flags ------------------------------------------------- */

/* A ?string slot as PHP sees it through the getters: null for "" too. */
static void exchange_return_name(zend_object *obj, int slot, zval *return_value)
{
    zval *zv = php_mq_slot(obj, slot);
    if (Z_TYPE_P(zv) == IS_STRING && Z_STRLEN_P(zv) > 0) {
        RETURN_STR_COPY(Z_STR_P(zv));
    }
    RETURN_NULL();
}

ZEND_METHOD(AMQPExchange, getName)
{
    ZEND_PARSE_PARAMETERS_NONE();
    exchange_return_name(Z_OBJ_P(ZEND_THIS), MQ_EXCH_PROP_NAME, return_value);
}

ZEND_METHOD(AMQPExchange, setName)
{
    zend_string *name = NULL;

    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR_OR_NULL(name)
    ZEND_PARSE_PARAMETERS_END();

    if (name && ZSTR_LEN(name) > 255) {
        zend_throw_exception(mq_ce_AMQPExchangeException,
                             "Invalid exchange name given, must be less than 255 characters long.", 0);
        RETURN_THROWS();
    }
    php_mq_slot_set_str(Z_OBJ_P(ZEND_THIS), MQ_EXCH_PROP_NAME, name ? name : ZSTR_EMPTY_ALLOC());
}

ZEND_METHOD(AMQPExchange, getType)
{
    ZEND_PARSE_PARAMETERS_NONE();
    exchange_return_name(Z_OBJ_P(ZEND_THIS), MQ_EXCH_PROP_TYPE, return_value);
}

ZEND_METHOD(AMQPExchange, setType)
{
    zend_string *type = NULL;

    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR_OR_NULL(type)
    ZEND_PARSE_PARAMETERS_END();

    php_mq_slot_set_str(Z_OBJ_P(ZEND_THIS), MQ_EXCH_PROP_TYPE, type ? type : ZSTR_EMPTY_ALLOC());
}

ZEND_METHOD(AMQPExchange, getFlags)
{
    ZEND_PARSE_PARAMETERS_NONE();
    zend_object *obj = Z_OBJ_P(ZEND_THIS);
    zend_long flags = 0;
    if (php_mq_slot_bool(obj, MQ_EXCH_PROP_PASSIVE)) {
        flags |= MQ_FLAG_PASSIVE;
    }
    if (php_mq_slot_bool(obj, MQ_EXCH_PROP_DURABLE)) {
        flags |= MQ_FLAG_DURABLE;
    }
    if (php_mq_slot_bool(obj, MQ_EXCH_PROP_AUTO_DELETE)) {
        flags |= MQ_FLAG_AUTODELETE;
    }
    if (php_mq_slot_bool(obj, MQ_EXCH_PROP_INTERNAL)) {
        flags |= MQ_FLAG_INTERNAL;
    }
    RETURN_LONG(flags);
}

ZEND_METHOD(AMQPExchange, setFlags)
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
    php_mq_slot_set_bool(obj, MQ_EXCH_PROP_PASSIVE, flags & MQ_FLAG_PASSIVE);
    php_mq_slot_set_bool(obj, MQ_EXCH_PROP_DURABLE, flags & MQ_FLAG_DURABLE);
    php_mq_slot_set_bool(obj, MQ_EXCH_PROP_AUTO_DELETE, flags & MQ_FLAG_AUTODELETE);
    php_mq_slot_set_bool(obj, MQ_EXCH_PROP_INTERNAL, flags & MQ_FLAG_INTERNAL);
}

/* ---- arguments ---------------------------------------------------------- */

ZEND_METHOD(AMQPExchange, getArgument)
{
    php_mq_arguments_get(INTERNAL_FUNCTION_PARAM_PASSTHRU, MQ_EXCH_PROP_ARGUMENTS, mq_ce_AMQPExchangeException);
}

ZEND_METHOD(AMQPExchange, getArguments)
{
    php_mq_arguments_all(INTERNAL_FUNCTION_PARAM_PASSTHRU, MQ_EXCH_PROP_ARGUMENTS);
}

ZEND_METHOD(AMQPExchange, setArgument)
{
    php_mq_arguments_set(INTERNAL_FUNCTION_PARAM_PASSTHRU, MQ_EXCH_PROP_ARGUMENTS, mq_ce_AMQPExchangeException, false,
                         "The value parameter must be of type NULL, int, double or string.");
}

ZEND_METHOD(AMQPExchange, removeArgument)
{
    php_mq_arguments_remove(INTERNAL_FUNCTION_PARAM_PASSTHRU, MQ_EXCH_PROP_ARGUMENTS);
}

ZEND_METHOD(AMQPExchange, setArguments)
{
    php_mq_arguments_replace(INTERNAL_FUNCTION_PARAM_PASSTHRU, MQ_EXCH_PROP_ARGUMENTS);
}

ZEND_METHOD(AMQPExchange, hasArgument)
{
    php_mq_arguments_has(INTERNAL_FUNCTION_PARAM_PASSTHRU, MQ_EXCH_PROP_ARGUMENTS);
}

/* ---- declare / delete -------------------------------------------------- */

static void exchange_declare(INTERNAL_FUNCTION_PARAMETERS)
{
    zend_object *obj = Z_OBJ_P(ZEND_THIS);

    ZEND_PARSE_PARAMETERS_NONE();

    php_mq_channel *ch = exchange_check(obj, "Could not declare exchange.");
    if (!ch) {
        RETURN_THROWS();
    }
    mq_bytes name = php_mq_slot_bytes(obj, MQ_EXCH_PROP_NAME);
    if (name.len == 0) {
        zend_throw_exception(mq_ce_AMQPExchangeException,
                             "Could not declare exchange. Exchanges must have a name.", 0);
        RETURN_THROWS();
    }
    mq_bytes type = php_mq_slot_bytes(obj, MQ_EXCH_PROP_TYPE);
    if (type.len == 0) {
        zend_throw_exception(mq_ce_AMQPExchangeException,
                             "Could not declare exchange. Exchanges must have a type.", 0);
        RETURN_THROWS();
    }
    mq_wbuf w;
    mq_bytes args = mq_bytes_of(NULL, 0);
    zval *arguments = php_mq_slot(obj, MQ_EXCH_PROP_ARGUMENTS);
    mq_wbuf_init(&w);
    /* The conversion may run PHP code (AMQPValue): check again after it
     * and re-read the views. */
    if (Z_TYPE_P(arguments) == IS_ARRAY
        && (php_mq_encode_table(&w, Z_ARRVAL_P(arguments), &args) == FAILURE
            || !(ch = exchange_check(obj, "Could not declare exchange.")))) {
        mq_wbuf_free(&w);
        RETURN_THROWS();
    }
    name = php_mq_slot_bytes(obj, MQ_EXCH_PROP_NAME);
    type = php_mq_slot_bytes(obj, MQ_EXCH_PROP_TYPE);
    int rc = mq_exchange_declare(ch->res->conn, ch->id, name, type,
                                 php_mq_slot_bool(obj, MQ_EXCH_PROP_PASSIVE),
                                 php_mq_slot_bool(obj, MQ_EXCH_PROP_DURABLE),
                                 php_mq_slot_bool(obj, MQ_EXCH_PROP_AUTO_DELETE),
                                 php_mq_slot_bool(obj, MQ_EXCH_PROP_INTERNAL), args);
    if (rc >= 0 && PHP_MQ_RECORDING(ch) && !php_mq_slot_bool(obj, MQ_EXCH_PROP_PASSIVE)) {
        php_mq_recovery_note_exchange(ch, name, type, php_mq_slot_bool(obj, MQ_EXCH_PROP_DURABLE),
                                      php_mq_slot_bool(obj, MQ_EXCH_PROP_AUTO_DELETE),
                                      php_mq_slot_bool(obj, MQ_EXCH_PROP_INTERNAL), args);
    }
    mq_wbuf_free(&w);
    if (rc < 0) {
        php_mq_channel_fail(ch, rc, mq_ce_AMQPExchangeException);
        RETURN_THROWS();
    }
}

ZEND_METHOD(AMQPExchange, declareExchange)
{
    exchange_declare(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}

ZEND_METHOD(AMQPExchange, declare)
{
    exchange_declare(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}

ZEND_METHOD(AMQPExchange, delete)
{
    zend_string *name = NULL;
    zend_long flags = 0;
    bool flags_null = true;
    zend_object *obj = Z_OBJ_P(ZEND_THIS);

    ZEND_PARSE_PARAMETERS_START(0, 2)
        Z_PARAM_OPTIONAL
        Z_PARAM_STR_OR_NULL(name)
        Z_PARAM_LONG_OR_NULL(flags, flags_null)
    ZEND_PARSE_PARAMETERS_END();

    if (flags_null) {
        flags = 0;
    }
    if (php_mq_check_shortstr(name, mq_ce_AMQPExchangeException, "Could not delete exchange.", "exchange name")
        == FAILURE) {
        RETURN_THROWS();
    }
    php_mq_channel *ch = exchange_check(obj, "Could not delete exchange.");
    if (!ch) {
        RETURN_THROWS();
    }
    mq_bytes target = name && ZSTR_LEN(name) > 0 ? mq_bytes_of(ZSTR_VAL(name), ZSTR_LEN(name))
                                                 : php_mq_slot_bytes(obj, MQ_EXCH_PROP_NAME);
    int rc = mq_exchange_delete(ch->res->conn, ch->id, target, (flags & MQ_FLAG_IFUNUSED) != 0);
    if (rc < 0) {
        php_mq_channel_fail(ch, rc, mq_ce_AMQPExchangeException);
        RETURN_THROWS();
    }
    if (PHP_MQ_RECORDING(ch)) {
        php_mq_recovery_note_delete(ch, false, target);
    }
}

/* ---- bind / unbind (exchange to exchange) -------------------------------- */

static void exchange_bind(INTERNAL_FUNCTION_PARAMETERS, bool bind)
{
    zend_string *source, *routing_key = NULL;
    HashTable *arguments = NULL;
    zend_object *obj = Z_OBJ_P(ZEND_THIS);

    ZEND_PARSE_PARAMETERS_START(1, 3)
        Z_PARAM_STR(source)
        Z_PARAM_OPTIONAL
        Z_PARAM_STR_OR_NULL(routing_key)
        Z_PARAM_ARRAY_HT(arguments)
    ZEND_PARSE_PARAMETERS_END();

    const char *context = bind ? "Could not bind to exchange." : "Could not unbind from exchange.";
    if (php_mq_check_shortstr(source, mq_ce_AMQPExchangeException, context, "exchange name") == FAILURE
        || php_mq_check_shortstr(routing_key, mq_ce_AMQPExchangeException, context, "routing key") == FAILURE) {
        RETURN_THROWS();
    }
    php_mq_channel *ch = exchange_check(obj, context);
    if (!ch) {
        RETURN_THROWS();
    }
    mq_wbuf w;
    mq_bytes args = mq_bytes_of(NULL, 0);
    mq_wbuf_init(&w);
    /* The conversion may run PHP code (AMQPValue): check again after it. */
    if (arguments && (php_mq_encode_table(&w, arguments, &args) == FAILURE
                      || !(ch = exchange_check(obj, context)))) {
        mq_wbuf_free(&w);
        RETURN_THROWS();
    }
    mq_bytes dest = php_mq_slot_bytes(obj, MQ_EXCH_PROP_NAME);
    mq_bytes src = mq_bytes_of(ZSTR_VAL(source), ZSTR_LEN(source));
    mq_bytes rk = routing_key ? mq_bytes_of(ZSTR_VAL(routing_key), ZSTR_LEN(routing_key))
                              : mq_bytes_of(NULL, 0);
    int rc = bind ? mq_exchange_bind(ch->res->conn, ch->id, dest, src, rk, args)
                  : mq_exchange_unbind(ch->res->conn, ch->id, dest, src, rk, args);
    if (rc >= 0 && PHP_MQ_RECORDING(ch)) {
        php_mq_recovery_note_binding(ch, false, bind, dest, src, rk, args);
    }
    mq_wbuf_free(&w);
    if (rc < 0) {
        php_mq_channel_fail(ch, rc, mq_ce_AMQPExchangeException);
        RETURN_THROWS();
    }
}

ZEND_METHOD(AMQPExchange, bind)
{
    exchange_bind(INTERNAL_FUNCTION_PARAM_PASSTHRU, true);
}

ZEND_METHOD(AMQPExchange, unbind)
{
    exchange_bind(INTERNAL_FUNCTION_PARAM_PASSTHRU, false);
}

/* ---- publish ------------------------------------------------------------ */

/* The keys publish() understands (docs/compatibility.md §3.4 table, plus cluster_id). */
enum { PROP_STR, PROP_OCTET, PROP_TIMESTAMP, PROP_HEADERS };

typedef struct publish_key {
    const char *name;
    uint8_t len;
    uint8_t kind;    /* PROP_* */
    uint16_t flag;   /* MQ_BASIC_*_FLAG */
    uint16_t offset; /* of the field in mq_basic_properties_t */
} publish_key;

enum {
    PK_CONTENT_TYPE, PK_CONTENT_ENCODING, PK_MESSAGE_ID, PK_USER_ID, PK_APP_ID, PK_DELIVERY_MODE,
    PK_PRIORITY, PK_TIMESTAMP, PK_EXPIRATION, PK_TYPE, PK_REPLY_TO, PK_CORRELATION_ID, PK_HEADERS,
    PK_CLUSTER_ID, PUBLISH_KEY_COUNT
};

#define PK(i, n, k, f, field) \
    [i] = { n, sizeof(n) - 1, k, f, (uint16_t)offsetof(mq_basic_properties_t, field) }
static const publish_key publish_keys[PUBLISH_KEY_COUNT] = {
    PK(PK_CONTENT_TYPE, "content_type", PROP_STR, MQ_BASIC_CONTENT_TYPE_FLAG, content_type),
    PK(PK_CONTENT_ENCODING, "content_encoding", PROP_STR, MQ_BASIC_CONTENT_ENCODING_FLAG, content_encoding),
    PK(PK_MESSAGE_ID, "message_id", PROP_STR, MQ_BASIC_MESSAGE_ID_FLAG, message_id),
    PK(PK_USER_ID, "user_id", PROP_STR, MQ_BASIC_USER_ID_FLAG, user_id),
    PK(PK_APP_ID, "app_id", PROP_STR, MQ_BASIC_APP_ID_FLAG, app_id),
    PK(PK_DELIVERY_MODE, "delivery_mode", PROP_OCTET, MQ_BASIC_DELIVERY_MODE_FLAG, delivery_mode),
    PK(PK_PRIORITY, "priority", PROP_OCTET, MQ_BASIC_PRIORITY_FLAG, priority),
    PK(PK_TIMESTAMP, "timestamp", PROP_TIMESTAMP, MQ_BASIC_TIMESTAMP_FLAG, timestamp),
    PK(PK_EXPIRATION, "expiration", PROP_STR, MQ_BASIC_EXPIRATION_FLAG, expiration),
    PK(PK_TYPE, "type", PROP_STR, MQ_BASIC_TYPE_FLAG, type),
    PK(PK_REPLY_TO, "reply_to", PROP_STR, MQ_BASIC_REPLY_TO_FLAG, reply_to),
    PK(PK_CORRELATION_ID, "correlation_id", PROP_STR, MQ_BASIC_CORRELATION_ID_FLAG, correlation_id),
    PK(PK_HEADERS, "headers", PROP_HEADERS, MQ_BASIC_HEADERS_FLAG, headers),
    PK(PK_CLUSTER_ID, "cluster_id", PROP_STR, MQ_BASIC_CLUSTER_ID_FLAG, cluster_id),
};
#undef PK

/* The key's entry, or NULL.  Runs once per array element on every
 * publish(): the length and one distinguishing byte pick the only
 * candidate, and one comparison of constant size (inlined by the compiler)
 * confirms it. */
static const publish_key *publish_key_find(zend_string *key)
{
    const char *s = ZSTR_VAL(key);

#define PK_MATCH(lit, idx) return memcmp(s, lit, sizeof(lit) - 1) == 0 ? &publish_keys[idx] : NULL
    switch (ZSTR_LEN(key)) {
    case 4:
        PK_MATCH("type", PK_TYPE);
    case 6:
        PK_MATCH("app_id", PK_APP_ID);
    case 7:
        if (s[0] == 'u') {
            PK_MATCH("user_id", PK_USER_ID);
        }
        PK_MATCH("headers", PK_HEADERS);
    case 8:
        if (s[0] == 'p') {
            PK_MATCH("priority", PK_PRIORITY);
        }
        PK_MATCH("reply_to", PK_REPLY_TO);
    case 9:
        PK_MATCH("timestamp", PK_TIMESTAMP);
    case 10:
        if (s[0] == 'm') {
            PK_MATCH("message_id", PK_MESSAGE_ID);
        }
        if (s[0] == 'e') {
            PK_MATCH("expiration", PK_EXPIRATION);
        }
        PK_MATCH("cluster_id", PK_CLUSTER_ID);
    case 12:
        PK_MATCH("content_type", PK_CONTENT_TYPE);
    case 13:
        PK_MATCH("delivery_mode", PK_DELIVERY_MODE);
    case 14:
        PK_MATCH("correlation_id", PK_CORRELATION_ID);
    case 16:
        PK_MATCH("content_encoding", PK_CONTENT_ENCODING);
    default:
        return NULL;
    }
#undef PK_MATCH
}

/* Strings publish() holds while the properties point into them. */
typedef struct publish_strings {
    zend_string *s[PUBLISH_KEY_COUNT];
    unsigned n;
} publish_strings;

static void publish_strings_release(publish_strings *held)
{
    for (unsigned i = 0; i < held->n; i++) {
        zend_string_release(held->s[i]);
    }
    held->n = 0;
}

/* Encodes the headers property into w; *content is the table content. */
static zend_result publish_headers(mq_wbuf *w, zval *value, mq_bytes *content)
{
    zval arr;
    zend_result r;

    mq_wbuf_reset(w);
    if (Z_TYPE_P(value) == IS_ARRAY) {
        r = php_mq_table_from_array(w, Z_ARRVAL_P(value), "header");
    } else {
        /* A non-array is cast like (array). */
        ZVAL_COPY(&arr, value);
        convert_to_array(&arr);
        r = php_mq_table_from_array(w, Z_ARRVAL(arr), "header");
        zval_ptr_dtor(&arr);
    }
    if (r == SUCCESS) {
        *content = mq_bytes_of((const char *)w->data + 4, w->len - 4);
    }
    return r;
}

/* Fills props from the caller's array.  Strings are held in `held`. */
static zend_result publish_properties(mq_wbuf *hbuf, HashTable *ht, mq_basic_properties_t *props,
                                      publish_strings *held)
{
    zend_string *key;
    zval *value;

    ZEND_HASH_FOREACH_STR_KEY_VAL(ht, key, value) {
        if (!key) {
            continue;
        }
        const publish_key *k = publish_key_find(key);
        if (!k) {
            continue; /* unknown keys are ignored */
        }
        ZVAL_DEREF(value);
        if (Z_TYPE_P(value) == IS_NULL) {
            continue; /* null: property absent (docs/compatibility.md §7.15) */
        }
        char *field = (char *)props + k->offset;
        switch (k->kind) {
        case PROP_STR: {
            zend_string *s = zval_try_get_string(value);
            if (!s) {
                return FAILURE;
            }
            if (ZSTR_LEN(s) == 0) {
                zend_string_release(s);
                break;
            }
            held->s[held->n++] = s;
            if (ZSTR_LEN(s) > 255) {
                php_mq_throwf(mq_ce_AMQPExchangeException, 0,
                              "Could not publish to exchange. The '%s' property must not be longer than 255 bytes.",
                              k->name);
                return FAILURE;
            }
            *(mq_bytes *)field = mq_bytes_of(ZSTR_VAL(s), ZSTR_LEN(s));
            props->flags |= k->flag;
            break;
        }
        case PROP_OCTET:
            *(uint8_t *)field = (uint8_t)zval_get_long(value);
            props->flags |= k->flag;
            break;
        case PROP_TIMESTAMP:
            props->timestamp = (uint64_t)zval_get_long(value);
            props->flags |= k->flag;
            break;
        default: /* PROP_HEADERS */
            if (publish_headers(hbuf, value, &props->headers) == FAILURE) {
                return FAILURE;
            }
            props->flags |= k->flag;
            break;
        }
        if (EG(exception)) {
            return FAILURE; /* e.g. a conversion warning turned into an exception */
        }
    } ZEND_HASH_FOREACH_END();
    return SUCCESS;
}

ZEND_METHOD(AMQPExchange, publish)
{
    zend_string *body, *routing_key = NULL;
    zend_long flags = 0;
    bool flags_null = true;
    HashTable *ht = NULL;
    zend_object *obj = Z_OBJ_P(ZEND_THIS);
    php_mq_exchange *x = php_mq_exchange_from_obj(obj);

    ZEND_PARSE_PARAMETERS_START(1, 4)
        Z_PARAM_STR(body)
        Z_PARAM_OPTIONAL
        Z_PARAM_STR_OR_NULL(routing_key)
        Z_PARAM_LONG_OR_NULL(flags, flags_null)
        Z_PARAM_ARRAY_HT(ht)
    ZEND_PARSE_PARAMETERS_END();

    if (flags_null) {
        flags = 0;
    }
    /* 1-2. Properties and headers, before the channel check and before
     * anything is sent (docs/compatibility.md §7.12).  The headers go into the object's
     * buffer unless a publish() further up the stack is using it. */
    mq_basic_properties_t props;
    publish_strings held;
    mq_wbuf own;
    mq_wbuf *hbuf = &own;
    bool took_buffer = false;
    held.n = 0;
    memset(&props, 0, sizeof(props));
    mq_wbuf_init(&own);
    if (!x->headers_busy) {
        hbuf = &x->headers;
        x->headers_busy = took_buffer = true;
    }
    zend_result ok = ht ? publish_properties(hbuf, ht, &props, &held) : SUCCESS;
    if (ok == SUCCESS) {
        ok = php_mq_check_shortstr(routing_key, mq_ce_AMQPExchangeException, "Could not publish to exchange.",
                                   "routing key");
    }
    if (!(props.flags & MQ_BASIC_CONTENT_TYPE_FLAG)) {
        props.content_type = mq_bytes_of("text/plain", sizeof("text/plain") - 1);
        props.flags |= MQ_BASIC_CONTENT_TYPE_FLAG;
    }

    /* 3. The channel.  4. One call to the core. */
    php_mq_channel *ch = ok == SUCCESS ? exchange_check(obj, "Could not publish to exchange.") : NULL;
    int rc = 0;
    php_mq_conn_res *res = ch ? ch->res : NULL;
    if (ch) {
        mq_bytes rk = routing_key ? mq_bytes_of(ZSTR_VAL(routing_key), ZSTR_LEN(routing_key))
                                  : mq_bytes_of(NULL, 0);
        rc = mq_basic_publish(res->conn, ch->id, php_mq_slot_bytes(obj, MQ_EXCH_PROP_NAME), rk,
                              (flags & MQ_FLAG_MANDATORY) != 0, (flags & MQ_FLAG_IMMEDIATE) != 0,
                              &props, ZSTR_VAL(body), ZSTR_LEN(body));
    }
    publish_strings_release(&held);
    mq_wbuf_free(&own);
    if (took_buffer) {
        x->headers_busy = false;
        if (x->headers.cap > MQ_EXCHANGE_KEEP_BUFFER) {
            mq_wbuf_free(&x->headers);
            mq_wbuf_init(&x->headers);
        }
    }
    if (!ch) {
        RETURN_THROWS();
    }
    if (rc == MQ_E_INTERRUPTED && mq_conn_write_suspended(res->conn)) {
        /* suspended mid-write (the core kept the rest): handlers run now,
         * and may use or destroy any object, this channel's included */
        if (php_mq_finish_write(res, rc, mq_ce_AMQPExchangeException) < 0) {
            RETURN_THROWS();
        }
        return;
    }
    if (rc < 0) {
        php_mq_channel_fail(ch, rc, mq_ce_AMQPExchangeException);
        RETURN_THROWS();
    }
}

/* ---- getters ------------------------------------------------------------- */

static void exchange_return_object(zend_object *obj, int slot, const char *name, zval *return_value)
{
    zval *zv = php_mq_slot(obj, slot);
    if (Z_TYPE_P(zv) != IS_OBJECT) {
        zend_throw_error(NULL, "Typed property AMQPExchange::$%s must not be accessed before initialization",
                         name);
        return;
    }
    RETURN_COPY(zv);
}

ZEND_METHOD(AMQPExchange, getChannel)
{
    ZEND_PARSE_PARAMETERS_NONE();
    exchange_return_object(Z_OBJ_P(ZEND_THIS), MQ_EXCH_PROP_CHANNEL, "channel", return_value);
}

ZEND_METHOD(AMQPExchange, getConnection)
{
    ZEND_PARSE_PARAMETERS_NONE();
    exchange_return_object(Z_OBJ_P(ZEND_THIS), MQ_EXCH_PROP_CONNECTION, "connection", return_value);
}

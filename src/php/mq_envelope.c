/* SPDX-License-Identifier: MIT */
/*
 * AMQPEnvelope (docs/compatibility.md §3.6) and the conversion of received messages into
 * PHP objects: php_mq_envelope_from_message() for basic.get-ok and
 * basic.deliver, php_mq_properties_from_message() for basic.return, and
 * php_mq_message_body() which hands the body over as a zend_string.  This
 * is the consume hot path: objects are created with object_init_ex() and
 * their declared property slots written directly, never by name, and
 * successive deliveries with the same consumer tag share its string.
 *
 * Wire rules (docs/compatibility.md §3.5): an absent string property is null; absent
 * deliveryMode is 1, priority 0, timestamp 0 (php-amqp quirk) and headers
 * []; clusterId is read from the wire (§7.19).  Headers nested deeper than
 * amqp.deserialization_depth are dropped with a warning instead of losing
 * the message (§7.13, see php_mq_headers_from_table()).  getHeader() and
 * hasHeader() look names up with symbol-table rules, so numeric names such
 * as "123" (stored as int keys) are found (§7.18).
 */
#include "php_mq_internal.h"

#include "AMQPEnvelope_arginfo.h"

zend_class_entry *mq_ce_AMQPEnvelope;

void php_mq_register_envelope(void)
{
    mq_ce_AMQPEnvelope = register_class_AMQPEnvelope(mq_ce_AMQPBasicProperties);
}

/* Envelope property names by slot (from MQ_ENV_BODY), for the engine's
 * error on an unset property. */
static const char *const mq_env_names[] = {
    "body", "consumerTag", "deliveryTag", "isRedelivery", "exchangeName", "routingKey",
};

/* Returns slot n of this envelope (see mq_basic_properties.c). */
static void mq_env_return(zval *this_zv, uint32_t n, zval *return_value)
{
    zend_object *obj = Z_OBJ_P(this_zv);
    zval *zv = OBJ_PROP_NUM(obj, n), rv;

    if (EXPECTED(!Z_ISUNDEF_P(zv))) {
        RETURN_COPY_DEREF(zv);
    }
    zend_read_property(mq_ce_AMQPEnvelope, obj, mq_env_names[n - MQ_ENV_BODY],
                       strlen(mq_env_names[n - MQ_ENV_BODY]), false, &rv);
    RETURN_THROWS();
}

/* ---- building objects from messages ------------------------------------ */

/* Replaces slot n of a freshly created object (whose defaults are never
 * refcounted, but release them anyway). */
static inline zval *mq_slot_reset(zend_object *obj, uint32_t n)
{
    zval *slot = OBJ_PROP_NUM(obj, n);
    zval_ptr_dtor(slot);
    return slot;
}

static inline void mq_slot_bytes(zend_object *obj, uint32_t n, mq_bytes b)
{
    zval *slot = mq_slot_reset(obj, n);
    ZVAL_STRINGL_FAST(slot, b.len ? b.ptr : "", b.len);
}

/* A ?string property: the string when its flag is set, else null. */
static inline void mq_slot_prop(zend_object *obj, uint32_t n, const mq_basic_properties_t *p,
                                uint16_t flag, mq_bytes b)
{
    if (p->flags & flag) {
        mq_slot_bytes(obj, n, b);
    } else {
        ZVAL_NULL(mq_slot_reset(obj, n));
    }
}

/* Fills the 14 AMQPBasicProperties slots from the wire properties. */
static void mq_fill_properties(zend_object *obj, const mq_basic_properties_t *p)
{
    zval *slot;

    mq_slot_prop(obj, MQ_PROPS_CONTENT_TYPE, p, MQ_BASIC_CONTENT_TYPE_FLAG, p->content_type);
    mq_slot_prop(obj, MQ_PROPS_CONTENT_ENCODING, p, MQ_BASIC_CONTENT_ENCODING_FLAG,
                 p->content_encoding);
    slot = mq_slot_reset(obj, MQ_PROPS_HEADERS);
    if ((p->flags & MQ_BASIC_HEADERS_FLAG) && p->headers.len > 0) {
        php_mq_headers_from_table(slot, p->headers);
    } else {
        ZVAL_EMPTY_ARRAY(slot);
    }
    ZVAL_LONG(mq_slot_reset(obj, MQ_PROPS_DELIVERY_MODE),
              (p->flags & MQ_BASIC_DELIVERY_MODE_FLAG) ? (zend_long)p->delivery_mode : 1);
    ZVAL_LONG(mq_slot_reset(obj, MQ_PROPS_PRIORITY),
              (p->flags & MQ_BASIC_PRIORITY_FLAG) ? (zend_long)p->priority : 0);
    mq_slot_prop(obj, MQ_PROPS_CORRELATION_ID, p, MQ_BASIC_CORRELATION_ID_FLAG, p->correlation_id);
    mq_slot_prop(obj, MQ_PROPS_REPLY_TO, p, MQ_BASIC_REPLY_TO_FLAG, p->reply_to);
    mq_slot_prop(obj, MQ_PROPS_EXPIRATION, p, MQ_BASIC_EXPIRATION_FLAG, p->expiration);
    mq_slot_prop(obj, MQ_PROPS_MESSAGE_ID, p, MQ_BASIC_MESSAGE_ID_FLAG, p->message_id);
    /* absent: 0, not null (php-amqp quirk); a u64 beyond PHP_INT_MAX wraps
     * like the peer's cast, the property being ?int */
    ZVAL_LONG(mq_slot_reset(obj, MQ_PROPS_TIMESTAMP),
              (p->flags & MQ_BASIC_TIMESTAMP_FLAG) ? (zend_long)p->timestamp : 0);
    mq_slot_prop(obj, MQ_PROPS_TYPE, p, MQ_BASIC_TYPE_FLAG, p->type);
    mq_slot_prop(obj, MQ_PROPS_USER_ID, p, MQ_BASIC_USER_ID_FLAG, p->user_id);
    mq_slot_prop(obj, MQ_PROPS_APP_ID, p, MQ_BASIC_APP_ID_FLAG, p->app_id);
    mq_slot_prop(obj, MQ_PROPS_CLUSTER_ID, p, MQ_BASIC_CLUSTER_ID_FLAG, p->cluster_id);
}

zend_string *php_mq_message_body(mq_message *m)
{
    const char *body = m->body;
    size_t len = m->body_len;
    void *handle = mq_message_take_body(m);
    zend_string *s;

    /* php_mq_set_hooks' allocator hands out zend_strings: the handle is
     * the string and the body its value (pointer arithmetic only, the
     * handle is not dereferenced unless this holds). */
    if (handle && len > 0 && body == (const char *)handle + offsetof(zend_string, val)) {
        s = (zend_string *)handle;
        ZSTR_LEN(s) = len;
        ZSTR_VAL(s)[len] = '\0';
        return s;
    }
    s = len ? zend_string_init(body, len, 0) : ZSTR_EMPTY_ALLOC();
    if (handle) {
        if (body == (const char *)handle + offsetof(zend_string, val)) {
            zend_string_release((zend_string *)handle); /* empty zend_string body */
        } else {
            free(handle); /* the core's default allocator is malloc */
        }
    }
    return s;
}

/* The consumer tag of the last delivery: the next envelopes whose tag has
 * the same bytes share it (one more reference) instead of each getting a
 * new string.  A request string, released at the end of the request
 * (php_mq_envelope_rshutdown()).  It must not be a persistent string: with
 * two consumers taking turns (nested consume() loops) an envelope can hold
 * the last reference, and the engine frees a string property with the
 * request allocator. */
ZEND_TLS zend_string *mq_env_last_tag;

void php_mq_envelope_rshutdown(void)
{
    if (mq_env_last_tag) {
        zend_string_release(mq_env_last_tag);
        mq_env_last_tag = NULL;
    }
}

static zend_string *mq_env_consumer_tag(mq_bytes tag)
{
    zend_string *s = mq_env_last_tag;

    if (tag.len == 0) {
        return ZSTR_EMPTY_ALLOC();
    }
    if (s && ZSTR_LEN(s) == tag.len && memcmp(ZSTR_VAL(s), tag.ptr, tag.len) == 0) {
        return zend_string_copy(s);
    }
    s = zend_string_init(tag.ptr, tag.len, 0);
    if (mq_env_last_tag) {
        zend_string_release(mq_env_last_tag);
    }
    mq_env_last_tag = s;
    return zend_string_copy(s);
}

zend_result php_mq_envelope_from_message(zval *rv, mq_message *m)
{
    zend_object *obj;
    zval *slot;

    object_init_ex(rv, mq_ce_AMQPEnvelope);
    obj = Z_OBJ_P(rv);
    php_mq_warn_defer_begin();
    mq_fill_properties(obj, &m->props);

    slot = mq_slot_reset(obj, MQ_ENV_BODY);
    ZVAL_STR(slot, php_mq_message_body(m));
    slot = mq_slot_reset(obj, MQ_ENV_CONSUMER_TAG);
    if (m->method == MQ_BASIC_GET_OK) {
        ZVAL_EMPTY_STRING(slot); /* get() reports "" (not null) */
    } else {
        ZVAL_STR(slot, mq_env_consumer_tag(m->consumer_tag));
    }
    ZVAL_LONG(mq_slot_reset(obj, MQ_ENV_DELIVERY_TAG), (zend_long)m->delivery_tag);
    ZVAL_BOOL(mq_slot_reset(obj, MQ_ENV_IS_REDELIVERY), m->redelivered);
    mq_slot_bytes(obj, MQ_ENV_EXCHANGE_NAME, m->exchange);
    mq_slot_bytes(obj, MQ_ENV_ROUTING_KEY, m->routing_key);
    php_mq_warn_defer_end(); /* the caller reads no view of m after this */
    return SUCCESS;
}

zend_result php_mq_properties_from_message(zval *rv, const mq_message *m)
{
    object_init_ex(rv, mq_ce_AMQPBasicProperties);
    mq_fill_properties(Z_OBJ_P(rv), &m->props);
    return SUCCESS;
}

/* ---- methods -------------------------------------------------------------- */

ZEND_METHOD(AMQPEnvelope, __construct)
{
    ZEND_PARSE_PARAMETERS_NONE();
    /* everything has its declared default */
}

ZEND_METHOD(AMQPEnvelope, getBody)
{
    ZEND_PARSE_PARAMETERS_NONE();
    mq_env_return(ZEND_THIS, MQ_ENV_BODY, return_value);
}

ZEND_METHOD(AMQPEnvelope, getRoutingKey)
{
    ZEND_PARSE_PARAMETERS_NONE();
    mq_env_return(ZEND_THIS, MQ_ENV_ROUTING_KEY, return_value);
}

ZEND_METHOD(AMQPEnvelope, getConsumerTag)
{
    ZEND_PARSE_PARAMETERS_NONE();
    mq_env_return(ZEND_THIS, MQ_ENV_CONSUMER_TAG, return_value);
}

ZEND_METHOD(AMQPEnvelope, getDeliveryTag)
{
    ZEND_PARSE_PARAMETERS_NONE();
    mq_env_return(ZEND_THIS, MQ_ENV_DELIVERY_TAG, return_value);
}

ZEND_METHOD(AMQPEnvelope, getExchangeName)
{
    ZEND_PARSE_PARAMETERS_NONE();
    mq_env_return(ZEND_THIS, MQ_ENV_EXCHANGE_NAME, return_value);
}

ZEND_METHOD(AMQPEnvelope, isRedelivery)
{
    ZEND_PARSE_PARAMETERS_NONE();
    mq_env_return(ZEND_THIS, MQ_ENV_IS_REDELIVERY, return_value);
}

/* The headers array of this envelope, or NULL when the slot does not hold
 * one (only possible through Closure binding tricks). */
static HashTable *mq_env_headers(zval *this_zv)
{
    zval *zv = OBJ_PROP_NUM(Z_OBJ_P(this_zv), MQ_PROPS_HEADERS);

    ZVAL_DEREF(zv);
    return Z_TYPE_P(zv) == IS_ARRAY ? Z_ARRVAL_P(zv) : NULL;
}

ZEND_METHOD(AMQPEnvelope, getHeader)
{
    zend_string *name;
    HashTable *headers;
    zval *zv;

    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(name)
    ZEND_PARSE_PARAMETERS_END();

    headers = mq_env_headers(ZEND_THIS);
    zv = headers ? zend_symtable_find(headers, name) : NULL;
    if (!zv) {
        RETURN_NULL();
    }
    RETURN_COPY_DEREF(zv);
}

ZEND_METHOD(AMQPEnvelope, hasHeader)
{
    zend_string *name;
    HashTable *headers;

    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(name)
    ZEND_PARSE_PARAMETERS_END();

    headers = mq_env_headers(ZEND_THIS);
    RETURN_BOOL(headers && zend_symtable_exists(headers, name));
}

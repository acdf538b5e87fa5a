/* SPDX-License-Identifier: MIT */
/*
 * AMQPBasicProperties (docs/compatibility.md §3.5): a value holder for the 14 AMQP basic
 * properties.  They live in the peer's declared private typed properties
 * (same names, types, defaults and order, so var_dump() and reflection
 * match php-amqp); the constructor and the getters address them by slot,
 * never by name.  AMQPEnvelope extends this class, so its first 14 slots
 * are the same.  Objects built from received messages are filled in
 * mq_envelope.c.
 */
#include "php_mq_internal.h"

#include "AMQPBasicProperties_arginfo.h"

zend_class_entry *mq_ce_AMQPBasicProperties;

void php_mq_register_basic_properties(void)
{
    mq_ce_AMQPBasicProperties = register_class_AMQPBasicProperties();
}

/* Property names by slot, for the engine's error on an unset property. */
static const char *const mq_props_names[] = {
    "contentType", "contentEncoding", "headers", "deliveryMode", "priority", "correlationId",
    "replyTo", "expiration", "messageId", "timestamp", "type", "userId", "appId", "clusterId",
};

/* Returns slot n of this object.  A slot can only be unset (or a
 * reference) through Closure binding tricks; the engine then reports it. */
static void mq_props_return(zval *this_zv, uint32_t n, zval *return_value)
{
    zend_object *obj = Z_OBJ_P(this_zv);
    zval *zv = OBJ_PROP_NUM(obj, n), rv;

    if (EXPECTED(!Z_ISUNDEF_P(zv))) {
        RETURN_COPY_DEREF(zv);
    }
    zend_read_property(mq_ce_AMQPBasicProperties, obj, mq_props_names[n],
                       strlen(mq_props_names[n]), false, &rv);
    RETURN_THROWS();
}

/* Stores v (taken over) in slot n; the old value is released last.  A
 * slot turned into a reference (Closure binding) is assigned through, with
 * the engine's type checks (which may throw). */
static void mq_props_assign(zend_object *obj, uint32_t n, zval *v)
{
    zval *slot = OBJ_PROP_NUM(obj, n), old;

    if (UNEXPECTED(Z_ISREF_P(slot))) {
        zend_try_assign_typed_ref(Z_REF_P(slot), v);
        return;
    }
    ZVAL_COPY_VALUE(&old, slot);
    ZVAL_COPY_VALUE(slot, v);
    zval_ptr_dtor(&old);
}

static void mq_props_assign_str(zend_object *obj, uint32_t n, zend_string *s)
{
    zval v;

    if (s) {
        ZVAL_STR_COPY(&v, s);
    } else {
        ZVAL_NULL(&v);
    }
    mq_props_assign(obj, n, &v);
}

static void mq_props_assign_long(zend_object *obj, uint32_t n, zend_long l)
{
    zval v;

    ZVAL_LONG(&v, l);
    mq_props_assign(obj, n, &v);
}

ZEND_METHOD(AMQPBasicProperties, __construct)
{
    zend_string *content_type = NULL, *content_encoding = NULL, *correlation_id = NULL;
    zend_string *reply_to = NULL, *expiration = NULL, *message_id = NULL, *type = NULL;
    zend_string *user_id = NULL, *app_id = NULL, *cluster_id = NULL;
    zval *headers = NULL, v;
    zend_long delivery_mode = 1, priority = 0, timestamp = 0;
    bool timestamp_null = true;
    zend_object *obj = Z_OBJ_P(ZEND_THIS);

    ZEND_PARSE_PARAMETERS_START(0, 14)
        Z_PARAM_OPTIONAL
        Z_PARAM_STR_OR_NULL(content_type)
        Z_PARAM_STR_OR_NULL(content_encoding)
        Z_PARAM_ARRAY(headers)
        Z_PARAM_LONG(delivery_mode)
        Z_PARAM_LONG(priority)
        Z_PARAM_STR_OR_NULL(correlation_id)
        Z_PARAM_STR_OR_NULL(reply_to)
        Z_PARAM_STR_OR_NULL(expiration)
        Z_PARAM_STR_OR_NULL(message_id)
        Z_PARAM_LONG_OR_NULL(timestamp, timestamp_null)
        Z_PARAM_STR_OR_NULL(type)
        Z_PARAM_STR_OR_NULL(user_id)
        Z_PARAM_STR_OR_NULL(app_id)
        Z_PARAM_STR_OR_NULL(cluster_id)
    ZEND_PARSE_PARAMETERS_END();

    mq_props_assign_str(obj, MQ_PROPS_CONTENT_TYPE, content_type);
    mq_props_assign_str(obj, MQ_PROPS_CONTENT_ENCODING, content_encoding);
    if (headers) {
        ZVAL_COPY(&v, headers);
    } else {
        ZVAL_EMPTY_ARRAY(&v);
    }
    mq_props_assign(obj, MQ_PROPS_HEADERS, &v);
    mq_props_assign_long(obj, MQ_PROPS_DELIVERY_MODE, delivery_mode);
    mq_props_assign_long(obj, MQ_PROPS_PRIORITY, priority);
    mq_props_assign_str(obj, MQ_PROPS_CORRELATION_ID, correlation_id);
    mq_props_assign_str(obj, MQ_PROPS_REPLY_TO, reply_to);
    mq_props_assign_str(obj, MQ_PROPS_EXPIRATION, expiration);
    mq_props_assign_str(obj, MQ_PROPS_MESSAGE_ID, message_id);
    if (timestamp_null) {
        ZVAL_NULL(&v);
    } else {
        ZVAL_LONG(&v, timestamp);
    }
    mq_props_assign(obj, MQ_PROPS_TIMESTAMP, &v);
    mq_props_assign_str(obj, MQ_PROPS_TYPE, type);
    mq_props_assign_str(obj, MQ_PROPS_USER_ID, user_id);
    mq_props_assign_str(obj, MQ_PROPS_APP_ID, app_id);
    mq_props_assign_str(obj, MQ_PROPS_CLUSTER_ID, cluster_id);
    if (EG(exception)) {
        RETURN_THROWS(); /* a type check of a referenced slot failed */
    }
}

ZEND_METHOD(AMQPBasicProperties, getContentType)
{
    ZEND_PARSE_PARAMETERS_NONE();
    mq_props_return(ZEND_THIS, MQ_PROPS_CONTENT_TYPE, return_value);
}

ZEND_METHOD(AMQPBasicProperties, getContentEncoding)
{
    ZEND_PARSE_PARAMETERS_NONE();
    mq_props_return(ZEND_THIS, MQ_PROPS_CONTENT_ENCODING, return_value);
}

ZEND_METHOD(AMQPBasicProperties, getHeaders)
{
    ZEND_PARSE_PARAMETERS_NONE();
    mq_props_return(ZEND_THIS, MQ_PROPS_HEADERS, return_value);
}

ZEND_METHOD(AMQPBasicProperties, getDeliveryMode)
{
    ZEND_PARSE_PARAMETERS_NONE();
    mq_props_return(ZEND_THIS, MQ_PROPS_DELIVERY_MODE, return_value);
}

ZEND_METHOD(AMQPBasicProperties, getPriority)
{
    ZEND_PARSE_PARAMETERS_NONE();
    mq_props_return(ZEND_THIS, MQ_PROPS_PRIORITY, return_value);
}

ZEND_METHOD(AMQPBasicProperties, getCorrelationId)
{
    ZEND_PARSE_PARAMETERS_NONE();
    mq_props_return(ZEND_THIS, MQ_PROPS_CORRELATION_ID, return_value);
}

ZEND_METHOD(AMQPBasicProperties, getReplyTo)
{
    ZEND_PARSE_PARAMETERS_NONE();
    mq_props_return(ZEND_THIS, MQ_PROPS_REPLY_TO, return_value);
}

ZEND_METHOD(AMQPBasicProperties, getExpiration)
{
    ZEND_PARSE_PARAMETERS_NONE();
    mq_props_return(ZEND_THIS, MQ_PROPS_EXPIRATION, return_value);
}

ZEND_METHOD(AMQPBasicProperties, getMessageId)
{
    ZEND_PARSE_PARAMETERS_NONE();
    mq_props_return(ZEND_THIS, MQ_PROPS_MESSAGE_ID, return_value);
}

ZEND_METHOD(AMQPBasicProperties, getTimestamp)
{
    ZEND_PARSE_PARAMETERS_NONE();
    mq_props_return(ZEND_THIS, MQ_PROPS_TIMESTAMP, return_value);
}

ZEND_METHOD(AMQPBasicProperties, getType)
{
    ZEND_PARSE_PARAMETERS_NONE();
    mq_props_return(ZEND_THIS, MQ_PROPS_TYPE, return_value);
}

ZEND_METHOD(AMQPBasicProperties, getUserId)
{
    ZEND_PARSE_PARAMETERS_NONE();
    mq_props_return(ZEND_THIS, MQ_PROPS_USER_ID, return_value);
}

ZEND_METHOD(AMQPBasicProperties, getAppId)
{
    ZEND_PARSE_PARAMETERS_NONE();
    mq_props_return(ZEND_THIS, MQ_PROPS_APP_ID, return_value);
}

ZEND_METHOD(AMQPBasicProperties, getClusterId)
{
    ZEND_PARSE_PARAMETERS_NONE();
    mq_props_return(ZEND_THIS, MQ_PROPS_CLUSTER_ID, return_value);
}

/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 270434a5a5008184764731d350c516c687a93841 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_AMQPBasicProperties___construct, 0, 0, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, contentType, IS_STRING, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, contentEncoding, IS_STRING, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, headers, IS_ARRAY, 0, "[]")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, deliveryMode, IS_LONG, 0, "AMQP_DELIVERY_MODE_TRANSIENT")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, priority, IS_LONG, 0, "0")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, correlationId, IS_STRING, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, replyTo, IS_STRING, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, expiration, IS_STRING, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, messageId, IS_STRING, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, timestamp, IS_LONG, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, type, IS_STRING, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, userId, IS_STRING, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, appId, IS_STRING, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, clusterId, IS_STRING, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPBasicProperties_getContentType, 0, 0, IS_STRING, 1)
ZEND_END_ARG_INFO()

#define arginfo_class_AMQPBasicProperties_getContentEncoding arginfo_class_AMQPBasicProperties_getContentType

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPBasicProperties_getHeaders, 0, 0, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPBasicProperties_getDeliveryMode, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_AMQPBasicProperties_getPriority arginfo_class_AMQPBasicProperties_getDeliveryMode

#define arginfo_class_AMQPBasicProperties_getCorrelationId arginfo_class_AMQPBasicProperties_getContentType

#define arginfo_class_AMQPBasicProperties_getReplyTo arginfo_class_AMQPBasicProperties_getContentType

#define arginfo_class_AMQPBasicProperties_getExpiration arginfo_class_AMQPBasicProperties_getContentType

#define arginfo_class_AMQPBasicProperties_getMessageId arginfo_class_AMQPBasicProperties_getContentType

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPBasicProperties_getTimestamp, 0, 0, IS_LONG, 1)
ZEND_END_ARG_INFO()

#define arginfo_class_AMQPBasicProperties_getType arginfo_class_AMQPBasicProperties_getContentType

#define arginfo_class_AMQPBasicProperties_getUserId arginfo_class_AMQPBasicProperties_getContentType

#define arginfo_class_AMQPBasicProperties_getAppId arginfo_class_AMQPBasicProperties_getContentType

#define arginfo_class_AMQPBasicProperties_getClusterId arginfo_class_AMQPBasicProperties_getContentType


ZEND_METHOD(AMQPBasicProperties, __construct);
ZEND_METHOD(AMQPBasicProperties, getContentType);
ZEND_METHOD(AMQPBasicProperties, getContentEncoding);
ZEND_METHOD(AMQPBasicProperties, getHeaders);
ZEND_METHOD(AMQPBasicProperties, getDeliveryMode);
ZEND_METHOD(AMQPBasicProperties, getPriority);
ZEND_METHOD(AMQPBasicProperties, getCorrelationId);
ZEND_METHOD(AMQPBasicProperties, getReplyTo);
ZEND_METHOD(AMQPBasicProperties, getExpiration);
ZEND_METHOD(AMQPBasicProperties, getMessageId);
ZEND_METHOD(AMQPBasicProperties, getTimestamp);
ZEND_METHOD(AMQPBasicProperties, getType);
ZEND_METHOD(AMQPBasicProperties, getUserId);
ZEND_METHOD(AMQPBasicProperties, getAppId);
ZEND_METHOD(AMQPBasicProperties, getClusterId);


static const zend_function_entry class_AMQPBasicProperties_methods[] = {
	ZEND_ME(AMQPBasicProperties, __construct, arginfo_class_AMQPBasicProperties___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPBasicProperties, getContentType, arginfo_class_AMQPBasicProperties_getContentType, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPBasicProperties, getContentEncoding, arginfo_class_AMQPBasicProperties_getContentEncoding, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPBasicProperties, getHeaders, arginfo_class_AMQPBasicProperties_getHeaders, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPBasicProperties, getDeliveryMode, arginfo_class_AMQPBasicProperties_getDeliveryMode, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPBasicProperties, getPriority, arginfo_class_AMQPBasicProperties_getPriority, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPBasicProperties, getCorrelationId, arginfo_class_AMQPBasicProperties_getCorrelationId, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPBasicProperties, getReplyTo, arginfo_class_AMQPBasicProperties_getReplyTo, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPBasicProperties, getExpiration, arginfo_class_AMQPBasicProperties_getExpiration, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPBasicProperties, getMessageId, arginfo_class_AMQPBasicProperties_getMessageId, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPBasicProperties, getTimestamp, arginfo_class_AMQPBasicProperties_getTimestamp, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPBasicProperties, getType, arginfo_class_AMQPBasicProperties_getType, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPBasicProperties, getUserId, arginfo_class_AMQPBasicProperties_getUserId, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPBasicProperties, getAppId, arginfo_class_AMQPBasicProperties_getAppId, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPBasicProperties, getClusterId, arginfo_class_AMQPBasicProperties_getClusterId, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_AMQPBasicProperties(void)
{
	zend_class_entry ce, *class_entry;

	INIT_CLASS_ENTRY(ce, "AMQPBasicProperties", class_AMQPBasicProperties_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);

	zval property_contentType_default_value;
	ZVAL_NULL(&property_contentType_default_value);
	zend_string *property_contentType_name = zend_string_init("contentType", sizeof("contentType") - 1, 1);
	zend_declare_typed_property(class_entry, property_contentType_name, &property_contentType_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_contentType_name);

	zval property_contentEncoding_default_value;
	ZVAL_NULL(&property_contentEncoding_default_value);
	zend_string *property_contentEncoding_name = zend_string_init("contentEncoding", sizeof("contentEncoding") - 1, 1);
	zend_declare_typed_property(class_entry, property_contentEncoding_name, &property_contentEncoding_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_contentEncoding_name);

	zval property_headers_default_value;
	ZVAL_EMPTY_ARRAY(&property_headers_default_value);
	zend_string *property_headers_name = zend_string_init("headers", sizeof("headers") - 1, 1);
	zend_declare_typed_property(class_entry, property_headers_name, &property_headers_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_headers_name);

	zval property_deliveryMode_default_value;
	ZVAL_LONG(&property_deliveryMode_default_value, 1);
	zend_string *property_deliveryMode_name = zend_string_init("deliveryMode", sizeof("deliveryMode") - 1, 1);
	zend_declare_typed_property(class_entry, property_deliveryMode_name, &property_deliveryMode_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_deliveryMode_name);

	zval property_priority_default_value;
	ZVAL_LONG(&property_priority_default_value, 0);
	zend_string *property_priority_name = zend_string_init("priority", sizeof("priority") - 1, 1);
	zend_declare_typed_property(class_entry, property_priority_name, &property_priority_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_priority_name);

	zval property_correlationId_default_value;
	ZVAL_NULL(&property_correlationId_default_value);
	zend_string *property_correlationId_name = zend_string_init("correlationId", sizeof("correlationId") - 1, 1);
	zend_declare_typed_property(class_entry, property_correlationId_name, &property_correlationId_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_correlationId_name);

	zval property_replyTo_default_value;
	ZVAL_NULL(&property_replyTo_default_value);
	zend_string *property_replyTo_name = zend_string_init("replyTo", sizeof("replyTo") - 1, 1);
	zend_declare_typed_property(class_entry, property_replyTo_name, &property_replyTo_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_replyTo_name);

	zval property_expiration_default_value;
	ZVAL_NULL(&property_expiration_default_value);
	zend_string *property_expiration_name = zend_string_init("expiration", sizeof("expiration") - 1, 1);
	zend_declare_typed_property(class_entry, property_expiration_name, &property_expiration_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_expiration_name);

	zval property_messageId_default_value;
	ZVAL_NULL(&property_messageId_default_value);
	zend_string *property_messageId_name = zend_string_init("messageId", sizeof("messageId") - 1, 1);
	zend_declare_typed_property(class_entry, property_messageId_name, &property_messageId_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_messageId_name);

	zval property_timestamp_default_value;
	ZVAL_NULL(&property_timestamp_default_value);
	zend_string *property_timestamp_name = zend_string_init("timestamp", sizeof("timestamp") - 1, 1);
	zend_declare_typed_property(class_entry, property_timestamp_name, &property_timestamp_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG|MAY_BE_NULL));
	zend_string_release(property_timestamp_name);

	zval property_type_default_value;
	ZVAL_NULL(&property_type_default_value);
	zend_string *property_type_name = zend_string_init("type", sizeof("type") - 1, 1);
	zend_declare_typed_property(class_entry, property_type_name, &property_type_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_type_name);

	zval property_userId_default_value;
	ZVAL_NULL(&property_userId_default_value);
	zend_string *property_userId_name = zend_string_init("userId", sizeof("userId") - 1, 1);
	zend_declare_typed_property(class_entry, property_userId_name, &property_userId_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_userId_name);

	zval property_appId_default_value;
	ZVAL_NULL(&property_appId_default_value);
	zend_string *property_appId_name = zend_string_init("appId", sizeof("appId") - 1, 1);
	zend_declare_typed_property(class_entry, property_appId_name, &property_appId_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_appId_name);

	zval property_clusterId_default_value;
	ZVAL_NULL(&property_clusterId_default_value);
	zend_string *property_clusterId_name = zend_string_init("clusterId", sizeof("clusterId") - 1, 1);
	zend_declare_typed_property(class_entry, property_clusterId_name, &property_clusterId_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_clusterId_name);

	return class_entry;
}

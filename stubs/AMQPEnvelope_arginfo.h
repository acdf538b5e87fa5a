/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: cfbba45bfe8fd9675fad01cabc21dc05e493b62b */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_AMQPEnvelope___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPEnvelope_getBody, 0, 0, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_AMQPEnvelope_getRoutingKey arginfo_class_AMQPEnvelope_getBody

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPEnvelope_getConsumerTag, 0, 0, IS_STRING, 1)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPEnvelope_getDeliveryTag, 0, 0, IS_LONG, 1)
ZEND_END_ARG_INFO()

#define arginfo_class_AMQPEnvelope_getExchangeName arginfo_class_AMQPEnvelope_getConsumerTag

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPEnvelope_isRedelivery, 0, 0, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPEnvelope_getHeader, 0, 1, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO(0, headerName, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPEnvelope_hasHeader, 0, 1, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, headerName, IS_STRING, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(AMQPEnvelope, __construct);
ZEND_METHOD(AMQPEnvelope, getBody);
ZEND_METHOD(AMQPEnvelope, getRoutingKey);
ZEND_METHOD(AMQPEnvelope, getConsumerTag);
ZEND_METHOD(AMQPEnvelope, getDeliveryTag);
ZEND_METHOD(AMQPEnvelope, getExchangeName);
ZEND_METHOD(AMQPEnvelope, isRedelivery);
ZEND_METHOD(AMQPEnvelope, getHeader);
ZEND_METHOD(AMQPEnvelope, hasHeader);


static const zend_function_entry class_AMQPEnvelope_methods[] = {
	ZEND_ME(AMQPEnvelope, __construct, arginfo_class_AMQPEnvelope___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPEnvelope, getBody, arginfo_class_AMQPEnvelope_getBody, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPEnvelope, getRoutingKey, arginfo_class_AMQPEnvelope_getRoutingKey, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPEnvelope, getConsumerTag, arginfo_class_AMQPEnvelope_getConsumerTag, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPEnvelope, getDeliveryTag, arginfo_class_AMQPEnvelope_getDeliveryTag, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPEnvelope, getExchangeName, arginfo_class_AMQPEnvelope_getExchangeName, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPEnvelope, isRedelivery, arginfo_class_AMQPEnvelope_isRedelivery, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPEnvelope, getHeader, arginfo_class_AMQPEnvelope_getHeader, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPEnvelope, hasHeader, arginfo_class_AMQPEnvelope_hasHeader, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_AMQPEnvelope(zend_class_entry *class_entry_AMQPBasicProperties)
{
	zend_class_entry ce, *class_entry;

	INIT_CLASS_ENTRY(ce, "AMQPEnvelope", class_AMQPEnvelope_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_AMQPBasicProperties);

	zval property_body_default_value;
	ZVAL_EMPTY_STRING(&property_body_default_value);
	zend_string *property_body_name = zend_string_init("body", sizeof("body") - 1, 1);
	zend_declare_typed_property(class_entry, property_body_name, &property_body_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_body_name);

	zval property_consumerTag_default_value;
	ZVAL_NULL(&property_consumerTag_default_value);
	zend_string *property_consumerTag_name = zend_string_init("consumerTag", sizeof("consumerTag") - 1, 1);
	zend_declare_typed_property(class_entry, property_consumerTag_name, &property_consumerTag_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_consumerTag_name);

	zval property_deliveryTag_default_value;
	ZVAL_NULL(&property_deliveryTag_default_value);
	zend_string *property_deliveryTag_name = zend_string_init("deliveryTag", sizeof("deliveryTag") - 1, 1);
	zend_declare_typed_property(class_entry, property_deliveryTag_name, &property_deliveryTag_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG|MAY_BE_NULL));
	zend_string_release(property_deliveryTag_name);

	zval property_isRedelivery_default_value;
	ZVAL_FALSE(&property_isRedelivery_default_value);
	zend_string *property_isRedelivery_name = zend_string_init("isRedelivery", sizeof("isRedelivery") - 1, 1);
	zend_declare_typed_property(class_entry, property_isRedelivery_name, &property_isRedelivery_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_BOOL));
	zend_string_release(property_isRedelivery_name);

	zval property_exchangeName_default_value;
	ZVAL_NULL(&property_exchangeName_default_value);
	zend_string *property_exchangeName_name = zend_string_init("exchangeName", sizeof("exchangeName") - 1, 1);
	zend_declare_typed_property(class_entry, property_exchangeName_name, &property_exchangeName_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_exchangeName_name);

	zval property_routingKey_default_value;
	ZVAL_EMPTY_STRING(&property_routingKey_default_value);
	zend_string *property_routingKey_name = zend_string_init("routingKey", sizeof("routingKey") - 1, 1);
	zend_declare_typed_property(class_entry, property_routingKey_name, &property_routingKey_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_routingKey_name);

	return class_entry;
}

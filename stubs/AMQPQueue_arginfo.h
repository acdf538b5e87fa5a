/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: a8ddb158ad8ad51e88d8bfdcdfdd296baf465a3a */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_AMQPQueue___construct, 0, 0, 1)
	ZEND_ARG_OBJ_INFO(0, channel, AMQPChannel, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPQueue_getName, 0, 0, IS_STRING, 1)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPQueue_setName, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, name, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPQueue_getFlags, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPQueue_setFlags, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, flags, IS_LONG, 1)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_AMQPQueue_getArgument, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, argumentName, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPQueue_getArguments, 0, 0, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPQueue_setArgument, 0, 2, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, argumentName, IS_STRING, 0)
	ZEND_ARG_INFO(0, argumentValue)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPQueue_removeArgument, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, argumentName, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPQueue_setArguments, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, arguments, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPQueue_hasArgument, 0, 1, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, argumentName, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_AMQPQueue_declareQueue arginfo_class_AMQPQueue_getFlags

#define arginfo_class_AMQPQueue_declare arginfo_class_AMQPQueue_getFlags

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPQueue_bind, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, exchangeName, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, routingKey, IS_STRING, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, arguments, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_AMQPQueue_get, 0, 0, AMQPEnvelope, 1)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, flags, IS_LONG, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPQueue_consume, 0, 0, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, callback, IS_CALLABLE, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, flags, IS_LONG, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, consumerTag, IS_STRING, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPQueue_ack, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, deliveryTag, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, flags, IS_LONG, 1, "null")
ZEND_END_ARG_INFO()

#define arginfo_class_AMQPQueue_nack arginfo_class_AMQPQueue_ack

#define arginfo_class_AMQPQueue_reject arginfo_class_AMQPQueue_ack

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPQueue_recover, 0, 0, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, requeue, _IS_BOOL, 0, "true")
ZEND_END_ARG_INFO()

#define arginfo_class_AMQPQueue_purge arginfo_class_AMQPQueue_getFlags

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPQueue_cancel, 0, 0, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, consumerTag, IS_STRING, 0, "\"\"")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPQueue_delete, 0, 0, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, flags, IS_LONG, 1, "null")
ZEND_END_ARG_INFO()

#define arginfo_class_AMQPQueue_unbind arginfo_class_AMQPQueue_bind

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_AMQPQueue_getChannel, 0, 0, AMQPChannel, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_AMQPQueue_getConnection, 0, 0, AMQPConnection, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_AMQPQueue_getConsumerTag arginfo_class_AMQPQueue_getName

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPQueue_getConsumerCount, 0, 0, IS_LONG, 1)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPQueue_consumeNonBlocking, 0, 1, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, callback, IS_CALLABLE, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPQueue_setCancelCallback, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, callback, IS_CALLABLE, 1)
ZEND_END_ARG_INFO()


ZEND_METHOD(AMQPQueue, __construct);
ZEND_METHOD(AMQPQueue, getName);
ZEND_METHOD(AMQPQueue, setName);
ZEND_METHOD(AMQPQueue, getFlags);
ZEND_METHOD(AMQPQueue, setFlags);
ZEND_METHOD(AMQPQueue, getArgument);
ZEND_METHOD(AMQPQueue, getArguments);
ZEND_METHOD(AMQPQueue, setArgument);
ZEND_METHOD(AMQPQueue, removeArgument);
ZEND_METHOD(AMQPQueue, setArguments);
ZEND_METHOD(AMQPQueue, hasArgument);
ZEND_METHOD(AMQPQueue, declareQueue);
ZEND_METHOD(AMQPQueue, declare);
ZEND_METHOD(AMQPQueue, bind);
ZEND_METHOD(AMQPQueue, get);
ZEND_METHOD(AMQPQueue, consume);
ZEND_METHOD(AMQPQueue, ack);
ZEND_METHOD(AMQPQueue, nack);
ZEND_METHOD(AMQPQueue, reject);
ZEND_METHOD(AMQPQueue, recover);
ZEND_METHOD(AMQPQueue, purge);
ZEND_METHOD(AMQPQueue, cancel);
ZEND_METHOD(AMQPQueue, delete);
ZEND_METHOD(AMQPQueue, unbind);
ZEND_METHOD(AMQPQueue, getChannel);
ZEND_METHOD(AMQPQueue, getConnection);
ZEND_METHOD(AMQPQueue, getConsumerTag);
ZEND_METHOD(AMQPQueue, getConsumerCount);
ZEND_METHOD(AMQPQueue, consumeNonBlocking);
ZEND_METHOD(AMQPQueue, setCancelCallback);


static const zend_function_entry class_AMQPQueue_methods[] = {
	ZEND_ME(AMQPQueue, __construct, arginfo_class_AMQPQueue___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPQueue, getName, arginfo_class_AMQPQueue_getName, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPQueue, setName, arginfo_class_AMQPQueue_setName, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPQueue, getFlags, arginfo_class_AMQPQueue_getFlags, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPQueue, setFlags, arginfo_class_AMQPQueue_setFlags, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPQueue, getArgument, arginfo_class_AMQPQueue_getArgument, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPQueue, getArguments, arginfo_class_AMQPQueue_getArguments, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPQueue, setArgument, arginfo_class_AMQPQueue_setArgument, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPQueue, removeArgument, arginfo_class_AMQPQueue_removeArgument, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPQueue, setArguments, arginfo_class_AMQPQueue_setArguments, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPQueue, hasArgument, arginfo_class_AMQPQueue_hasArgument, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPQueue, declareQueue, arginfo_class_AMQPQueue_declareQueue, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPQueue, declare, arginfo_class_AMQPQueue_declare, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPQueue, bind, arginfo_class_AMQPQueue_bind, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPQueue, get, arginfo_class_AMQPQueue_get, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPQueue, consume, arginfo_class_AMQPQueue_consume, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPQueue, ack, arginfo_class_AMQPQueue_ack, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPQueue, nack, arginfo_class_AMQPQueue_nack, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPQueue, reject, arginfo_class_AMQPQueue_reject, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPQueue, recover, arginfo_class_AMQPQueue_recover, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPQueue, purge, arginfo_class_AMQPQueue_purge, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPQueue, cancel, arginfo_class_AMQPQueue_cancel, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPQueue, delete, arginfo_class_AMQPQueue_delete, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPQueue, unbind, arginfo_class_AMQPQueue_unbind, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPQueue, getChannel, arginfo_class_AMQPQueue_getChannel, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPQueue, getConnection, arginfo_class_AMQPQueue_getConnection, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPQueue, getConsumerTag, arginfo_class_AMQPQueue_getConsumerTag, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPQueue, getConsumerCount, arginfo_class_AMQPQueue_getConsumerCount, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPQueue, consumeNonBlocking, arginfo_class_AMQPQueue_consumeNonBlocking, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPQueue, setCancelCallback, arginfo_class_AMQPQueue_setCancelCallback, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_AMQPQueue(void)
{
	zend_class_entry ce, *class_entry;

	INIT_CLASS_ENTRY(ce, "AMQPQueue", class_AMQPQueue_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);

	zend_string *property_connection_class_AMQPConnection = zend_string_init("AMQPConnection", sizeof("AMQPConnection")-1, 1);
	zval property_connection_default_value;
	ZVAL_UNDEF(&property_connection_default_value);
	zend_string *property_connection_name = zend_string_init("connection", sizeof("connection") - 1, 1);
	zend_declare_typed_property(class_entry, property_connection_name, &property_connection_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_CLASS(property_connection_class_AMQPConnection, 0, 0));
	zend_string_release(property_connection_name);

	zend_string *property_channel_class_AMQPChannel = zend_string_init("AMQPChannel", sizeof("AMQPChannel")-1, 1);
	zval property_channel_default_value;
	ZVAL_UNDEF(&property_channel_default_value);
	zend_string *property_channel_name = zend_string_init("channel", sizeof("channel") - 1, 1);
	zend_declare_typed_property(class_entry, property_channel_name, &property_channel_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_CLASS(property_channel_class_AMQPChannel, 0, 0));
	zend_string_release(property_channel_name);

	zval property_name_default_value;
	ZVAL_NULL(&property_name_default_value);
	zend_string *property_name_name = zend_string_init("name", sizeof("name") - 1, 1);
	zend_declare_typed_property(class_entry, property_name_name, &property_name_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_name_name);

	zval property_consumerTag_default_value;
	ZVAL_NULL(&property_consumerTag_default_value);
	zend_string *property_consumerTag_name = zend_string_init("consumerTag", sizeof("consumerTag") - 1, 1);
	zend_declare_typed_property(class_entry, property_consumerTag_name, &property_consumerTag_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_consumerTag_name);

	zval property_passive_default_value;
	ZVAL_FALSE(&property_passive_default_value);
	zend_string *property_passive_name = zend_string_init("passive", sizeof("passive") - 1, 1);
	zend_declare_typed_property(class_entry, property_passive_name, &property_passive_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_BOOL));
	zend_string_release(property_passive_name);

	zval property_durable_default_value;
	ZVAL_FALSE(&property_durable_default_value);
	zend_string *property_durable_name = zend_string_init("durable", sizeof("durable") - 1, 1);
	zend_declare_typed_property(class_entry, property_durable_name, &property_durable_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_BOOL));
	zend_string_release(property_durable_name);

	zval property_exclusive_default_value;
	ZVAL_FALSE(&property_exclusive_default_value);
	zend_string *property_exclusive_name = zend_string_init("exclusive", sizeof("exclusive") - 1, 1);
	zend_declare_typed_property(class_entry, property_exclusive_name, &property_exclusive_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_BOOL));
	zend_string_release(property_exclusive_name);

	zval property_autoDelete_default_value;
	ZVAL_TRUE(&property_autoDelete_default_value);
	zend_string *property_autoDelete_name = zend_string_init("autoDelete", sizeof("autoDelete") - 1, 1);
	zend_declare_typed_property(class_entry, property_autoDelete_name, &property_autoDelete_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_BOOL));
	zend_string_release(property_autoDelete_name);

	zval property_arguments_default_value;
	ZVAL_EMPTY_ARRAY(&property_arguments_default_value);
	zend_string *property_arguments_name = zend_string_init("arguments", sizeof("arguments") - 1, 1);
	zend_declare_typed_property(class_entry, property_arguments_name, &property_arguments_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_arguments_name);

	return class_entry;
}

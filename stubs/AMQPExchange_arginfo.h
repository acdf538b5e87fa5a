/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 7522b9e884d2be06f5bdfa47b36f1b9bfe295200 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_AMQPExchange___construct, 0, 0, 1)
	ZEND_ARG_OBJ_INFO(0, channel, AMQPChannel, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPExchange_getName, 0, 0, IS_STRING, 1)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPExchange_setName, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, exchangeName, IS_STRING, 1)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPExchange_getFlags, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPExchange_setFlags, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, flags, IS_LONG, 1)
ZEND_END_ARG_INFO()

#define arginfo_class_AMQPExchange_getType arginfo_class_AMQPExchange_getName

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPExchange_setType, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, exchangeType, IS_STRING, 1)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_AMQPExchange_getArgument, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, argumentName, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPExchange_getArguments, 0, 0, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPExchange_setArgument, 0, 2, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, argumentName, IS_STRING, 0)
	ZEND_ARG_INFO(0, argumentValue)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPExchange_removeArgument, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, argumentName, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPExchange_setArguments, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, arguments, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPExchange_hasArgument, 0, 1, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, argumentName, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPExchange_declareExchange, 0, 0, IS_VOID, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_AMQPExchange_declare arginfo_class_AMQPExchange_declareExchange

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPExchange_bind, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, exchangeName, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, routingKey, IS_STRING, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, arguments, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

#define arginfo_class_AMQPExchange_unbind arginfo_class_AMQPExchange_bind

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPExchange_delete, 0, 0, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, exchangeName, IS_STRING, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, flags, IS_LONG, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPExchange_publish, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, message, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, routingKey, IS_STRING, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, flags, IS_LONG, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, headers, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_AMQPExchange_getChannel, 0, 0, AMQPChannel, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_AMQPExchange_getConnection, 0, 0, AMQPConnection, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(AMQPExchange, __construct);
ZEND_METHOD(AMQPExchange, getName);
ZEND_METHOD(AMQPExchange, setName);
ZEND_METHOD(AMQPExchange, getFlags);
ZEND_METHOD(AMQPExchange, setFlags);
ZEND_METHOD(AMQPExchange, getType);
ZEND_METHOD(AMQPExchange, setType);
ZEND_METHOD(AMQPExchange, getArgument);
ZEND_METHOD(AMQPExchange, getArguments);
ZEND_METHOD(AMQPExchange, setArgument);
ZEND_METHOD(AMQPExchange, removeArgument);
ZEND_METHOD(AMQPExchange, setArguments);
ZEND_METHOD(AMQPExchange, hasArgument);
ZEND_METHOD(AMQPExchange, declareExchange);
ZEND_METHOD(AMQPExchange, declare);
ZEND_METHOD(AMQPExchange, bind);
ZEND_METHOD(AMQPExchange, unbind);
ZEND_METHOD(AMQPExchange, delete);
ZEND_METHOD(AMQPExchange, publish);
ZEND_METHOD(AMQPExchange, getChannel);
ZEND_METHOD(AMQPExchange, getConnection);


static const zend_function_entry class_AMQPExchange_methods[] = {
	ZEND_ME(AMQPExchange, __construct, arginfo_class_AMQPExchange___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPExchange, getName, arginfo_class_AMQPExchange_getName, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPExchange, setName, arginfo_class_AMQPExchange_setName, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPExchange, getFlags, arginfo_class_AMQPExchange_getFlags, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPExchange, setFlags, arginfo_class_AMQPExchange_setFlags, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPExchange, getType, arginfo_class_AMQPExchange_getType, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPExchange, setType, arginfo_class_AMQPExchange_setType, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPExchange, getArgument, arginfo_class_AMQPExchange_getArgument, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPExchange, getArguments, arginfo_class_AMQPExchange_getArguments, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPExchange, setArgument, arginfo_class_AMQPExchange_setArgument, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPExchange, removeArgument, arginfo_class_AMQPExchange_removeArgument, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPExchange, setArguments, arginfo_class_AMQPExchange_setArguments, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPExchange, hasArgument, arginfo_class_AMQPExchange_hasArgument, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPExchange, declareExchange, arginfo_class_AMQPExchange_declareExchange, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPExchange, declare, arginfo_class_AMQPExchange_declare, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPExchange, bind, arginfo_class_AMQPExchange_bind, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPExchange, unbind, arginfo_class_AMQPExchange_unbind, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPExchange, delete, arginfo_class_AMQPExchange_delete, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPExchange, publish, arginfo_class_AMQPExchange_publish, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPExchange, getChannel, arginfo_class_AMQPExchange_getChannel, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPExchange, getConnection, arginfo_class_AMQPExchange_getConnection, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_AMQPExchange(void)
{
	zend_class_entry ce, *class_entry;

	INIT_CLASS_ENTRY(ce, "AMQPExchange", class_AMQPExchange_methods);
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

	zval property_type_default_value;
	ZVAL_NULL(&property_type_default_value);
	zend_string *property_type_name = zend_string_init("type", sizeof("type") - 1, 1);
	zend_declare_typed_property(class_entry, property_type_name, &property_type_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_type_name);

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

	zval property_autoDelete_default_value;
	ZVAL_FALSE(&property_autoDelete_default_value);
	zend_string *property_autoDelete_name = zend_string_init("autoDelete", sizeof("autoDelete") - 1, 1);
	zend_declare_typed_property(class_entry, property_autoDelete_name, &property_autoDelete_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_BOOL));
	zend_string_release(property_autoDelete_name);

	zval property_internal_default_value;
	ZVAL_FALSE(&property_internal_default_value);
	zend_string *property_internal_name = zend_string_init("internal", sizeof("internal") - 1, 1);
	zend_declare_typed_property(class_entry, property_internal_name, &property_internal_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_BOOL));
	zend_string_release(property_internal_name);

	zval property_arguments_default_value;
	ZVAL_EMPTY_ARRAY(&property_arguments_default_value);
	zend_string *property_arguments_name = zend_string_init("arguments", sizeof("arguments") - 1, 1);
	zend_declare_typed_property(class_entry, property_arguments_name, &property_arguments_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_arguments_name);

	return class_entry;
}

/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 87dc0954560eb9d37720bfb83240863a58959915 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_AMQPChannel___construct, 0, 0, 1)
	ZEND_ARG_OBJ_INFO(0, connection, AMQPConnection, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPChannel_isConnected, 0, 0, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPChannel_close, 0, 0, IS_VOID, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPChannel_getChannelId, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPChannel_setPrefetchSize, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, size, IS_LONG, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_AMQPChannel_getPrefetchSize arginfo_class_AMQPChannel_getChannelId

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPChannel_setPrefetchCount, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, count, IS_LONG, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_AMQPChannel_getPrefetchCount arginfo_class_AMQPChannel_getChannelId

#define arginfo_class_AMQPChannel_setGlobalPrefetchSize arginfo_class_AMQPChannel_setPrefetchSize

#define arginfo_class_AMQPChannel_getGlobalPrefetchSize arginfo_class_AMQPChannel_getChannelId

#define arginfo_class_AMQPChannel_setGlobalPrefetchCount arginfo_class_AMQPChannel_setPrefetchCount

#define arginfo_class_AMQPChannel_getGlobalPrefetchCount arginfo_class_AMQPChannel_getChannelId

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPChannel_qos, 0, 2, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, size, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, count, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, global, _IS_BOOL, 0, "false")
ZEND_END_ARG_INFO()

#define arginfo_class_AMQPChannel_startTransaction arginfo_class_AMQPChannel_close

#define arginfo_class_AMQPChannel_commitTransaction arginfo_class_AMQPChannel_close

#define arginfo_class_AMQPChannel_rollbackTransaction arginfo_class_AMQPChannel_close

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_AMQPChannel_getConnection, 0, 0, AMQPConnection, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPChannel_basicRecover, 0, 0, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, requeue, _IS_BOOL, 0, "true")
ZEND_END_ARG_INFO()

#define arginfo_class_AMQPChannel_confirmSelect arginfo_class_AMQPChannel_close

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPChannel_waitForConfirm, 0, 0, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, timeout, IS_DOUBLE, 0, "0.0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPChannel_setConfirmCallback, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, ackCallback, IS_CALLABLE, 1)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, nackCallback, IS_CALLABLE, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPChannel_setReturnCallback, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, returnCallback, IS_CALLABLE, 1)
ZEND_END_ARG_INFO()

#define arginfo_class_AMQPChannel_waitForBasicReturn arginfo_class_AMQPChannel_waitForConfirm

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPChannel_getConsumers, 0, 0, IS_ARRAY, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(AMQPChannel, __construct);
ZEND_METHOD(AMQPChannel, isConnected);
ZEND_METHOD(AMQPChannel, close);
ZEND_METHOD(AMQPChannel, getChannelId);
ZEND_METHOD(AMQPChannel, setPrefetchSize);
ZEND_METHOD(AMQPChannel, getPrefetchSize);
ZEND_METHOD(AMQPChannel, setPrefetchCount);
ZEND_METHOD(AMQPChannel, getPrefetchCount);
ZEND_METHOD(AMQPChannel, setGlobalPrefetchSize);
ZEND_METHOD(AMQPChannel, getGlobalPrefetchSize);
ZEND_METHOD(AMQPChannel, setGlobalPrefetchCount);
ZEND_METHOD(AMQPChannel, getGlobalPrefetchCount);
ZEND_METHOD(AMQPChannel, qos);
ZEND_METHOD(AMQPChannel, startTransaction);
ZEND_METHOD(AMQPChannel, commitTransaction);
ZEND_METHOD(AMQPChannel, rollbackTransaction);
ZEND_METHOD(AMQPChannel, getConnection);
ZEND_METHOD(AMQPChannel, basicRecover);
ZEND_METHOD(AMQPChannel, confirmSelect);
ZEND_METHOD(AMQPChannel, waitForConfirm);
ZEND_METHOD(AMQPChannel, setConfirmCallback);
ZEND_METHOD(AMQPChannel, setReturnCallback);
ZEND_METHOD(AMQPChannel, waitForBasicReturn);
ZEND_METHOD(AMQPChannel, getConsumers);


static const zend_function_entry class_AMQPChannel_methods[] = {
	ZEND_ME(AMQPChannel, __construct, arginfo_class_AMQPChannel___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPChannel, isConnected, arginfo_class_AMQPChannel_isConnected, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPChannel, close, arginfo_class_AMQPChannel_close, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPChannel, getChannelId, arginfo_class_AMQPChannel_getChannelId, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPChannel, setPrefetchSize, arginfo_class_AMQPChannel_setPrefetchSize, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPChannel, getPrefetchSize, arginfo_class_AMQPChannel_getPrefetchSize, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPChannel, setPrefetchCount, arginfo_class_AMQPChannel_setPrefetchCount, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPChannel, getPrefetchCount, arginfo_class_AMQPChannel_getPrefetchCount, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPChannel, setGlobalPrefetchSize, arginfo_class_AMQPChannel_setGlobalPrefetchSize, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPChannel, getGlobalPrefetchSize, arginfo_class_AMQPChannel_getGlobalPrefetchSize, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPChannel, setGlobalPrefetchCount, arginfo_class_AMQPChannel_setGlobalPrefetchCount, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPChannel, getGlobalPrefetchCount, arginfo_class_AMQPChannel_getGlobalPrefetchCount, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPChannel, qos, arginfo_class_AMQPChannel_qos, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPChannel, startTransaction, arginfo_class_AMQPChannel_startTransaction, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPChannel, commitTransaction, arginfo_class_AMQPChannel_commitTransaction, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPChannel, rollbackTransaction, arginfo_class_AMQPChannel_rollbackTransaction, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPChannel, getConnection, arginfo_class_AMQPChannel_getConnection, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPChannel, basicRecover, arginfo_class_AMQPChannel_basicRecover, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPChannel, confirmSelect, arginfo_class_AMQPChannel_confirmSelect, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPChannel, waitForConfirm, arginfo_class_AMQPChannel_waitForConfirm, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPChannel, setConfirmCallback, arginfo_class_AMQPChannel_setConfirmCallback, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPChannel, setReturnCallback, arginfo_class_AMQPChannel_setReturnCallback, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPChannel, waitForBasicReturn, arginfo_class_AMQPChannel_waitForBasicReturn, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPChannel, getConsumers, arginfo_class_AMQPChannel_getConsumers, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_AMQPChannel(void)
{
	zend_class_entry ce, *class_entry;

	INIT_CLASS_ENTRY(ce, "AMQPChannel", class_AMQPChannel_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);

	zend_string *property_connection_class_AMQPConnection = zend_string_init("AMQPConnection", sizeof("AMQPConnection")-1, 1);
	zval property_connection_default_value;
	ZVAL_UNDEF(&property_connection_default_value);
	zend_string *property_connection_name = zend_string_init("connection", sizeof("connection") - 1, 1);
	zend_declare_typed_property(class_entry, property_connection_name, &property_connection_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_CLASS(property_connection_class_AMQPConnection, 0, 0));
	zend_string_release(property_connection_name);

	zval property_prefetchCount_default_value;
	ZVAL_NULL(&property_prefetchCount_default_value);
	zend_string *property_prefetchCount_name = zend_string_init("prefetchCount", sizeof("prefetchCount") - 1, 1);
	zend_declare_typed_property(class_entry, property_prefetchCount_name, &property_prefetchCount_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG|MAY_BE_NULL));
	zend_string_release(property_prefetchCount_name);

	zval property_prefetchSize_default_value;
	ZVAL_NULL(&property_prefetchSize_default_value);
	zend_string *property_prefetchSize_name = zend_string_init("prefetchSize", sizeof("prefetchSize") - 1, 1);
	zend_declare_typed_property(class_entry, property_prefetchSize_name, &property_prefetchSize_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG|MAY_BE_NULL));
	zend_string_release(property_prefetchSize_name);

	zval property_globalPrefetchCount_default_value;
	ZVAL_NULL(&property_globalPrefetchCount_default_value);
	zend_string *property_globalPrefetchCount_name = zend_string_init("globalPrefetchCount", sizeof("globalPrefetchCount") - 1, 1);
	zend_declare_typed_property(class_entry, property_globalPrefetchCount_name, &property_globalPrefetchCount_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG|MAY_BE_NULL));
	zend_string_release(property_globalPrefetchCount_name);

	zval property_globalPrefetchSize_default_value;
	ZVAL_NULL(&property_globalPrefetchSize_default_value);
	zend_string *property_globalPrefetchSize_name = zend_string_init("globalPrefetchSize", sizeof("globalPrefetchSize") - 1, 1);
	zend_declare_typed_property(class_entry, property_globalPrefetchSize_name, &property_globalPrefetchSize_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG|MAY_BE_NULL));
	zend_string_release(property_globalPrefetchSize_name);

	zval property_consumers_default_value;
	ZVAL_EMPTY_ARRAY(&property_consumers_default_value);
	zend_string *property_consumers_name = zend_string_init("consumers", sizeof("consumers") - 1, 1);
	zend_declare_typed_property(class_entry, property_consumers_name, &property_consumers_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_consumers_name);

	return class_entry;
}

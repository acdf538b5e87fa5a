/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: c11e487d3ed5139dc75b49feb2528dfc988c6781 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_AMQPConnection___construct, 0, 0, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, credentials, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPConnection_isConnected, 0, 0, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPConnection_connect, 0, 0, IS_VOID, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_AMQPConnection_pconnect arginfo_class_AMQPConnection_connect

#define arginfo_class_AMQPConnection_pdisconnect arginfo_class_AMQPConnection_connect

#define arginfo_class_AMQPConnection_disconnect arginfo_class_AMQPConnection_connect

#define arginfo_class_AMQPConnection_reconnect arginfo_class_AMQPConnection_connect

#define arginfo_class_AMQPConnection_preconnect arginfo_class_AMQPConnection_connect

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPConnection_getLogin, 0, 0, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPConnection_setLogin, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, login, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_AMQPConnection_getPassword arginfo_class_AMQPConnection_getLogin

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPConnection_setPassword, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, password, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_AMQPConnection_getHost arginfo_class_AMQPConnection_getLogin

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPConnection_setHost, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, host, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPConnection_getPort, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPConnection_setPort, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, port, IS_LONG, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_AMQPConnection_getVhost arginfo_class_AMQPConnection_getLogin

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPConnection_setVhost, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, vhost, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPConnection_getTimeout, 0, 0, IS_DOUBLE, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPConnection_setTimeout, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, timeout, IS_DOUBLE, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_AMQPConnection_getReadTimeout arginfo_class_AMQPConnection_getTimeout

#define arginfo_class_AMQPConnection_setReadTimeout arginfo_class_AMQPConnection_setTimeout

#define arginfo_class_AMQPConnection_getWriteTimeout arginfo_class_AMQPConnection_getTimeout

#define arginfo_class_AMQPConnection_setWriteTimeout arginfo_class_AMQPConnection_setTimeout

#define arginfo_class_AMQPConnection_getConnectTimeout arginfo_class_AMQPConnection_getTimeout

#define arginfo_class_AMQPConnection_getRpcTimeout arginfo_class_AMQPConnection_getTimeout

#define arginfo_class_AMQPConnection_setRpcTimeout arginfo_class_AMQPConnection_setTimeout

#define arginfo_class_AMQPConnection_getUsedChannels arginfo_class_AMQPConnection_getPort

#define arginfo_class_AMQPConnection_getMaxChannels arginfo_class_AMQPConnection_getPort

#define arginfo_class_AMQPConnection_isPersistent arginfo_class_AMQPConnection_isConnected

#define arginfo_class_AMQPConnection_getHeartbeatInterval arginfo_class_AMQPConnection_getPort

#define arginfo_class_AMQPConnection_getMaxFrameSize arginfo_class_AMQPConnection_getPort

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPConnection_getCACert, 0, 0, IS_STRING, 1)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPConnection_setCACert, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, cacert, IS_STRING, 1)
ZEND_END_ARG_INFO()

#define arginfo_class_AMQPConnection_getCert arginfo_class_AMQPConnection_getCACert

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPConnection_setCert, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, cert, IS_STRING, 1)
ZEND_END_ARG_INFO()

#define arginfo_class_AMQPConnection_getKey arginfo_class_AMQPConnection_getCACert

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPConnection_setKey, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, key, IS_STRING, 1)
ZEND_END_ARG_INFO()

#define arginfo_class_AMQPConnection_getVerify arginfo_class_AMQPConnection_isConnected

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPConnection_setVerify, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, verify, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_AMQPConnection_getSaslMethod arginfo_class_AMQPConnection_getPort

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPConnection_setSaslMethod, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, saslMethod, IS_LONG, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_AMQPConnection_getConnectionName arginfo_class_AMQPConnection_getCACert

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPConnection_setConnectionName, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, connectionName, IS_STRING, 1)
ZEND_END_ARG_INFO()

#define arginfo_class_AMQPConnection_isBlocked arginfo_class_AMQPConnection_isConnected

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPConnection_setBlockedCallback, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, callback, IS_CALLABLE, 1)
ZEND_END_ARG_INFO()

#define arginfo_class_AMQPConnection_setRecoveryCallback arginfo_class_AMQPConnection_setBlockedCallback

#define arginfo_class_AMQPConnection_isRecoveryEnabled arginfo_class_AMQPConnection_isConnected

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_AMQPConnection_getStream, 0, 0, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(AMQPConnection, __construct);
ZEND_METHOD(AMQPConnection, isConnected);
ZEND_METHOD(AMQPConnection, connect);
ZEND_METHOD(AMQPConnection, pconnect);
ZEND_METHOD(AMQPConnection, pdisconnect);
ZEND_METHOD(AMQPConnection, disconnect);
ZEND_METHOD(AMQPConnection, reconnect);
ZEND_METHOD(AMQPConnection, preconnect);
ZEND_METHOD(AMQPConnection, getLogin);
ZEND_METHOD(AMQPConnection, setLogin);
ZEND_METHOD(AMQPConnection, getPassword);
ZEND_METHOD(AMQPConnection, setPassword);
ZEND_METHOD(AMQPConnection, getHost);
ZEND_METHOD(AMQPConnection, setHost);
ZEND_METHOD(AMQPConnection, getPort);
ZEND_METHOD(AMQPConnection, setPort);
ZEND_METHOD(AMQPConnection, getVhost);
ZEND_METHOD(AMQPConnection, setVhost);
ZEND_METHOD(AMQPConnection, getTimeout);
ZEND_METHOD(AMQPConnection, setTimeout);
ZEND_METHOD(AMQPConnection, getReadTimeout);
ZEND_METHOD(AMQPConnection, setReadTimeout);
ZEND_METHOD(AMQPConnection, getWriteTimeout);
ZEND_METHOD(AMQPConnection, setWriteTimeout);
ZEND_METHOD(AMQPConnection, getConnectTimeout);
ZEND_METHOD(AMQPConnection, getRpcTimeout);
ZEND_METHOD(AMQPConnection, setRpcTimeout);
ZEND_METHOD(AMQPConnection, getUsedChannels);
ZEND_METHOD(AMQPConnection, getMaxChannels);
ZEND_METHOD(AMQPConnection, isPersistent);
ZEND_METHOD(AMQPConnection, getHeartbeatInterval);
ZEND_METHOD(AMQPConnection, getMaxFrameSize);
ZEND_METHOD(AMQPConnection, getCACert);
ZEND_METHOD(AMQPConnection, setCACert);
ZEND_METHOD(AMQPConnection, getCert);
ZEND_METHOD(AMQPConnection, setCert);
ZEND_METHOD(AMQPConnection, getKey);
ZEND_METHOD(AMQPConnection, setKey);
ZEND_METHOD(AMQPConnection, getVerify);
ZEND_METHOD(AMQPConnection, setVerify);
ZEND_METHOD(AMQPConnection, getSaslMethod);
ZEND_METHOD(AMQPConnection, setSaslMethod);
ZEND_METHOD(AMQPConnection, getConnectionName);
ZEND_METHOD(AMQPConnection, setConnectionName);
ZEND_METHOD(AMQPConnection, isBlocked);
ZEND_METHOD(AMQPConnection, setBlockedCallback);
ZEND_METHOD(AMQPConnection, setRecoveryCallback);
ZEND_METHOD(AMQPConnection, isRecoveryEnabled);
ZEND_METHOD(AMQPConnection, getStream);


static const zend_function_entry class_AMQPConnection_methods[] = {
	ZEND_ME(AMQPConnection, __construct, arginfo_class_AMQPConnection___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPConnection, isConnected, arginfo_class_AMQPConnection_isConnected, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPConnection, connect, arginfo_class_AMQPConnection_connect, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPConnection, pconnect, arginfo_class_AMQPConnection_pconnect, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPConnection, pdisconnect, arginfo_class_AMQPConnection_pdisconnect, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPConnection, disconnect, arginfo_class_AMQPConnection_disconnect, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPConnection, reconnect, arginfo_class_AMQPConnection_reconnect, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPConnection, preconnect, arginfo_class_AMQPConnection_preconnect, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPConnection, getLogin, arginfo_class_AMQPConnection_getLogin, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPConnection, setLogin, arginfo_class_AMQPConnection_setLogin, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPConnection, getPassword, arginfo_class_AMQPConnection_getPassword, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPConnection, setPassword, arginfo_class_AMQPConnection_setPassword, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPConnection, getHost, arginfo_class_AMQPConnection_getHost, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPConnection, setHost, arginfo_class_AMQPConnection_setHost, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPConnection, getPort, arginfo_class_AMQPConnection_getPort, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPConnection, setPort, arginfo_class_AMQPConnection_setPort, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPConnection, getVhost, arginfo_class_AMQPConnection_getVhost, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPConnection, setVhost, arginfo_class_AMQPConnection_setVhost, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPConnection, getTimeout, arginfo_class_AMQPConnection_getTimeout, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPConnection, setTimeout, arginfo_class_AMQPConnection_setTimeout, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPConnection, getReadTimeout, arginfo_class_AMQPConnection_getReadTimeout, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPConnection, setReadTimeout, arginfo_class_AMQPConnection_setReadTimeout, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPConnection, getWriteTimeout, arginfo_class_AMQPConnection_getWriteTimeout, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPConnection, setWriteTimeout, arginfo_class_AMQPConnection_setWriteTimeout, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPConnection, getConnectTimeout, arginfo_class_AMQPConnection_getConnectTimeout, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPConnection, getRpcTimeout, arginfo_class_AMQPConnection_getRpcTimeout, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPConnection, setRpcTimeout, arginfo_class_AMQPConnection_setRpcTimeout, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPConnection, getUsedChannels, arginfo_class_AMQPConnection_getUsedChannels, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPConnection, getMaxChannels, arginfo_class_AMQPConnection_getMaxChannels, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPConnection, isPersistent, arginfo_class_AMQPConnection_isPersistent, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPConnection, getHeartbeatInterval, arginfo_class_AMQPConnection_getHeartbeatInterval, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPConnection, getMaxFrameSize, arginfo_class_AMQPConnection_getMaxFrameSize, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPConnection, getCACert, arginfo_class_AMQPConnection_getCACert, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPConnection, setCACert, arginfo_class_AMQPConnection_setCACert, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPConnection, getCert, arginfo_class_AMQPConnection_getCert, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPConnection, setCert, arginfo_class_AMQPConnection_setCert, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPConnection, getKey, arginfo_class_AMQPConnection_getKey, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPConnection, setKey, arginfo_class_AMQPConnection_setKey, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPConnection, getVerify, arginfo_class_AMQPConnection_getVerify, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPConnection, setVerify, arginfo_class_AMQPConnection_setVerify, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPConnection, getSaslMethod, arginfo_class_AMQPConnection_getSaslMethod, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPConnection, setSaslMethod, arginfo_class_AMQPConnection_setSaslMethod, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPConnection, getConnectionName, arginfo_class_AMQPConnection_getConnectionName, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPConnection, setConnectionName, arginfo_class_AMQPConnection_setConnectionName, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPConnection, isBlocked, arginfo_class_AMQPConnection_isBlocked, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPConnection, setBlockedCallback, arginfo_class_AMQPConnection_setBlockedCallback, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPConnection, setRecoveryCallback, arginfo_class_AMQPConnection_setRecoveryCallback, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPConnection, isRecoveryEnabled, arginfo_class_AMQPConnection_isRecoveryEnabled, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPConnection, getStream, arginfo_class_AMQPConnection_getStream, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_AMQPConnection(void)
{
	zend_class_entry ce, *class_entry;

	INIT_CLASS_ENTRY(ce, "AMQPConnection", class_AMQPConnection_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);

	zval property_login_default_value;
	ZVAL_UNDEF(&property_login_default_value);
	zend_string *property_login_name = zend_string_init("login", sizeof("login") - 1, 1);
	zend_declare_typed_property(class_entry, property_login_name, &property_login_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_login_name);

	zval property_password_default_value;
	ZVAL_UNDEF(&property_password_default_value);
	zend_string *property_password_name = zend_string_init("password", sizeof("password") - 1, 1);
	zend_declare_typed_property(class_entry, property_password_name, &property_password_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_password_name);

	zval property_host_default_value;
	ZVAL_UNDEF(&property_host_default_value);
	zend_string *property_host_name = zend_string_init("host", sizeof("host") - 1, 1);
	zend_declare_typed_property(class_entry, property_host_name, &property_host_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_host_name);

	zval property_vhost_default_value;
	ZVAL_UNDEF(&property_vhost_default_value);
	zend_string *property_vhost_name = zend_string_init("vhost", sizeof("vhost") - 1, 1);
	zend_declare_typed_property(class_entry, property_vhost_name, &property_vhost_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_vhost_name);

	zval property_port_default_value;
	ZVAL_UNDEF(&property_port_default_value);
	zend_string *property_port_name = zend_string_init("port", sizeof("port") - 1, 1);
	zend_declare_typed_property(class_entry, property_port_name, &property_port_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_port_name);

	zval property_readTimeout_default_value;
	ZVAL_UNDEF(&property_readTimeout_default_value);
	zend_string *property_readTimeout_name = zend_string_init("readTimeout", sizeof("readTimeout") - 1, 1);
	zend_declare_typed_property(class_entry, property_readTimeout_name, &property_readTimeout_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_DOUBLE));
	zend_string_release(property_readTimeout_name);

	zval property_writeTimeout_default_value;
	ZVAL_UNDEF(&property_writeTimeout_default_value);
	zend_string *property_writeTimeout_name = zend_string_init("writeTimeout", sizeof("writeTimeout") - 1, 1);
	zend_declare_typed_property(class_entry, property_writeTimeout_name, &property_writeTimeout_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_DOUBLE));
	zend_string_release(property_writeTimeout_name);

	zval property_connectTimeout_default_value;
	ZVAL_UNDEF(&property_connectTimeout_default_value);
	zend_string *property_connectTimeout_name = zend_string_init("connectTimeout", sizeof("connectTimeout") - 1, 1);
	zend_declare_typed_property(class_entry, property_connectTimeout_name, &property_connectTimeout_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_DOUBLE));
	zend_string_release(property_connectTimeout_name);

	zval property_rpcTimeout_default_value;
	ZVAL_UNDEF(&property_rpcTimeout_default_value);
	zend_string *property_rpcTimeout_name = zend_string_init("rpcTimeout", sizeof("rpcTimeout") - 1, 1);
	zend_declare_typed_property(class_entry, property_rpcTimeout_name, &property_rpcTimeout_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_DOUBLE));
	zend_string_release(property_rpcTimeout_name);

	zval property_frameMax_default_value;
	ZVAL_UNDEF(&property_frameMax_default_value);
	zend_string *property_frameMax_name = zend_string_init("frameMax", sizeof("frameMax") - 1, 1);
	zend_declare_typed_property(class_entry, property_frameMax_name, &property_frameMax_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_frameMax_name);

	zval property_channelMax_default_value;
	ZVAL_UNDEF(&property_channelMax_default_value);
	zend_string *property_channelMax_name = zend_string_init("channelMax", sizeof("channelMax") - 1, 1);
	zend_declare_typed_property(class_entry, property_channelMax_name, &property_channelMax_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_channelMax_name);

	zval property_heartbeat_default_value;
	ZVAL_UNDEF(&property_heartbeat_default_value);
	zend_string *property_heartbeat_name = zend_string_init("heartbeat", sizeof("heartbeat") - 1, 1);
	zend_declare_typed_property(class_entry, property_heartbeat_name, &property_heartbeat_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_heartbeat_name);

	zval property_cacert_default_value;
	ZVAL_NULL(&property_cacert_default_value);
	zend_string *property_cacert_name = zend_string_init("cacert", sizeof("cacert") - 1, 1);
	zend_declare_typed_property(class_entry, property_cacert_name, &property_cacert_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_cacert_name);

	zval property_key_default_value;
	ZVAL_NULL(&property_key_default_value);
	zend_string *property_key_name = zend_string_init("key", sizeof("key") - 1, 1);
	zend_declare_typed_property(class_entry, property_key_name, &property_key_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_key_name);

	zval property_cert_default_value;
	ZVAL_NULL(&property_cert_default_value);
	zend_string *property_cert_name = zend_string_init("cert", sizeof("cert") - 1, 1);
	zend_declare_typed_property(class_entry, property_cert_name, &property_cert_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_cert_name);

	zval property_verify_default_value;
	ZVAL_TRUE(&property_verify_default_value);
	zend_string *property_verify_name = zend_string_init("verify", sizeof("verify") - 1, 1);
	zend_declare_typed_property(class_entry, property_verify_name, &property_verify_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_BOOL));
	zend_string_release(property_verify_name);

	zval property_saslMethod_default_value;
	ZVAL_LONG(&property_saslMethod_default_value, 0);
	zend_string *property_saslMethod_name = zend_string_init("saslMethod", sizeof("saslMethod") - 1, 1);
	zend_declare_typed_property(class_entry, property_saslMethod_name, &property_saslMethod_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_saslMethod_name);

	zval property_connectionName_default_value;
	ZVAL_NULL(&property_connectionName_default_value);
	zend_string *property_connectionName_name = zend_string_init("connectionName", sizeof("connectionName") - 1, 1);
	zend_declare_typed_property(class_entry, property_connectionName_name, &property_connectionName_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_connectionName_name);


	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "__construct", sizeof("__construct") - 1), 0, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "setpassword", sizeof("setpassword") - 1), 0, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	return class_entry;
}

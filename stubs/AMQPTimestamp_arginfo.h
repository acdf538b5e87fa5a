/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 5e9a047141d8976076e315b1eed29b5c8cc4fc2d */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_AMQPTimestamp___construct, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, timestamp, IS_DOUBLE, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPTimestamp_getTimestamp, 0, 0, IS_DOUBLE, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPTimestamp___toString, 0, 0, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_AMQPTimestamp_toAmqpValue, 0, 0, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(AMQPTimestamp, __construct);
ZEND_METHOD(AMQPTimestamp, getTimestamp);
ZEND_METHOD(AMQPTimestamp, __toString);
ZEND_METHOD(AMQPTimestamp, toAmqpValue);


static const zend_function_entry class_AMQPTimestamp_methods[] = {
	ZEND_ME(AMQPTimestamp, __construct, arginfo_class_AMQPTimestamp___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPTimestamp, getTimestamp, arginfo_class_AMQPTimestamp_getTimestamp, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPTimestamp, __toString, arginfo_class_AMQPTimestamp___toString, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPTimestamp, toAmqpValue, arginfo_class_AMQPTimestamp_toAmqpValue, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_AMQPTimestamp(zend_class_entry *class_entry_AMQPValue, zend_class_entry *class_entry_Stringable)
{
	zend_class_entry ce, *class_entry;

	INIT_CLASS_ENTRY(ce, "AMQPTimestamp", class_AMQPTimestamp_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_READONLY_CLASS;
	zend_class_implements(class_entry, 2, class_entry_AMQPValue, class_entry_Stringable);

	zval const_MAX_value;
	ZVAL_DOUBLE(&const_MAX_value, 1.8446744073709552E+19);
	zend_string *const_MAX_name = zend_string_init_interned("MAX", sizeof("MAX") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_MAX_name, &const_MAX_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_MAX_name);

	zval const_MIN_value;
	ZVAL_DOUBLE(&const_MIN_value, 0);
	zend_string *const_MIN_name = zend_string_init_interned("MIN", sizeof("MIN") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_MIN_name, &const_MIN_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_MIN_name);

	zval property_timestamp_default_value;
	ZVAL_UNDEF(&property_timestamp_default_value);
	zend_string *property_timestamp_name = zend_string_init("timestamp", sizeof("timestamp") - 1, 1);
	zend_declare_typed_property(class_entry, property_timestamp_name, &property_timestamp_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_DOUBLE));
	zend_string_release(property_timestamp_name);

	return class_entry;
}

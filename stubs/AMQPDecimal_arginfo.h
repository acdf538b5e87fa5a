/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 3ced40c4b23bb643c5cca32cd2ddd9303ea2f289 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_AMQPDecimal___construct, 0, 0, 2)
	ZEND_ARG_TYPE_INFO(0, exponent, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, significand, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_AMQPDecimal_getExponent, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_AMQPDecimal_getSignificand arginfo_class_AMQPDecimal_getExponent

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_AMQPDecimal_toAmqpValue, 0, 0, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(AMQPDecimal, __construct);
ZEND_METHOD(AMQPDecimal, getExponent);
ZEND_METHOD(AMQPDecimal, getSignificand);
ZEND_METHOD(AMQPDecimal, toAmqpValue);


static const zend_function_entry class_AMQPDecimal_methods[] = {
	ZEND_ME(AMQPDecimal, __construct, arginfo_class_AMQPDecimal___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPDecimal, getExponent, arginfo_class_AMQPDecimal_getExponent, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPDecimal, getSignificand, arginfo_class_AMQPDecimal_getSignificand, ZEND_ACC_PUBLIC)
	ZEND_ME(AMQPDecimal, toAmqpValue, arginfo_class_AMQPDecimal_toAmqpValue, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_AMQPDecimal(zend_class_entry *class_entry_AMQPValue)
{
	zend_class_entry ce, *class_entry;

	INIT_CLASS_ENTRY(ce, "AMQPDecimal", class_AMQPDecimal_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_READONLY_CLASS;
	zend_class_implements(class_entry, 1, class_entry_AMQPValue);

	zval const_EXPONENT_MIN_value;
	ZVAL_LONG(&const_EXPONENT_MIN_value, 0);
	zend_string *const_EXPONENT_MIN_name = zend_string_init_interned("EXPONENT_MIN", sizeof("EXPONENT_MIN") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_EXPONENT_MIN_name, &const_EXPONENT_MIN_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_EXPONENT_MIN_name);

	zval const_EXPONENT_MAX_value;
	ZVAL_LONG(&const_EXPONENT_MAX_value, 255);
	zend_string *const_EXPONENT_MAX_name = zend_string_init_interned("EXPONENT_MAX", sizeof("EXPONENT_MAX") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_EXPONENT_MAX_name, &const_EXPONENT_MAX_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_EXPONENT_MAX_name);

	zval const_SIGNIFICAND_MIN_value;
	ZVAL_LONG(&const_SIGNIFICAND_MIN_value, 0);
	zend_string *const_SIGNIFICAND_MIN_name = zend_string_init_interned("SIGNIFICAND_MIN", sizeof("SIGNIFICAND_MIN") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_SIGNIFICAND_MIN_name, &const_SIGNIFICAND_MIN_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_SIGNIFICAND_MIN_name);

	zval const_SIGNIFICAND_MAX_value;
	ZVAL_LONG(&const_SIGNIFICAND_MAX_value, 4294967295);
	zend_string *const_SIGNIFICAND_MAX_name = zend_string_init_interned("SIGNIFICAND_MAX", sizeof("SIGNIFICAND_MAX") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_SIGNIFICAND_MAX_name, &const_SIGNIFICAND_MAX_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_SIGNIFICAND_MAX_name);

	zval property_exponent_default_value;
	ZVAL_UNDEF(&property_exponent_default_value);
	zend_string *property_exponent_name = zend_string_init("exponent", sizeof("exponent") - 1, 1);
	zend_declare_typed_property(class_entry, property_exponent_name, &property_exponent_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_exponent_name);

	zval property_significand_default_value;
	ZVAL_UNDEF(&property_significand_default_value);
	zend_string *property_significand_name = zend_string_init("significand", sizeof("significand") - 1, 1);
	zend_declare_typed_property(class_entry, property_significand_name, &property_significand_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_significand_name);

	return class_entry;
}

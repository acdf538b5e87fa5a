/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 79038101db7bfdc63deaf2325df3310c1313f194 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_AMQPValue_toAmqpValue, 0, 0, 0)
ZEND_END_ARG_INFO()




static const zend_function_entry class_AMQPValue_methods[] = {
	ZEND_ABSTRACT_ME_WITH_FLAGS(AMQPValue, toAmqpValue, arginfo_class_AMQPValue_toAmqpValue, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_FE_END
};

static zend_class_entry *register_class_AMQPValue(void)
{
	zend_class_entry ce, *class_entry;

	INIT_CLASS_ENTRY(ce, "AMQPValue", class_AMQPValue_methods);
	class_entry = zend_register_internal_interface(&ce);

	return class_entry;
}

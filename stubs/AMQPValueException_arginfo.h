/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 45aa054aea8760c2052c07307ee58bbea2d93e91 */




static const zend_function_entry class_AMQPValueException_methods[] = {
	ZEND_FE_END
};

static zend_class_entry *register_class_AMQPValueException(zend_class_entry *class_entry_AMQPException)
{
	zend_class_entry ce, *class_entry;

	INIT_CLASS_ENTRY(ce, "AMQPValueException", class_AMQPValueException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_AMQPException);

	return class_entry;
}

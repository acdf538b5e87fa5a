/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 817d2752f23ddcc6b45318f6187d0e3e27e7b073 */




static const zend_function_entry class_AMQPException_methods[] = {
	ZEND_FE_END
};

static zend_class_entry *register_class_AMQPException(zend_class_entry *class_entry_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_CLASS_ENTRY(ce, "AMQPException", class_AMQPException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Exception);

	return class_entry;
}

/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 58327795fed6a80e1cf40ffd8bc2d0dad5c4ab01 */




static const zend_function_entry class_AMQPExchangeException_methods[] = {
	ZEND_FE_END
};

static zend_class_entry *register_class_AMQPExchangeException(zend_class_entry *class_entry_AMQPException)
{
	zend_class_entry ce, *class_entry;

	INIT_CLASS_ENTRY(ce, "AMQPExchangeException", class_AMQPExchangeException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_AMQPException);

	return class_entry;
}

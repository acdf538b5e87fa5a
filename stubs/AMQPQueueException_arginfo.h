/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: d7e43c26c96ced53125ca6c85dbcb1976319022a */




static const zend_function_entry class_AMQPQueueException_methods[] = {
	ZEND_FE_END
};

static zend_class_entry *register_class_AMQPQueueException(zend_class_entry *class_entry_AMQPException)
{
	zend_class_entry ce, *class_entry;

	INIT_CLASS_ENTRY(ce, "AMQPQueueException", class_AMQPQueueException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_AMQPException);

	return class_entry;
}

/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 3ef181a3753590c70cff8ac02b5145abedfe3eee */




static const zend_function_entry class_AMQPChannelException_methods[] = {
	ZEND_FE_END
};

static zend_class_entry *register_class_AMQPChannelException(zend_class_entry *class_entry_AMQPException)
{
	zend_class_entry ce, *class_entry;

	INIT_CLASS_ENTRY(ce, "AMQPChannelException", class_AMQPChannelException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_AMQPException);

	return class_entry;
}

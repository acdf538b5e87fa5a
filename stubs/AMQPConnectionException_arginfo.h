/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 87dad5291c3ffdda3cea53ca84a6a6d1322778be */




static const zend_function_entry class_AMQPConnectionException_methods[] = {
	ZEND_FE_END
};

static zend_class_entry *register_class_AMQPConnectionException(zend_class_entry *class_entry_AMQPException)
{
	zend_class_entry ce, *class_entry;

	INIT_CLASS_ENTRY(ce, "AMQPConnectionException", class_AMQPConnectionException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_AMQPException);

	return class_entry;
}

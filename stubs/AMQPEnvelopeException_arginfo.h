/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 91bb5246f56488652e7cb64da8b5466b8b105410 */

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_AMQPEnvelopeException_getEnvelope, 0, 0, AMQPEnvelope, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(AMQPEnvelopeException, getEnvelope);


static const zend_function_entry class_AMQPEnvelopeException_methods[] = {
	ZEND_ME(AMQPEnvelopeException, getEnvelope, arginfo_class_AMQPEnvelopeException_getEnvelope, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_AMQPEnvelopeException(zend_class_entry *class_entry_AMQPException)
{
	zend_class_entry ce, *class_entry;

	INIT_CLASS_ENTRY(ce, "AMQPEnvelopeException", class_AMQPEnvelopeException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_AMQPException);

	zend_string *property_envelope_class_AMQPEnvelope = zend_string_init("AMQPEnvelope", sizeof("AMQPEnvelope")-1, 1);
	zval property_envelope_default_value;
	ZVAL_UNDEF(&property_envelope_default_value);
	zend_string *property_envelope_name = zend_string_init("envelope", sizeof("envelope") - 1, 1);
	zend_declare_typed_property(class_entry, property_envelope_name, &property_envelope_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_CLASS(property_envelope_class_AMQPEnvelope, 0, 0));
	zend_string_release(property_envelope_name);

	return class_entry;
}

--TEST--
exceptions: AMQPEnvelopeException::getEnvelope() (uninitialised -> engine Error; set -> the envelope)
--EXTENSIONS--
amqp
--FILE--
<?php
$e = new AMQPEnvelopeException('Orphaned envelope');
try {
    $e->getEnvelope();
} catch (Error $err) {
    echo get_class($err), ': ', $err->getMessage(), "\n";
}
$rp = new ReflectionProperty(AMQPEnvelopeException::class, 'envelope');
var_dump($rp->isPrivate(), (string) $rp->getType(), $rp->hasDefaultValue(), $rp->isInitialized($e));
$env = new AMQPEnvelope();
$rp->setValue($e, $env);
var_dump($e->getEnvelope() === $env);
// a subclass inherits the getter and the private property
class MyEnvelopeException extends AMQPEnvelopeException {}
$m = new MyEnvelopeException();
try {
    $m->getEnvelope();
} catch (Error $err) {
    echo get_class($err), ': ', $err->getMessage(), "\n";
}
$rp->setValue($m, $env);
var_dump($m->getEnvelope() === $env);
try {
    $e->getEnvelope(1);
} catch (ArgumentCountError $err) {
    echo get_class($err), ': ', $err->getMessage(), "\n";
}
?>
--EXPECT--
Error: Typed property AMQPEnvelopeException::$envelope must not be accessed before initialization
bool(true)
string(12) "AMQPEnvelope"
bool(false)
bool(false)
bool(true)
Error: Typed property AMQPEnvelopeException::$envelope must not be accessed before initialization
bool(true)
ArgumentCountError: AMQPEnvelopeException::getEnvelope() expects exactly 0 arguments, 1 given

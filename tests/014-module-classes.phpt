--TEST--
module: the extension defines 16 classes in php-amqp's order, no functions, and only the value classes are final
--EXTENSIONS--
amqp
--FILE--
<?php
$ext = new ReflectionExtension('amqp');
var_dump($ext->getFunctions());
foreach ($ext->getClassNames() as $name) {
    $c = new ReflectionClass($name);
    printf("%-24s %s%s%s%s parent=%s\n", $name,
        $c->isInterface() ? 'interface' : 'class',
        $c->isFinal() ? ' final' : '',
        $c->isReadOnly() ? ' readonly' : '',
        $c->isAbstract() && !$c->isInterface() ? ' abstract' : '',
        $c->getParentClass() ? $c->getParentClass()->getName() : '-');
    foreach ($c->getMethods() as $m) {
        if ($m->getDeclaringClass()->getName() === $name && $m->isFinal()) {
            echo "  final method $name::{$m->getName()}\n";
        }
    }
}
?>
--EXPECT--
array(0) {
}
AMQPException            class parent=Exception
AMQPConnectionException  class parent=AMQPException
AMQPChannelException     class parent=AMQPException
AMQPQueueException       class parent=AMQPException
AMQPExchangeException    class parent=AMQPException
AMQPValueException       class parent=AMQPException
AMQPConnection           class parent=-
AMQPChannel              class parent=-
AMQPQueue                class parent=-
AMQPExchange             class parent=-
AMQPBasicProperties      class parent=-
AMQPEnvelope             class parent=AMQPBasicProperties
AMQPEnvelopeException    class parent=AMQPException
AMQPValue                interface parent=-
AMQPTimestamp            class final readonly parent=-
AMQPDecimal              class final readonly parent=-

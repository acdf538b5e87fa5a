--TEST--
php-amqp 2.x compat: a subclass may override AMQPQueue::declareQueue()/declare() with php-amqp's signature
--DESCRIPTION--
php-amqp 2.1 declares `public function declareQueue(): int` and `declare(): int`.
Application wrappers (`class TracingQueue extends AMQPQueue`) override them with
that signature.  mq's extension `declareQueue(?string $name = null)` makes such
a class a compile-time fatal error ("must be compatible"), and the extra union
type changes the TypeError text of `new AMQPQueue(<wrong type>)`.  Expected
failure until the lead decides (see the compatibility audit report): moving
the optional name to a separate method fixes both.
--EXTENSIONS--
amqp
--XFAIL--
mq extension declareQueue(?string $name) breaks LSP for php-amqp-style subclasses
--FILE--
<?php
class TracingQueue extends AMQPQueue
{
    public function declareQueue(): int { echo "traced\n"; return parent::declareQueue(); }
    public function declare(): int { return $this->declareQueue(); }
}
echo "class loaded\n";
try {
    new AMQPQueue(new stdClass());
} catch (TypeError $e) {
    echo $e->getMessage(), "\n";
}
?>
--EXPECT--
class loaded
AMQPQueue::__construct(): Argument #1 ($channel) must be of type AMQPChannel, stdClass given

--TEST--
php-amqp 2.x compat: a subclass may override AMQPQueue::declareQueue()/declare() with php-amqp's signature; the constructor's TypeError is php-amqp's
--DESCRIPTION--
php-amqp 2.1 declares `__construct(AMQPChannel $channel)`, `declareQueue(): int`
and `declare(): int`.  Application wrappers (`class TracingQueue extends
AMQPQueue`) override the declare methods with that signature; a declared extra
parameter (mq's optional queue name) would make such a class a compile-time
fatal error ("must be compatible"), and a declared union type would change the
TypeError text of `new AMQPQueue(<wrong type>)`.  mq therefore declares
php-amqp's signatures and accepts its extensions (an AMQPConnection, the
optional name) beyond them.  A subclass written against the name parameter
(`declareQueue(?string $name = null)`, a wider signature) compiles as well.
The subclass calls against a broker: tests/716.
--EXTENSIONS--
amqp
--FILE--
<?php
class TracingQueue extends AMQPQueue
{
    public function declareQueue(): int { echo "traced\n"; return parent::declareQueue(); }
    public function declare(): int { return $this->declareQueue(); }
}
class NamedQueue extends AMQPQueue
{
    public function declareQueue(?string $name = null): int { return parent::declareQueue($name); }
    public function declare(?string $name = null): int { return $this->declareQueue($name); }
}
echo "classes loaded\n";
foreach (['declareQueue', 'declare'] as $m) {
    $r = new ReflectionMethod(AMQPQueue::class, $m);
    echo "AMQPQueue::$m(): ", $r->getNumberOfParameters(), " parameters, returns ", $r->getReturnType(), "\n";
}
$p = (new ReflectionMethod(AMQPQueue::class, '__construct'))->getParameters();
echo "AMQPQueue::__construct(", $p[0]->getType(), " \$", $p[0]->getName(), ")\n";
foreach ([new stdClass(), null, 'x'] as $arg) {
    try {
        new AMQPQueue($arg);
        echo "no exception\n";
    } catch (TypeError $e) {
        echo $e->getMessage(), "\n";
    }
}
?>
--EXPECT--
classes loaded
AMQPQueue::declareQueue(): 0 parameters, returns int
AMQPQueue::declare(): 0 parameters, returns int
AMQPQueue::__construct(AMQPChannel $channel)
AMQPQueue::__construct(): Argument #1 ($channel) must be of type AMQPChannel, stdClass given
AMQPQueue::__construct(): Argument #1 ($channel) must be of type AMQPChannel, null given
AMQPQueue::__construct(): Argument #1 ($channel) must be of type AMQPChannel, string given

--TEST--
mq extensions: blocked/cancel callbacks and getStream() add no properties (var_dump stays the peer's); argument checks; states without a connection
--EXTENSIONS--
amqp
--FILE--
<?php
$c = new AMQPConnection();
$before = print_r($c, true);
$c->setBlockedCallback(fn(bool $b, string $r) => null);
echo 'connection dump unchanged: ', print_r($c, true) === $before ? 'yes' : 'no', "\n";
echo 'get_object_vars-free: ', count((array) $c), "\n";
try {
    $c->setBlockedCallback('no_such_function');
} catch (TypeError $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
$c->setBlockedCallback(null);
echo 'isBlocked() unconnected: '; var_dump($c->isBlocked());
try {
    $c->getStream();
} catch (AMQPConnectionException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
foreach ([['AMQPConnection', 'isBlocked'], ['AMQPConnection', 'setBlockedCallback'], ['AMQPConnection', 'getStream'],
          ['AMQPQueue', 'consumeNonBlocking'], ['AMQPQueue', 'setCancelCallback']] as [$class, $method]) {
    $m = new ReflectionMethod($class, $method);
    $params = array_map(fn($p) => ($p->getType() ? $p->getType() . ' ' : '') . '$' . $p->getName(), $m->getParameters());
    echo "$class::$method(", implode(', ', $params), ')', $m->hasReturnType() ? ': ' . $m->getReturnType() : '', "\n";
}
// the queue's cancel callback is C state too: clone keeps it, GC sees it
$rc = new ReflectionClass('AMQPQueue');
$q = $rc->newInstanceWithoutConstructor();
$qb = print_r($q, true);
$q->setCancelCallback(function () use (&$q) { return $q; }); // a cycle through the callback
echo 'queue dump unchanged: ', print_r($q, true) === $qb ? 'yes' : 'no', "\n";
$q2 = clone $q;
unset($q, $q2);
echo 'collected: ', gc_collect_cycles() >= 1 ? 'yes' : 'no', "\n";
$c->setBlockedCallback(function () use (&$c) { return $c; });
unset($c);
echo 'collected: ', gc_collect_cycles() >= 1 ? 'yes' : 'no', "\n";
?>
--EXPECT--
connection dump unchanged: yes
get_object_vars-free: 18
TypeError: AMQPConnection::setBlockedCallback(): Argument #1 ($callback) must be a valid callback or null, function "no_such_function" not found or invalid function name
isBlocked() unconnected: bool(false)
AMQPConnectionException: Could not get stream. No connection available.
AMQPConnection::isBlocked(): bool
AMQPConnection::setBlockedCallback(?callable $callback): void
AMQPConnection::getStream()
AMQPQueue::consumeNonBlocking(callable $callback): int
AMQPQueue::setCancelCallback(?callable $callback): void
queue dump unchanged: yes
collected: yes
collected: yes

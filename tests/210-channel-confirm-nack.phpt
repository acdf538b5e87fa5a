--TEST--
AMQPChannel publisher confirms: nack callback arguments, unhandled nack notice, a throwing nack callback propagates the same exception object (Symfony's pattern), the channel stays usable
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';
$c = mq_test_connection();
$ch = new AMQPChannel($c);
$q = new AMQPQueue($ch);
$q->setFlags(AMQP_EXCLUSIVE);
// a queue that refuses every message: the broker nacks publishes to it
$q->setArguments(['x-max-length' => 0, 'x-overflow' => 'reject-publish']);
$q->declareQueue();
$x = new AMQPExchange($ch);
$ch->confirmSelect();

$ch->setConfirmCallback(
    function (int $tag, bool $multiple) { echo "ack $tag\n"; return false; },
    function (int $tag, bool $multiple, bool $requeue) {
        echo "nack $tag ", var_export($multiple, true), ' ', var_export($requeue, true), "\n";
        return false;
    }
);
$x->publish('refused', $q->getName());
$ch->waitForConfirm(5);

echo "-- no nack callback\n";
$ch->setConfirmCallback(fn() => false);
$x->publish('refused', $q->getName());
$ch->waitForConfirm(5);
echo "returned\n";

echo "-- Symfony: ack => false, nack => throw\n";
$thrown = new RuntimeException('Message publication failed due to a negative acknowledgment (nack) from the broker.');
$ch->setConfirmCallback(static fn(): bool => false, static function () use ($thrown) { throw $thrown; });
$x->publish('refused', $q->getName());
try {
    $ch->waitForConfirm(5);
} catch (Throwable $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
    var_dump($e === $thrown, $e->getPrevious());
}
var_dump($ch->isConnected(), $c->isConnected());

echo "-- an ack callback that throws, with a routable message\n";
$q2 = new AMQPQueue($ch);
$q2->setFlags(AMQP_EXCLUSIVE);
$q2->declareQueue();
$ch->setConfirmCallback(function () { throw new LogicException('from ack'); });
$x->publish('ok', $q2->getName());
try {
    $ch->waitForConfirm(5);
} catch (LogicException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
var_dump($ch->isConnected());
$ch->setConfirmCallback(fn(int $tag) => $tag === 5 ? false : null);
$x->publish('ok', $q2->getName());
$ch->waitForConfirm(5);
echo "done\n";
?>
--EXPECTF--
nack 1 true true
-- no nack callback

Notice: Unhandled basic.nack method from server received. Use AMQPChannel::setConfirmCallback() to process it. in %s on line %d
returned
-- Symfony: ack => false, nack => throw
RuntimeException: Message publication failed due to a negative acknowledgment (nack) from the broker.
bool(true)
NULL
bool(true)
bool(true)
-- an ack callback that throws, with a routable message
LogicException: from ack
bool(true)
done

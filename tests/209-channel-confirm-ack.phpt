--TEST--
AMQPChannel publisher confirms: confirmSelect(), ack callback arguments, false stops the wait, other return values continue, unhandled acks raise the notice and end the wait
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
$q->declareQueue();
$x = new AMQPExchange($ch);
$ch->confirmSelect();
$ch->confirmSelect(); // again: fine

echo "-- one publish, the callback returns false\n";
$ch->setConfirmCallback(function (int $tag, bool $multiple) {
    echo "ack $tag ", var_export($multiple, true), "\n";
    return false;
});
$x->publish('one', $q->getName());
$ch->waitForConfirm(5);

echo "-- three publishes, wait until tag 3 is confirmed\n";
$seen = [];
$ch->setConfirmCallback(function (int $tag, bool $multiple) use (&$seen) {
    $seen[] = $tag;
    return $tag >= 4 ? false : null;
});
foreach (['a', 'b', 'c'] as $body) {
    $x->publish($body, $q->getName());
}
$ch->waitForConfirm(5);
var_dump(max($seen));

echo "-- callbacks returning null, 0, '' or true continue (and time out here)\n";
foreach ([null, 0, '', true] as $ret) {
    $ch->setConfirmCallback(function () use ($ret) { echo 'ack -> ', var_export($ret, true), "\n"; return $ret; });
    $x->publish('x', $q->getName());
    try {
        $ch->waitForConfirm(0.5);
    } catch (AMQPQueueException $e) {
        echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n";
    }
}
var_dump($ch->isConnected(), $c->isConnected());

echo "-- no callback: the notice, and the wait ends normally\n";
$ch->setConfirmCallback(null);
$x->publish('y', $q->getName());
$ch->waitForConfirm(5);
echo "returned\n";

echo "-- an ack callback only: nack callback cleared\n";
$ch->setConfirmCallback(fn() => false, fn() => false);
$ch->setConfirmCallback(function (int $tag) { echo "ack $tag\n"; return false; });
$x->publish('z', $q->getName());
$ch->waitForConfirm(5);
echo "-- callable strings and arrays\n";
class Handler {
    public function onAck(int $tag, bool $multiple) { echo __METHOD__, " $tag\n"; return false; }
    public static function onStaticAck(int $tag) { echo __METHOD__, " $tag\n"; return false; }
    public function __call($name, $args) { echo "__call $name ", $args[0], "\n"; return false; }
}
function on_ack(int $tag) { echo __FUNCTION__, " $tag\n"; return false; }
foreach (['on_ack', [new Handler(), 'onAck'], 'Handler::onStaticAck', [new Handler(), 'magic']] as $cb) {
    $ch->setConfirmCallback($cb);
    $x->publish('w', $q->getName());
    $ch->waitForConfirm(5);
}
try {
    $ch->setConfirmCallback('no_such_function');
} catch (TypeError $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
?>
--EXPECTF--
-- one publish, the callback returns false
ack 1 false
-- three publishes, wait until tag 3 is confirmed
int(4)
-- callbacks returning null, 0, '' or true continue (and time out here)
ack -> NULL
AMQPQueueException(0): Wait timeout exceed
ack -> 0
AMQPQueueException(0): Wait timeout exceed
ack -> ''
AMQPQueueException(0): Wait timeout exceed
ack -> true
AMQPQueueException(0): Wait timeout exceed
bool(true)
bool(true)
-- no callback: the notice, and the wait ends normally

Notice: Unhandled basic.ack method from server received. Use AMQPChannel::setConfirmCallback() to process it. in %s on line %d
returned
-- an ack callback only: nack callback cleared
ack 10
-- callable strings and arrays
on_ack 11
Handler::onAck 12
Handler::onStaticAck 13
__call magic 14
TypeError: AMQPChannel::setConfirmCallback(): Argument #1 ($ackCallback) must be a valid callback or null, function "no_such_function" not found or invalid function name

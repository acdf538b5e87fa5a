--TEST--
AMQPChannel callbacks: cycles through stored callables are collected (get_gc), a callback may replace itself, close its channel or disconnect during the wait
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';
$c = mq_test_connection();
$q = new AMQPQueue(new AMQPChannel($c));
$q->setFlags(AMQP_EXCLUSIVE);
$q->declareQueue();
$name = $q->getName();

echo "-- a cycle channel -> closure -> channel is collected, the channel closed\n";
$ch = new AMQPChannel($c);
$ch->setConfirmCallback(function () use ($ch) { return false; }, function () use ($ch) { return false; });
$ch->setReturnCallback(function () use ($ch) { return false; });
var_dump($c->getUsedChannels());
unset($ch);
var_dump(gc_collect_cycles() > 0);
usleep(200000);
var_dump($c->getUsedChannels());

echo "-- a callback replaces itself\n";
$ch = new AMQPChannel($c);
$ch->confirmSelect();
$x = new AMQPExchange($ch);
$ch->setConfirmCallback(function (int $tag) use ($ch, $x, $name) {
    echo "first $tag\n";
    $ch->setConfirmCallback(function (int $tag) { echo "second $tag\n"; return false; });
    $x->publish('2', $name); // from inside the callback
    return null;
});
$x->publish('1', $name);
$ch->waitForConfirm(5);

echo "-- a callback closes its channel and asks to go on\n";
$ch->setConfirmCallback(function () use ($ch) { $ch->close(); return null; });
$x->publish('3', $name);
try {
    $ch->waitForConfirm(5);
} catch (AMQPException $e) {
    echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n";
}
var_dump($ch->isConnected(), $c->isConnected());

echo "-- a callback disconnects\n";
$ch = new AMQPChannel($c);
$ch->confirmSelect();
$x = new AMQPExchange($ch);
$ch->setConfirmCallback(function () use ($c) { $c->disconnect(); return null; });
$x->publish('4', $name);
try {
    $ch->waitForConfirm(5);
} catch (AMQPException $e) {
    echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n";
}
var_dump($ch->isConnected(), $c->isConnected());

echo "-- a cycle through the connection: everything collected, no crash\n";
$c->reconnect();
$holder = new stdClass();
$holder->conn = $c;
$holder->ch = new AMQPChannel($c);
$holder->ch->setConfirmCallback(function () use ($holder) { return false; });
unset($holder, $c, $ch, $x, $q);
var_dump(gc_collect_cycles() > 0);
echo "done\n";
?>
--EXPECT--
-- a cycle channel -> closure -> channel is collected, the channel closed
int(2)
bool(true)
int(1)
-- a callback replaces itself
first 1
second 2
-- a callback closes its channel and asks to go on
AMQPChannelException(0): Could not start wait loop for basic.return method. No channel available.
bool(false)
bool(true)
-- a callback disconnects
AMQPChannelException(0): Could not start wait loop for basic.return method. No channel available.
bool(false)
bool(false)
-- a cycle through the connection: everything collected, no crash
bool(true)
done

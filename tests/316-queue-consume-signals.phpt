--TEST--
AMQPQueue::consume() with readTimeout 0: signal handlers run during the wait; an exception from one ends the loop (docs/compatibility.md §7.20)
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
pcntl
--FILE--
<?php
require __DIR__ . '/_broker.inc';

pcntl_async_signals(true);
$conn = mq_test_connection(['read_timeout' => 0]);
$ch = new AMQPChannel($conn);
$q = new AMQPQueue($ch);
$q->setFlags(AMQP_EXCLUSIVE);
$q->declareQueue(mq_test_name('mq-sig-'));

echo "-- a throwing handler ends the loop\n";
pcntl_signal(SIGALRM, function () { throw new RuntimeException('alarm'); });
pcntl_alarm(1);
$t = microtime(true);
try {
    $q->consume(fn() => false);
} catch (RuntimeException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
var_dump(microtime(true) - $t < 10, $conn->isConnected(), $ch->isConnected());

echo "-- a handler that returns lets the loop go on\n";
$other = mq_test_connection();
$ox = new AMQPExchange(new AMQPChannel($other));
pcntl_signal(SIGALRM, function () use ($ox, $q) {
    echo "signal\n";
    $ox->publish('from the handler', $q->getName());
});
pcntl_alarm(1);
$q->consume(function (AMQPEnvelope $e) {
    echo 'got ', $e->getBody(), "\n";
    return false;
}, AMQP_JUST_CONSUME);
var_dump($conn->isConnected(), $ch->isConnected());
?>
--EXPECT--
-- a throwing handler ends the loop
RuntimeException: alarm
bool(true)
bool(true)
bool(true)
-- a handler that returns lets the loop go on
signal
got from the handler
bool(true)
bool(true)

--TEST--
AMQPQueue::consume(): null callback registers only, AMQP_JUST_CONSUME, "Consumer timeout exceed" and resuming
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';
function ex(Throwable $e) { echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n"; }

$conn = mq_test_connection(['read_timeout' => 0.4]);
$ch = new AMQPChannel($conn);
$x = new AMQPExchange($ch);
$q = new AMQPQueue($ch);
$q->setFlags(AMQP_EXCLUSIVE);
$q->declareQueue();
$name = $q->getName();

echo "-- JUST_CONSUME without any consumer: nothing arrives\n";
$t = microtime(true);
try {
    $q->consume(function () { echo "unexpected\n"; }, AMQP_JUST_CONSUME);
} catch (AMQPQueueException $e) {
    ex($e);
    var_dump($e->getMessage() === 'Consumer timeout exceed');
}
$elapsed = microtime(true) - $t;
var_dump($elapsed >= 0.35 && $elapsed < 3.0, $q->getConsumerTag());

echo "-- null callback: registers and returns at once\n";
$tag = mq_test_name('tag-');
$q->consume(null, AMQP_AUTOACK, $tag);
var_dump($q->getConsumerTag() === $tag);
foreach (['a', 'b', 'c'] as $b) {
    $x->publish($b, $name);
}

echo "-- JUST_CONSUME ignores the tag and the other flags\n";
$got = [];
$q->consume(function (AMQPEnvelope $e, AMQPQueue $queue) use (&$got, $q) {
    $got[] = $e->getBody();
    var_dump($queue === $q);
    return count($got) < 2;
}, AMQP_JUST_CONSUME | AMQP_NOLOCAL, 'ignored-tag');
var_dump($got, $q->getConsumerTag() === $tag, array_keys($ch->getConsumers()) === [$tag]);

echo "-- timeout, then resume with the consumer still registered\n";
try {
    $q->consume(function (AMQPEnvelope $e) use (&$got) { $got[] = $e->getBody(); }, AMQP_JUST_CONSUME);
} catch (AMQPQueueException $e) {
    ex($e);
}
var_dump($got);
var_dump($conn->isConnected(), $ch->isConnected(), $q->getConsumerTag() === $tag);
$x->publish('d', $name);
$q->consume(function (AMQPEnvelope $e) { echo 'got ', $e->getBody(), "\n"; return false; }, AMQP_JUST_CONSUME);

echo "-- the read timeout is read at call time\n";
$conn->setReadTimeout(1.2);
$t = microtime(true);
try {
    $q->consume(fn() => false, AMQP_JUST_CONSUME);
} catch (AMQPQueueException $e) {
    ex($e);
}
var_dump(microtime(true) - $t >= 1.1);
$q->cancel();
var_dump($q->getConsumerTag(), $ch->getConsumers());
$conn->disconnect();
?>
--EXPECT--
-- JUST_CONSUME without any consumer: nothing arrives
AMQPQueueException(0): Consumer timeout exceed
bool(true)
bool(true)
NULL
-- null callback: registers and returns at once
bool(true)
-- JUST_CONSUME ignores the tag and the other flags
bool(true)
bool(true)
array(2) {
  [0]=>
  string(1) "a"
  [1]=>
  string(1) "b"
}
bool(true)
bool(true)
-- timeout, then resume with the consumer still registered
AMQPQueueException(0): Consumer timeout exceed
array(3) {
  [0]=>
  string(1) "a"
  [1]=>
  string(1) "b"
  [2]=>
  string(1) "c"
}
bool(true)
bool(true)
bool(true)
got d
-- the read timeout is read at call time
AMQPQueueException(0): Consumer timeout exceed
bool(true)
NULL
array(0) {
}

--TEST--
AMQPQueue::consume(): amqp.auto_ack when flags are omitted (not for explicit null); a consumer cancelled by the server (mq)
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--INI--
amqp.auto_ack=1
--FILE--
<?php
require __DIR__ . '/_broker.inc';
function ex(Throwable $e) { echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n"; }

$conn = mq_test_connection(['read_timeout' => 5]);

// Publishes 4 messages, consumes one without acking it, cancels, closes the channel (so
// unacked messages go back) and reports how many are ready again.
function one_round(AMQPConnection $conn, string $name, callable $consume): int {
    $ch = new AMQPChannel($conn);
    $x = new AMQPExchange($ch);
    foreach (['a', 'b', 'c', 'd'] as $b) {
        $x->publish($b, $name);
    }
    $q = new AMQPQueue($ch);
    $q->setName($name);
    $consume($q, fn() => false);
    $q->cancel();
    $ch->close();
    $p = new AMQPQueue($conn);
    $p->setFlags(AMQP_PASSIVE);
    $n = $p->declareQueue($name);
    $p->purge();
    $p->getChannel()->close();
    return $n;
}

$setup = new AMQPQueue($conn);
$setup->setFlags(AMQP_NOPARAM);
$name = mq_test_name('mq-aa-');
$setup->declareQueue($name);
echo "omitted flags (auto_ack=1): ", one_round($conn, $name, fn($q, $cb) => $q->consume($cb)), "\n";
echo "explicit null: ", one_round($conn, $name, fn($q, $cb) => $q->consume($cb, null)), "\n";
echo "AMQP_NOPARAM: ", one_round($conn, $name, fn($q, $cb) => $q->consume($cb, AMQP_NOPARAM)), "\n";
echo "AMQP_AUTOACK: ", one_round($conn, $name, fn($q, $cb) => $q->consume($cb, AMQP_AUTOACK)), "\n";
var_dump($setup->delete());

echo "-- the server cancels the consumer (queue deleted): mq reports it\n";
$ch = new AMQPChannel($conn);
$q = new AMQPQueue($ch);
$q->setName(mq_test_name('mq-sc-'));
$q->setFlags(AMQP_NOPARAM);
$q->declareQueue();
$tag = mq_test_name('tag-');
$q->consume(null, AMQP_NOPARAM, $tag);
$deleter = new AMQPQueue($conn);
$deleter->setName($q->getName());
$deleter->delete();
try {
    $q->consume(function () { echo "unexpected\n"; }, AMQP_JUST_CONSUME);
} catch (AMQPQueueException $e) {
    ex($e);
    var_dump($e->getMessage() === "Consumer '$tag' was cancelled by the server.");
}
var_dump($q->getConsumerTag(), $ch->getConsumers(), $ch->isConnected(), $conn->isConnected());
$conn->disconnect();
?>
--EXPECTF--
omitted flags (auto_ack=1): 0
explicit null: 4
AMQP_NOPARAM: 4
AMQP_AUTOACK: 0
int(0)
-- the server cancels the consumer (queue deleted): mq reports it
AMQPQueueException(0): Consumer '%s' was cancelled by the server.
bool(true)
NULL
array(0) {
}
bool(true)
bool(true)

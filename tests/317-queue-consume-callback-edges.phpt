--TEST--
AMQPQueue::consume(): callbacks that cancel, close the channel, call RPCs, disconnect or reconnect never crash the loop
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';
function ex(Throwable $e) { echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n"; }
function setup(AMQPConnection $conn, array $bodies): AMQPQueue {
    $ch = new AMQPChannel($conn);
    $q = new AMQPQueue($ch);
    $q->setFlags(AMQP_EXCLUSIVE);
    $q->declareQueue(mq_test_name('mq-edge-'));
    $x = new AMQPExchange($ch);
    foreach ($bodies as $b) {
        $x->publish($b, $q->getName());
    }
    return $q;
}

$conn = mq_test_connection(['read_timeout' => 0.5]);

echo "-- the callback cancels its own consumer and goes on\n";
$q = setup($conn, ['a']);
try {
    $q->consume(function (AMQPEnvelope $e, AMQPQueue $queue) {
        echo 'got ', $e->getBody(), "\n";
        $queue->ack($e->getDeliveryTag());
        $queue->cancel();
    });
} catch (AMQPQueueException $e) {
    ex($e);
}
var_dump($q->getConsumerTag(), $q->getChannel()->getConsumers());

echo "-- the callback runs RPCs and get() on the same channel\n";
$q = setup($conn, ['b', 'c']);
$side = new AMQPQueue($q->getChannel());
$side->setFlags(AMQP_EXCLUSIVE);
$side->declareQueue(mq_test_name('mq-side-'));
$q->consume(function (AMQPEnvelope $e, AMQPQueue $queue) use ($side) {
    $x = new AMQPExchange($queue->getChannel());
    $x->publish('side ' . $e->getBody(), $side->getName());
    $queue->ack($e->getDeliveryTag());
    $got = null;
    for ($i = 0; $i < 50 && !$got; $i++) {
        $got = $side->get(AMQP_AUTOACK);
    }
    echo 'got ', $e->getBody(), ' and ', $got ? $got->getBody() : 'nothing', "\n";
    return $e->getBody() !== 'c';
});

echo "-- the callback closes the channel\n";
$q = setup($conn, ['d', 'e']);
try {
    $q->consume(function (AMQPEnvelope $e, AMQPQueue $queue) {
        echo 'got ', $e->getBody(), "\n";
        $queue->getChannel()->close();
    });
} catch (AMQPException $e) {
    ex($e);
}
var_dump($conn->isConnected(), $q->getChannel()->isConnected());

echo "-- the callback disconnects\n";
$q = setup($conn, ['f', 'g']);
try {
    $q->consume(function (AMQPEnvelope $e, AMQPQueue $queue) {
        echo 'got ', $e->getBody(), "\n";
        $queue->getConnection()->disconnect();
    });
} catch (AMQPException $e) {
    ex($e);
}
var_dump($conn->isConnected());

echo "-- the callback reconnects\n";
$conn->connect();
$q = setup($conn, ['h', 'i']);
try {
    $q->consume(function (AMQPEnvelope $e, AMQPQueue $queue) {
        echo 'got ', $e->getBody(), "\n";
        $queue->getConnection()->reconnect();
    });
} catch (AMQPException $e) {
    ex($e);
}
var_dump($conn->isConnected(), $q->getChannel()->isConnected());
$q2 = setup($conn, ['j']);
$q2->consume(function (AMQPEnvelope $e) { echo 'got ', $e->getBody(), "\n"; return false; }, AMQP_AUTOACK);
$conn->disconnect();
?>
--EXPECT--
-- the callback cancels its own consumer and goes on
got a
AMQPQueueException(0): Consumer timeout exceed
NULL
array(0) {
}
-- the callback runs RPCs and get() on the same channel
got b and side b
got c and side c
-- the callback closes the channel
got d
AMQPQueueException(0): Consumer timeout exceed
bool(true)
bool(false)
-- the callback disconnects
got f
AMQPChannelException(0): Could not get channel. No channel available.
bool(false)
-- the callback reconnects
got h
AMQPChannelException(0): Could not get channel. No channel available.
bool(true)
bool(false)
got j

--TEST--
re-entrancy: a consume() callback that calls disconnect() and then constructs its channel again (or connects again) ends the loop with the documented exception, never reading freed memory; objects used across the callback are held by the loop
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';

function setup(AMQPConnection $conn): array {
    $ch = new AMQPChannel($conn);
    $q = new AMQPQueue($ch);
    $q->setFlags(AMQP_AUTODELETE);
    $q->declareQueue();
    (new AMQPExchange($ch))->publish('m1', $q->getName());
    (new AMQPExchange($ch))->publish('m2', $q->getName());
    return [$ch, $q];
}

echo "-- disconnect, then the channel constructed again\n";
$conn = mq_test_connection();
[$ch, $q] = setup($conn);
try {
    $q->consume(function (AMQPEnvelope $e) use ($conn, $ch) {
        echo "got ", $e->getBody(), "\n";
        $conn->disconnect();
        $conn->connect();
        $ch->__construct($conn);
        echo "channel ", $ch->getChannelId(), " on a new connection\n";
        return true;
    });
} catch (AMQPException $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}
var_dump($conn->isConnected(), $ch->isConnected());

echo "-- disconnect, the queue's channel replaced, objects dropped\n";
$conn = mq_test_connection();
[$ch, $q] = setup($conn);
try {
    $q->consume(function (AMQPEnvelope $e, AMQPQueue $queue) use (&$conn, &$ch, &$q) {
        echo "got ", $e->getBody(), "\n";
        $conn->disconnect();
        $conn = null;
        $ch = null;
        $q = null;
        $queue->__construct(new AMQPChannel(mq_test_connection()));
        return true;
    });
} catch (AMQPException $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}
echo "done\n";
?>
--EXPECT--
-- disconnect, then the channel constructed again
got m1
channel 1 on a new connection
AMQPChannelException: Could not get channel. No channel available.
bool(true)
bool(true)
-- disconnect, the queue's channel replaced, objects dropped
got m1
AMQPChannelException: Could not get channel. No channel available.
done

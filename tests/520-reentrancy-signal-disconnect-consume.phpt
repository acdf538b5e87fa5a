--TEST--
re-entrancy: a signal handler that calls disconnect() while consume() waits (the graceful-shutdown pattern) ends consume() without an exception and without touching freed memory; the same with heartbeat_thread, with a handler that publishes on the same connection, and with one that throws
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
pcntl
--FILE--
<?php
require __DIR__ . '/_broker.inc';
pcntl_async_signals(true);

foreach ([false, true] as $thread) {
    echo "-- heartbeat_thread ", var_export($thread, true), "\n";
    $conn = mq_test_connection(['heartbeat' => 2, 'heartbeat_thread' => $thread]);
    $q = new AMQPQueue(new AMQPChannel($conn));
    $q->setFlags(AMQP_EXCLUSIVE);
    $q->declareQueue();
    pcntl_signal(SIGALRM, function () use ($conn) {
        echo "handler: disconnect\n";
        $conn->disconnect();
    });
    pcntl_alarm(1);
    $q->consume(function () {
        echo "no message expected\n";
        return false;
    });
    echo "consume returned, connected: ", var_export($conn->isConnected(), true), "\n";
    try {
        $q->declareQueue();
    } catch (AMQPException $e) {
        echo get_class($e), ": ", $e->getMessage(), "\n";
    }
}

echo "-- handler publishes on the consuming connection\n";
$conn = mq_test_connection();
$ch = new AMQPChannel($conn);
$q = new AMQPQueue($ch);
$q->setFlags(AMQP_EXCLUSIVE);
$q->declareQueue();
$x = new AMQPExchange($ch);
pcntl_signal(SIGALRM, function () use ($x, $q) {
    echo "handler: publish\n";
    $x->publish('from the handler', $q->getName());
});
pcntl_alarm(1);
$q->consume(function (AMQPEnvelope $e, AMQPQueue $queue) {
    echo "got: ", $e->getBody(), "\n";
    $queue->ack($e->getDeliveryTag());
    return false;
});

echo "-- handler throws\n";
pcntl_signal(SIGALRM, function () {
    throw new RuntimeException('stop now');
});
pcntl_alarm(1);
try {
    $q->consume(function () {
        echo "no message expected\n";
        return false;
    }, AMQP_JUST_CONSUME);
} catch (RuntimeException $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}
var_dump($conn->isConnected());
$q->cancel();
$x->publish('after', $q->getName());
$m = null;
for ($i = 0; $i < 100 && !$m; $i++) {
    $m = $q->get(AMQP_AUTOACK) ?: null;
    $m || usleep(10000);
}
echo "round trip after: ", $m ? $m->getBody() : 'none', "\n";
?>
--EXPECT--
-- heartbeat_thread false
handler: disconnect
consume returned, connected: false
AMQPChannelException: Could not declare queue. No channel available.
-- heartbeat_thread true
handler: disconnect
consume returned, connected: false
AMQPChannelException: Could not declare queue. No channel available.
-- handler publishes on the consuming connection
handler: publish
got: from the handler
-- handler throws
RuntimeException: stop now
bool(true)
round trip after: after

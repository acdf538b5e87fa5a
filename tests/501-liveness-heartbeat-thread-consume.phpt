--TEST--
liveness: a consume callback that works for 4 heartbeat intervals keeps its connection with heartbeat_thread (the next messages arrive and are acked); without it the broker drops the connection and the next call throws AMQPConnectionException (the documented limit)
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';

function run(array $opts): void {
    $conn = mq_test_connection(['heartbeat' => 1] + $opts);
    $ch = new AMQPChannel($conn);
    $ch->setPrefetchCount(1); // m2 and later are sent only after m1's ack
    $q = new AMQPQueue($ch);
    $q->setName(mq_test_name('mq-live-'));
    $q->setFlags(AMQP_DURABLE); // survives our connection: checked afterwards
    $q->declareQueue();
    $other = mq_test_connection();
    // confirmed publishes: each message is in the queue when waitForConfirm() returns
    $och = new AMQPChannel($other);
    $och->confirmSelect();
    $och->setConfirmCallback(fn() => false, fn() => false);
    $ox = new AMQPExchange($och);
    foreach (['m1', 'm2', 'm3'] as $m) {
        $ox->publish($m, $q->getName());
        $och->waitForConfirm(5);
    }
    $got = [];
    try {
        $q->consume(function (AMQPEnvelope $e, AMQPQueue $queue) use (&$got, $ox, $och) {
            $got[] = $e->getBody();
            if ($e->getBody() === 'm1') {
                sleep(4); // long user code: 4 heartbeat intervals without a call
                $ox->publish('late', $queue->getName());
                $och->waitForConfirm(5);
            }
            $queue->ack($e->getDeliveryTag());
            return count($got) < 4;
        });
        echo 'consumed: ', implode(' ', $got), "\n";
    } catch (AMQPException $e) {
        echo 'consumed: ', implode(' ', $got), "\n";
        echo get_class($e), "\n";
    }
    var_dump($conn->isConnected());
    // every ack arrived: nothing is left (unacked messages would be requeued
    // when our connection closes)
    $conn->disconnect();
    $oq = new AMQPQueue(new AMQPChannel($other));
    $oq->setName($q->getName());
    $left = [];
    while ($m = $oq->get(AMQP_AUTOACK)) {
        $left[] = $m->getBody();
    }
    echo 'left in the queue: ', $left ? implode(' ', $left) : '(none)', "\n";
    $oq->delete();
}

echo "-- heartbeat_thread => true\n";
run(['heartbeat_thread' => true]);
echo "-- amqp.heartbeat_thread=1 (ini)\n";
ini_set('amqp.heartbeat_thread', '1');
run([]);
ini_restore('amqp.heartbeat_thread');
echo "-- without the mode\n";
run(['heartbeat_thread' => false]);
?>
--EXPECT--
-- heartbeat_thread => true
consumed: m1 m2 m3 late
bool(true)
left in the queue: (none)
-- amqp.heartbeat_thread=1 (ini)
consumed: m1 m2 m3 late
bool(true)
left in the queue: (none)
-- without the mode
consumed: m1
AMQPConnectionException
bool(false)
left in the queue: m1 m2 m3 late

--TEST--
Recovery (mq extension): rabbitmqctl close_connection inside a consume() loop -> the loop goes on on a new connection: channel, qos, queue and consumer restored, unacked messages redelivered, delivery tags keep increasing, every step reported
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';
require __DIR__ . '/_faults.inc';
// An ack made right after the forced close either still reaches the old
// connection or finds it gone (then recovers it first, and the stale tag is
// dropped with a notice): that depends on when the broker's connection.close
// arrives, so the test leaves those two notices out of its output.
set_error_handler(function (int $no, string $msg) {
    return $no === E_NOTICE && (str_contains($msg, 'is from before the connection was recovered')
        || str_contains($msg, 'The connection was lost and recovered'));
});

$events = [];
$c = mq_fault_connect(['recovery' => true, 'recovery_interval' => 0.1, 'read_timeout' => 20]);
$c->setRecoveryCallback(function (string $event, array $info) use (&$events) {
    $events[] = $event;
    if ($event === 'consumer') {
        echo "consumer recovered on channel {$info['channel']}\n";
    }
});
$ch = new AMQPChannel($c);
$ch->setPrefetchCount(4);
$name = mq_test_name('mq-rec-q-');
$q = new AMQPQueue($ch);
$q->setName($name);
$q->setFlags(AMQP_DURABLE);
$q->declareQueue();
$ex = new AMQPExchange($ch);
for ($i = 0; $i < 12; $i++) {
    $ex->publish("m$i", $name);
}

$seen = [];
$tags = [];
$n = 0;
$pid = mq_fault_conn_pid($c);
$tagBefore = null;
$q->consume(function (AMQPEnvelope $env, AMQPQueue $queue) use (&$seen, &$tags, &$n, $pid, &$tagBefore) {
    $n++;
    $seen[$env->getBody()] = true;
    $tags[] = $env->getDeliveryTag();
    if ($n === 3) {
        $tagBefore = $queue->getConsumerTag();
        mq_test_ctl('close_connection', $pid, 'mq recovery test');
        usleep(200000);
    }
    $queue->ack($env->getDeliveryTag());
    return count($seen) < 12;
});

echo "all messages seen: ", var_export(count($seen) === 12, true), "\n";
echo "more deliveries than messages (redelivered): ", var_export($n > 12, true), "\n";
$increasing = true;
for ($i = 1; $i < count($tags); $i++) {
    $increasing = $increasing && $tags[$i] > $tags[$i - 1];
}
echo "tags increasing: ", var_export($increasing, true), "\n";
echo "consumer tag kept: ", var_export($q->getConsumerTag() === $tagBefore, true), "\n";
echo "events: ", implode(' ', array_unique($events)), "\n";
echo "connected: ", var_export($c->isConnected() && $ch->isConnected(), true), "\n";
echo "prefetch: ", $ch->getPrefetchCount(), "\n";
// the broker sees the restored qos and consumer
$rows = mq_test_ctl('list_channels', '-q', 'name', 'prefetch_count', 'consumer_count');
echo "broker channel qos 4 with 1 consumer: ", var_export((bool) preg_match('/\t4\t1$/m', $rows), true), "\n";
$q->cancel();
echo "pending after: ", $q->declareQueue(), "\n";
$q->delete();
$c->disconnect();
?>
--EXPECTF--
consumer recovered on channel 1
all messages seen: true
more deliveries than messages (redelivered): true
tags increasing: true
consumer tag kept: true
events: lost connected channel queue consumer recovered
connected: true
prefetch: 4
broker channel qos 4 with 1 consumer: true
pending after: 0

--TEST--
Cluster: a worker consuming a quorum queue with 'hosts' and 'recovery' goes on through another node when its node is SIGKILLed mid-consume; every published message is consumed
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_cluster.inc';
// An ack made right after the kill either still goes out on the old
// connection or finds it gone (then recovers it first, and the stale tag is
// dropped with a notice): that depends on when the worker sees the
// connection drop, so the test leaves those two notices out of its output.
set_error_handler(function (int $no, string $msg) {
    return $no === E_NOTICE && (str_contains($msg, 'is from before the connection was recovered')
        || str_contains($msg, 'The connection was lost and recovered'));
});
$qname = mq_cluster_name('mq-cluster-resume-');
register_shutdown_function(function () use ($qname) {
    mq_cluster_restore();
    foreach (mq_cluster_running_nodes() as $n) {
        try {
            $q = new AMQPQueue(new AMQPChannel(mq_cluster_connection($n, ['read_timeout' => 30, 'rpc_timeout' => 30])));
            $q->setName($qname);
            $q->delete();
            return;
        } catch (AMQPException $e) {
        }
    }
});
$opts = ['connect_timeout' => 5, 'read_timeout' => 60, 'write_timeout' => 30, 'rpc_timeout' => 60];
$total = 300;

// 300 persistent messages in a quorum queue, published (with confirms) through node 3
$p = mq_cluster_connection(3, $opts);
$pch = new AMQPChannel($p);
$q = new AMQPQueue($pch);
$q->setName($qname);
$q->setFlags(AMQP_DURABLE);
$q->setArguments(['x-queue-type' => 'quorum']);
$q->declareQueue();
$pch->confirmSelect();
$x = new AMQPExchange($pch);
for ($i = 1; $i <= $total; $i++) {
    $x->publish("msg-$i", $qname, AMQP_NOPARAM, ['delivery_mode' => 2, 'message_id' => (string) $i]);
}
$acked = 0;
$pch->setConfirmCallback(function ($tag, $multiple) use (&$acked, $total) {
    $acked = $tag;
    return $tag < $total;
}, fn() => false);
$pch->waitForConfirm(30);
echo "published and confirmed: ", var_export($acked === $total, true), "\n";
$p->disconnect();

// the worker: all three nodes, starting with node 1
$port = fn(int $n) => (int) mq_cluster_env("MQ_CLUSTER_PORT$n");
$events = [];
$w = new AMQPConnection(array_replace(mq_cluster_credentials(1, $opts), [
    'hosts' => [['host' => mq_cluster_env('MQ_CLUSTER_HOST'), 'port' => $port(1)],
                ['host' => mq_cluster_env('MQ_CLUSTER_HOST'), 'port' => $port(2)],
                ['host' => mq_cluster_env('MQ_CLUSTER_HOST'), 'port' => $port(3)]],
    'recovery' => true, 'recovery_interval' => 0.2, 'recovery_max_interval' => 1, 'recovery_timeout' => 120,
]));
$w->connect();
echo "worker on node 1: ", var_export($w->getPort() === $port(1), true), "\n";
$w->setRecoveryCallback(function (string $event, array $info) use (&$events) {
    $events[] = $event;
});
$ch = new AMQPChannel($w);
$ch->setPrefetchCount(20);
$wq = new AMQPQueue($ch);
$wq->setName($qname);
$wq->setFlags(AMQP_DURABLE);
$wq->setArguments(['x-queue-type' => 'quorum']);
$wq->declareQueue();

$seen = [];
$n = 0;
$killed = false;
$wq->consume(function (AMQPEnvelope $e, AMQPQueue $queue) use (&$seen, &$n, &$killed, $total) {
    $n++;
    $seen[$e->getMessageId()] = true;
    if ($n === 100 && !$killed) {
        $killed = true;
        mq_cluster_kill(1);   // the worker's node dies under it
    }
    $queue->ack($e->getDeliveryTag());
    return count($seen) < $total;
});
echo "every message consumed: ", var_export(count($seen) === $total, true), "\n";
echo "redeliveries after the kill: ", var_export($n >= $total, true), "\n";
echo "now on another node: ", var_export(in_array($w->getPort(), [$port(2), $port(3)], true), true), "\n";
echo "events: ", implode(' ', array_values(array_unique(array_diff($events, ['retry'])))), "\n";
$wq->cancel();
echo "pending: ", $wq->declareQueue(), "\n";
$w->disconnect();
?>
--EXPECT--
published and confirmed: true
worker on node 1: true
every message consumed: true
redeliveries after the kill: true
now on another node: true
events: lost connected channel queue consumer recovered
pending: 0

--TEST--
Cluster: a publisher with 'hosts' and 'recovery' whose node is SIGKILLed mid-publish (the quorum queue led by another node): the publish in flight throws, the next one recovers on another node, the application republishes what was not confirmed; every confirmed message is in the quorum queue
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_cluster.inc';
$qname = mq_cluster_name('mq-cluster-pubrec-');
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
$opts = ['connect_timeout' => 5, 'read_timeout' => 30, 'write_timeout' => 30, 'rpc_timeout' => 30];
$total = 2000;
$killAfter = 725;
$host = mq_cluster_env('MQ_CLUSTER_HOST');
$port = fn(int $n) => (int) mq_cluster_env("MQ_CLUSTER_PORT$n");

$events = [];
$conn = new AMQPConnection(array_replace(mq_cluster_credentials(1, $opts), [
    'hosts' => ["$host:" . $port(1), "$host:" . $port(2), "$host:" . $port(3)],
    'recovery' => true, 'recovery_interval' => 0.2, 'recovery_max_interval' => 1, 'recovery_timeout' => 120,
]));
$conn->connect();
$conn->setRecoveryCallback(function (string $event) use (&$events) { $events[] = $event; });
// The queue is declared through node 3, which leads it; the publisher
// (through node 1) declares it again, which records it for recovery.
$decl = mq_cluster_connection(3, $opts);
$q3 = new AMQPQueue(new AMQPChannel($decl));
$q3->setName($qname);
$q3->setFlags(AMQP_DURABLE);
$q3->setArguments(['x-queue-type' => 'quorum']);
$q3->declareQueue();
$decl->disconnect();
$ch = new AMQPChannel($conn);
$q = new AMQPQueue($ch);
$q->setName($qname);
$q->setFlags(AMQP_DURABLE);
$q->setArguments(['x-queue-type' => 'quorum']);
$q->declareQueue();
$members = json_decode(mq_cluster_queues(1, 'quorum_status', $qname, '--formatter', 'json'), true);
echo 'quorum queue with three members: ', var_export(is_array($members) && count($members) === 3, true), "\n";
echo 'led by another node than the publisher\'s: ', var_export(mq_cluster_queue_leader($qname) !== 1, true), "\n";
$ch->confirmSelect();
$x = new AMQPExchange($ch);
$confirms = new MqClusterConfirms();
$confirms->watch($ch);

$todo = range(1, $total);
$killed = false;
$errors = 0;
$deadline = microtime(true) + (mq_cluster_slow() ? 1200 : 300);
while (($todo || $confirms->outstanding) && microtime(true) < $deadline && $errors <= 10) {
    try {
        for ($i = 0; $i < 50 && $todo; $i++) {
            $id = $todo[0];
            $x->publish("msg-$id", $qname, AMQP_NOPARAM, ['delivery_mode' => 2, 'message_id' => (string) $id]);
            array_shift($todo);
            $confirms->published($id);
            if (!$killed && $id === $killAfter) {
                $killed = true;
                mq_cluster_kill(1);   // the publisher's own node
            }
        }
        $confirms->waitAll($ch, 30);
        if ($confirms->nacked) {
            $todo = array_merge(array_keys(array_diff_key($confirms->nacked, $confirms->confirmed)), $todo);
            $confirms->nacked = [];
        }
    } catch (AMQPException $e) {
        // the call in flight failed: what was not confirmed goes again; the
        // next call recovers the connection (same channel object, confirm
        // mode restored, sequence numbers from 1)
        $errors++;
        $todo = array_merge($confirms->unconfirmed(), array_keys(array_diff_key($confirms->nacked, $confirms->confirmed)), $todo);
        $confirms->nacked = [];
        $confirms->watch($ch);
    }
}
echo "killed the publisher's node: ", var_export($killed, true), "\n";
echo "errors seen by the publisher: ", var_export($errors >= 1 && $errors <= 10, true), "\n";
echo "recovered: ", var_export(in_array('recovered', $events, true), true), "\n";
echo "now on another node: ", var_export(in_array($conn->getPort(), [$port(2), $port(3)], true), true), "\n";
echo "all confirmed: ", count($confirms->confirmed) === $total ? 'yes' : count($confirms->confirmed) . " of $total", "\n";

$found = [];
while (($m = $q->get(AMQP_AUTOACK)) instanceof AMQPEnvelope) {
    $found[(int) $m->getMessageId()] = true;
}
$lost = array_diff_key($confirms->confirmed, $found);
echo "every confirmed message is in the queue: ", var_export($lost === [], true), "\n";
if ($lost) {
    echo 'lost: ', count($lost), ' (e.g. ', implode(', ', array_slice(array_keys($lost), 0, 10)), ")\n";
}
$q->delete();
$conn->disconnect();
?>
--EXPECT--
quorum queue with three members: true
led by another node than the publisher's: true
killed the publisher's node: true
errors seen by the publisher: true
recovered: true
now on another node: true
all confirmed: yes
every confirmed message is in the queue: true

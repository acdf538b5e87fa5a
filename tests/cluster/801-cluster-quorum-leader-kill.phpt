--TEST--
Cluster: persistent messages published with confirms to a quorum queue through a follower while the queue's leader node is SIGKILLed: every confirmed message is in the queue afterwards
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_cluster.inc';
$qname = mq_cluster_name('mq-cluster-qq-');
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

$opts = ['connect_timeout' => 10, 'read_timeout' => 30, 'write_timeout' => 30, 'rpc_timeout' => 30];
$total = 3000;
$killAfter = 1025;  // in the middle of a batch of 50: 25 in flight, 25 more after the kill

// The queue, declared through node 1: three members, one leader.
$c = mq_cluster_connection(1, $opts);
$q = new AMQPQueue(new AMQPChannel($c));
$q->setName($qname);
$q->setFlags(AMQP_DURABLE);
$q->setArguments(['x-queue-type' => 'quorum']);
$q->declareQueue();
$c->disconnect();
$members = json_decode(mq_cluster_queues(1, 'quorum_status', $qname, '--formatter', 'json'), true);
echo 'quorum queue with three members: ', var_export(is_array($members) && count($members) === 3, true), "\n";
$leader = mq_cluster_queue_leader($qname);
$followers = array_values(array_diff([1, 2, 3], [$leader]));

// Publisher on a follower; after an error it reconnects to the other
// follower (then back) and republishes what was not confirmed.
$confirms = new MqClusterConfirms();
$todo = range(1, $total);   // ids still to (re)publish, in order
$pubNode = $followers[0];
$conn = null;
$ch = $x = null;
$killed = false;
$killedAt = 0.0;
$stall = 0.0;
$reconnects = 0;
$nacks = 0;
$errors = [];
$deadline = microtime(true) + (mq_cluster_slow() ? 1200 : 300);
while (($todo || $confirms->outstanding) && microtime(true) < $deadline && count($errors) <= 10) {
    try {
        if ($conn === null) {
            $conn = mq_cluster_connection($pubNode, $opts);
            $ch = new AMQPChannel($conn);
            $ch->confirmSelect();
            $confirms->watch($ch);
            $x = new AMQPExchange($ch);
        }
        for ($i = 0; $i < 50 && $todo; $i++) {
            $id = $todo[0];   // still to do when publish() throws
            $x->publish("msg-$id", $qname, AMQP_NOPARAM, ['delivery_mode' => 2, 'message_id' => (string) $id]);
            array_shift($todo);
            $confirms->published($id);
            if (!$killed && $id === $killAfter) {
                mq_cluster_kill($leader);
                $killed = true;
                $killedAt = microtime(true);
            }
        }
        $t = microtime(true);
        $confirms->waitAll($ch, 30);
        if ($killed && $t >= $killedAt) {
            $stall = max($stall, microtime(true) - $t);
        }
        if ($confirms->nacked) {
            // Refused by the broker: publish again (it is not confirmed).
            $again = array_keys(array_diff_key($confirms->nacked, $confirms->confirmed));
            $nacks += count($confirms->nacked);
            $confirms->nacked = [];
            $todo = array_merge($again, $todo);
        }
    } catch (AMQPException $e) {
        $errors[] = get_class($e) . ': ' . $e->getMessage();
        $todo = array_merge($confirms->unconfirmed(), array_keys(array_diff_key($confirms->nacked, $confirms->confirmed)), $todo);
        $confirms->nacked = [];
        $confirms->outstanding = [];
        try {
            $conn->disconnect();
        } catch (Throwable $ignored) {
        }
        $conn = null;
        $reconnects++;
        // The other follower next (then back), skipping a node that is down.
        $next = [$followers[$reconnects % 2], $followers[($reconnects + 1) % 2]];
        $pubNode = array_values(array_intersect($next, mq_cluster_running_nodes()))[0] ?? $next[0];
        usleep(200000);
    }
}
$conn && $conn->disconnect();
$confirmed = $confirms->confirmed;
echo 'leader killed mid-publish: ', var_export($killed && !mq_cluster_is_running($leader), true), "\n";
echo 'confirmed: ', count($confirmed), " of $total\n";
echo "reconnects: $reconnects, nacks: $nacks\n";
if ($errors) {
    echo "publisher errors:\n  ", implode("\n  ", $errors), "\n";
}
printf("longest confirm wait after the kill: %.1f s\n", $stall);

// A new leader among the survivors, which hold every confirmed message.
$newLeader = mq_cluster_queue_leader($qname);
echo 'new leader is a survivor: ', var_export(in_array($newLeader, $followers, true), true), "\n";
$c = mq_cluster_connection($followers[1], $opts);
$q = new AMQPQueue(new AMQPChannel($c));
$q->setName($qname);
$found = [];
$dups = 0;
$junk = 0;
while (($m = $q->get(AMQP_AUTOACK)) instanceof AMQPEnvelope) {
    if (preg_match('/^msg-(\d+)$/', $m->getBody(), $mm) && $m->getMessageId() === $mm[1]
        && (int) $mm[1] >= 1 && (int) $mm[1] <= $total) {
        isset($found[(int) $mm[1]]) ? $dups++ : $found[(int) $mm[1]] = true;
    } else {
        $junk++;
    }
}
$lost = array_diff_key($confirmed, $found);
echo 'every confirmed message is in the queue: ', var_export($confirmed !== [] && $lost === [], true), "\n";
if ($lost) {
    echo 'lost: ', count($lost), ' (e.g. ', implode(', ', array_slice(array_keys($lost), 0, 10)), ")\n";
}
echo "unknown messages: $junk\n";
echo "duplicates (allowed): $dups\n";
$q->delete();
$c->disconnect();

// Bring the node back: the next test finds three running nodes.
mq_cluster_start_node($leader);
echo 'three running nodes again: ', var_export(mq_cluster_running_nodes() === [1, 2, 3], true), "\n";
echo 'restarted node answers: ', var_export(mq_cluster_wait_up($leader, 60), true), "\n";
?>
--EXPECTF--
quorum queue with three members: true
leader killed mid-publish: true
confirmed: 3000 of 3000
reconnects: %d, nacks: %d
%Alongest confirm wait after the kill: %f s
new leader is a survivor: true
every confirmed message is in the queue: true
unknown messages: 0
duplicates (allowed): %d
three running nodes again: true
restarted node answers: true

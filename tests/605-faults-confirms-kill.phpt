--TEST--
Faults: publishing persistent messages with confirms to a durable queue while the broker is SIGKILLed: every acked message is in the queue after the restart, and the unconfirmed ones are known exactly
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
posix
--CONFLICTS--
broker
--FILE--
<?php
require __DIR__ . '/_broker.inc';
require __DIR__ . '/_faults.inc';
require __DIR__ . '/_confirms.inc';
$qname = mq_test_name('mq-fault-durable-');
register_shutdown_function(function () use ($qname) {
    mq_fault_restore();
    $c = mq_test_connection();
    $q = new AMQPQueue(new AMQPChannel($c));
    $q->setName($qname);
    $q->delete();
});

$c = mq_fault_connect(['read_timeout' => 30, 'write_timeout' => 30]);
$ch = new AMQPChannel($c);
$q = new AMQPQueue($ch);
$q->setName($qname);
$q->setFlags(AMQP_DURABLE);
$q->declareQueue();
// declare-ok does not mean that the declaration is on disk: RabbitMQ 3.10
// logs it through Mnesia's disk_log, which caches writes for up to 2 s, and
// a SIGKILL inside that window loses the queue itself (seen when the test
// ran right after a broker restart).  The test is about confirmed persistent
// messages, so it first makes the declaration durable.
echo 'declaration synced: ', trim(mq_test_ctl('eval', 'disk_log:sync(latest_log).')), "\n";
$x = new AMQPExchange($ch);
$ch->confirmSelect();
$log = new MqConfirmLog($ch);

// Numbered messages in batches of 50, each batch waited for; once 200 are
// confirmed the broker is killed 0.2 s later, in the middle of the stream.
$kill = null;
$published = [];
$error = null;
$end = microtime(true) + (mq_fault_slow() ? 120 : 25);
try {
    for ($n = 1; microtime(true) < $end; $n++) {
        $x->publish("msg-$n", $qname, AMQP_NOPARAM, ['delivery_mode' => 2]);
        $published[$n] = true;   // the delivery tag of message n is n
        $log->published($n);
        if ($n % 50 === 0) {
            $log->waitAll($ch);
            if (!$kill && count($log->acked) >= 200) {
                $kill = mq_fault_later(0.2, mq_fault_kill_cmd());
            }
        }
    }
} catch (AMQPException $e) {
    $error = $e;
}
$kill && mq_fault_wait($kill);
echo 'stream ended by: ', $error ? get_class($error) : 'nothing', "\n";
var_dump($c->isConnected());

$acked = array_keys($log->acked);
$unconfirmed = array_keys(array_diff_key($published, $log->acked, $log->nacked));
echo 'published > 200: ', var_export(count($published) > 200, true), "\n";
echo 'acked >= 200: ', var_export(count($acked) >= 200, true), "\n";
echo 'nacked: ', count($log->nacked), "\n";
echo 'acked + unconfirmed = published: ', var_export(count($acked) + count($unconfirmed) === count($published), true), "\n";

mq_fault_restore();
mq_fault_reconnect('after restart', $c);
$ch = new AMQPChannel($c);
$q = new AMQPQueue($ch);
$q->setName($qname);
$found = [];
$junk = 0;
while (($m = $q->get(AMQP_AUTOACK)) instanceof AMQPEnvelope) {
    if (preg_match('/^msg-(\d+)$/', $m->getBody(), $mm) && isset($published[(int) $mm[1]])) {
        $found[(int) $mm[1]] = true;
    } else {
        $junk++;
    }
}
$missing = array_keys(array_diff_key($published, $found));
echo 'every acked message is in the queue: ', var_export(array_diff($acked, array_keys($found)) === [], true), "\n";
echo 'confirmed ∩ missing = ∅: ', var_export(array_intersect($acked, $missing) === [], true), "\n";
echo 'missing ⊆ unconfirmed: ', var_export(array_diff($missing, $unconfirmed) === [], true), "\n";
echo "unknown messages: $junk\n";
?>
--EXPECTF--
declaration synced: ok
stream ended by: AMQPConnectionException
bool(false)
published > 200: true
acked >= 200: true
nacked: 0
acked + unconfirmed = published: true
after restart: reconnected true, round trip back
every acked message is in the queue: true
confirmed ∩ missing = ∅: true
missing ⊆ unconfirmed: true
unknown messages: 0

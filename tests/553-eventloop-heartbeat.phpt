--TEST--
mq extension: heartbeats keep flowing while an event loop idles in stream_select() + consumeNonBlocking() cycles (heartbeat 1 s, 4 s idle)
--EXTENSIONS--
amqp
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/_broker.inc';
function idle_consumer(): array {
    $c = mq_test_connection(['heartbeat' => 1]);
    $q = new AMQPQueue(new AMQPChannel($c));
    $q->setFlags(AMQP_EXCLUSIVE);
    $q->declareQueue();
    $q->consume(null, AMQP_AUTOACK);
    return [$c, $q];
}
[$c, $q] = idle_consumer();
echo 'heartbeat: ', $c->getHeartbeatInterval(), "\n";
$s = $c->getStream();
$n = 0;
$end = microtime(true) + 4.0;
while (microtime(true) < $end) {
    $n += $q->consumeNonBlocking(fn() => true); // drain: also sends a heartbeat when one is due
    $r = [$s]; $w = $e = null;
    stream_select($r, $w, $e, 0, 250000);        // wait at most half the heartbeat interval
}
echo "deliveries: $n\n";
echo 'still connected: '; var_dump($c->isConnected());
$ex = new AMQPExchange($q->getChannel());
$ex->publish('alive', $q->getName());
$got = null;
$t = microtime(true) + 10;
while ($got === null && microtime(true) < $t) {
    $q->consumeNonBlocking(function (AMQPEnvelope $m) use (&$got) { $got = $m->getBody(); });
    $r = [$s]; $w = $e = null;
    if ($got === null) stream_select($r, $w, $e, 0, 250000);
}
var_dump($got);

// Control: the same idle time without drains loses the connection (the
// broker closes it after missed heartbeats), so the loop above is what
// kept it alive.
[$c2, $q2] = idle_consumer();
usleep(4000000);
try {
    $q2->consumeNonBlocking(fn() => true);
    echo "control: still connected\n";
} catch (AMQPConnectionException $e) {
    echo "control: connection lost\n";
}
?>
--EXPECT--
heartbeat: 1
deliveries: 0
still connected: bool(true)
string(5) "alive"
control: connection lost

--TEST--
mq extension: one stream_select() loop over the AMQP stream and a UDP socket handles both as they arrive
--EXTENSIONS--
amqp
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/_broker.inc';
$c = mq_test_connection(['heartbeat' => 2]);
$ch = new AMQPChannel($c);
$q = new AMQPQueue($ch);
$q->setFlags(AMQP_EXCLUSIVE);
$q->declareQueue();
$q->consume(null, AMQP_AUTOACK);
$pub = new AMQPExchange(new AMQPChannel(mq_test_connection())); // another connection publishes
$udp = stream_socket_server('udp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND);
$addr = stream_socket_get_name($udp, false);

// A child process sends datagrams 150 ms apart: "pub X" asks this loop to
// publish X (which then comes back through the AMQP stream), "quit" ends it.
$code = '$s = stream_socket_client("udp://' . $addr . '");'
      . 'foreach (["u1", "pub a1", "u2", "pub a2", "pub a3", "u3", "quit"] as $m) { usleep(150000); fwrite($s, $m); }';
$child = proc_open(['env', '-u', 'LD_PRELOAD', PHP_BINARY, '-n', '-r', $code], [], $pipes);

$amqp = $c->getStream();
$log = [];
$published = [];
$quit = false;
$deadline = microtime(true) + 30;
while ((!$quit || count($published) > count(array_filter($log, fn($l) => str_starts_with($l, 'amqp')))) && microtime(true) < $deadline) {
    // 1. drain: every delivery buffered or readable now
    $q->consumeNonBlocking(function (AMQPEnvelope $m) use (&$log, &$published) {
        $log[] = 'amqp ' . $m->getBody() . (in_array($m->getBody(), $published, true) ? '' : ' (never published!)');
    });
    // 2. wait for either source (at most half the heartbeat interval)
    $r = [$amqp, $udp]; $w = $e = null;
    if (stream_select($r, $w, $e, 0, 500000) > 0 && in_array($udp, $r, true)) {
        $msg = stream_socket_recvfrom($udp, 1500);
        $log[] = "udp $msg";
        if (str_starts_with($msg, 'pub ')) {
            $published[] = substr($msg, 4);
            $pub->publish(substr($msg, 4), $q->getName());
        } elseif ($msg === 'quit') {
            $quit = true;
        }
    }
}
proc_close($child);
$udpLog = array_values(array_filter($log, fn($l) => str_starts_with($l, 'udp')));
$amqpLog = array_values(array_filter($log, fn($l) => str_starts_with($l, 'amqp')));
echo implode("\n", $udpLog), "\n", implode("\n", $amqpLog), "\n";
// causality: each delivery after the datagram that asked for it
$ok = true;
foreach (['a1', 'a2', 'a3'] as $x) {
    $ok = $ok && array_search("udp pub $x", $log, true) < array_search("amqp $x", $log, true);
}
echo 'each delivery after its request: ', $ok ? 'yes' : 'no', "\n";
var_dump($c->isConnected());
?>
--EXPECT--
udp u1
udp pub a1
udp u2
udp pub a2
udp pub a3
udp u3
udp quit
amqp a1
amqp a2
amqp a3
each delivery after its request: yes
bool(true)

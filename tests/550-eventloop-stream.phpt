--TEST--
mq extension: AMQPConnection::getStream() - a readiness-only stream for stream_select(), TCP and TLS; closing it keeps the connection
--EXTENSIONS--
amqp
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/_broker.inc';
foreach (['tcp' => mq_test_credentials(), 'tls' => mq_test_tls_credentials()] as $kind => $cred) {
    echo "== $kind\n";
    $c = new AMQPConnection($cred);
    $c->connect();
    $ch = new AMQPChannel($c);
    $q = new AMQPQueue($ch);
    $q->setFlags(AMQP_EXCLUSIVE);
    $q->declareQueue();
    $q->consume(null, AMQP_AUTOACK);
    $s = $c->getStream();
    echo get_resource_type($s), ' ', stream_get_meta_data($s)['stream_type'], "\n";
    $r = [$s]; $w = $e = null;
    echo 'idle: ', stream_select($r, $w, $e, 0, 200000), "\n";
    (new AMQPExchange(new AMQPChannel(mq_test_connection())))->publish("hello $kind", $q->getName());
    $r = [$s]; $w = $e = null;
    echo 'after a publish: ', stream_select($r, $w, $e, 5), "\n";
    $q->consumeNonBlocking(function (AMQPEnvelope $m) { echo 'got: ', $m->getBody(), "\n"; });
    // refused: reading, writing, blocking mode
    var_dump(@fread($s, 1), @fwrite($s, 'x'), stream_set_blocking($s, true), stream_set_blocking($s, false));
    fclose($s);
    $q2 = new AMQPQueue($ch);
    $q2->setFlags(AMQP_EXCLUSIVE);
    echo 'connection still works after fclose: ', $q2->declareQueue() === 0 ? 'yes' : 'no', "\n";
    $s2 = $c->getStream();
    $c->disconnect();
    $r = [$s2]; $w = $e = null;
    // after the close the duplicate descriptor reports the end of the stream
    echo 'after disconnect: ', stream_select($r, $w, $e, 5), "\n";
    try {
        $c->getStream();
    } catch (AMQPConnectionException $e) {
        echo $e->getMessage(), "\n";
    }
}
?>
--EXPECT--
== tcp
stream AMQP connection
idle: 0
after a publish: 1
got: hello tcp
bool(false)
bool(false)
bool(false)
bool(true)
connection still works after fclose: yes
after disconnect: 1
Could not get stream. No connection available.
== tls
stream AMQP connection
idle: 0
after a publish: 1
got: hello tls
bool(false)
bool(false)
bool(false)
bool(true)
connection still works after fclose: yes
after disconnect: 1
Could not get stream. No connection available.

--TEST--
Faults: broker SIGKILLed mid-consume -> AMQPConnectionException "connection closed unexpectedly", isConnected() false, reconnect() works after a restart
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
register_shutdown_function('mq_fault_restore');

$c = mq_fault_connect(['read_timeout' => 30, 'write_timeout' => 30]);
$r = mq_fault_moment('consume', $c, mq_fault_kill_cmd(), 0.5);
// The kernel closes the dead broker's sockets: end of stream, or a reset when
// the client wrote into the closed socket.
mq_fault_check('consume', $r, $c, ['0: connection closed unexpectedly', '0: a socket error occurred']);
try {
    $c->reconnect();
    echo "reconnect while down succeeded\n";
} catch (AMQPConnectionException $e) {
    echo 'reconnect while down: ', mq_fault_ex($e), "\n";
}
mq_fault_restore();
mq_fault_reconnect('consume', $c);
?>
--EXPECTF--
consume: AMQPConnectionException, cause ok
consume: connected false, channel false
reconnect while down: AMQPConnectionException(0): Socket error: could not connect to host, %s
consume: reconnected true, round trip back

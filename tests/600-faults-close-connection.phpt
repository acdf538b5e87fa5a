--TEST--
Faults: rabbitmqctl close_connection while idle, mid-publish of 50 MiB messages and mid-consume -> AMQPConnectionException(320) CONNECTION_FORCED with the reason, isConnected() false, reconnect() works
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
posix
--FILE--
<?php
require __DIR__ . '/_broker.inc';
require __DIR__ . '/_faults.inc';
register_shutdown_function('mq_fault_restore');

foreach (['idle', 'publish', 'consume'] as $moment) {
    $c = mq_fault_connect(['read_timeout' => 30, 'write_timeout' => 30]);
    $reason = "mq fault test $moment";
    $cmd = mq_fault_ctl_cmd('close_connection', mq_fault_conn_pid($c), $reason);
    $r = mq_fault_moment($moment, $c, $cmd, 0.2);
    mq_fault_check($moment, $r, $c, ["320: Server connection error: 320, message: CONNECTION_FORCED - $reason"]);
    mq_fault_reconnect($moment, $c);
    $c->disconnect();
}
?>
--EXPECT--
idle: AMQPConnectionException, cause ok
idle: connected false, channel false
idle: reconnected true, round trip back
publish: AMQPConnectionException, cause ok
publish: connected false, channel false
publish: reconnected true, round trip back
consume: AMQPConnectionException, cause ok
consume: connected false, channel false
consume: reconnected true, round trip back

--TEST--
Faults: broker application stopped (rabbitmqctl stop_app) while idle, mid-publish of 50 MiB messages and mid-consume -> AMQPConnectionException naming the shutdown or the closed connection, isConnected() false, reconnect() works after start_app
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

// RabbitMQ sends connection.close(320) to every client and closes the socket
// right away: a client that is writing (or writes first) sees the closed
// socket before it can read the close.
$causes = [
    "320: Server connection error: 320, message: CONNECTION_FORCED - broker forced connection closure with reason 'shutdown'",
    '0: connection closed unexpectedly',
    '0: a socket error occurred',
];
foreach (['idle', 'publish', 'consume'] as $moment) {
    $c = mq_fault_connect(['read_timeout' => 30, 'write_timeout' => 30]);
    $r = mq_fault_moment($moment, $c, mq_fault_ctl_cmd('stop_app'), 0.2);
    mq_fault_check($moment, $r, $c, $causes);
    try {
        $c->reconnect();
        echo "$moment: reconnect while stopped succeeded\n";
    } catch (AMQPConnectionException $e) {
        echo "$moment: reconnect while stopped: ", get_class($e), "\n";
    }
    mq_test_ctl('start_app');
    mq_fault_reconnect($moment, $c);
    $c->disconnect();
}
?>
--EXPECT--
idle: AMQPConnectionException, cause ok
idle: connected false, channel false
idle: reconnect while stopped: AMQPConnectionException
idle: reconnected true, round trip back
publish: AMQPConnectionException, cause ok
publish: connected false, channel false
publish: reconnect while stopped: AMQPConnectionException
publish: reconnected true, round trip back
consume: AMQPConnectionException, cause ok
consume: connected false, channel false
consume: reconnect while stopped: AMQPConnectionException
consume: reconnected true, round trip back

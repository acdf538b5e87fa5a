--TEST--
liveness: a web-request style script holds its connection while doing other work for 4 heartbeat intervals, then publishes (works with heartbeat_thread, throws without); also over TLS with publishing beside the thread; a pooled persistent connection stays alive between "requests" with the thread on (no new TCP connection), and is silently replaced without it
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';
require __DIR__ . '/_proxy.inc';

/* The next message of $q (publishes are asynchronous: waits up to 2 s). */
function fetch(AMQPQueue $q): ?string {
    for ($i = 0; $i < 100; $i++, usleep(20000)) {
        if ($m = $q->get(AMQP_AUTOACK)) {
            return $m->getBody();
        }
    }
    return null;
}
$admin = mq_test_connection();
$q = new AMQPQueue(new AMQPChannel($admin));
$q->setName(mq_test_name('mq-idle-'));
$q->setFlags(AMQP_AUTODELETE);
$q->declareQueue();

foreach ([true, false] as $mode) {
    echo "-- transient, heartbeat_thread ", var_export($mode, true), "\n";
    $conn = mq_test_connection(['heartbeat' => 1, 'heartbeat_thread' => $mode]);
    $ex = new AMQPExchange(new AMQPChannel($conn));
    sleep(4); // rendering a page, calling other services ...
    try {
        $ex->publish('after the work', $q->getName());
        echo 'published; arrived: ', fetch($q), "\n";
    } catch (AMQPException $e) {
        echo get_class($e), "\n";
    }
    var_dump($conn->isConnected());
}

echo "-- TLS, heartbeat_thread true: idle, then publishing beside the thread's writes\n";
$conn = new AMQPConnection(mq_test_tls_credentials(['heartbeat' => 1, 'heartbeat_thread' => true]));
$conn->connect();
$ex = new AMQPExchange(new AMQPChannel($conn));
sleep(4);
$n = 0;
for ($t = microtime(true); microtime(true) - $t < 2; $n++) {
    $ex->publish(str_repeat('t', 10000), 'mq-nowhere');
}
$ex->publish('tls', $q->getName());
echo 'arrived: ', fetch($q), "\n";
var_dump($n > 10, $conn->isConnected());
$conn->disconnect();

foreach ([true, false] as $mode) {
    echo "-- persistent through a proxy, heartbeat_thread ", var_export($mode, true), "\n";
    $proxy = mq_proxy_start();
    $cred = mq_test_credentials(['port' => $proxy->port, 'heartbeat' => 1, 'heartbeat_thread' => $mode,
                                 'connection_name' => mq_test_name('mq-idle-pool-')]);
    $conn = new AMQPConnection($cred);
    $conn->pconnect();
    (new AMQPExchange(new AMQPChannel($conn)))->publish('request 1', $q->getName());
    unset($conn); // end of "request" 1: the connection goes back to the pool
    sleep(4);     // idle between requests
    $conn = new AMQPConnection($cred);
    $conn->pconnect(); // "request" 2
    (new AMQPExchange(new AMQPChannel($conn)))->publish('request 2', $q->getName());
    echo 'TCP connections made: ', substr($proxy->cmd('count'), 3), "\n";
    $bodies = [fetch($q), fetch($q)];
    sort($bodies); // two connections: either order
    echo 'arrived: ', implode(', ', $bodies), "\n";
    $conn->pdisconnect();
    $proxy->stop();
}
?>
--EXPECT--
-- transient, heartbeat_thread true
published; arrived: after the work
bool(true)
-- transient, heartbeat_thread false
AMQPConnectionException
bool(false)
-- TLS, heartbeat_thread true: idle, then publishing beside the thread's writes
arrived: tls
bool(true)
bool(true)
-- persistent through a proxy, heartbeat_thread true
TCP connections made: 1
arrived: request 1, request 2
-- persistent through a proxy, heartbeat_thread false
TCP connections made: 2
arrived: request 1, request 2

--TEST--
re-entrancy: a signal that arrives while publish() is blocked in a write (a stalled peer) runs its handler at once, at the suspended write's safe point, never inside the write; the handler may disconnect() (publish() then throws: the message was not sent) and call the setters; with heartbeat_thread too (no self-deadlock on the write lock); an RPC to a stalled peer finishes first (its timeout) and the handler runs before its exception is thrown
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
pcntl
--FILE--
<?php
require __DIR__ . '/_broker.inc';
require __DIR__ . '/_proxy.inc';
pcntl_async_signals(true);
$body = str_repeat('w', 16 << 20); // more than the socket buffers of both sides hold

foreach ([false, true] as $thread) {
    echo "-- heartbeat_thread ", var_export($thread, true), "\n";
    $proxy = mq_proxy_start();
    $conn = new AMQPConnection(mq_test_credentials(['port' => $proxy->port, 'write_timeout' => 30,
                                                    'heartbeat' => 10, 'heartbeat_thread' => $thread]));
    $conn->connect();
    $ex = new AMQPExchange(new AMQPChannel($conn));
    $events = [];
    pcntl_signal(SIGALRM, function () use ($conn, &$events) {
        $events[] = 'handler';
        $conn->setHost('mq-elsewhere.invalid');
        $conn->setVhost('other');
        $conn->setPassword('other');
        $conn->disconnect();
    });
    $proxy->cmd('stall');
    pcntl_alarm(1);
    try {
        $ex->publish($body, 'mq-nowhere');
        $events[] = 'published';
    } catch (AMQPException $e) {
        $events[] = get_class($e) . ': ' . $e->getMessage();
    }
    $events[] = 'after the call';
    echo implode("\n", $events), "\n";
    var_dump($conn->isConnected(), $conn->getHost());
    $proxy->stop();
}

// An RPC finishes first (here: its rpc_timeout, 4 s, with the signal at
// 1 s); the handler runs before the RPC's exception is thrown (PHP would
// drop a signal dispatched while an exception is in flight).
echo "-- an RPC to a stalled peer\n";
$proxy = mq_proxy_start();
$conn = new AMQPConnection(mq_test_credentials(['port' => $proxy->port, 'rpc_timeout' => 4]));
$conn->connect();
$q = new AMQPQueue(new AMQPChannel($conn));
$q->setName('mq-never-declared');
$events = [];
pcntl_signal(SIGALRM, function () use (&$events) { $events[] = 'handler'; });
$proxy->cmd('stall');
pcntl_alarm(1);
try {
    $q->declareQueue();
    $events[] = 'declared';
} catch (AMQPException $e) {
    $events[] = get_class($e) . ': ' . $e->getMessage();
}
echo implode("\n", $events), "\n";
$proxy->stop();
?>
--EXPECT--
-- heartbeat_thread false
handler
AMQPConnectionException: connection closed while a message was being written; the message was not sent
after the call
bool(false)
string(20) "mq-elsewhere.invalid"
-- heartbeat_thread true
handler
AMQPConnectionException: connection closed while a message was being written; the message was not sent
after the call
bool(false)
string(20) "mq-elsewhere.invalid"
-- an RPC to a stalled peer
handler
AMQPException: request timed out

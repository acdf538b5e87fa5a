--TEST--
re-entrancy: a signal that arrives while publish() is blocked in a write (a stalled peer) runs its handler when the write ends (here: write_timeout; before the exception exists, which PHP would otherwise drop the signal for), never inside it; the handler may disconnect() and call the setters; with heartbeat_thread too (no self-deadlock on the write lock)
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
    $conn = new AMQPConnection(mq_test_credentials(['port' => $proxy->port, 'write_timeout' => 2,
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
?>
--EXPECT--
-- heartbeat_thread false
handler
AMQPException: request timed out
after the call
bool(false)
string(20) "mq-elsewhere.invalid"
-- heartbeat_thread true
handler
AMQPException: request timed out
after the call
bool(false)
string(20) "mq-elsewhere.invalid"

--TEST--
re-entrancy: publish() blocked in a write (a stalled peer, no write timeout in reach) is suspended at a safe point when a signal arrives: its handler runs at once and may disconnect() (publish() throws, the message was not sent), let the write go on (the message arrives whole, and a publish from the handler arrives after it), or throw (its exception; the connection is closed, nothing was delivered); with and without heartbeat_thread, and over TLS
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
$body = str_repeat('s', 16 << 20); // more than the socket buffers of both sides hold
// Bounds only (tests/README.md): the handler runs within 100 ms of the
// signal, sent 1 s into the blocked write; the write timeout (30 s) is what
// would end the call without the suspension.
$bound = mq_test_slow() ? 15.0 : 8.0;

$direct = mq_test_connection();
$dch = new AMQPChannel($direct);
$q = new AMQPQueue($dch);
$q->setName(mq_test_name('mq-suspend-'));
$q->setFlags(AMQP_AUTODELETE);
$q->declareQueue();
$qname = $q->getName();

function attempt(array $mode, callable $handler, &$proxy): array
{
    global $body, $qname;
    [$thread, $tls] = $mode;
    $opts = ['write_timeout' => 30, 'heartbeat' => 10, 'heartbeat_thread' => $thread];
    if ($tls) {
        $proxy = mq_proxy_start('127.0.0.1:' . mq_test_env('MQ_TEST_TLS_PORT'));
        $conn = new AMQPConnection(mq_test_tls_credentials(['port' => $proxy->port] + $opts));
    } else {
        $proxy = mq_proxy_start();
        $conn = new AMQPConnection(mq_test_credentials(['port' => $proxy->port] + $opts));
    }
    $conn->connect();
    $ex = new AMQPExchange(new AMQPChannel($conn));
    $events = [];
    pcntl_signal(SIGALRM, function () use ($handler, $conn, $ex, $proxy, &$events) {
        $events[] = 'handler';
        $handler($conn, $ex, $proxy);
    });
    $proxy->cmd('stall');
    pcntl_alarm(1);
    $t0 = microtime(true);
    try {
        $ex->publish($body, $qname);
        $events[] = 'published';
    } catch (Throwable $e) {
        $events[] = get_class($e) . ': ' . $e->getMessage();
    }
    $elapsed = microtime(true) - $t0;
    pcntl_signal(SIGALRM, SIG_DFL);
    return [$conn, $ex, $events, $elapsed];
}

function show(array $events, float $elapsed, float $bound): void
{
    echo implode("\n", $events), "\n";
    echo $elapsed < $bound ? "prompt\n" : "took $elapsed s\n";
}

function queued(AMQPQueue $q): array
{
    $got = [];
    while ($m = $q->get(AMQP_AUTOACK)) {
        $b = $m->getBody();
        $got[] = strlen($b) > 100 ? (strlen($b) . ' bytes' . ($b === $GLOBALS['body'] ? ', intact' : ', CHANGED'))
                                  : $b;
    }
    return $got;
}

// [heartbeat_thread, TLS]: over TLS a suspended write goes on from another
// buffer (OpenSSL's retry of the same bytes from a moved buffer)
foreach ([[false, false], [true, false], [true, true]] as $mode) {
    echo "== heartbeat_thread ", var_export($mode[0], true), $mode[1] ? ", TLS" : "", "\n";

    echo "-- the handler disconnects (graceful shutdown)\n";
    [$conn, , $events, $elapsed] = attempt($mode, function ($conn) { $conn->disconnect(); }, $proxy);
    show($events, $elapsed, $bound);
    var_dump($conn->isConnected());
    $proxy->stop();
    print_r(queued($q));

    echo "-- the handler lets the write go on and publishes behind it\n";
    [$conn, $ex, $events, $elapsed] = attempt($mode, function ($conn, $ex, $proxy) {
        global $qname;
        $proxy->cmd('pass');
        $ex->publish('from the handler', $qname);
    }, $proxy);
    show($events, $elapsed, $bound);
    $ex->publish('after', $qname);
    var_dump($conn->isConnected());
    $conn->disconnect();
    $proxy->stop();
    print_r(queued($q));

    echo "-- the handler throws\n";
    [$conn, $ex, $events, $elapsed] = attempt($mode, function () { throw new RuntimeException('stop'); }, $proxy);
    show($events, $elapsed, $bound);
    var_dump($conn->isConnected());
    try {
        $ex->publish('x', $qname);
    } catch (AMQPException $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
    $proxy->stop();
    print_r(queued($q));
}
$q->delete();
?>
--EXPECT--
== heartbeat_thread false
-- the handler disconnects (graceful shutdown)
handler
AMQPConnectionException: connection closed while a message was being written; the message was not sent
prompt
bool(false)
Array
(
)
-- the handler lets the write go on and publishes behind it
handler
published
prompt
bool(true)
Array
(
    [0] => 16777216 bytes, intact
    [1] => from the handler
    [2] => after
)
-- the handler throws
handler
RuntimeException: stop
prompt
bool(false)
AMQPChannelException: Could not publish to exchange. No channel available.
Array
(
)
== heartbeat_thread true
-- the handler disconnects (graceful shutdown)
handler
AMQPConnectionException: connection closed while a message was being written; the message was not sent
prompt
bool(false)
Array
(
)
-- the handler lets the write go on and publishes behind it
handler
published
prompt
bool(true)
Array
(
    [0] => 16777216 bytes, intact
    [1] => from the handler
    [2] => after
)
-- the handler throws
handler
RuntimeException: stop
prompt
bool(false)
AMQPChannelException: Could not publish to exchange. No channel available.
Array
(
)
== heartbeat_thread true, TLS
-- the handler disconnects (graceful shutdown)
handler
AMQPConnectionException: connection closed while a message was being written; the message was not sent
prompt
bool(false)
Array
(
)
-- the handler lets the write go on and publishes behind it
handler
published
prompt
bool(true)
Array
(
    [0] => 16777216 bytes, intact
    [1] => from the handler
    [2] => after
)
-- the handler throws
handler
RuntimeException: stop
prompt
bool(false)
AMQPChannelException: Could not publish to exchange. No channel available.
Array
(
)

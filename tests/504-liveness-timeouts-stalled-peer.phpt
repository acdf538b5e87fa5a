--TEST--
liveness: every timeout fires within ±20% of its setting against a stalled peer (tests/proxy.py): connect_timeout (accepted, never answered), read_timeout in consume(), rpc_timeout of a declare, write_timeout of a 16 MiB publish whose socket buffers fill up; a delayed (not stalled) peer stays within the timeouts
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';
require __DIR__ . '/_proxy.inc';

const T = 1.0; // every timeout under test
/* Asserts T ± 20% (+ $extra; relaxed upwards under valgrind); prints "ok" or the measurement. */
function within(string $what, float $el, float $extra = 0.0): void {
    $hi = T * 1.2 + $extra + (mq_test_slow() ? 5.0 : 0.0);
    echo $what, ': ', $el >= T * 0.8 && $el <= $hi ? 'ok' : sprintf('%.3f s, want %.2f..%.2f s', $el, T * 0.8, $hi), "\n";
}
function show(Throwable $e): void {
    echo '  ', get_class($e), ': ', $e->getMessage(), "\n";
}

echo "-- connect_timeout: accepted, never answered\n";
$proxy = mq_proxy_start(null, 'blackhole');
$conn = new AMQPConnection(mq_test_credentials(['port' => $proxy->port, 'connect_timeout' => T]));
$t = microtime(true);
try {
    $conn->connect();
    echo "connected?\n";
} catch (AMQPException $e) {
    within('connect', microtime(true) - $t);
    show($e);
}
var_dump($conn->isConnected());
$proxy->stop();

echo "-- read_timeout in consume()\n";
$proxy = mq_proxy_start();
$conn = new AMQPConnection(mq_test_credentials(['port' => $proxy->port, 'read_timeout' => T]));
$conn->connect();
$q = new AMQPQueue(new AMQPChannel($conn));
$q->setFlags(AMQP_EXCLUSIVE);
$q->declareQueue();
$q->consume(null, AMQP_NOPARAM, mq_test_name('ctag-')); // basic.consume done, nothing to deliver
$proxy->cmd('stall');
$t = microtime(true);
try {
    $q->consume(fn() => false, AMQP_JUST_CONSUME);
    echo "returned?\n";
} catch (AMQPException $e) {
    within('read', microtime(true) - $t);
    show($e);
}
var_dump($conn->isConnected());
$proxy->stop();

echo "-- rpc_timeout of a declare\n";
$proxy = mq_proxy_start();
$conn = new AMQPConnection(mq_test_credentials(['port' => $proxy->port, 'rpc_timeout' => T]));
$conn->connect();
$q = new AMQPQueue(new AMQPChannel($conn));
$q->setFlags(AMQP_EXCLUSIVE);
$proxy->cmd('stall');
$t = microtime(true);
try {
    $q->declareQueue();
    echo "declared?\n";
} catch (AMQPException $e) {
    within('rpc', microtime(true) - $t);
    show($e);
}
var_dump($conn->isConnected());
$proxy->stop();

echo "-- write_timeout of a 16 MiB publish\n";
$proxy = mq_proxy_start();
$conn = new AMQPConnection(mq_test_credentials(['port' => $proxy->port, 'write_timeout' => T]));
$conn->connect();
$ex = new AMQPExchange(new AMQPChannel($conn));
$body = str_repeat('w', 16 << 20); // more than the loopback socket buffers of both sides hold
$proxy->cmd('stall');
$t = microtime(true);
try {
    $ex->publish($body, 'mq-nowhere');
    echo "published?\n";
} catch (AMQPException $e) {
    within('write', microtime(true) - $t, 0.5 /* filling the buffers */);
    show($e);
}
var_dump($conn->isConnected());
$proxy->stop();

echo "-- a delayed peer (0.2 s each way) stays within the timeouts\n";
$proxy = mq_proxy_start();
$conn = new AMQPConnection(mq_test_credentials(['port' => $proxy->port, 'rpc_timeout' => T,
                                                'read_timeout' => T, 'write_timeout' => T]));
$conn->connect();
$proxy->cmd('delay 0.2');
$q = new AMQPQueue(new AMQPChannel($conn));
$q->setFlags(AMQP_EXCLUSIVE);
$t = microtime(true);
$q->declareQueue();
$el = microtime(true) - $t;
echo 'declare through the delay: ', $el >= 0.4 ? 'ok' : sprintf('%.3f s: not delayed?', $el), "\n";
(new AMQPExchange(new AMQPChannel($conn)))->publish('slow', $q->getName());
$q->consume(function (AMQPEnvelope $e) { echo 'got ', $e->getBody(), "\n"; return false; }, AMQP_AUTOACK);
var_dump($conn->isConnected());
$proxy->stop();
?>
--EXPECT--
-- connect_timeout: accepted, never answered
connect: ok
  AMQPConnectionException: request timed out
bool(false)
-- read_timeout in consume()
read: ok
  AMQPQueueException: Consumer timeout exceed
bool(true)
-- rpc_timeout of a declare
rpc: ok
  AMQPException: request timed out
bool(false)
-- write_timeout of a 16 MiB publish
write: ok
  AMQPException: request timed out
bool(false)
-- a delayed peer (0.2 s each way) stays within the timeouts
declare through the delay: ok
got slow
bool(true)

--TEST--
Recovery (mq extension): a connection reset while idle is recovered by the next call; while the broker cannot be reached, recovery retries with backoff and gives up after recovery_timeout with an AMQPConnectionException; the next call tries again and succeeds; a callback that throws stops the recovery
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';
require __DIR__ . '/_proxy.inc';
function ex(Throwable $e) { echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n"; }

$proxy = mq_proxy_start();
$events = [];
$c = new AMQPConnection(mq_test_credentials([
    'port' => $proxy->port, 'connect_timeout' => 0.3, 'read_timeout' => 5, 'rpc_timeout' => 1,
    'recovery' => true, 'recovery_interval' => 0.1, 'recovery_max_interval' => 0.2, 'recovery_timeout' => 1.5,
]));
$c->connect();
$c->setRecoveryCallback(function (string $event, array $info) use (&$events) {
    $events[] = $event;
    if ($event === 'failed') {
        echo "failed event: ", preg_replace('/after \d+ attempts: .*/', 'after N attempts: ...', $info['error']), "\n";
    }
});
$ch = new AMQPChannel($c);
$q = new AMQPQueue($ch);
$q->setFlags(AMQP_EXCLUSIVE);
$q->declareQueue();

// 1. the connection is reset while idle: the next call recovers
$proxy->cmd('reset');
usleep(200000);
echo "purge after a reset: ", $q->purge(), "\n";
echo "events: ", implode(' ', $events), "\n";
$events = [];

// 2. the broker cannot be reached: retries, then gives up
$proxy->cmd('blackhole');
try { $q->purge(); echo "purge worked while stalled\n"; } catch (AMQPException $e) { echo "stalled: "; ex($e); }
$events = [];
$t = microtime(true);
try { $q->purge(); echo "purge worked while unreachable\n"; } catch (AMQPConnectionException $e) {
    echo preg_replace('/attempts: .*/', 'attempts: ...', preg_replace('/after \d+ attempts/', 'after N attempts', $e->getMessage())), "\n";
}
$took = microtime(true) - $t;
echo "gave up within the timeout: ", var_export($took >= 1.0 && $took < (mq_test_slow() ? 30 : 6), true), "\n";
$retries = count(array_keys($events, 'retry'));
echo "retried: ", var_export($retries >= 3, true), "\n";
echo "events: ", implode(' ', array_unique($events)), "\n";

// 3. reachable again: the next call recovers and works
$proxy->cmd('pass');
$events = [];
$n = $q->purge();
echo "purge after recovery: $n\n";
echo "events: ", implode(' ', $events), "\n";

// 4. a callback that throws stops the recovery; the call after retries
$c->setRecoveryCallback(function (string $event) {
    if ($event === 'connected') {
        throw new RuntimeException('callback says no');
    }
});
$proxy->cmd('reset');
usleep(200000);
try { $q->purge(); echo "purge worked\n"; } catch (Throwable $e) { ex($e); }
$c->setRecoveryCallback(null);
echo "purge after that: ", $q->purge(), "\n";
echo "connected: ", var_export($c->isConnected(), true), "\n";
$c->disconnect();

?>
--EXPECT--
purge after a reset: 0
events: lost connected channel queue recovered
stalled: AMQPException(0): request timed out
failed event: Could not recover the connection after N attempts: ...
Could not recover the connection after N attempts: ...
gave up within the timeout: true
retried: true
events: lost retry failed
purge after recovery: 0
events: lost connected channel queue recovered
RuntimeException(0): callback says no
purge after that: 0
connected: true

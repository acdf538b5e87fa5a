--TEST--
AMQPConnection: the RPC timeout applies at once to an open connection, and setRpcTimeout(0) clears it (broker paused with SIGSTOP)
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--CONFLICTS--
broker
--FILE--
<?php
require __DIR__ . '/_broker.inc';
$pid = (int) mq_test_env('MQ_TEST_BROKER_PID');
function broker_signal(int $pid, string $sig, float $delay = 0): void {
    $cmd = sprintf('kill -%s %d', $sig, $pid);
    if ($delay > 0) {
        $cmd = sprintf('(sleep %.2f; %s) >/dev/null 2>&1 &', $delay, $cmd);
    }
    exec($cmd);
}

$c = mq_test_connection();
$c->setRpcTimeout(0.5);
var_dump($c->getRpcTimeout());
mq_test_broker_stop($pid); // returns once no broker thread runs
$t = microtime(true);
try {
    new AMQPChannel($c);
    echo "no timeout\n";
} catch (AMQPException $e) {
    echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n";
} finally {
    broker_signal($pid, 'CONT');
}
$took = microtime(true) - $t;
var_dump($took > 0.4 && $took < 3);
var_dump($c->isConnected());

echo "-- 0 clears it on an open connection\n";
$c = mq_test_connection(); // the broker may still be catching up: no timeout here
$c->setRpcTimeout(0.5);
$c->setRpcTimeout(0);
mq_test_broker_stop($pid);
broker_signal($pid, 'CONT', 1.2);
$t = microtime(true);
try {
    $ch = new AMQPChannel($c);
    echo "channel ", $ch->getChannelId(), "\n";
} catch (AMQPException $e) {
    broker_signal($pid, 'CONT');
    echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n";
}
var_dump(microtime(true) - $t > 1.0, $c->isConnected());
?>
--EXPECT--
float(0.5)
AMQPException(0): request timed out
bool(true)
bool(false)
-- 0 clears it on an open connection
channel 1
bool(true)
bool(true)

--TEST--
AMQPChannel waits let pcntl_async_signals() handlers run: a handler that returns lets the wait go on, one that throws ends an endless wait with its exception; the connection stays usable
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
pcntl
--FILE--
<?php
require __DIR__ . '/_broker.inc';
pcntl_async_signals(true);
$c = mq_test_connection();
$ch = new AMQPChannel($c);
$ch->confirmSelect();

pcntl_signal(SIGALRM, function () { echo "handler ran\n"; });
pcntl_alarm(1);
$t = microtime(true);
try {
    $ch->waitForConfirm(2.5);
} catch (AMQPQueueException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
var_dump(microtime(true) - $t >= 2.4);

class Stop extends Exception {}
pcntl_signal(SIGALRM, function () { throw new Stop('stopped by the signal handler'); });
pcntl_alarm(1);
$t = microtime(true);
try {
    $ch->waitForConfirm(); // forever
} catch (Stop $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
$took = microtime(true) - $t;
var_dump($took > 0.8 && $took < 3);
var_dump($c->isConnected(), $ch->isConnected());
?>
--EXPECTF--
handler ran
AMQPQueueException: Wait timeout exceed
bool(true)
Stop: stopped by the signal handler
bool(true)
bool(true)
bool(true)

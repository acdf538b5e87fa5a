--TEST--
mq extension: the blocked callback runs inside consume() as soon as connection.blocked arrives, also while the loop waits
--EXTENSIONS--
amqp
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--CONFLICTS--
broker
--FILE--
<?php
require __DIR__ . '/_broker.inc';
register_shutdown_function(function () { mq_test_ctl('set_vm_memory_high_watermark', '0.4'); });

// A consumer that publishes from its callback (a typical RPC server).
$c = mq_test_connection(['read_timeout' => 60.0]);
$ch = new AMQPChannel($c);
$q = new AMQPQueue($ch);
$q->setName(mq_test_name('blocked-consume-'));
$q->setFlags(AMQP_AUTODELETE);
$q->declareQueue();
$ex = new AMQPExchange($ch);
$calls = [];
$c->setBlockedCallback(function (bool $blocked, string $reason) use (&$calls) {
    $calls[] = $blocked ? "blocked: $reason" : 'unblocked';
    if ($blocked) {
        throw new RuntimeException('stop: the broker blocked us');
    }
});
$other = mq_test_connection();
(new AMQPExchange(new AMQPChannel($other)))->publish('request', $q->getName());

// The wait after the callback is what is measured, not rabbitmqctl's own
// start (seconds, more under load): $t is set once the alarm is on.
$t = null;
try {
    $q->consume(function (AMQPEnvelope $m, AMQPQueue $queue) use ($ex, &$t) {
        echo 'request: ', $m->getBody(), "\n";
        mq_test_ctl('set_vm_memory_high_watermark', '0');
        $t = microtime(true);
        $ex->publish('reply', $queue->getName() . '-nowhere'); // makes RabbitMQ block us
        return true; // back to waiting: only connection.blocked can end the wait early
    }, AMQP_AUTOACK);
    echo "consume returned\n";
} catch (RuntimeException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
echo 'before the read timeout: ', $t !== null && microtime(true) - $t < 45 ? 'yes' : 'no', "\n";
var_dump($calls);
mq_test_ctl('set_vm_memory_high_watermark', '0.4');
$ok = false;
for ($i = 0; $i < 100 && !$ok; $i++) {
    $ok = !$c->isBlocked();
    if (!$ok) usleep(100000);
}
var_dump($ok, $calls[1] ?? null, $c->isConnected());
?>
--EXPECT--
request: request
RuntimeException: stop: the broker blocked us
before the read timeout: yes
array(1) {
  [0]=>
  string(22) "blocked: low on memory"
}
bool(true)
string(9) "unblocked"
bool(true)

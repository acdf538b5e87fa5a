--TEST--
mq extension: connection.blocked/unblocked - isBlocked(), the blocked callback, publish() on a blocked connection fails after the write timeout
--EXTENSIONS--
amqp
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--CONFLICTS--
broker
--FILE--
<?php
require __DIR__ . '/_broker.inc';
// A memory alarm blocks every publisher of the node: always lift it.
register_shutdown_function(function () { mq_test_ctl('set_vm_memory_high_watermark', '0.4'); });
$slow = getenv('USE_ZEND_ALLOC') === '0'; // valgrind: relax timing bounds only

$c = mq_test_connection(['write_timeout' => 1.0]);
$seen = [];
$c->setBlockedCallback(function (bool $blocked, string $reason) use (&$seen) {
    $seen[] = [$blocked, $reason];
});
$ch = new AMQPChannel($c);
$q = new AMQPQueue($ch);
$q->setName(mq_test_name('blocked-'));
$q->setFlags(AMQP_AUTODELETE);
$q->declareQueue();
$ex = new AMQPExchange($ch);
$ex->publish('before', $q->getName());
echo "before the alarm: "; var_dump($c->isBlocked());

mq_test_ctl('set_vm_memory_high_watermark', '0');
// RabbitMQ blocks a connection (and sends connection.blocked) once it
// publishes during the alarm: this first message is written and kept.
$ex->publish('first during the alarm', $q->getName());
$ok = false;
for ($i = 0; $i < 100 && !$ok; $i++) {
    $ok = $c->isBlocked();
    if (!$ok) usleep(100000);
}
echo "blocked: "; var_dump($ok);
echo "callback: "; var_dump($seen);

$t = microtime(true);
try {
    $ex->publish('refused', $q->getName());
    echo "published while blocked\n";
} catch (AMQPExchangeException $e) {
    $el = microtime(true) - $t;
    echo get_class($e), ': ', $e->getMessage(), ' (code ', $e->getCode(), ")\n";
    echo 'waited the write timeout: ', ($el >= 0.95 && $el < ($slow ? 10 : 3)) ? 'yes' : "no ($el)", "\n";
}
echo "still connected: "; var_dump($c->isConnected(), $ch->isConnected(), $c->isBlocked());

$seen = [];
mq_test_ctl('set_vm_memory_high_watermark', '0.4');
$ok = false;
for ($i = 0; $i < 100 && !$ok; $i++) {
    $ok = !$c->isBlocked();
    if (!$ok) usleep(100000);
}
echo "unblocked: "; var_dump($ok);
echo "callback: "; var_dump($seen);
$ex->publish('after', $q->getName());
// all but the refused one arrived, in order
$bodies = [];
for ($i = 0; $i < 50 && count($bodies) < 3; $i++) {
    $m = $q->get(AMQP_AUTOACK);
    if ($m) $bodies[] = $m->getBody(); else usleep(100000);
}
var_dump($bodies);
$c->setBlockedCallback(null);
$c->disconnect();
echo "not connected: "; var_dump($c->isBlocked());
?>
--EXPECT--
before the alarm: bool(false)
blocked: bool(true)
callback: array(1) {
  [0]=>
  array(2) {
    [0]=>
    bool(true)
    [1]=>
    string(13) "low on memory"
  }
}
AMQPExchangeException: Could not publish to exchange. Connection blocked by the server: low on memory (code 0)
waited the write timeout: yes
still connected: bool(true)
bool(true)
bool(true)
unblocked: bool(true)
callback: array(1) {
  [0]=>
  array(2) {
    [0]=>
    bool(false)
    [1]=>
    string(0) ""
  }
}
array(3) {
  [0]=>
  string(6) "before"
  [1]=>
  string(22) "first during the alarm"
  [2]=>
  string(5) "after"
}
not connected: bool(false)

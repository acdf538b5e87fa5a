--TEST--
mq extension: the blocked callback runs inside waitForConfirm() and waitForBasicReturn() when connection.blocked/unblocked arrives during the wait; the wait goes on and the confirm still comes; an exception from the callback ends the wait
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

$c = mq_test_connection();
$events = [];
$c->setBlockedCallback(function (bool $blocked, string $reason) use (&$events) {
    $events[] = $blocked ? "blocked: $reason" : 'unblocked';
});
$ch = new AMQPChannel($c);
$q = new AMQPQueue($ch);
$q->setName(mq_test_name('blocked-wait-'));
$q->setFlags(AMQP_AUTODELETE);
$q->declareQueue();
$ex = new AMQPExchange($ch);
$ch->confirmSelect();
$acked = 0;
$ch->setConfirmCallback(function (int $tag, bool $multiple) use (&$acked) {
    $acked = max($acked, $tag);
    return false;
}, function () { return false; });
$ex->publish('before', $q->getName());
$ch->waitForConfirm(5);
echo "acked before the alarm: $acked\n";

// Only waitForConfirm() runs below: the callback can only come from there.
function wait_until(AMQPChannel $ch, callable $done, string $method = 'waitForConfirm'): bool
{
    $t = microtime(true);
    while (!$done() && microtime(true) - $t < 20) {
        try {
            $ch->$method(0.3);
        } catch (AMQPQueueException $e) {
            if ($e->getMessage() !== 'Wait timeout exceed') throw $e;
        }
    }
    return $done();
}

mq_test_ctl('set_vm_memory_high_watermark', '0');
$ex->publish('during the alarm', $q->getName()); // RabbitMQ blocks a connection once it publishes
echo "blocked seen in waitForConfirm(): ";
var_dump(wait_until($ch, function () use (&$events) { return in_array('blocked: low on memory', $events, true); }));

mq_test_ctl('set_vm_memory_high_watermark', '0.4');
echo "unblocked seen and the message confirmed: ";
var_dump(wait_until($ch, function () use (&$events, &$acked) { return in_array('unblocked', $events, true) && $acked >= 2; }));
var_dump($events, $c->isBlocked());

echo "-- waitForBasicReturn(), and a callback that throws\n";
$events = [];
$c->setBlockedCallback(function (bool $blocked, string $reason) use (&$events) {
    $events[] = $blocked ? 'blocked' : 'unblocked';
    if ($blocked) throw new RuntimeException("stop: $reason");
});
mq_test_ctl('set_vm_memory_high_watermark', '0');
$ex->publish('during the second alarm', $q->getName());
try {
    wait_until($ch, function () { return false; }, 'waitForBasicReturn');
    echo "no exception\n";
} catch (RuntimeException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
mq_test_ctl('set_vm_memory_high_watermark', '0.4');
var_dump(wait_until($ch, function () use (&$events) { return in_array('unblocked', $events, true); }, 'waitForBasicReturn'));
var_dump($events, $ch->isConnected());
$ch->waitForConfirm(5); // the third message's ack, if not yet taken
$c->setBlockedCallback(null);
echo "queued: ", $q->declareQueue(), "\n";
?>
--EXPECT--
acked before the alarm: 1
blocked seen in waitForConfirm(): bool(true)
unblocked seen and the message confirmed: bool(true)
array(2) {
  [0]=>
  string(22) "blocked: low on memory"
  [1]=>
  string(9) "unblocked"
}
bool(false)
-- waitForBasicReturn(), and a callback that throws
RuntimeException: stop: low on memory
bool(true)
array(2) {
  [0]=>
  string(7) "blocked"
  [1]=>
  string(9) "unblocked"
}
bool(true)
queued: 3

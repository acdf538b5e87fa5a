--TEST--
AMQPQueue::consume(): confirms and returns go to the channel callbacks and the loop goes on; nested consume
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';

$conn = mq_test_connection(['read_timeout' => 5]);
$ch = new AMQPChannel($conn);
$x = new AMQPExchange($ch);
$q = new AMQPQueue($ch);
$q->setFlags(AMQP_EXCLUSIVE);
$q->declareQueue();
$name = $q->getName();

echo "-- confirms and returns during the loop\n";
$ch->confirmSelect();
$log = [];
$ch->setConfirmCallback(function (int $tag, bool $multiple) use (&$log, $x, $name) {
    $log[] = "ack $tag";
    if ($tag === 2) {
        $x->publish('second', $name);   // arrives after this ack was handled
    }
    return false;                       // ignored by consume()
}, function () use (&$log) { $log[] = 'nack'; return false; });
$ch->setReturnCallback(function (int $code, string $text, string $exchange, string $rk, AMQPBasicProperties $p, string $body) use (&$log) {
    $log[] = "return $code $text '$exchange' $rk $body";
    return false;                       // ignored by consume()
});
$x->publish('first', $name);
$q->consume(function (AMQPEnvelope $e, AMQPQueue $queue) use (&$log, $x) {
    $log[] = 'deliver ' . $e->getBody();
    $queue->ack($e->getDeliveryTag());
    if ($e->getBody() === 'first') {
        $x->publish('unroutable', 'no-such-queue', AMQP_MANDATORY);
        return true;
    }
    return false;
});
// Acks race with deliveries (the ack of 'second' may come before or after
// its delivery), so the two streams are checked apart, each in its order.
$isAck = fn(string $l): bool => str_starts_with($l, 'ack ');
echo implode("\n", array_filter($log, fn($l) => !$isAck($l))), "\n";
if (!in_array('ack 3', $log, true)) {
    $ch->waitForConfirm(2);             // the last ack came after the loop ended
}
echo implode(', ', array_filter($log, $isAck)), "\n";

echo "-- nested consume\n";
$ch2 = new AMQPChannel($conn);
$x2 = new AMQPExchange($ch2);
$qa = new AMQPQueue($ch2);
$qa->setFlags(AMQP_EXCLUSIVE);
$qa->declareQueue();
foreach (['m1', 'm2', 'm3', 'm4'] as $b) {
    $x2->publish($b, $qa->getName());
}
$depth = 0;
$qa->consume(function (AMQPEnvelope $e, AMQPQueue $q) use (&$depth, $qa) {
    echo str_repeat('  ', $depth), $e->getBody(), $q === $qa ? '' : ' (wrong queue)', "\n";
    if ($e->getBody() === 'm1') {
        $inner = 0;
        $depth++;
        $qa->consume(function (AMQPEnvelope $e, AMQPQueue $q) use (&$inner, $depth, $qa) {
            echo str_repeat('  ', $depth), $e->getBody(), $q === $qa ? '' : ' (wrong queue)', "\n";
            return ++$inner < 2;
        }, AMQP_JUST_CONSUME);
        $depth--;
        return null;
    }
    return false;
}, AMQP_AUTOACK);
$conn->disconnect();
?>
--EXPECT--
-- confirms and returns during the loop
deliver first
return 312 NO_ROUTE '' no-such-queue unroutable
deliver second
ack 1, ack 2, ack 3
-- nested consume
m1
  m2
  m3
m4

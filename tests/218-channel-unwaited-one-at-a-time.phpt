--TEST--
AMQPChannel confirms and returns nobody waited for stay queued, as in php-amqp: get()/declare/other calls do not touch them (no callback, no notice); each waitForBasicReturn()/waitForConfirm() takes the next one (one notice per wait without a callback, the peer's exact text); consume() takes them too
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';
/*
 * Sync point: the broker returns and confirms an unroutable publish while
 * it handles it, so after a declare on the same channel (an RPC whose reply
 * comes after them) those events have been read and queued by the client.
 */
$c = mq_test_connection();
$ch = new AMQPChannel($c);
$q = new AMQPQueue($ch);
$q->setName(mq_test_name('one-at-a-time-'));
$q->setFlags(AMQP_EXCLUSIVE);
$q->declareQueue();
$x = new AMQPExchange($ch);
$nowhere = mq_test_name('nowhere.');
function wait_and_say(callable $f) {
    try {
        $f();
        echo "returned\n";
    } catch (AMQPException $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}

echo "-- two unroutable mandatory messages, read during get(): kept for the waits\n";
$x->publish('message 1', $nowhere, AMQP_MANDATORY);
$x->publish('message 2', $nowhere, AMQP_MANDATORY);
var_dump($q->get());
var_dump($q->get());       // a second call: still nothing said
$q->declareQueue();
wait_and_say(fn() => $ch->waitForBasicReturn());   // the first one, no callback: one notice
$ch->setReturnCallback(function (int $code, string $text, string $exchange, string $rk,
                                 AMQPBasicProperties $p, string $body) {
    echo "return callback: $code $text $body\n";
    return false;
});
wait_and_say(fn() => $ch->waitForBasicReturn(5));  // the callback gets message 2
wait_and_say(fn() => $ch->waitForBasicReturn(0.3)); // nothing left
$ch->setReturnCallback(null);

echo "-- confirms: three acks queued, taken one per wait\n";
$ch->confirmSelect();
for ($i = 1; $i <= 3; $i++) {
    $x->publish("c$i", $nowhere);
    $q->declareQueue();
}
var_dump($q->get());
wait_and_say(fn() => $ch->waitForConfirm());       // ack 1: the notice, returns
$ch->setConfirmCallback(function (int $tag, bool $multiple) {
    echo "ack callback: $tag ", var_export($multiple, true), "\n";
    return false;
});
wait_and_say(fn() => $ch->waitForConfirm(5));      // ack 2
wait_and_say(fn() => $ch->waitForConfirm(5));      // ack 3
wait_and_say(fn() => $ch->waitForConfirm(0.3));

echo "-- callbacks set: other calls still leave the events queued\n";
$calls = 0;
$ch->setConfirmCallback(function (int $tag) use (&$calls) { $calls++; echo "ack callback: $tag\n"; return false; });
$ch->setReturnCallback(function (int $code, string $text, string $exchange, string $rk,
                                 AMQPBasicProperties $p, string $body) use (&$calls) {
    $calls++;
    echo "return callback: $body\n";
    return false;
});
$x->publish('m5', $nowhere, AMQP_MANDATORY);   // tag 4: return, then ack
$q->declareQueue();
var_dump($q->get());
var_dump($calls);
echo "waitForBasicReturn leaves the acks queued:\n";
wait_and_say(fn() => $ch->waitForBasicReturn(5));
wait_and_say(fn() => $ch->waitForConfirm(5));
echo "-- consume() takes the ones still queued (the loop goes on) before the delivery\n";
$ch->setConfirmCallback(null);
$ch->setReturnCallback(null);
$x->publish('m6', $nowhere, AMQP_MANDATORY);   // tag 5: return, then ack
$ch2 = new AMQPChannel($c);
(new AMQPExchange($ch2))->publish('stored', $q->getName());
$q->declareQueue();
$q->consume(function (AMQPEnvelope $e) {
    echo "delivery: ", $e->getBody(), "\n";
    return false;
}, AMQP_AUTOACK);
var_dump($ch->isConnected(), $c->isConnected());
?>
--EXPECTF--
-- two unroutable mandatory messages, read during get(): kept for the waits
NULL
NULL

Notice: Unhandled basic.return method from server received. Use AMQPChannel::setReturnCallback() to process it. in %s on line %d
returned
return callback: 312 NO_ROUTE message 2
returned
AMQPQueueException: Wait timeout exceed
-- confirms: three acks queued, taken one per wait
NULL

Notice: Unhandled basic.ack method from server received. Use AMQPChannel::setConfirmCallback() to process it. in %s on line %d
returned
ack callback: 2 false
returned
ack callback: 3 false
returned
AMQPQueueException: Wait timeout exceed
-- callbacks set: other calls still leave the events queued
NULL
int(0)
waitForBasicReturn leaves the acks queued:
return callback: m5
returned
ack callback: 4
returned
-- consume() takes the ones still queued (the loop goes on) before the delivery

Notice: Unhandled basic.return method from server received. Use AMQPChannel::setReturnCallback() to process it. in %s on line %d

Notice: Unhandled basic.ack method from server received. Use AMQPChannel::setConfirmCallback() to process it. in %s on line %d
delivery: stored
bool(true)
bool(true)

--TEST--
AMQPChannel::waitForConfirm()/waitForBasicReturn() errors: negative timeout, channel error 404 (class per method), connection error 540, frames of other channels are kept, not fatal (§7.7)
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';
function show(callable $f) {
    try {
        $f();
        echo "ok\n";
    } catch (AMQPException $e) {
        echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n";
    }
}
$c = mq_test_connection();
$ch = new AMQPChannel($c);
show(fn() => $ch->waitForConfirm(-1));
show(fn() => $ch->waitForConfirm(NAN));
show(fn() => $ch->waitForBasicReturn(-0.001));

echo "-- publishing to a missing exchange: 404 from the wait\n";
$missing = mq_test_name('missing-');
$ch->confirmSelect();
$x = new AMQPExchange($ch);
$x->setName($missing);
$x->publish('lost', 'rk');
try {
    $ch->waitForConfirm(5);
} catch (AMQPChannelException $e) {
    echo get_class($e), '(', $e->getCode(), '): ', str_replace($missing, 'MISSING', $e->getMessage()), "\n";
}
var_dump($ch->isConnected(), $c->isConnected());
show(fn() => $ch->waitForConfirm(-1)); // checked before the channel
show(fn() => $ch->waitForConfirm(1));

$ch = new AMQPChannel($c);
$x = new AMQPExchange($ch);
$x->setName($missing);
$x->publish('lost', 'rk');
try {
    $ch->waitForBasicReturn(5);
} catch (AMQPQueueException $e) {
    echo get_class($e), '(', $e->getCode(), '): ', str_replace($missing, 'MISSING', $e->getMessage()), "\n";
}
var_dump($ch->isConnected(), $c->isConnected());

echo "-- deliveries for a consumer on another channel wait for it\n";
$ch1 = new AMQPChannel($c);
$ch1->confirmSelect();
$ch2 = new AMQPChannel($c);
$q = new AMQPQueue($ch2);
$q->setFlags(AMQP_EXCLUSIVE);
$q->declareQueue();
$q->consume(null, AMQP_AUTOACK);
$x1 = new AMQPExchange($ch1);
$x1->publish('for the consumer', $q->getName());
$ch1->setConfirmCallback(fn() => null); // continue: wait until the timeout
show(fn() => $ch1->waitForConfirm(0.5));
$c->setReadTimeout(5);
$q->consume(function (AMQPEnvelope $e) { echo 'consumed: ', $e->getBody(), "\n"; return false; }, AMQP_JUST_CONSUME);
var_dump($ch1->isConnected(), $ch2->isConnected());

echo "-- a connection error during the wait: 540\n";
$x1->publish('immediate', $q->getName(), AMQP_IMMEDIATE);
try {
    $ch1->waitForConfirm(5);
} catch (AMQPConnectionException $e) {
    echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n";
}
var_dump($ch1->isConnected(), $ch2->isConnected(), $c->isConnected());
show(fn() => $ch1->waitForConfirm(1));
?>
--EXPECT--
AMQPChannelException(0): Timeout must be greater than or equal to zero.
AMQPChannelException(0): Timeout must be greater than or equal to zero.
AMQPChannelException(0): Timeout must be greater than or equal to zero.
-- publishing to a missing exchange: 404 from the wait
AMQPChannelException(404): Server channel error: 404, message: NOT_FOUND - no exchange 'MISSING' in vhost '/'
bool(false)
bool(true)
AMQPChannelException(0): Timeout must be greater than or equal to zero.
AMQPChannelException(0): Could not start wait loop for basic.return method. No channel available.
AMQPQueueException(404): Server channel error: 404, message: NOT_FOUND - no exchange 'MISSING' in vhost '/'
bool(false)
bool(true)
-- deliveries for a consumer on another channel wait for it
AMQPQueueException(0): Wait timeout exceed
consumed: for the consumer
bool(true)
bool(true)
-- a connection error during the wait: 540
AMQPConnectionException(540): Server connection error: 540, message: NOT_IMPLEMENTED - immediate=true
bool(false)
bool(false)
bool(false)
AMQPChannelException(0): Could not start wait loop for basic.return method. No channel available.

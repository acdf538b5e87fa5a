--TEST--
AMQPChannel::basicRecover(): requeue=true redelivers unacknowledged messages; requeue=false is refused by RabbitMQ with connection error 540
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';
$c = mq_test_connection();
$ch = new AMQPChannel($c);
$q = new AMQPQueue($ch);
$q->setFlags(AMQP_EXCLUSIVE);
$q->declareQueue();
(new AMQPExchange($ch))->publish('m1', $q->getName());
$m = $q->get();
var_dump($m->getBody(), $m->isRedelivery());
$ch->basicRecover();
$ch->basicRecover(true);
$m = $q->get();
var_dump($m->getBody(), $m->isRedelivery());
$q->ack($m->getDeliveryTag());
try {
    $ch->basicRecover(false);
} catch (AMQPException $e) {
    echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n";
}
var_dump($ch->isConnected(), $c->isConnected());
try {
    $ch->basicRecover();
} catch (AMQPException $e) {
    echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n";
}
?>
--EXPECT--
string(2) "m1"
bool(false)
string(2) "m1"
bool(true)
AMQPConnectionException(540): Server connection error: 540, message: NOT_IMPLEMENTED - requeue=false
bool(false)
bool(false)
AMQPChannelException(0): Could not redeliver unacknowledged messages. No channel available.

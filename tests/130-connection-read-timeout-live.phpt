--TEST--
AMQPConnection::setReadTimeout() on an open connection bounds the next consume() wait ("Consumer timeout exceed"), and the consumer stays usable
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
$c->setReadTimeout(0.4);
$t = microtime(true);
try {
    $q->consume(fn() => false);
} catch (AMQPQueueException $e) {
    echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n";
}
$took = microtime(true) - $t;
var_dump($took > 0.3 && $took < 3, $c->isConnected(), $ch->isConnected());
(new AMQPExchange($ch))->publish('after the timeout', $q->getName());
$c->setReadTimeout(5);
$q->consume(function (AMQPEnvelope $e) {
    echo $e->getBody(), "\n";
    return false;
}, AMQP_JUST_CONSUME);
?>
--EXPECT--
AMQPQueueException(0): Consumer timeout exceed
bool(true)
bool(true)
bool(true)
after the timeout

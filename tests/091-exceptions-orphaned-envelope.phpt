--TEST--
exceptions: AMQPEnvelopeException "Orphaned envelope" from consume() carries the delivered message in getEnvelope()
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/_broker.inc';

$c = mq_test_connection();
$ch = new AMQPChannel($c);
$q = new AMQPQueue($ch);
$q->setName(mq_test_name('mq-orphan-'));
$q->setFlags(AMQP_EXCLUSIVE);
$q->declareQueue();
$x = new AMQPExchange($ch);
$x->publish('orphan', $q->getName(), AMQP_NOPARAM, ['headers' => ['h' => 1], 'message_id' => 'm-1']);

$tag = mq_test_name('mq-tag-');
$q->consume(null, AMQP_NOPARAM, $tag);  // register only: the delivery is on its way
usleep(300000);
$q->cancel();                           // the consumer is gone, its delivery is not
$c->setReadTimeout(2);
try {
    $q->consume(fn() => false, AMQP_JUST_CONSUME);
    echo "no exception\n";
} catch (AMQPEnvelopeException $e) {
    echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n";
    $env = $e->getEnvelope();
    var_dump(get_class($env), $env->getBody(), $env->getConsumerTag() === $tag, $env->getMessageId(),
        $env->getHeaders(), $env->getDeliveryTag());
    $q->ack($env->getDeliveryTag()); // still unacknowledged: it can be acked
}
var_dump($ch->isConnected(), $q->get());
?>
--EXPECT--
AMQPEnvelopeException(0): Orphaned envelope
string(12) "AMQPEnvelope"
string(6) "orphan"
bool(true)
string(3) "m-1"
array(1) {
  ["h"]=>
  int(1)
}
int(1)
bool(true)
NULL

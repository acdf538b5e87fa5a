--TEST--
AMQPEnvelope from consume() (consumer tag, delivery info) and AMQPBasicProperties of basic.return (wire properties, headers, clusterId)
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/_broker.inc';

$c = mq_test_connection();
$ch = new AMQPChannel($c);
$q = new AMQPQueue($ch);
$q->setName(mq_test_name('mq-env-'));
$q->setFlags(AMQP_EXCLUSIVE);
$q->declareQueue();
$x = new AMQPExchange($ch);

$x->publish('one', $q->getName(), AMQP_NOPARAM, ['headers' => ['n' => 1, 't' => new AMQPTimestamp(7)], 'priority' => 3]);
$x->publish('two', $q->getName());
$tag = mq_test_name('mq-tag-');
$q->consume(function (AMQPEnvelope $e, AMQPQueue $queue) use ($tag, $q) {
    echo $e->getBody(), ': tag ', $e->getConsumerTag() === $tag ? 'ok' : 'WRONG', ', delivery tag ', $e->getDeliveryTag(),
        ', exchange ', var_export($e->getExchangeName(), true), ', redelivered ', var_export($e->isRedelivery(), true),
        ', priority ', $e->getPriority(), ', headers ', json_encode($e->getHeaders()), "\n";
    $queue->ack($e->getDeliveryTag());
    return $e->getBody() !== 'two';
}, AMQP_NOPARAM, $tag);
$q->cancel();

echo "--- basic.return\n";
$ch->setReturnCallback(function (int $code, string $text, string $exchange, string $rk, AMQPBasicProperties $p, string $body) {
    echo "$code $text '$exchange' $rk $body ", get_class($p), "\n";
    foreach (['getContentType', 'getHeaders', 'getDeliveryMode', 'getPriority', 'getTimestamp', 'getMessageId',
              'getClusterId'] as $g) {
        echo "  $g: ", json_encode($p->$g()), "\n";
    }
    return false;
});
$x->publish('returned', mq_test_name('nowhere-'), AMQP_MANDATORY,
    ['message_id' => 'm1', 'headers' => ['h' => ['nested' => [1, 2]]], 'delivery_mode' => 2]);
$ch->waitForBasicReturn(5);
?>
--EXPECTF--
one: tag ok, delivery tag 1, exchange '', redelivered false, priority 3, headers {"n":1,"t":{}}
two: tag ok, delivery tag 2, exchange '', redelivered false, priority 0, headers []
--- basic.return
312 NO_ROUTE '' nowhere-%x returned AMQPBasicProperties
  getContentType: "text\/plain"
  getHeaders: {"h":{"nested":[1,2]}}
  getDeliveryMode: 2
  getPriority: 0
  getTimestamp: 0
  getMessageId: "m1"
  getClusterId: null

--TEST--
AMQPEnvelope from get(): properties from publish(), wire defaults of absent properties, delivery info, binary body, var_dump
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

$getters = ['getContentType', 'getContentEncoding', 'getHeaders', 'getDeliveryMode', 'getPriority',
    'getCorrelationId', 'getReplyTo', 'getExpiration', 'getMessageId', 'getTimestamp', 'getType',
    'getUserId', 'getAppId', 'getClusterId', 'getConsumerTag', 'getDeliveryTag', 'isRedelivery',
    'getExchangeName', 'getRoutingKey'];
function show(AMQPEnvelope $e) {
    global $getters;
    foreach ($getters as $g) {
        echo "  $g: ", json_encode($e->$g()), "\n";
    }
}

echo "--- all properties\n";
$x->publish('full', $q->getName(), AMQP_NOPARAM, [
    'content_type' => 'application/json', 'content_encoding' => 'gzip', 'message_id' => 'id-1',
    'user_id' => mq_test_env('MQ_TEST_USER'), 'app_id' => 'app', 'delivery_mode' => AMQP_DELIVERY_MODE_PERSISTENT,
    'priority' => 7, 'timestamp' => 1700000000, 'expiration' => '60000', 'type' => 'kind',
    'reply_to' => 'replies', 'correlation_id' => 'corr', 'headers' => ['h' => 'v', 'n' => 1],
]);
$e = $q->get();
var_dump($e->getBody());
show($e);

echo "--- no properties\n";
$x->publish('bare', $q->getName());
$e = $q->get(AMQP_AUTOACK);
show($e);
var_dump($e);

echo "--- redelivered\n";
$q->nack(1, AMQP_REQUEUE); // the first message, fetched without auto-ack
$e = $q->get(AMQP_AUTOACK);
echo $e->getBody(), ': redelivered ', var_export($e->isRedelivery(), true), ', tag ', $e->getDeliveryTag(), "\n";

echo "--- named exchange\n";
$x2 = new AMQPExchange($ch);
$x2->setName(mq_test_name('mq-env-x-'));
$x2->setType(AMQP_EX_TYPE_TOPIC);
$x2->setFlags(AMQP_AUTODELETE);
$x2->declareExchange();
$q->bind($x2->getName(), 'a.#');
$x2->publish('via exchange', 'a.b.c');
$e = $q->get(AMQP_AUTOACK);
echo $e->getBody(), ': ', $e->getExchangeName() === $x2->getName() ? 'exchange name ok' : 'exchange name WRONG',
    ', routing key ', $e->getRoutingKey(), "\n";

echo "--- binary bodies\n";
$body = str_repeat("\0\x01\xffmq", 60000);
$x->publish($body, $q->getName());
$x->publish('', $q->getName());
$e = $q->get(AMQP_AUTOACK);
var_dump(strlen($e->getBody()), $e->getBody() === $body);
$e = $q->get(AMQP_AUTOACK);
var_dump($e->getBody());
$x2->delete();
?>
--EXPECTF--
--- all properties
string(4) "full"
  getContentType: "application\/json"
  getContentEncoding: "gzip"
  getHeaders: {"h":"v","n":1}
  getDeliveryMode: 2
  getPriority: 7
  getCorrelationId: "corr"
  getReplyTo: "replies"
  getExpiration: "60000"
  getMessageId: "id-1"
  getTimestamp: 1700000000
  getType: "kind"
  getUserId: "guest"
  getAppId: "app"
  getClusterId: null
  getConsumerTag: ""
  getDeliveryTag: 1
  isRedelivery: false
  getExchangeName: ""
  getRoutingKey: "mq-env-%x"
--- no properties
  getContentType: "text\/plain"
  getContentEncoding: null
  getHeaders: []
  getDeliveryMode: 1
  getPriority: 0
  getCorrelationId: null
  getReplyTo: null
  getExpiration: null
  getMessageId: null
  getTimestamp: 0
  getType: null
  getUserId: null
  getAppId: null
  getClusterId: null
  getConsumerTag: ""
  getDeliveryTag: 2
  isRedelivery: false
  getExchangeName: ""
  getRoutingKey: "mq-env-%x"
object(AMQPEnvelope)#%d (20) {
  ["contentType":"AMQPBasicProperties":private]=>
  string(10) "text/plain"
  ["contentEncoding":"AMQPBasicProperties":private]=>
  NULL
  ["headers":"AMQPBasicProperties":private]=>
  array(0) {
  }
  ["deliveryMode":"AMQPBasicProperties":private]=>
  int(1)
  ["priority":"AMQPBasicProperties":private]=>
  int(0)
  ["correlationId":"AMQPBasicProperties":private]=>
  NULL
  ["replyTo":"AMQPBasicProperties":private]=>
  NULL
  ["expiration":"AMQPBasicProperties":private]=>
  NULL
  ["messageId":"AMQPBasicProperties":private]=>
  NULL
  ["timestamp":"AMQPBasicProperties":private]=>
  int(0)
  ["type":"AMQPBasicProperties":private]=>
  NULL
  ["userId":"AMQPBasicProperties":private]=>
  NULL
  ["appId":"AMQPBasicProperties":private]=>
  NULL
  ["clusterId":"AMQPBasicProperties":private]=>
  NULL
  ["body":"AMQPEnvelope":private]=>
  string(4) "bare"
  ["consumerTag":"AMQPEnvelope":private]=>
  string(0) ""
  ["deliveryTag":"AMQPEnvelope":private]=>
  int(2)
  ["isRedelivery":"AMQPEnvelope":private]=>
  bool(false)
  ["exchangeName":"AMQPEnvelope":private]=>
  string(0) ""
  ["routingKey":"AMQPEnvelope":private]=>
  string(15) "mq-env-%x"
}
--- redelivered
full: redelivered true, tag 3
--- named exchange
via exchange: exchange name ok, routing key a.b.c
--- binary bodies
int(300000)
bool(true)
string(0) ""

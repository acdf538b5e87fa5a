--TEST--
php-amqp 2.x compat: var_dump of a declared/consuming queue, the channel consumers map, envelopes from get() and consume()
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
/* php-amqp 2.x compatibility: var_dump() of objects in used states: a queue
 * after declare and consume, the channel's consumers map, envelopes from
 * get() (consumerTag "") and from consume(), with wire defaults (§3.5, §3.6). */
require __DIR__ . '/_broker.inc';
$c = mq_test_connection();
$ch = new AMQPChannel($c);
$q = new AMQPQueue($ch);
$q->setFlags(AMQP_EXCLUSIVE);
$q->setArgument('x-max-priority', 5);
var_dump($q->declareQueue());
$x = new AMQPExchange($ch);
$x->publish('full', $q->getName(), AMQP_NOPARAM, [
    'content_type' => 'application/json', 'content_encoding' => 'gzip', 'message_id' => 'm-1',
    'user_id' => mq_test_env('MQ_TEST_USER'), 'app_id' => 'app', 'delivery_mode' => AMQP_DELIVERY_MODE_PERSISTENT,
    'priority' => 4, 'timestamp' => 1700000000, 'expiration' => '60000', 'type' => 't', 'reply_to' => 'rq',
    'correlation_id' => 'c-1',
    'headers' => ['s' => 'str', 'i' => -5, 'f' => 1.5, 'b' => false, 'n' => null, 'l' => [1, 'two'],
                  't' => ['k' => 'v'], 'ts' => new AMQPTimestamp(1700000001), 'd' => new AMQPDecimal(2, 314)],
]);
$x->publish('', $q->getName());
$x->publish('third', $q->getName());
usleep(200000);
$e = $q->get();
var_dump($e);
$e = $q->get(AMQP_AUTOACK);
var_dump($e);
$q->consume(null, AMQP_NOPARAM, 'compat-tag');
echo "-- queue and channel after consume\n";
ob_start();
var_dump($ch);
echo preg_replace('/object\(AMQPConnection\)#\d+ \(18\) \{\n.*?\n( *)\}\n/s', "CONNECTION\n", ob_get_clean());
$q->consume(function (AMQPEnvelope $env, AMQPQueue $queue) {
    var_dump($env);
    $queue->ack($env->getDeliveryTag());
    return false;
}, AMQP_JUST_CONSUME);
$q->cancel();
var_dump($q->getConsumerTag(), $ch->getConsumers());
--EXPECTF--
int(0)
object(AMQPEnvelope)#%d (20) {
  ["contentType":"AMQPBasicProperties":private]=>
  string(16) "application/json"
  ["contentEncoding":"AMQPBasicProperties":private]=>
  string(4) "gzip"
  ["headers":"AMQPBasicProperties":private]=>
  array(9) {
    ["s"]=>
    string(3) "str"
    ["i"]=>
    int(-5)
    ["f"]=>
    float(1.5)
    ["b"]=>
    bool(false)
    ["n"]=>
    NULL
    ["l"]=>
    array(2) {
      [0]=>
      int(1)
      [1]=>
      string(3) "two"
    }
    ["t"]=>
    array(1) {
      ["k"]=>
      string(1) "v"
    }
    ["ts"]=>
    object(AMQPTimestamp)#%d (1) {
      ["timestamp":"AMQPTimestamp":private]=>
      float(1700000001)
    }
    ["d"]=>
    object(AMQPDecimal)#%d (2) {
      ["exponent":"AMQPDecimal":private]=>
      int(2)
      ["significand":"AMQPDecimal":private]=>
      int(314)
    }
  }
  ["deliveryMode":"AMQPBasicProperties":private]=>
  int(2)
  ["priority":"AMQPBasicProperties":private]=>
  int(4)
  ["correlationId":"AMQPBasicProperties":private]=>
  string(3) "c-1"
  ["replyTo":"AMQPBasicProperties":private]=>
  string(2) "rq"
  ["expiration":"AMQPBasicProperties":private]=>
  string(5) "60000"
  ["messageId":"AMQPBasicProperties":private]=>
  string(3) "m-1"
  ["timestamp":"AMQPBasicProperties":private]=>
  int(1700000000)
  ["type":"AMQPBasicProperties":private]=>
  string(1) "t"
  ["userId":"AMQPBasicProperties":private]=>
  string(5) "guest"
  ["appId":"AMQPBasicProperties":private]=>
  string(3) "app"
  ["clusterId":"AMQPBasicProperties":private]=>
  NULL
  ["body":"AMQPEnvelope":private]=>
  string(4) "full"
  ["consumerTag":"AMQPEnvelope":private]=>
  string(0) ""
  ["deliveryTag":"AMQPEnvelope":private]=>
  int(1)
  ["isRedelivery":"AMQPEnvelope":private]=>
  bool(false)
  ["exchangeName":"AMQPEnvelope":private]=>
  string(0) ""
  ["routingKey":"AMQPEnvelope":private]=>
  string(30) "amq.gen-%s"
}
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
  string(0) ""
  ["consumerTag":"AMQPEnvelope":private]=>
  string(0) ""
  ["deliveryTag":"AMQPEnvelope":private]=>
  int(2)
  ["isRedelivery":"AMQPEnvelope":private]=>
  bool(false)
  ["exchangeName":"AMQPEnvelope":private]=>
  string(0) ""
  ["routingKey":"AMQPEnvelope":private]=>
  string(30) "amq.gen-%s"
}
-- queue and channel after consume
object(AMQPChannel)#%d (6) {
  ["connection":"AMQPChannel":private]=>
  CONNECTION
  ["prefetchCount":"AMQPChannel":private]=>
  int(3)
  ["prefetchSize":"AMQPChannel":private]=>
  int(0)
  ["globalPrefetchCount":"AMQPChannel":private]=>
  int(0)
  ["globalPrefetchSize":"AMQPChannel":private]=>
  int(0)
  ["consumers":"AMQPChannel":private]=>
  array(1) {
    ["compat-tag"]=>
    object(AMQPQueue)#%d (9) {
      ["connection":"AMQPQueue":private]=>
      CONNECTION
      ["channel":"AMQPQueue":private]=>
      *RECURSION*
      ["name":"AMQPQueue":private]=>
      string(30) "amq.gen-%s"
      ["consumerTag":"AMQPQueue":private]=>
      string(10) "compat-tag"
      ["passive":"AMQPQueue":private]=>
      bool(false)
      ["durable":"AMQPQueue":private]=>
      bool(false)
      ["exclusive":"AMQPQueue":private]=>
      bool(true)
      ["autoDelete":"AMQPQueue":private]=>
      bool(false)
      ["arguments":"AMQPQueue":private]=>
      array(1) {
        ["x-max-priority"]=>
        int(5)
      }
    }
  }
}
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
  string(5) "third"
  ["consumerTag":"AMQPEnvelope":private]=>
  string(10) "compat-tag"
  ["deliveryTag":"AMQPEnvelope":private]=>
  int(3)
  ["isRedelivery":"AMQPEnvelope":private]=>
  bool(false)
  ["exchangeName":"AMQPEnvelope":private]=>
  string(0) ""
  ["routingKey":"AMQPEnvelope":private]=>
  string(30) "amq.gen-%s"
}
NULL
array(0) {
}

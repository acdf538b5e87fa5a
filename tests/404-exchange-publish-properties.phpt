--TEST--
AMQPExchange::publish(): every message property round trip (incl. cluster_id, mq), defaults, null/"" = absent, conversions, unknown keys
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';
function props(AMQPEnvelope $e): void {
    $all = [
        'body' => $e->getBody(),
        'content_type' => $e->getContentType(),
        'content_encoding' => $e->getContentEncoding(),
        'headers' => $e->getHeaders(),
        'delivery_mode' => $e->getDeliveryMode(),
        'priority' => $e->getPriority(),
        'correlation_id' => $e->getCorrelationId(),
        'reply_to' => $e->getReplyTo(),
        'expiration' => $e->getExpiration(),
        'message_id' => $e->getMessageId(),
        'timestamp' => $e->getTimestamp(),
        'type' => $e->getType(),
        'user_id' => $e->getUserId(),
        'app_id' => $e->getAppId(),
        'cluster_id' => $e->getClusterId(),
    ];
    foreach ($all as $k => $v) {
        echo "  $k=", is_array($v) ? json_encode($v) : var_export($v, true), "\n";
    }
}

$conn = mq_test_connection();
$ch = new AMQPChannel($conn);
$q = new AMQPQueue($ch);
$q->setFlags(AMQP_EXCLUSIVE);
$q->declareQueue();
$x = new AMQPExchange($ch);
$user = getenv('MQ_TEST_USER');
$rk = $q->getName();

echo "all properties:\n";
var_dump($x->publish('p1', $rk, AMQP_NOPARAM, [
    'content_type' => 'application/json',
    'content_encoding' => 'gzip',
    'message_id' => 'mid-1',
    'user_id' => $user,
    'app_id' => 'app-1',
    'delivery_mode' => AMQP_DELIVERY_MODE_PERSISTENT,
    'priority' => 7,
    'timestamp' => 1700000000,
    'expiration' => '60000',
    'type' => 'kind-1',
    'reply_to' => 'reply-queue',
    'correlation_id' => 'corr-1',
    'headers' => ['h' => 'v', 'n' => 1],
    'cluster_id' => 'cluster-1',
    'no_such_property' => 'ignored',
    'deliveryMode' => 'ignored too',
]));
props($q->get(AMQP_AUTOACK));

echo "no properties:\n";
$x->publish('p2', $rk);
props($q->get(AMQP_AUTOACK));

echo "null everywhere (absent, docs/compatibility.md §7.15):\n";
$nulls = array_fill_keys(['content_type', 'content_encoding', 'message_id', 'user_id', 'app_id',
    'delivery_mode', 'priority', 'timestamp', 'expiration', 'type', 'reply_to', 'correlation_id',
    'headers', 'cluster_id'], null);
$x->publish('p3', $rk, null, $nulls);
props($q->get(AMQP_AUTOACK));

echo "empty strings (absent):\n";
$x->publish('p4', $rk, null, array_map(fn() => '', array_flip(['content_type', 'content_encoding',
    'message_id', 'user_id', 'app_id', 'expiration', 'type', 'reply_to', 'correlation_id', 'cluster_id'])));
props($q->get(AMQP_AUTOACK));

echo "conversions:\n";
$x->publish('p5', $rk, null, [
    'priority' => '5',
    'delivery_mode' => 258,          // cut to 8 bits: 2
    'timestamp' => '123',
    'message_id' => 42,
    'app_id' => 1.5,
    'type' => true,
    'correlation_id' => "bin\0ary",  // binary-safe (docs/compatibility.md §7.16)
    'headers' => 'scalar',           // cast like (array): [0 => 'scalar'], int key skipped
]);
props($q->get(AMQP_AUTOACK));

echo "timestamp 0 and transient mode are sent:\n";
$x->publish('p6', $rk, null, ['timestamp' => 0, 'delivery_mode' => AMQP_DELIVERY_MODE_TRANSIENT, 'priority' => 0]);
$e = $q->get(AMQP_AUTOACK);
var_dump($e->getTimestamp(), $e->getDeliveryMode(), $e->getPriority());

echo "a received envelope can be published again (Symfony retry):\n";
$x->publish('p7', $rk, null, ['headers' => ['x' => ['y' => [1, 2]]], 'priority' => 3]);
$e = $q->get(AMQP_AUTOACK);
$x->publish($e->getBody(), $rk, null, [
    'headers' => $e->getHeaders(), 'content_type' => $e->getContentType(),
    'content_encoding' => $e->getContentEncoding(), 'delivery_mode' => $e->getDeliveryMode(),
    'priority' => $e->getPriority(), 'timestamp' => $e->getTimestamp(), 'app_id' => $e->getAppId(),
    'message_id' => $e->getMessageId(), 'user_id' => $e->getUserId(), 'expiration' => $e->getExpiration(),
    'type' => $e->getType(), 'reply_to' => $e->getReplyTo(), 'correlation_id' => $e->getCorrelationId(),
]);
props($q->get(AMQP_AUTOACK));

var_dump($ch->isConnected(), $conn->isConnected());
$conn->disconnect();
?>
--EXPECTF--
all properties:
NULL
  body='p1'
  content_type='application/json'
  content_encoding='gzip'
  headers={"h":"v","n":1}
  delivery_mode=2
  priority=7
  correlation_id='corr-1'
  reply_to='reply-queue'
  expiration='60000'
  message_id='mid-1'
  timestamp=1700000000
  type='kind-1'
  user_id='guest'
  app_id='app-1'
  cluster_id='cluster-1'
no properties:
  body='p2'
  content_type='text/plain'
  content_encoding=NULL
  headers=[]
  delivery_mode=1
  priority=0
  correlation_id=NULL
  reply_to=NULL
  expiration=NULL
  message_id=NULL
  timestamp=0
  type=NULL
  user_id=NULL
  app_id=NULL
  cluster_id=NULL
null everywhere (absent, docs/compatibility.md §7.15):
  body='p3'
  content_type='text/plain'
  content_encoding=NULL
  headers=[]
  delivery_mode=1
  priority=0
  correlation_id=NULL
  reply_to=NULL
  expiration=NULL
  message_id=NULL
  timestamp=0
  type=NULL
  user_id=NULL
  app_id=NULL
  cluster_id=NULL
empty strings (absent):
  body='p4'
  content_type='text/plain'
  content_encoding=NULL
  headers=[]
  delivery_mode=1
  priority=0
  correlation_id=NULL
  reply_to=NULL
  expiration=NULL
  message_id=NULL
  timestamp=0
  type=NULL
  user_id=NULL
  app_id=NULL
  cluster_id=NULL
conversions:

Warning: AMQPExchange::publish(): Ignoring non-string header field '0' in %s on line %d
  body='p5'
  content_type='text/plain'
  content_encoding=NULL
  headers=[]
  delivery_mode=2
  priority=5
  correlation_id='bin' . "\0" . 'ary'
  reply_to=NULL
  expiration=NULL
  message_id='42'
  timestamp=123
  type='1'
  user_id=NULL
  app_id='1.5'
  cluster_id=NULL
timestamp 0 and transient mode are sent:
int(0)
int(1)
int(0)
a received envelope can be published again (Symfony retry):
  body='p7'
  content_type='text/plain'
  content_encoding=NULL
  headers={"x":{"y":[1,2]}}
  delivery_mode=1
  priority=3
  correlation_id=NULL
  reply_to=NULL
  expiration=NULL
  message_id=NULL
  timestamp=0
  type=NULL
  user_id=NULL
  app_id=NULL
  cluster_id=NULL
bool(true)
bool(true)

--TEST--
php-amqp 2.x compat: the calls Symfony Messenger's AMQP transport makes (option array, confirms, null routing key/properties, counts, nack, retry attributes round trip)
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
/* php-amqp 2.x compatibility: the extension calls of Symfony Messenger's AMQP
 * transport (docs/compatibility.md §6 items 1-14), made directly: Symfony's whole option
 * array in the constructor, confirms with static fn(): bool => false,
 * publish with null routing key and null properties, get() === null,
 * declareQueue() counts, nack(AMQP_NOPARAM / AMQP_REQUEUE) returning null,
 * retry attributes rebuilt from an envelope's getters. */
require __DIR__ . '/_broker.inc';
$opts = array_merge(mq_test_credentials(), [
    'port' => (string) getenv('MQ_TEST_PORT'),
    'delay' => ['exchange_name' => 'delays', 'queue_name_pattern' => 'delay_%exchange_name%_%routing_key%_%delay%'],
    'persistent' => 'false', 'confirm_timeout' => '1.5', 'auto_setup' => true, 'retry' => ['x' => 1],
    'queues' => ['q' => ['binding_keys' => ['a']]], 'exchange' => ['name' => 'e'],
    'heartbeat' => '60', 'read_timeout' => '1.5', 'write_timeout' => '2', 'connect_timeout' => '3', 'rpc_timeout' => '0',
    'frame_max' => '131072', 'channel_max' => '16', 'obj' => new stdClass, 'null' => null, 'prefetch_count' => '5',
    'connection_name' => 'sym', 'sasl_method' => '0',
]);
$c = new AMQPConnection($opts);
var_dump($c->getPort(), $c->getReadTimeout(), $c->getWriteTimeout(), $c->getConnectTimeout(), $c->getHeartbeatInterval(), $c->getMaxChannels(), $c->getConnectionName());
$c->connect();
var_dump($c->getHeartbeatInterval(), $c->getMaxChannels(), $c->isPersistent());
$ch = new AMQPChannel($c);
var_dump($ch->getPrefetchCount());
$ch->confirmSelect();
$ch->setConfirmCallback(static fn(): bool => false, static function () { throw new RuntimeException('nack'); });
$q = new AMQPQueue($ch);
$q->setName(mq_test_name('s6-'));
$q->setFlags(AMQP_DURABLE);
$q->setArguments(['x-message-ttl' => 60000, 'x-expires' => 60000, 'x-max-priority' => 5, 'x-dead-letter-exchange' => '', 'x-dead-letter-routing-key' => '']);
var_dump($q->declareQueue());
$x = new AMQPExchange($ch);
$x->setName('');
$x->setType(AMQP_EX_TYPE_DIRECT);
var_dump($x->getName(), $x->getType());
$attrs = ['content_type' => null, 'content_encoding' => null, 'delivery_mode' => 2, 'priority' => null, 'timestamp' => 0,
          'app_id' => null, 'message_id' => null, 'user_id' => null, 'expiration' => null, 'type' => null,
          'reply_to' => null, 'correlation_id' => null, 'headers' => ['type' => 'App\\Msg', 'X-Message-Stamp-Foo' => '[{"a":1}]']];
var_dump($x->publish('b1', $q->getName(), AMQP_NOPARAM, $attrs));
var_dump($ch->waitForConfirm(1.5));
var_dump($x->publish('b2', $q->getName(), AMQP_NOPARAM, []));
$ch->waitForConfirm(1.5);
$x2 = new AMQPExchange($ch); $x2->setName('amq.direct');
$x2->publish('b3', null, AMQP_NOPARAM, ['headers' => []]); // null routing key, unroutable
$ch->waitForConfirm(1.5);
$pq = new AMQPQueue($ch); $pq->setName($q->getName()); $pq->setFlags(AMQP_PASSIVE);
var_dump($pq->declareQueue());
$e = $q->get();
var_dump($e->getContentType(), $e->getPriority(), $e->getTimestamp(), $e->getDeliveryMode(), $e->getHeaders(), $e->getAppId());
var_dump($q->nack($e->getDeliveryTag(), AMQP_REQUEUE) ?? true);
$e = $q->get();
var_dump($e->isRedelivery(), $e->getBody());
var_dump($q->nack($e->getDeliveryTag(), AMQP_NOPARAM) ?? 'null');
$e = $q->get();
var_dump($e->getBody(), $e->getTimestamp(), $e->getPriority(), $e->getContentType());
var_dump($q->ack($e->getDeliveryTag()));
// retry round trip (AmqpStamp::createFromAmqpEnvelope): the received getters go back into publish()
$x->publish('retry', $q->getName(), AMQP_NOPARAM, ['headers' => ['x-death' => [['count' => 1, 'reason' => 'expired', 'queue' => 'dq', 'time' => new AMQPTimestamp(1700000000), 'exchange' => '', 'routing-keys' => ['a']]], 'n' => ['d' => new AMQPDecimal(1, 5), 'l' => [[1], []]]], 'message_id' => 'id-1', 'app_id' => 'app', 'priority' => 3, 'timestamp' => 1700000000]);
$ch->waitForConfirm(1.5);
$e = $q->get();
$attr = ['headers' => $e->getHeaders(), 'content_type' => $e->getContentType(), 'content_encoding' => $e->getContentEncoding(),
    'delivery_mode' => $e->getDeliveryMode(), 'priority' => $e->getPriority(), 'timestamp' => $e->getTimestamp(),
    'app_id' => $e->getAppId(), 'message_id' => $e->getMessageId(), 'user_id' => $e->getUserId(), 'expiration' => $e->getExpiration(),
    'type' => $e->getType(), 'reply_to' => $e->getReplyTo(), 'correlation_id' => $e->getCorrelationId()];
$q->ack($e->getDeliveryTag());
$x->publish($e->getBody(), $e->getRoutingKey(), AMQP_NOPARAM, $attr);
$ch->waitForConfirm(1.5);
$e2 = $q->get(AMQP_AUTOACK);
var_dump($e2->getHeaders() == $e->getHeaders(), $e2->getHeaders()['x-death'][0]['time'], $e2->getMessageId(), $e2->getPriority(), $e2->getTimestamp());
var_dump($q->get(), $q->purge());
// a missing queue in get(): class and code 404
$m = new AMQPQueue(new AMQPChannel($c)); $m->setName(mq_test_name('missing-'));
try { $m->get(); } catch (AMQPQueueException $ex) { echo get_class($ex), ' ', $ex->getCode(), "\n"; var_dump($m->getChannel()->isConnected(), $c->isConnected()); }
$q->delete();
--EXPECTF--
int(%d)
float(1.5)
float(2)
float(3)
int(60)
int(16)
string(3) "sym"
int(60)
int(16)
bool(false)
int(3)
int(0)
NULL
string(6) "direct"
NULL
NULL
NULL
int(2)
string(10) "text/plain"
int(0)
int(0)
int(2)
array(2) {
  ["type"]=>
  string(7) "App\Msg"
  ["X-Message-Stamp-Foo"]=>
  string(9) "[{"a":1}]"
}
NULL
bool(true)
bool(true)
string(2) "b1"
string(4) "null"
string(2) "b2"
int(0)
int(0)
string(10) "text/plain"
NULL
bool(true)
object(AMQPTimestamp)#%d (1) {
  ["timestamp":"AMQPTimestamp":private]=>
  float(1700000000)
}
string(4) "id-1"
int(3)
int(1700000000)
NULL
int(0)
AMQPQueueException 404
bool(false)
bool(true)

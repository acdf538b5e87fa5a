--TEST--
AMQPQueue::get(): envelope fields, null when empty, AMQP_AUTOACK, amqp.auto_ack (omitted vs explicit null), 404
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';
function ex(Throwable $e) { echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n"; }

$conn = mq_test_connection();
$ch = new AMQPChannel($conn);
$q = new AMQPQueue($ch);
$q->setFlags(AMQP_EXCLUSIVE);
$q->declareQueue();
$name = $q->getName();
$x = new AMQPExchange($ch);

var_dump($q->get());
$x->publish('m1', $name, AMQP_NOPARAM, ['message_id' => 'id1']);
$e = $q->get();
var_dump(get_class($e), $e->getBody(), $e->getConsumerTag(), $e->getDeliveryTag(), $e->isRedelivery(),
         $e->getExchangeName(), $e->getRoutingKey() === $name, $e->getMessageId(), $e->getContentType());

echo "-- not acked: requeued by nack, redelivered\n";
$q->nack($e->getDeliveryTag(), AMQP_REQUEUE);
$e = $q->get(AMQP_AUTOACK);
var_dump($e->getBody(), $e->isRedelivery(), $e->getDeliveryTag());
var_dump($q->get());

echo "-- amqp.auto_ack=1: omitted flags auto-ack, explicit null does not\n";
ini_set('amqp.auto_ack', '1');
$x->publish('m2', $name);
$e = $q->get();
$q->recover(true);
var_dump($e->getBody(), $q->get(AMQP_NOPARAM));
$x->publish('m3', $name);
$e = $q->get(null);
$q->recover(true);
$e = $q->get(AMQP_AUTOACK);
var_dump($e->getBody(), $e->isRedelivery());
$x->publish('m4', $name);
$e = $q->get(AMQP_NOPARAM);
$q->recover(true);
$e = $q->get(flags: AMQP_AUTOACK);
var_dump($e->getBody(), $e->isRedelivery());
ini_set('amqp.auto_ack', '0');
$x->publish('m5', $name);
$e = $q->get();
$q->recover(true);
$e = $q->get(AMQP_AUTOACK | AMQP_MULTIPLE);
var_dump($e->getBody(), $e->isRedelivery(), $q->get());

echo "-- missing queue\n";
$m = new AMQPQueue($ch);
$m->setName(mq_test_name('mq-nog-'));
try { $m->get(); } catch (AMQPQueueException $e) { ex($e); }
var_dump($ch->isConnected(), $conn->isConnected());
try { $q->get(); } catch (AMQPException $e) { ex($e); }
$conn->disconnect();
?>
--EXPECTF--
NULL
string(12) "AMQPEnvelope"
string(2) "m1"
string(0) ""
int(1)
bool(false)
string(0) ""
bool(true)
string(3) "id1"
string(10) "text/plain"
-- not acked: requeued by nack, redelivered
string(2) "m1"
bool(true)
int(2)
NULL
-- amqp.auto_ack=1: omitted flags auto-ack, explicit null does not
string(2) "m2"
NULL
string(2) "m3"
bool(true)
string(2) "m4"
bool(true)
string(2) "m5"
bool(true)
NULL
-- missing queue
AMQPQueueException(404): Server channel error: 404, message: NOT_FOUND - no queue 'mq-nog-%s' in vhost '/'
bool(false)
bool(true)
AMQPChannelException(0): Could not get messages from queue. No channel available.

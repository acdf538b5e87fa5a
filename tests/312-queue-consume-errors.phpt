--TEST--
AMQPQueue::consume() failures: 404, reused tag 530 (always AMQPQueueException), callback exceptions, channel error and connection error inside the loop
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';
function ex(Throwable $e) { echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n"; }

$conn = mq_test_connection(['read_timeout' => 5]);

echo "-- missing queue\n";
$m = new AMQPQueue($conn);
$m->setName(mq_test_name('mq-noc-'));
try { $m->consume(fn() => false); } catch (AMQPQueueException $e) { ex($e); }
var_dump($m->getChannel()->isConnected(), $conn->isConnected(), $m->getConsumerTag());

echo "-- exception from the callback propagates unchanged; the consumer stays usable\n";
$ch = new AMQPChannel($conn);
$x = new AMQPExchange($ch);
$q = new AMQPQueue($ch);
$q->setFlags(AMQP_EXCLUSIVE);
$q->declareQueue();
$x->publish('e1', $q->getName());
$x->publish('e2', $q->getName());
$thrown = new RuntimeException('from callback', 42);
try {
    $q->consume(function (AMQPEnvelope $e, AMQPQueue $queue) use ($thrown) {
        $queue->ack($e->getDeliveryTag());
        throw $thrown;
    });
} catch (RuntimeException $e) {
    var_dump($e === $thrown);
}
$q->consume(function (AMQPEnvelope $e, AMQPQueue $queue) {
    echo 'resumed with ', $e->getBody(), "\n";
    $queue->ack($e->getDeliveryTag());
    return false;
}, AMQP_JUST_CONSUME);

echo "-- channel error inside the loop (double ack): real code and text, only that channel closes\n";
$x->publish('e3', $q->getName());
try {
    $q->consume(function (AMQPEnvelope $e, AMQPQueue $queue) {
        $queue->ack($e->getDeliveryTag());
        $queue->ack($e->getDeliveryTag());
    }, AMQP_JUST_CONSUME);
} catch (AMQPException $e) {
    ex($e);
}
var_dump($ch->isConnected(), $conn->isConnected());
try { $q->consume(fn() => false, AMQP_JUST_CONSUME); } catch (AMQPException $e) { ex($e); }
$again = new AMQPQueue($conn);
$again->setFlags(AMQP_EXCLUSIVE);
var_dump($again->declareQueue());

echo "-- reused consumer tag: AMQPQueueException with the connection error\n";
$tag = mq_test_name('dup-');
$again->consume(null, AMQP_NOPARAM, $tag);
try { $again->consume(null, AMQP_NOPARAM, $tag); } catch (AMQPException $e) { ex($e); }
var_dump($conn->isConnected(), $again->getChannel()->isConnected(), $again->getConsumerTag() === $tag);

echo "-- connection error inside the loop\n";
$conn = mq_test_connection(['read_timeout' => 5]);
$ch = new AMQPChannel($conn);
$x = new AMQPExchange($ch);
$q = new AMQPQueue($ch);
$q->setFlags(AMQP_EXCLUSIVE);
$q->declareQueue();
$x->publish('c1', $q->getName());
try {
    $q->consume(function (AMQPEnvelope $e) use ($x) {
        echo 'got ', $e->getBody(), "\n";
        $x->publish('x', 'nowhere', AMQP_IMMEDIATE);   // RabbitMQ: connection.close 540
    });
} catch (AMQPException $e) {
    ex($e);
}
var_dump($conn->isConnected(), $ch->isConnected());
try { $q->consume(fn() => false, AMQP_JUST_CONSUME); } catch (AMQPException $e) { ex($e); }
?>
--EXPECTF--
-- missing queue
AMQPQueueException(404): Server channel error: 404, message: NOT_FOUND - no queue 'mq-noc-%s' in vhost '/'
bool(false)
bool(true)
NULL
-- exception from the callback propagates unchanged; the consumer stays usable
bool(true)
resumed with e2
-- channel error inside the loop (double ack): real code and text, only that channel closes
AMQPQueueException(406): Server channel error: 406, message: PRECONDITION_FAILED - unknown delivery tag 3
bool(false)
bool(true)
AMQPChannelException(0): Could not get channel. No channel available.
int(0)
-- reused consumer tag: AMQPQueueException with the connection error
AMQPQueueException(530): Server connection error: 530, message: NOT_ALLOWED - attempt to reuse consumer tag 'dup-%s'
bool(false)
bool(false)
bool(true)
-- connection error inside the loop
got c1
AMQPConnectionException(540): Server connection error: 540, message: NOT_IMPLEMENTED - immediate=true
bool(false)
bool(false)
AMQPChannelException(0): Could not get channel. No channel available.

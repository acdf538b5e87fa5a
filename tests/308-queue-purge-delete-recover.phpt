--TEST--
AMQPQueue::purge()/delete()/recover(): counts, AMQP_IFUNUSED/AMQP_IFEMPTY, requeue=false 540, contexts
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
$x = new AMQPExchange($ch);
$q = new AMQPQueue($ch);
$q->setName(mq_test_name('mq-pdr-'));
$q->setFlags(AMQP_NOPARAM);
$q->declareQueue();
$name = $q->getName();

echo "-- purge\n";
foreach ([1, 2, 3] as $i) {
    $x->publish("p$i", $name);
}
var_dump($q->purge(), $q->purge());

echo "-- recover\n";
$x->publish('r1', $name);
$e = $q->get();
var_dump($e->isRedelivery());
var_dump($q->recover());
$e = $q->get(AMQP_AUTOACK);
var_dump($e->getBody(), $e->isRedelivery());

echo "-- delete flags\n";
$x->publish('d1', $name);
$x->publish('d2', $name);
try { $q->delete(AMQP_IFEMPTY); } catch (AMQPQueueException $e) { ex($e); }
$ch = new AMQPChannel($conn);
$q = new AMQPQueue($ch);
$q->setName($name);
$q->consume(null, AMQP_NOPARAM, mq_test_name('tag-'));
$other = new AMQPQueue(new AMQPChannel($conn));
$other->setName($name);
try { $other->delete(AMQP_IFUNUSED); } catch (AMQPQueueException $e) { ex($e); }
var_dump($other->getChannel()->isConnected(), $ch->isConnected());
$q->cancel();
$q->getChannel()->close();   // the two delivered messages go back to the queue

$last = new AMQPQueue($conn);
$last->setName($name);
var_dump($last->delete(null));
var_dump($last->delete(AMQP_IFUNUSED | AMQP_IFEMPTY)); // a missing queue: 0

echo "-- contexts on a closed channel\n";
$last->getChannel()->close();
foreach (['purge', 'delete', 'recover'] as $m) {
    try { $last->$m(); } catch (AMQPException $e) { ex($e); }
}

echo "-- recover(false): RabbitMQ closes the connection\n";
$rq = new AMQPQueue($conn);
try { $rq->recover(false); } catch (AMQPException $e) { ex($e); }
var_dump($conn->isConnected());
?>
--EXPECTF--
-- purge
int(3)
int(0)
-- recover
bool(false)
NULL
string(2) "r1"
bool(true)
-- delete flags
AMQPQueueException(406): Server channel error: 406, message: PRECONDITION_FAILED - queue 'mq-pdr-%s' in vhost '/' not empty
AMQPQueueException(406): Server channel error: 406, message: PRECONDITION_FAILED - queue 'mq-pdr-%s' in vhost '/' in use
bool(false)
bool(true)
int(2)
int(0)
-- contexts on a closed channel
AMQPChannelException(0): Could not purge queue. No channel available.
AMQPChannelException(0): Could not delete queue. No channel available.
AMQPChannelException(0): Could not recover messages. No channel available.
-- recover(false): RabbitMQ closes the connection
AMQPConnectionException(540): Server connection error: 540, message: NOT_IMPLEMENTED - requeue=false
bool(false)

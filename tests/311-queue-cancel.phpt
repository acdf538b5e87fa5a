--TEST--
AMQPQueue::cancel(): tag rules, consumer map, "Orphaned envelope" for deliveries in flight, auto-delete queue removed
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';
function ex(Throwable $e) { echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n"; }

$conn = mq_test_connection(['read_timeout' => 5]);
$ch = new AMQPChannel($conn);
$x = new AMQPExchange($ch);
$q = new AMQPQueue($ch);
$q->setFlags(AMQP_EXCLUSIVE);
$q->declareQueue();
$q2 = new AMQPQueue($ch);
$q2->setFlags(AMQP_EXCLUSIVE);
$q2->declareQueue();

echo "-- nothing to cancel: silent\n";
var_dump($q->cancel(), $q->cancel(''), $q->getConsumerTag());

echo "-- cancel() cancels the own consumer\n";
$tagA = mq_test_name('tag-a-');
$q->consume(null, AMQP_NOPARAM, $tagA);
$q->cancel();
var_dump($q->getConsumerTag(), $ch->getConsumers());

echo "-- cancel(\$tag) of another queue's consumer\n";
$tagB = mq_test_name('tag-b-');
$tagC = mq_test_name('tag-c-');
$q->consume(null, AMQP_NOPARAM, $tagB);
$q2->consume(null, AMQP_NOPARAM, $tagC);
$q->cancel($tagC);
var_dump($q->getConsumerTag() === $tagB, $q2->getConsumerTag() === $tagC, array_keys($ch->getConsumers()) === [$tagB]);
$q->cancel($tagB);              // its own tag, passed explicitly
var_dump($q->getConsumerTag(), $ch->getConsumers());
$q->cancel('no-such-tag');      // RabbitMQ answers cancel-ok anyway
$q2->cancel();                  // consumerTag still set: sends cancel for it
var_dump($q2->getConsumerTag());

echo "-- deliveries in flight after cancel: Orphaned envelope\n";
$x->publish('o1', $q->getName());
$x->publish('o2', $q->getName());
$tagD = mq_test_name('tag-d-');
$q->consume(null, AMQP_NOPARAM, $tagD);
$tagE = mq_test_name('tag-e-');
$q2->consume(null, AMQP_NOPARAM, $tagE);
$q->cancel();
try {
    $q2->consume(function () { echo "unexpected\n"; }, AMQP_JUST_CONSUME);
} catch (AMQPEnvelopeException $e) {
    ex($e);
    $env = $e->getEnvelope();
    var_dump($env->getBody(), $env->getConsumerTag() === $tagD);
    $q->ack($env->getDeliveryTag());
}
try {
    $q2->consume(function () { echo "unexpected\n"; }, AMQP_JUST_CONSUME);
} catch (AMQPEnvelopeException $e) {
    ex($e);
    var_dump($e->getEnvelope()->getBody());
}
var_dump($conn->isConnected(), $ch->isConnected());

echo "-- cancelling the last consumer deletes an auto-delete queue\n";
$ad = new AMQPQueue($ch);
$ad->setName(mq_test_name('mq-ad-'));
$ad->declareQueue();             // default flags: AMQP_AUTODELETE
$ad->consume(null);
$ad->cancel();
$check = new AMQPQueue($conn);
$check->setFlags(AMQP_PASSIVE);
try { $check->declareQueue($ad->getName()); } catch (AMQPQueueException $e) { echo get_class($e), '(', $e->getCode(), ")\n"; }

echo "-- closed channel\n";
$ch->close();
try { $q->cancel('x'); } catch (AMQPException $e) { ex($e); }
$conn->disconnect();
?>
--EXPECT--
-- nothing to cancel: silent
NULL
NULL
NULL
-- cancel() cancels the own consumer
NULL
array(0) {
}
-- cancel($tag) of another queue's consumer
bool(true)
bool(true)
bool(true)
NULL
array(0) {
}
NULL
-- deliveries in flight after cancel: Orphaned envelope
AMQPEnvelopeException(0): Orphaned envelope
string(2) "o1"
bool(true)
AMQPEnvelopeException(0): Orphaned envelope
string(2) "o2"
bool(true)
bool(true)
-- cancelling the last consumer deletes an auto-delete queue
AMQPQueueException(404)
-- closed channel
AMQPChannelException(0): Could not cancel queue. No channel available.

--TEST--
AMQPQueue::ack()/nack()/reject(): AMQP_MULTIPLE and AMQP_REQUEUE observed through redelivery; async errors; u64 tags
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';
function ex(Throwable $e) { echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n"; }
function fetch_all(AMQPQueue $q): array {
    $out = [];
    while ($e = $q->get(AMQP_AUTOACK)) {
        $out[] = $e->getBody() . ($e->isRedelivery() ? '(r)' : '');
    }
    sort($out);
    return $out;
}

$conn = mq_test_connection();
$ch = new AMQPChannel($conn);
$ch->setPrefetchCount(0);
$q = new AMQPQueue($ch);
$q->setFlags(AMQP_EXCLUSIVE);
$q->declareQueue();
$name = $q->getName();
$x = new AMQPExchange($ch);

foreach (['m1', 'm2', 'm3', 'm4', 'm5'] as $b) {
    $x->publish($b, $name);
}
$tags = [];
for ($i = 0; $i < 5; $i++) {
    $tags[] = $q->get()->getDeliveryTag();
}
var_dump($tags === [1, 2, 3, 4, 5]);
var_dump($q->ack($tags[1], AMQP_MULTIPLE));       // m1, m2 acked
$q->reject($tags[2]);                              // m3 dropped
$q->reject($tags[3], AMQP_REQUEUE | AMQP_MULTIPLE); // m4 back (MULTIPLE ignored)
$q->nack($tags[4], AMQP_REQUEUE);                  // m5 back
echo implode(',', fetch_all($q)), "\n";

echo "-- nack MULTIPLE without requeue drops all, with requeue returns all\n";
foreach (['a', 'b', 'c'] as $b) {
    $x->publish($b, $name);
}
$last = 0;
for ($i = 0; $i < 3; $i++) {
    $last = $q->get()->getDeliveryTag();
}
$q->nack($last, AMQP_MULTIPLE);
echo implode(',', fetch_all($q)), "|\n";
foreach (['d', 'e'] as $b) {
    $x->publish($b, $name);
}
$q->get();
$last = $q->get()->getDeliveryTag();
$q->nack($last, AMQP_MULTIPLE | AMQP_REQUEUE);
echo implode(',', fetch_all($q)), "\n";

echo "-- flags null, named arguments\n";
$x->publish('f', $name);
$q->ack(deliveryTag: $q->get()->getDeliveryTag(), flags: null);
$x->publish('g', $name);
$q->reject($q->get()->getDeliveryTag(), null);
$x->publish('h', $name);
$q->nack($q->get()->getDeliveryTag(), null);
echo implode(',', fetch_all($q)), "|\n";

echo "-- double ack: the next synchronous call fails with 406\n";
$x->publish('i', $name);
$tag = $q->get()->getDeliveryTag();
$q->ack($tag);
$q->ack($tag);
try { $q->declareQueue(); } catch (AMQPQueueException $e) { ex($e); var_dump($e->getMessage() === "Server channel error: 406, message: PRECONDITION_FAILED - unknown delivery tag $tag"); }
var_dump($ch->isConnected(), $conn->isConnected());
foreach (['ack', 'nack', 'reject'] as $m) {
    try { $q->$m(1); } catch (AMQPException $e) { ex($e); }
}

echo "-- tags are unsigned 64-bit\n";
$ch2 = new AMQPChannel($conn);
$q2 = new AMQPQueue($ch2);
$q2->setName($name);
$q2->ack(-1);
try { $q2->declareQueue(); } catch (AMQPQueueException $e) { ex($e); }
$conn->disconnect();
?>
--EXPECT--
bool(true)
NULL
m4(r),m5(r)
-- nack MULTIPLE without requeue drops all, with requeue returns all
|
d(r),e(r)
-- flags null, named arguments
|
-- double ack: the next synchronous call fails with 406
AMQPQueueException(406): Server channel error: 406, message: PRECONDITION_FAILED - unknown delivery tag 18
bool(true)
bool(false)
bool(true)
AMQPChannelException(0): Could not ack message. No channel available.
AMQPChannelException(0): Could not nack message. No channel available.
AMQPChannelException(0): Could not reject message. No channel available.
-- tags are unsigned 64-bit
AMQPQueueException(406): Server channel error: 406, message: PRECONDITION_FAILED - unknown delivery tag 18446744073709551615

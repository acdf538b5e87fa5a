--TEST--
mq extension: AMQPQueue::consumeNonBlocking() - returns at once when nothing is there, dispatches deliveries already buffered without the socket being readable, stops early on false
--EXTENSIONS--
amqp
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/_broker.inc';
$slow = getenv('USE_ZEND_ALLOC') === '0';
$c = mq_test_connection(['read_timeout' => 30.0]);
$ch = new AMQPChannel($c);
$q = new AMQPQueue($ch);
$q->setName(mq_test_name('nonblock-'));
$q->setFlags(AMQP_AUTODELETE);
$q->declareQueue();
$q->consume(null, AMQP_AUTOACK, 'nb');
$s = $c->getStream();
$got = [];
$cb = function (AMQPEnvelope $m, AMQPQueue $queue) use (&$got, $q) {
    $got[] = $m->getBody() . ($queue === $q ? '' : ' (other queue?)');
};

$t = microtime(true);
echo 'nothing there: ', $q->consumeNonBlocking($cb), "\n";
$el = microtime(true) - $t;
echo 'returned at once (not the 30 s read timeout): ', $el < ($slow ? 5 : 0.5) ? 'yes' : "no ($el)", "\n";

// Three deliveries reach our socket; then a synchronous call on the same
// connection reads them (queued as events) together with its reply.
$pub = new AMQPExchange(new AMQPChannel(mq_test_connection()));
foreach (['a', 'b', 'c'] as $body) $pub->publish($body, $q->getName());
$r = [$s]; $w = $e = null;
stream_select($r, $w, $e, 5);
usleep($slow ? 1000000 : 300000);
function sync_call(AMQPChannel $ch): void { // a synchronous method (queue.declare)
    $tmp = new AMQPQueue($ch);
    $tmp->setFlags(AMQP_EXCLUSIVE);
    $tmp->declareQueue();
}
sync_call($ch);
$r = [$s]; $w = $e = null;
echo 'socket readable after the declare: ', stream_select($r, $w, $e, 0), "\n";
echo 'buffered deliveries dispatched: ', $q->consumeNonBlocking($cb), "\n";
echo implode(',', $got), "\n";

// the callback returning false stops the drain; the rest stays buffered
$got = [];
foreach (['d', 'e', 'f'] as $body) $pub->publish($body, $q->getName());
usleep($slow ? 1000000 : 300000);
sync_call($ch);
$n = $q->consumeNonBlocking(function (AMQPEnvelope $m) use (&$got) { $got[] = $m->getBody(); return false; });
echo "stopped after $n: ", implode(',', $got), "\n";
$n = $q->consumeNonBlocking($cb);
echo "then $n more: ", implode(',', $got), "\n";
echo 'empty again: ', $q->consumeNonBlocking($cb), "\n";
// the consumer is still registered and nothing was lost
$q->cancel('nb');
var_dump($q->getConsumerTag());
?>
--EXPECT--
nothing there: 0
returned at once (not the 30 s read timeout): yes
socket readable after the declare: 0
buffered deliveries dispatched: 3
a,b,c
stopped after 1: d
then 2 more: d,e,f
empty again: 0
NULL

--TEST--
php-amqp 2.x compat: enqueue/amqp-ext subscription consumer flow
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
/* php-amqp 2.x compatibility: enqueue/amqp-ext's subscription consumer
 * (docs/compatibility.md §6 items 15-18): consume(null, flags, tag) registers, JUST_CONSUME
 * pumps both consumers, dispatch on the envelope's consumer tag, live
 * setReadTimeout() and the exact 'Consumer timeout exceed' text, consumers
 * usable afterwards, cancel($tag)/cancel(). */
require __DIR__ . '/_broker.inc';
$c = new AMQPConnection(mq_test_credentials(['read_timeout' => 3.0, 'write_timeout' => 3.0, 'connect_timeout' => 3.0, 'heartbeat' => 0.0]));
$c->connect();
$ch = new AMQPChannel($c);
$ch->qos(0, 1);
var_dump($ch->getPrefetchCount());
$subs = [];
foreach (['a', 'b'] as $k) {
    $q = new AMQPQueue($ch);
    $q->setName(mq_test_name("enq-$k-"));
    $q->setFlags(AMQP_AUTODELETE);
    var_dump($q->declareQueue());
    $names[$k] = $q->getName();
    $sub = new AMQPQueue($ch);
    $sub->setName($q->getName());
    $sub->consume(null, AMQP_NOPARAM, $k === 'a' ? 'enq-tag-a' : null);   // tag null: server generates
    $tag = $sub->getConsumerTag();
    var_dump($k === 'a' ? $tag : str_starts_with($tag, 'amq.ctag-'));
    $subs[$tag] = [$k, $sub];
}
var_dump(count($ch->getConsumers()));
$x = new AMQPExchange($ch);
$x->publish('to a', $names['a'], AMQP_NOPARAM, ['app_id' => 'enq', 'headers' => ['enqueue.x' => 'y']]);
$x->publish('to b', $names['b']);
$got = [];
$receive = function (AMQPEnvelope $env, AMQPQueue $q) use (&$got, $subs) {
    [$k, $sub] = $subs[$env->getConsumerTag()];
    $got[] = $k . ':' . $env->getBody() . ':' . ($q === $sub ? 'same' : 'other') . ':' . ($q->getConsumerTag() === $env->getConsumerTag() ? 'tag' : 'notag');
    $q->ack($env->getDeliveryTag());
    // returning nothing continues (until both messages are in: the
    // connection's read timeout of 3 s leaves room for a loaded broker)
    return count($got) < 2 ? null : false;
};
$q0 = reset($subs)[1];
$q0->consume($receive, AMQP_JUST_CONSUME);
// a live setReadTimeout(): the next consume() that gets nothing ends after 0.5 s
$c->setReadTimeout(0.5);
try {
    while (true) {
        $q0->consume($receive, AMQP_JUST_CONSUME);
    }
} catch (AMQPQueueException $e) {
    var_dump($e->getMessage() === 'Consumer timeout exceed', $e->getCode());
}
sort($got);
print_r($got);
var_dump($ch->isConnected(), $c->isConnected(), $c->getReadTimeout());
// the consumers survive the timeout
$x->publish('again', $names['b']);
$c->setReadTimeout(3.0);
$q0->consume(function (AMQPEnvelope $env, AMQPQueue $q) { echo 'again: ', $env->getBody(), "\n"; $q->ack($env->getDeliveryTag()); return false; }, AMQP_JUST_CONSUME);
// basic_get receive with a timeout (enqueue "basic_get" method)
$qa = $subs['enq-tag-a'][1];
var_dump($qa->get());
foreach ($subs as $tag => [$k, $sub]) {
    if ($k === 'a') { $sub->cancel($tag); } else { $sub->cancel(); }
    var_dump($sub->getConsumerTag());
}
var_dump($ch->getConsumers());
--EXPECTF--
int(1)
int(0)
string(9) "enq-tag-a"
int(0)
bool(true)
int(2)
bool(true)
int(0)
Array
(
    [0] => a:to a:same:tag
    [1] => b:to b:same:tag
)
bool(true)
bool(true)
float(0.5)
again: again
NULL
NULL
NULL
array(0) {
}

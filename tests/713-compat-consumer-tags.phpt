--TEST--
php-amqp 2.x compat: consumer tags, cancel() rules and AMQPChannel::getConsumers()
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
/* php-amqp 2.x compatibility: consumer tags and the channel's consumer map:
 * several consumers per queue object, cancel() of another object's tag,
 * unknown tags, cancel() without a tag, JUST_CONSUME keeps the tag, tag reuse
 * (AMQPQueueException 530, connection closed). */
require __DIR__ . '/_broker.inc';
$c = mq_test_connection(['read_timeout' => 2]);
$ch = new AMQPChannel($c);
$q0 = new AMQPQueue($ch); $q0->setFlags(AMQP_EXCLUSIVE); $q0->declareQueue(); $q1 = new AMQPQueue($ch); $q1->setName($q0->getName());
$q2 = new AMQPQueue($ch); $q2->setName($q0->getName());
$q1->consume(null, AMQP_NOPARAM, 't1');
$q2->consume(null, AMQP_NOPARAM, 't2');
$q1->consume(null, AMQP_NOPARAM, 't3');   // second consumer from the same object
var_dump($q1->getConsumerTag(), array_keys($ch->getConsumers()));
$q1->cancel('t2');                         // another object's tag
var_dump($q1->getConsumerTag(), $q2->getConsumerTag(), array_keys($ch->getConsumers()));
$q1->cancel('nonexistent');
var_dump(array_keys($ch->getConsumers()));
$q1->cancel();                             // own tag t3
var_dump($q1->getConsumerTag(), array_keys($ch->getConsumers()));
$q1->cancel();                             // nothing: silent
$q1->cancel('t1');
var_dump($q1->getConsumerTag(), array_keys($ch->getConsumers()));
// JUST_CONSUME keeps getConsumerTag
$q2->consume(null, AMQP_NOPARAM, 't4');
try { $q1->consume(fn() => false, AMQP_JUST_CONSUME, 'ignored'); } catch (AMQPQueueException $e) { echo $e->getMessage(), "\n"; }
var_dump($q1->getConsumerTag(), array_keys($ch->getConsumers()));
// consume without a name: the queue name stays null, server uses the channel's last declared queue
$q3 = new AMQPQueue($ch);
try { $q3->consume(null); var_dump($q3->getName(), $q3->getConsumerTag() !== null); } catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
// reuse a tag
try { $q2->consume(null, AMQP_NOPARAM, 't4'); } catch (Throwable $e) { echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n"; var_dump($ch->isConnected(), $c->isConnected()); }
--EXPECTF--
string(2) "t3"
array(3) {
  [0]=>
  string(2) "t1"
  [1]=>
  string(2) "t2"
  [2]=>
  string(2) "t3"
}
string(2) "t3"
string(2) "t2"
array(2) {
  [0]=>
  string(2) "t1"
  [1]=>
  string(2) "t3"
}
array(2) {
  [0]=>
  string(2) "t1"
  [1]=>
  string(2) "t3"
}
NULL
array(1) {
  [0]=>
  string(2) "t1"
}
NULL
array(0) {
}
Consumer timeout exceed
NULL
array(1) {
  [0]=>
  string(2) "t4"
}
NULL
bool(true)
AMQPQueueException(530): Server connection error: 530, message: NOT_ALLOWED - attempt to reuse consumer tag 't4'
bool(false)
bool(false)

--TEST--
AMQPChannel::getConsumers(): a copy of the consumer map (tag => the registering AMQPQueue), in order, updated by consume()/cancel(); getConnection() is the constructor's object
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';
$c = mq_test_connection();
$ch = new AMQPChannel($c);
var_dump($ch->getConnection() === $c, $ch->getConsumers());
$q1 = new AMQPQueue($ch);
$q1->setFlags(AMQP_EXCLUSIVE);
$q1->declareQueue();
$q2 = new AMQPQueue($ch);
$q2->setFlags(AMQP_EXCLUSIVE);
$q2->declareQueue();
$q1->consume(null, AMQP_NOPARAM, 'tag-b');
$q2->consume(null, AMQP_NOPARAM, 'tag-a');
$consumers = $ch->getConsumers();
var_dump(array_keys($consumers), $consumers['tag-b'] === $q1, $consumers['tag-a'] === $q2);
$consumers['tag-x'] = $q1;
unset($consumers['tag-b']);
var_dump(array_keys($ch->getConsumers()));
$q1->cancel();
var_dump(array_keys($ch->getConsumers()));
$ch2 = new AMQPChannel($c);
var_dump($ch2->getConsumers());
?>
--EXPECT--
bool(true)
array(0) {
}
array(2) {
  [0]=>
  string(5) "tag-b"
  [1]=>
  string(5) "tag-a"
}
bool(true)
bool(true)
array(2) {
  [0]=>
  string(5) "tag-b"
  [1]=>
  string(5) "tag-a"
}
array(1) {
  [0]=>
  string(5) "tag-a"
}
array(0) {
}

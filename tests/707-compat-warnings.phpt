--TEST--
php-amqp 2.x compat: warning/notice texts and Class::method() prefixes
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
/* php-amqp 2.x compatibility: warning and notice texts and prefixes (§5.4):
 * php_error_docref "Class::method(): " prefixes (declare() vs declareQueue()
 * aliases keep their own name), "Unhandled ..." notices without prefix. */
require __DIR__ . '/_broker.inc';
$c = mq_test_connection();
$ch = new AMQPChannel($c);
$q = new AMQPQueue($ch);
$q->setFlags(AMQP_EXCLUSIVE);
$q->setArguments([5 => 'x', 'o' => new stdClass, 'l' => [1, new stdClass], 'ok' => 1]);
echo $q->declare(), "\n";
$q->setArguments(['x-a' => 1, '7' => 'numeric-string key']);
$q->consume(null);
$q->cancel();
$q->bind('amq.direct', $q->getName(), [3 => 'a', 'z' => new stdClass]);
$q->unbind('amq.direct', $q->getName(), [4 => 'a']);
$x = new AMQPExchange($ch);
$x->publish('m', $q->getName(), null, ['headers' => [7 => 'a', 'r' => fopen('php://memory', 'r'), 'n' => ['k' => new stdClass]]]);
$x->publish('m', $q->getName(), null, ['headers' => 'scalar']);
$x->publish('m', $q->getName(), null, ['headers' => null]);
$x2 = new AMQPExchange($ch);
$x2->setName(mq_test_name('warn-'));
$x2->setType(AMQP_EX_TYPE_FANOUT);
$x2->setFlags(AMQP_AUTODELETE);
$x2->setArguments([9 => 'x', 'alternate-exchange' => 'amq.fanout']);
$x2->declare();
$x2->setArguments([]);
$x2->bind('amq.fanout', '', [1 => 2]);
usleep(100000);
var_dump($q->get(AMQP_AUTOACK)->getHeaders(), $q->get(AMQP_AUTOACK)->getHeaders(), $q->get(AMQP_AUTOACK)->getHeaders());
echo "-- notices\n";
$x3 = new AMQPExchange($ch);
$x3->setName('amq.direct');
$x3->publish('lost', 'nowhere', AMQP_MANDATORY);
$ch->waitForBasicReturn(5);
$ch->confirmSelect();
$x3->publish('c', 'nowhere');
$ch->waitForConfirm(5);
try {
    $ch->waitForBasicReturn(0.2);
} catch (AMQPQueueException $e) {
    echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n";
}
--EXPECTF--

Warning: AMQPQueue::declare(): Ignoring non-string header field '5' in %s on line %d

Warning: AMQPQueue::declare(): Ignoring field 'o' due to unsupported value type (object) in %s on line %d

Warning: AMQPQueue::declare(): Ignoring field '1' due to unsupported value type (object) in %s on line %d
0

Warning: AMQPQueue::consume(): Ignoring non-string header field '7' in %s on line %d

Warning: AMQPQueue::bind(): Ignoring non-string header field '3' in %s on line %d

Warning: AMQPQueue::bind(): Ignoring field 'z' due to unsupported value type (object) in %s on line %d

Warning: AMQPQueue::unbind(): Ignoring non-string header field '4' in %s on line %d

Warning: AMQPExchange::publish(): Ignoring non-string header field '7' in %s on line %d

Warning: AMQPExchange::publish(): Ignoring field 'r' due to unsupported value type (resource) in %s on line %d

Warning: AMQPExchange::publish(): Ignoring field 'k' due to unsupported value type (object) in %s on line %d

Warning: AMQPExchange::publish(): Ignoring non-string header field '0' in %s on line %d

Warning: AMQPExchange::declare(): Ignoring non-string header field '9' in %s on line %d

Warning: AMQPExchange::bind(): Ignoring non-string header field '1' in %s on line %d
array(1) {
  ["n"]=>
  array(0) {
  }
}
array(0) {
}
array(0) {
}
-- notices

Notice: Unhandled basic.return method from server received. Use AMQPChannel::setReturnCallback() to process it. in %s on line %d

Notice: Unhandled basic.ack method from server received. Use AMQPChannel::setConfirmCallback() to process it. in %s on line %d
AMQPQueueException(0): Wait timeout exceed

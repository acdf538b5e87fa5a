--TEST--
php-amqp 2.x compat: argument juggling, named arguments with php-amqp 2.1 parameter names, out-of-set flags, prefetch and qos ranges
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
/* php-amqp 2.x compatibility: argument juggling without strict_types, named
 * arguments with php-amqp 2.1's parameter names, flags outside a method's
 * set, setFlags(null), range checks of the prefetch setters and qos(). */
require __DIR__ . '/_broker.inc';
function t($label, $fn) {
    try { $r = $fn(); echo "$label: ok ", json_encode($r), "\n"; }
    catch (Throwable $e) { echo "$label: ", get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n"; }
}
$c = mq_test_connection();
$ch = new AMQPChannel($c);
$q = new AMQPQueue($ch);
$x = new AMQPExchange($ch);
echo "-- juggling\n";
t('q.setName(null)', fn() => $q->setName(null));
t('q.setName(123)', fn() => [$q->setName(123), $q->getName()]);
t('q.setFlags("2")', fn() => [$q->setFlags("2"), $q->getFlags()]);
t('q.setFlags("abc")', fn() => $q->setFlags("abc"));
t('q.setFlags(true)', fn() => [$q->setFlags(true), $q->getFlags()]);
t('q.setFlags(null)', fn() => [$q->setFlags(null), $q->getFlags()]);
t('q.setFlags(all bits)', fn() => [$q->setFlags(0x7FFFFFFF), $q->getFlags()]);
t('q.getArgument(1)', fn() => $q->getArgument(1));
t('x.setName(1)', fn() => [$x->setName(1), $x->getName()]);
t('x.setName(null)', fn() => [$x->setName(null), $x->getName()]);
t('x.setType(false)', fn() => [$x->setType(false), $x->getType()]);
t('x.setFlags(null)', fn() => [$x->setFlags(null), $x->getFlags()]);
t('x.setFlags(all bits)', fn() => [$x->setFlags(0x7FFFFFFF), $x->getFlags()]);
t('ch.setPrefetchCount("4")', fn() => [$ch->setPrefetchCount("4"), $ch->getPrefetchCount()]);
t('ch.waitForConfirm("x")', fn() => $ch->waitForConfirm("x"));
t('ch.setConfirmCallback("nope")', fn() => $ch->setConfirmCallback("nope"));
t('ch.setConfirmCallback()', fn() => $ch->setConfirmCallback());
t('q.consume("nope")', fn() => $q->consume("nope"));
t('q.cancel(null)', fn() => $q->cancel(null));
t('new AMQPTimestamp("12")', fn() => (string) new AMQPTimestamp("12"));
t('new AMQPTimestamp("abc")', fn() => new AMQPTimestamp("abc"));
t('new AMQPDecimal("1", 2.0)', fn() => (new AMQPDecimal("1", 2.0))->getExponent());
t('new AMQPBasicProperties(1, 2, [], "2", "3")', fn() => [(new AMQPBasicProperties(1, 2, [], "2", "3"))->getContentType(), (new AMQPBasicProperties(1, 2, [], "2", "3"))->getPriority()]);
echo "-- ranges\n";
t('setPrefetchCount(-1)', fn() => $ch->setPrefetchCount(-1));
t('setPrefetchCount(65536)', fn() => $ch->setPrefetchCount(65536));
t('setPrefetchSize(-1)', fn() => $ch->setPrefetchSize(-1));
t('setPrefetchSize(4294967296)', fn() => $ch->setPrefetchSize(4294967296));
t('setGlobalPrefetchCount(70000)', fn() => $ch->setGlobalPrefetchCount(70000));
t('setGlobalPrefetchSize(-1)', fn() => $ch->setGlobalPrefetchSize(-1));
t('qos(0, 65536)', fn() => $ch->qos(0, 65536));
t('qos(-1, 1)', fn() => $ch->qos(-1, 1));
t('prefetch after failures', fn() => [$ch->getPrefetchCount(), $ch->getPrefetchSize(), $ch->getGlobalPrefetchCount(), $ch->getGlobalPrefetchSize()]);
t('qos(0, 9, true) keeps partner', fn() => [$ch->setGlobalPrefetchCount(4), $ch->qos(0, 9, true), $ch->getGlobalPrefetchCount(), $ch->getPrefetchCount()]);
t('setGlobalPrefetchSize(0) zeroes count', fn() => [$ch->setGlobalPrefetchSize(0), $ch->getGlobalPrefetchCount()]);
echo "-- named arguments\n";
$q = new AMQPQueue($ch);
$q->setFlags(flags: AMQP_EXCLUSIVE);
t('declareQueue', fn() => $q->declareQueue());
t('setArgument', fn() => [$q->setArgument(argumentValue: 1, argumentName: 'x-a'), $q->getArgument(argumentName: 'x-a'), $q->hasArgument(argumentName: 'x-a'), $q->removeArgument(argumentName: 'x-a'), $q->getArguments()]);
t('setArguments', fn() => [$q->setArguments(arguments: ['x' => 1]), $q->getArguments()]);
$q->setArguments([]);
t('bind', fn() => $q->bind(exchangeName: 'amq.direct', arguments: ['a' => 1], routingKey: $q->getName()));
t('publish', fn() => $x->publish(message: 'm1', routingKey: $q->getName(), headers: ['app_id' => 'named'], flags: AMQP_NOPARAM));
$x2 = new AMQPExchange($ch);
$x2->setName(exchangeName: 'amq.direct');
$x2->setType(exchangeType: AMQP_EX_TYPE_DIRECT);
t('publish via amq.direct', fn() => $x2->publish(routingKey: $q->getName(), message: 'm2'));
usleep(100000);
t('get', fn() => $q->get(flags: AMQP_AUTOACK)->getAppId());
$e = $q->get();
t('ack', fn() => $q->ack(flags: AMQP_NOPARAM, deliveryTag: $e->getDeliveryTag()));
t('unbind', fn() => $q->unbind(routingKey: $q->getName(), exchangeName: 'amq.direct'));
t('consume', fn() => [$q->consume(consumerTag: 'named-tag', flags: AMQP_NOPARAM), $q->getConsumerTag()]);
t('cancel', fn() => [$q->cancel(consumerTag: 'named-tag'), $q->getConsumerTag()]);
t('setConfirmCallback', fn() => $ch->setConfirmCallback(nackCallback: fn() => false, ackCallback: null));
t('setReturnCallback', fn() => $ch->setReturnCallback(returnCallback: null));
t('qos', fn() => [$ch->qos(count: 2, size: 0, global: false), $ch->getPrefetchCount()]);
t('setPrefetchCount', fn() => $ch->setPrefetchCount(count: 3));
t('setPrefetchSize', fn() => $ch->setPrefetchSize(size: 0));
t('basicRecover', fn() => $ch->basicRecover(requeue: true));
t('recover', fn() => $q->recover(requeue: true));
t('waitForConfirm', fn() => $ch->waitForConfirm(timeout: -1.0));
t('delete exchange', fn() => (new AMQPExchange($ch))->delete(exchangeName: mq_test_name('named-x-'), flags: AMQP_IFUNUSED));
t('properties', fn() => (new AMQPBasicProperties(deliveryMode: 2, timestamp: 5, headers: ['a' => 1], clusterId: 'c', contentType: 'ct'))->getTimestamp());
t('decimal', fn() => (new AMQPDecimal(significand: 5, exponent: 1))->getSignificand());
t('timestamp', fn() => (string) new AMQPTimestamp(timestamp: 7.0));
t('unknown name', fn() => $x->publish(message: 'm', routing_key: 'k'));
t('delete queue', fn() => $q->delete(flags: AMQP_NOPARAM));
echo "-- flags outside the method's set are ignored\n";
$q = new AMQPQueue($ch);
$q->setFlags(AMQP_EXCLUSIVE);
$q->declareQueue();
t('publish with every flag but mandatory/immediate', fn() => $x->publish('f', $q->getName(), 0xFFFF & ~(AMQP_MANDATORY | AMQP_IMMEDIATE)));
usleep(100000);
$e = $q->get(AMQP_JUST_CONSUME | AMQP_MULTIPLE | AMQP_IFUNUSED);
t('get(AMQP_JUST_CONSUME|...) does not auto-ack', fn() => $e->getBody());
t('reject with AMQP_MULTIPLE', fn() => $q->reject($e->getDeliveryTag(), AMQP_MULTIPLE | AMQP_REQUEUE));
t('get again', fn() => $q->get(AMQP_AUTOACK)->isRedelivery());
t('still open', fn() => [$ch->isConnected(), $c->isConnected()]);
echo "-- null to non-nullable int (deprecation)\n";
t('ack(null)', fn() => $q->ack(null));
--EXPECTF--
-- juggling

Deprecated: AMQPQueue::setName(): Passing null to parameter #1 ($name) of type string is deprecated in %s on line %d
q.setName(null): AMQPQueueException(0): Invalid queue name given, must be between 1 and 255 characters long.
q.setName(123): ok [null,"123"]
q.setFlags("2"): ok [null,2]
q.setFlags("abc"): TypeError(0): AMQPQueue::setFlags(): Argument #1 ($flags) must be of type ?int, string given
q.setFlags(true): ok [null,0]
q.setFlags(null): ok [null,0]
q.setFlags(all bits): ok [null,30]
q.getArgument(1): AMQPQueueException(0): The argument "1" does not exist
x.setName(1): ok [null,"1"]
x.setName(null): ok [null,null]
x.setType(false): ok [null,null]
x.setFlags(null): ok [null,0]
x.setFlags(all bits): ok [null,54]
ch.setPrefetchCount("4"): ok [null,4]
ch.waitForConfirm("x"): TypeError(0): AMQPChannel::waitForConfirm(): Argument #1 ($timeout) must be of type float, string given
ch.setConfirmCallback("nope"): TypeError(0): AMQPChannel::setConfirmCallback(): Argument #1 ($ackCallback) must be a valid callback or null, function "nope" not found or invalid function name
ch.setConfirmCallback(): ArgumentCountError(0): AMQPChannel::setConfirmCallback() expects at least 1 argument, 0 given
q.consume("nope"): TypeError(0): AMQPQueue::consume(): Argument #1 ($callback) must be a valid callback or null, function "nope" not found or invalid function name

Deprecated: AMQPQueue::cancel(): Passing null to parameter #1 ($consumerTag) of type string is deprecated in %s on line %d
q.cancel(null): ok null
new AMQPTimestamp("12"): ok "12"
new AMQPTimestamp("abc"): TypeError(0): AMQPTimestamp::__construct(): Argument #1 ($timestamp) must be of type float, string given
new AMQPDecimal("1", 2.0): ok 1
new AMQPBasicProperties(1, 2, [], "2", "3"): ok ["1",3]
-- ranges
setPrefetchCount(-1): AMQPConnectionException(0): Parameter 'prefetchCount' must be between 0 and 65535.
setPrefetchCount(65536): AMQPConnectionException(0): Parameter 'prefetchCount' must be between 0 and 65535.
setPrefetchSize(-1): AMQPConnectionException(0): Parameter 'prefetchSize' must be between 0 and 4294967295.
setPrefetchSize(4294967296): AMQPConnectionException(0): Parameter 'prefetchSize' must be between 0 and 4294967295.
setGlobalPrefetchCount(70000): AMQPConnectionException(0): Parameter 'globalPrefetchCount' must be between 0 and 65535.
setGlobalPrefetchSize(-1): AMQPConnectionException(0): Parameter 'globalPrefetchSize' must be between 0 and 4294967295.
qos(0, 65536): AMQPConnectionException(0): Parameter 'prefetchCount' must be between 0 and 65535.
qos(-1, 1): AMQPConnectionException(0): Parameter 'prefetchSize' must be between 0 and 4294967295.
prefetch after failures: ok [4,0,0,0]
qos(0, 9, true) keeps partner: ok [null,null,9,4]
setGlobalPrefetchSize(0) zeroes count: ok [null,0]
-- named arguments
declareQueue: ok 0
setArgument: ok [null,1,true,null,[]]
setArguments: ok [null,{"x":1}]
bind: ok null
publish: ok null
publish via amq.direct: ok null
get: ok "named"
ack: ok null
unbind: ok null
consume: ok [null,"named-tag"]
cancel: ok [null,null]
setConfirmCallback: ok null
setReturnCallback: ok null
qos: ok [null,2]
setPrefetchCount: ok null
setPrefetchSize: ok null
basicRecover: ok null
recover: ok null
waitForConfirm: AMQPChannelException(0): Timeout must be greater than or equal to zero.
delete exchange: ok null
properties: ok 5
decimal: ok 5
timestamp: ok "7"
unknown name: Error(0): Unknown named parameter $routing_key
delete queue: ok 0
-- flags outside the method's set are ignored
publish with every flag but mandatory/immediate: ok null
get(AMQP_JUST_CONSUME|...) does not auto-ack: ok "f"
reject with AMQP_MULTIPLE: ok null
get again: ok true
still open: ok [true,true]
-- null to non-nullable int (deprecation)

Deprecated: AMQPQueue::ack(): Passing null to parameter #1 ($deliveryTag) of type int is deprecated in %s on line %d
ack(null): ok null

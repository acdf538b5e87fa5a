--TEST--
php-amqp 2.x compat: strict_types=1 argument checks
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php declare(strict_types=1);
/* php-amqp 2.x compatibility: strict_types=1 turns juggling into TypeErrors
 * for every scalar parameter kind (int, ?int, string, ?string, float, bool),
 * while exact types and null for nullable parameters pass. */
require __DIR__ . '/_broker.inc';
function t($label, $fn) {
    try { $r = $fn(); echo "$label: ok ", json_encode($r), "\n"; }
    catch (Throwable $e) { echo "$label: ", get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n"; }
}
$c = mq_test_connection();
$ch = new AMQPChannel($c);
$q = new AMQPQueue($ch);
$x = new AMQPExchange($ch);
t('q.setFlags("2")', fn() => $q->setFlags("2"));
t('q.setFlags(null)', fn() => [$q->setFlags(null), $q->getFlags()]);
t('q.setName(1)', fn() => $q->setName(1));
t('x.setName(null)', fn() => $x->setName(null));
t('x.setType(1)', fn() => $x->setType(1));
t('x.publish(1)', fn() => $x->publish(1));
t('x.publish("m", 1)', fn() => $x->publish("m", 1));
t('x.publish("m", null, null, [])', fn() => $x->publish("m", null, null, []));
t('q.get("0")', fn() => $q->get("0"));
t('q.ack("1")', fn() => $q->ack("1"));
t('ch.setPrefetchCount("4")', fn() => $ch->setPrefetchCount("4"));
t('ch.qos(0, 1, 1)', fn() => $ch->qos(0, 1, 1));
t('ch.waitForConfirm(1)', fn() => $ch->waitForConfirm(1));   // int to float is allowed even in strict mode
t('ch.basicRecover("1")', fn() => $ch->basicRecover("1"));
t('new AMQPTimestamp(5)', fn() => (string) new AMQPTimestamp(5));
t('new AMQPDecimal(1.0, 2)', fn() => new AMQPDecimal(1.0, 2));
t('new AMQPBasicProperties(deliveryMode: "2")', fn() => new AMQPBasicProperties(deliveryMode: "2"));
t('new AMQPBasicProperties(timestamp: null)', fn() => (new AMQPBasicProperties(timestamp: null))->getTimestamp());
t('c.setReadTimeout(1)', fn() => [$c->setReadTimeout(1), $c->getReadTimeout()]);
t('c.setPort("5672")', fn() => $c->setPort("5672"));
--EXPECTF--
q.setFlags("2"): TypeError(0): AMQPQueue::setFlags(): Argument #1 ($flags) must be of type ?int, string given
q.setFlags(null): ok [null,0]
q.setName(1): TypeError(0): AMQPQueue::setName(): Argument #1 ($name) must be of type string, int given
x.setName(null): ok null
x.setType(1): TypeError(0): AMQPExchange::setType(): Argument #1 ($exchangeType) must be of type ?string, int given
x.publish(1): TypeError(0): AMQPExchange::publish(): Argument #1 ($message) must be of type string, int given
x.publish("m", 1): TypeError(0): AMQPExchange::publish(): Argument #2 ($routingKey) must be of type ?string, int given
x.publish("m", null, null, []): ok null
q.get("0"): TypeError(0): AMQPQueue::get(): Argument #1 ($flags) must be of type ?int, string given
q.ack("1"): TypeError(0): AMQPQueue::ack(): Argument #1 ($deliveryTag) must be of type int, string given
ch.setPrefetchCount("4"): TypeError(0): AMQPChannel::setPrefetchCount(): Argument #1 ($count) must be of type int, string given
ch.qos(0, 1, 1): TypeError(0): AMQPChannel::qos(): Argument #3 ($global) must be of type bool, int given
ch.waitForConfirm(1): AMQPQueueException(0): Wait timeout exceed
ch.basicRecover("1"): TypeError(0): AMQPChannel::basicRecover(): Argument #1 ($requeue) must be of type bool, string given
new AMQPTimestamp(5): ok "5"
new AMQPDecimal(1.0, 2): TypeError(0): AMQPDecimal::__construct(): Argument #1 ($exponent) must be of type int, float given
new AMQPBasicProperties(deliveryMode: "2"): TypeError(0): AMQPBasicProperties::__construct(): Argument #4 ($deliveryMode) must be of type int, string given
new AMQPBasicProperties(timestamp: null): ok null
c.setReadTimeout(1): ok [null,1]
c.setPort("5672"): TypeError(0): AMQPConnection::setPort(): Argument #1 ($port) must be of type int, string given

--TEST--
php-amqp 2.x compat: clone and serialize of values, envelopes, queues and exchanges; uncloneable connection/channel
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
/* php-amqp 2.x compatibility: clone and serialize (§1.3 end, §7.22): queue,
 * exchange, envelope and value objects are plain property copies; clones of
 * queues/exchanges work on the same channel; connections and channels are
 * uncloneable. */
require __DIR__ . '/_broker.inc';
function t($label, $fn) {
    try { $r = $fn(); echo "$label: ok ", json_encode($r), "\n"; }
    catch (Throwable $e) { echo "$label: ", get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n"; }
}
$p = new AMQPBasicProperties('ct', null, ['h' => 1], 2, 3, 'cid', null, null, null, 5, null, null, null, 'cl');
function ser($v) { return str_replace("\0", '\0', serialize($v)); }
echo ser($p), "\n";
t('props round trip', fn() => unserialize(serialize($p)) == $p);
echo ser(new AMQPDecimal(1, 2)), "\n";
echo ser(new AMQPTimestamp(12.7)), "\n";
t('decimal round trip', fn() => unserialize(serialize(new AMQPDecimal(1, 2)))->getSignificand());
t('timestamp round trip', fn() => (string) unserialize(serialize(new AMQPTimestamp(12.7))));
t('clone timestamp', fn() => (string) clone new AMQPTimestamp(12.7));
t('clone decimal', fn() => (clone new AMQPDecimal(3, 4))->getExponent());
t('json', fn() => [json_encode($p), json_encode(new AMQPTimestamp(5))]);
var_export(new AMQPDecimal(3, 4));
echo "\n";
$ee = new AMQPQueueException('x', 5);
t('exception round trip', fn() => [get_class(unserialize(serialize($ee))), unserialize(serialize($ee))->getCode()]);

$c = mq_test_connection();
$ch = new AMQPChannel($c);
$q = new AMQPQueue($ch);
$q->setFlags(AMQP_EXCLUSIVE);
$q->setArgument('a', 1);
$q->declareQueue();
$x = new AMQPExchange($ch);
$x2 = clone $x;
$q2 = clone $q;
t('clone queue', fn() => [$q2->getName() === $q->getName(), $q2->getChannel() === $ch, $q2->getConnection() === $c, $q2->getFlags()]);
$q2->setArgument('a', 2);
$q2->setFlags(AMQP_DURABLE);
t('clone is independent', fn() => [$q->getArgument('a'), $q2->getArgument('a'), $q->getFlags(), $q2->getFlags()]);
t('publish through the cloned exchange', fn() => $x2->publish('hello', $q->getName(), AMQP_NOPARAM, ['headers' => ['k' => 'v']]));
$q3 = clone $q;
$e = null;
for ($i = 0; $i < 50 && !$e; $i++) { $e = $q3->get(); if (!$e) usleep(20000); }
t('get through the cloned queue', fn() => [$e->getBody(), $e->getDeliveryTag()]);
$e2 = clone $e;
t('clone envelope', fn() => [$e2->getBody(), $e2->getHeaders(), $e2->getDeliveryTag(), $e2->getConsumerTag()]);
t('envelope round trip', fn() => unserialize(serialize($e)) == $e);
t('ack through the original queue', fn() => $q->ack($e2->getDeliveryTag()));
t('purge', fn() => $q->purge());
t('clone connection', fn() => clone $c);
t('clone channel', fn() => clone $ch);
t('serialize queue', fn() => strlen(serialize($q)) > 0);
t('still usable', fn() => [$ch->isConnected(), $q->purge()]);
--EXPECTF--
O:19:"AMQPBasicProperties":14:{s:32:"\0AMQPBasicProperties\0contentType";s:2:"ct";s:36:"\0AMQPBasicProperties\0contentEncoding";N;s:28:"\0AMQPBasicProperties\0headers";a:1:{s:1:"h";i:1;}s:33:"\0AMQPBasicProperties\0deliveryMode";i:2;s:29:"\0AMQPBasicProperties\0priority";i:3;s:34:"\0AMQPBasicProperties\0correlationId";s:3:"cid";s:28:"\0AMQPBasicProperties\0replyTo";N;s:31:"\0AMQPBasicProperties\0expiration";N;s:30:"\0AMQPBasicProperties\0messageId";N;s:30:"\0AMQPBasicProperties\0timestamp";i:5;s:25:"\0AMQPBasicProperties\0type";N;s:27:"\0AMQPBasicProperties\0userId";N;s:26:"\0AMQPBasicProperties\0appId";N;s:30:"\0AMQPBasicProperties\0clusterId";s:2:"cl";}
props round trip: ok true
O:11:"AMQPDecimal":2:{s:21:"\0AMQPDecimal\0exponent";i:1;s:24:"\0AMQPDecimal\0significand";i:2;}
O:13:"AMQPTimestamp":1:{s:24:"\0AMQPTimestamp\0timestamp";d:12;}
decimal round trip: ok 2
timestamp round trip: ok "12"
clone timestamp: ok "12"
clone decimal: ok 3
json: ok ["{}","{}"]
\AMQPDecimal::__set_state(array(
   'exponent' => 3,
   'significand' => 4,
))
exception round trip: ok ["AMQPQueueException",5]
clone queue: ok [true,true,true,8]
clone is independent: ok [1,2,8,2]
publish through the cloned exchange: ok null
get through the cloned queue: ok ["hello",1]
clone envelope: ok ["hello",{"k":"v"},1,""]
envelope round trip: ok true
ack through the original queue: ok null
purge: ok 0
clone connection: Error(0): Trying to clone an uncloneable object of class AMQPConnection
clone channel: Error(0): Trying to clone an uncloneable object of class AMQPChannel
serialize queue: ok true
still usable: ok [true,0]

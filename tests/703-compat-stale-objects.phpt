--TEST--
php-amqp 2.x compat: objects whose constructor never ran (stalled-reference mocks, newInstanceWithoutConstructor, unserialize)
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
/* php-amqp 2.x compatibility: objects whose constructor never ran (php-amqp's
 * *_with_stalled_reference tests, mocks with a disabled constructor,
 * newInstanceWithoutConstructor, unserialize): "Stale reference" errors with
 * the engine Error chained for queues/exchanges, no crash. */
require __DIR__ . '/_broker.inc';
function t($label, $fn) {
    try { $r = $fn(); echo "$label: ok ", json_encode($r), "\n"; }
    catch (Throwable $e) {
        echo "$label: ", get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n";
        if ($p = $e->getPrevious()) { echo "  previous ", get_class($p), ': ', $p->getMessage(), "\n"; }
    }
}
class ConnectionMock extends AMQPConnection { public function __construct(array $credentials = []) {} }
class ChannelMock extends AMQPChannel { public function __construct(AMQPConnection $amqp_connection) {} }
class QueueMock extends AMQPQueue { public function __construct(AMQPChannel $amqp_channel) {} }
class ExchangeMock extends AMQPExchange { public function __construct(AMQPChannel $amqp_channel) {} }

$cnn = new ConnectionMock();
$ch = new ChannelMock($cnn);
$q = new QueueMock($ch);
$x = new ExchangeMock($ch);
var_dump($ch, $q);
t('q.getName', fn() => $q->getName());
t('q.getFlags', fn() => $q->getFlags());
t('q.setName', fn() => $q->setName('x'));
t('q.declareQueue', fn() => $q->declareQueue());
t('q.get', fn() => $q->get());
t('q.getChannel', fn() => $q->getChannel());
t('q.getConsumerTag', fn() => $q->getConsumerTag());
t('x.declareExchange', fn() => $x->declareExchange());
t('x.publish', fn() => $x->publish('m'));
t('x.getConnection', fn() => $x->getConnection());
t('ch.isConnected', fn() => $ch->isConnected());
t('ch.close', fn() => $ch->close());
t('ch.qos', fn() => $ch->qos(0, 1));
t('ch.setPrefetchCount', fn() => $ch->setPrefetchCount(1));
t('ch.startTransaction', fn() => $ch->startTransaction());
t('ch.confirmSelect', fn() => $ch->confirmSelect());
t('ch.getConsumers', fn() => $ch->getConsumers());
t('ch.getConnection', fn() => $ch->getConnection());
t('new AMQPQueue(stale channel)', fn() => new AMQPQueue($ch));
t('new AMQPExchange(stale channel)', fn() => new AMQPExchange($ch));
t('new AMQPChannel(stale connection)', fn() => new AMQPChannel($cnn));
t('cnn.isConnected', fn() => $cnn->isConnected());
t('cnn.isPersistent', fn() => $cnn->isPersistent());

echo "-- newInstanceWithoutConstructor\n";
foreach (['AMQPConnection', 'AMQPChannel', 'AMQPQueue', 'AMQPExchange', 'AMQPEnvelope', 'AMQPBasicProperties'] as $cls) {
    $o = (new ReflectionClass($cls))->newInstanceWithoutConstructor();
    echo $cls, ': ', count((array) $o), " initialised properties\n";
}
$o = (new ReflectionClass('AMQPEnvelope'))->newInstanceWithoutConstructor();
t('envelope', fn() => [$o->getBody(), $o->getHeader('x'), $o->hasHeader('x'), $o->getDeliveryTag(), $o->getConsumerTag()]);
t('envelope exception', fn() => (new AMQPEnvelopeException('m'))->getEnvelope());

echo "-- unserialize\n";
$c = mq_test_connection();
$rch = new AMQPChannel($c);
$rq = new AMQPQueue($rch);
$uch = unserialize(serialize($rch));
$uq = unserialize(serialize($rq));
t('unserialized channel', fn() => [$uch->isConnected(), $uch->getChannelId(), $uch->getPrefetchCount()]);
t('unserialized channel qos', fn() => $uch->qos(0, 1));
t('unserialized queue declare', fn() => $uq->declareQueue());
t('unserialized connection', fn() => unserialize(serialize($c))->isConnected());
t('original still fine', fn() => [$rch->isConnected(), $c->isConnected()]);
--EXPECTF--
object(ChannelMock)#%d (5) {
  ["connection":"AMQPChannel":private]=>
  uninitialized(AMQPConnection)
  ["prefetchCount":"AMQPChannel":private]=>
  NULL
  ["prefetchSize":"AMQPChannel":private]=>
  NULL
  ["globalPrefetchCount":"AMQPChannel":private]=>
  NULL
  ["globalPrefetchSize":"AMQPChannel":private]=>
  NULL
  ["consumers":"AMQPChannel":private]=>
  array(0) {
  }
}
object(QueueMock)#%d (7) {
  ["connection":"AMQPQueue":private]=>
  uninitialized(AMQPConnection)
  ["channel":"AMQPQueue":private]=>
  uninitialized(AMQPChannel)
  ["name":"AMQPQueue":private]=>
  NULL
  ["consumerTag":"AMQPQueue":private]=>
  NULL
  ["passive":"AMQPQueue":private]=>
  bool(false)
  ["durable":"AMQPQueue":private]=>
  bool(false)
  ["exclusive":"AMQPQueue":private]=>
  bool(false)
  ["autoDelete":"AMQPQueue":private]=>
  bool(true)
  ["arguments":"AMQPQueue":private]=>
  array(0) {
  }
}
q.getName: ok null
q.getFlags: ok 16
q.setName: ok null
q.declareQueue: AMQPChannelException(0): Could not declare queue. Stale reference to the channel object.
  previous Error: Typed property AMQPQueue::$channel must not be accessed before initialization
q.get: AMQPChannelException(0): Could not get messages from queue. Stale reference to the channel object.
  previous Error: Typed property AMQPQueue::$channel must not be accessed before initialization
q.getChannel: Error(0): Typed property AMQPQueue::$channel must not be accessed before initialization
q.getConsumerTag: ok null
x.declareExchange: AMQPChannelException(0): Could not declare exchange. Stale reference to the channel object.
  previous Error: Typed property AMQPExchange::$channel must not be accessed before initialization
x.publish: AMQPChannelException(0): Could not publish to exchange. Stale reference to the channel object.
  previous Error: Typed property AMQPExchange::$channel must not be accessed before initialization
x.getConnection: Error(0): Typed property AMQPExchange::$connection must not be accessed before initialization
ch.isConnected: ok false
ch.close: ok null
ch.qos: AMQPChannelException(0): Could not set qos parameters. Stale reference to the channel object.
ch.setPrefetchCount: AMQPChannelException(0): Could not set prefetch count. Stale reference to the channel object.
ch.startTransaction: AMQPChannelException(0): Could not start the transaction. Stale reference to the channel object.
ch.confirmSelect: AMQPChannelException(0): Could not enable confirms mode. Stale reference to the channel object.
ch.getConsumers: ok []
ch.getConnection: Error(0): Typed property AMQPChannel::$connection must not be accessed before initialization
new AMQPQueue(stale channel): AMQPChannelException(0): Could not create queue. Stale reference to the channel object.
new AMQPExchange(stale channel): AMQPChannelException(0): Could not create exchange. Stale reference to the channel object.
new AMQPChannel(stale connection): AMQPConnectionException(0): Could not create channel. No connection available.
cnn.isConnected: ok false
cnn.isPersistent: ok false
-- newInstanceWithoutConstructor
AMQPConnection: 6 initialised properties
AMQPChannel: 5 initialised properties
AMQPQueue: 7 initialised properties
AMQPExchange: 7 initialised properties
AMQPEnvelope: 20 initialised properties
AMQPBasicProperties: 14 initialised properties
envelope: ok ["",null,false,null,null]
envelope exception: Error(0): Typed property AMQPEnvelopeException::$envelope must not be accessed before initialization
-- unserialize
unserialized channel: ok [false,0,3]
unserialized channel qos: AMQPChannelException(0): Could not set qos parameters. Stale reference to the channel object.
unserialized queue declare: AMQPChannelException(0): Could not declare queue. Stale reference to the channel object.
unserialized connection: ok false
original still fine: ok [true,true]

--TEST--
php-amqp 2.x compat: precondition class/code/text of every AMQPQueue/AMQPExchange/AMQPChannel method after close(), disconnect(), reconnect() and a broker connection.close
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
/* php-amqp 2.x compatibility: precondition checks of §3.0 on every method
 * after AMQPChannel::close(), AMQPConnection::disconnect(), reconnect() and
 * a broker-side connection.close: class, code and "<context> <reason>". */
require __DIR__ . '/_broker.inc';
function t($label, $fn) {
    try { $r = $fn(); echo "$label: ok ", json_encode($r), "\n"; }
    catch (Throwable $e) { echo "$label: ", get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n"; }
}
function all(AMQPConnection $c, AMQPChannel $ch, AMQPQueue $q, AMQPExchange $x) {
    t('q.declareQueue', fn() => $q->declareQueue());
    t('q.declare', fn() => $q->declare());
    t('q.bind', fn() => $q->bind('amq.direct', 'k'));
    t('q.unbind', fn() => $q->unbind('amq.direct', 'k'));
    t('q.get', fn() => $q->get());
    t('q.consume', fn() => $q->consume(fn() => false));
    t('q.consume(JUST)', fn() => $q->consume(fn() => false, AMQP_JUST_CONSUME));
    t('q.consume(null)', fn() => $q->consume(null, AMQP_NOPARAM, 'tag'));
    t('q.ack', fn() => $q->ack(1));
    t('q.nack', fn() => $q->nack(1, AMQP_REQUEUE));
    t('q.reject', fn() => $q->reject(1));
    t('q.recover', fn() => $q->recover());
    t('q.purge', fn() => $q->purge());
    t('q.cancel(tag)', fn() => $q->cancel('t'));
    t('q.cancel()', fn() => $q->cancel());
    t('q.delete', fn() => $q->delete());
    t('new AMQPQueue', fn() => new AMQPQueue($ch));
    t('x.declareExchange', fn() => $x->declareExchange());
    t('x.declare', fn() => $x->declare());
    t('x.bind', fn() => $x->bind('amq.direct', 'k'));
    t('x.unbind', fn() => $x->unbind('amq.direct', 'k'));
    t('x.delete', fn() => $x->delete());
    t('x.publish', fn() => $x->publish('m', 'k'));
    t('new AMQPExchange', fn() => new AMQPExchange($ch));
    t('ch.isConnected', fn() => $ch->isConnected());
    t('ch.close', fn() => $ch->close());
    t('ch.getChannelId', fn() => $ch->getChannelId());
    t('ch.setPrefetchCount', fn() => $ch->setPrefetchCount(5));
    t('ch.setPrefetchSize', fn() => $ch->setPrefetchSize(0));
    t('ch.setGlobalPrefetchCount', fn() => $ch->setGlobalPrefetchCount(5));
    t('ch.setGlobalPrefetchSize', fn() => $ch->setGlobalPrefetchSize(0));
    t('ch.qos', fn() => $ch->qos(0, 7));
    t('ch.prefetch getters', fn() => [$ch->getPrefetchCount(), $ch->getPrefetchSize(), $ch->getGlobalPrefetchCount(), $ch->getGlobalPrefetchSize()]);
    t('ch.startTransaction', fn() => $ch->startTransaction());
    t('ch.commitTransaction', fn() => $ch->commitTransaction());
    t('ch.rollbackTransaction', fn() => $ch->rollbackTransaction());
    t('ch.basicRecover', fn() => $ch->basicRecover());
    t('ch.confirmSelect', fn() => $ch->confirmSelect());
    t('ch.waitForConfirm', fn() => $ch->waitForConfirm(0.1));
    t('ch.waitForConfirm(-1)', fn() => $ch->waitForConfirm(-1));
    t('ch.waitForBasicReturn', fn() => $ch->waitForBasicReturn(0.1));
    t('ch.waitForBasicReturn(-1)', fn() => $ch->waitForBasicReturn(-1.0));
    t('ch.setConfirmCallback', fn() => $ch->setConfirmCallback(fn() => false));
    t('ch.setReturnCallback', fn() => $ch->setReturnCallback(null));
    t('ch.getConsumers', fn() => $ch->getConsumers());
    t('ch.getConnection', fn() => $ch->getConnection() === $c);
    t('q/x getters', fn() => [$q->getName(), $q->getFlags(), $x->getName(), $x->getType(), $q->getChannel() === $ch, $x->getConnection() === $c]);
}
function setup(): array {
    $c = mq_test_connection();
    $ch = new AMQPChannel($c);
    $q = new AMQPQueue($ch);
    $q->setName(mq_test_name('pre-'));
    $x = new AMQPExchange($ch);
    $x->setName(mq_test_name('prex-'));
    $x->setType(AMQP_EX_TYPE_DIRECT);
    return [$c, $ch, $q, $x];
}
echo "== after AMQPChannel::close()\n";
[$c, $ch, $q, $x] = setup();
$ch->close();
all($c, $ch, $q, $x);
t('new AMQPChannel', fn() => (new AMQPChannel($c))->isConnected());
echo "== after AMQPConnection::disconnect()\n";
[$c, $ch, $q, $x] = setup();
$c->disconnect();
all($c, $ch, $q, $x);
t('new AMQPChannel', fn() => new AMQPChannel($c));
echo "== after AMQPConnection::reconnect()\n";
[$c, $ch, $q, $x] = setup();
$c->reconnect();
all($c, $ch, $q, $x);
t('new AMQPChannel', fn() => (new AMQPChannel($c))->getChannelId());
echo "== after a broker connection.close\n";
[$c, $ch, $q, $x] = setup();
$ch2 = new AMQPChannel($c);
$x2 = new AMQPExchange($ch2);
$x2->setName(mq_test_name('prex-'));
$x2->setType('x-no-such-type');
t('declare unknown type', fn() => $x2->declareExchange());
t('states', fn() => [$c->isConnected(), $ch->isConnected(), $ch2->isConnected()]);
all($c, $ch, $q, $x);
t('new AMQPChannel', fn() => new AMQPChannel($c));
--EXPECTF--
== after AMQPChannel::close()
q.declareQueue: AMQPChannelException(0): Could not declare queue. No channel available.
q.declare: AMQPChannelException(0): Could not declare queue. No channel available.
q.bind: AMQPChannelException(0): Could not bind queue. No channel available.
q.unbind: AMQPChannelException(0): Could not unbind queue. No channel available.
q.get: AMQPChannelException(0): Could not get messages from queue. No channel available.
q.consume: AMQPChannelException(0): Could not get channel. No channel available.
q.consume(JUST): AMQPChannelException(0): Could not get channel. No channel available.
q.consume(null): AMQPChannelException(0): Could not get channel. No channel available.
q.ack: AMQPChannelException(0): Could not ack message. No channel available.
q.nack: AMQPChannelException(0): Could not nack message. No channel available.
q.reject: AMQPChannelException(0): Could not reject message. No channel available.
q.recover: AMQPChannelException(0): Could not recover messages. No channel available.
q.purge: AMQPChannelException(0): Could not purge queue. No channel available.
q.cancel(tag): AMQPChannelException(0): Could not cancel queue. No channel available.
q.cancel(): AMQPChannelException(0): Could not cancel queue. No channel available.
q.delete: AMQPChannelException(0): Could not delete queue. No channel available.
new AMQPQueue: AMQPChannelException(0): Could not create queue. No channel available.
x.declareExchange: AMQPChannelException(0): Could not declare exchange. No channel available.
x.declare: AMQPChannelException(0): Could not declare exchange. No channel available.
x.bind: AMQPChannelException(0): Could not bind to exchange. No channel available.
x.unbind: AMQPChannelException(0): Could not unbind from exchange. No channel available.
x.delete: AMQPChannelException(0): Could not delete exchange. No channel available.
x.publish: AMQPChannelException(0): Could not publish to exchange. No channel available.
new AMQPExchange: AMQPChannelException(0): Could not create exchange. No channel available.
ch.isConnected: ok false
ch.close: ok null
ch.getChannelId: ok 1
ch.setPrefetchCount: AMQPConnectionException(0): Could not set prefetch count. Stale reference to the connection object.
ch.setPrefetchSize: AMQPConnectionException(0): Could not set prefetch size. Stale reference to the connection object.
ch.setGlobalPrefetchCount: AMQPConnectionException(0): Could not set global prefetch count. Stale reference to the connection object.
ch.setGlobalPrefetchSize: AMQPConnectionException(0): Could not set prefetch size. Stale reference to the connection object.
ch.qos: AMQPConnectionException(0): Could not set qos parameters. Stale reference to the connection object.
ch.prefetch getters: ok [3,0,0,0]
ch.startTransaction: AMQPChannelException(0): Could not start the transaction. No channel available.
ch.commitTransaction: AMQPChannelException(0): Could not start the transaction. No channel available.
ch.rollbackTransaction: AMQPChannelException(0): Could not rollback the transaction. No channel available.
ch.basicRecover: AMQPChannelException(0): Could not redeliver unacknowledged messages. No channel available.
ch.confirmSelect: AMQPChannelException(0): Could not enable confirms mode. No channel available.
ch.waitForConfirm: AMQPChannelException(0): Could not start wait loop for basic.return method. No channel available.
ch.waitForConfirm(-1): AMQPChannelException(0): Timeout must be greater than or equal to zero.
ch.waitForBasicReturn: AMQPChannelException(0): Could not start wait loop for basic.return method. No channel available.
ch.waitForBasicReturn(-1): AMQPChannelException(0): Timeout must be greater than or equal to zero.
ch.setConfirmCallback: ok null
ch.setReturnCallback: ok null
ch.getConsumers: ok []
ch.getConnection: ok true
q/x getters: ok ["pre-%x",16,"prex-%x","direct",true,true]
new AMQPChannel: ok true
== after AMQPConnection::disconnect()
q.declareQueue: AMQPChannelException(0): Could not declare queue. No channel available.
q.declare: AMQPChannelException(0): Could not declare queue. No channel available.
q.bind: AMQPChannelException(0): Could not bind queue. No channel available.
q.unbind: AMQPChannelException(0): Could not unbind queue. No channel available.
q.get: AMQPChannelException(0): Could not get messages from queue. No channel available.
q.consume: AMQPChannelException(0): Could not get channel. No channel available.
q.consume(JUST): AMQPChannelException(0): Could not get channel. No channel available.
q.consume(null): AMQPChannelException(0): Could not get channel. No channel available.
q.ack: AMQPChannelException(0): Could not ack message. No channel available.
q.nack: AMQPChannelException(0): Could not nack message. No channel available.
q.reject: AMQPChannelException(0): Could not reject message. No channel available.
q.recover: AMQPChannelException(0): Could not recover messages. No channel available.
q.purge: AMQPChannelException(0): Could not purge queue. No channel available.
q.cancel(tag): AMQPChannelException(0): Could not cancel queue. No channel available.
q.cancel(): AMQPChannelException(0): Could not cancel queue. No channel available.
q.delete: AMQPChannelException(0): Could not delete queue. No channel available.
new AMQPQueue: AMQPChannelException(0): Could not create queue. No channel available.
x.declareExchange: AMQPChannelException(0): Could not declare exchange. No channel available.
x.declare: AMQPChannelException(0): Could not declare exchange. No channel available.
x.bind: AMQPChannelException(0): Could not bind to exchange. No channel available.
x.unbind: AMQPChannelException(0): Could not unbind from exchange. No channel available.
x.delete: AMQPChannelException(0): Could not delete exchange. No channel available.
x.publish: AMQPChannelException(0): Could not publish to exchange. No channel available.
new AMQPExchange: AMQPChannelException(0): Could not create exchange. No channel available.
ch.isConnected: ok false
ch.close: ok null
ch.getChannelId: ok 1
ch.setPrefetchCount: AMQPConnectionException(0): Could not set prefetch count. Stale reference to the connection object.
ch.setPrefetchSize: AMQPConnectionException(0): Could not set prefetch size. Stale reference to the connection object.
ch.setGlobalPrefetchCount: AMQPConnectionException(0): Could not set global prefetch count. Stale reference to the connection object.
ch.setGlobalPrefetchSize: AMQPConnectionException(0): Could not set prefetch size. Stale reference to the connection object.
ch.qos: AMQPConnectionException(0): Could not set qos parameters. Stale reference to the connection object.
ch.prefetch getters: ok [3,0,0,0]
ch.startTransaction: AMQPChannelException(0): Could not start the transaction. No channel available.
ch.commitTransaction: AMQPChannelException(0): Could not start the transaction. No channel available.
ch.rollbackTransaction: AMQPChannelException(0): Could not rollback the transaction. No channel available.
ch.basicRecover: AMQPChannelException(0): Could not redeliver unacknowledged messages. No channel available.
ch.confirmSelect: AMQPChannelException(0): Could not enable confirms mode. No channel available.
ch.waitForConfirm: AMQPChannelException(0): Could not start wait loop for basic.return method. No channel available.
ch.waitForConfirm(-1): AMQPChannelException(0): Timeout must be greater than or equal to zero.
ch.waitForBasicReturn: AMQPChannelException(0): Could not start wait loop for basic.return method. No channel available.
ch.waitForBasicReturn(-1): AMQPChannelException(0): Timeout must be greater than or equal to zero.
ch.setConfirmCallback: ok null
ch.setReturnCallback: ok null
ch.getConsumers: ok []
ch.getConnection: ok true
q/x getters: ok ["pre-%x",16,"prex-%x","direct",true,true]
new AMQPChannel: AMQPConnectionException(0): Could not create channel. No connection available.
== after AMQPConnection::reconnect()
q.declareQueue: AMQPChannelException(0): Could not declare queue. No channel available.
q.declare: AMQPChannelException(0): Could not declare queue. No channel available.
q.bind: AMQPChannelException(0): Could not bind queue. No channel available.
q.unbind: AMQPChannelException(0): Could not unbind queue. No channel available.
q.get: AMQPChannelException(0): Could not get messages from queue. No channel available.
q.consume: AMQPChannelException(0): Could not get channel. No channel available.
q.consume(JUST): AMQPChannelException(0): Could not get channel. No channel available.
q.consume(null): AMQPChannelException(0): Could not get channel. No channel available.
q.ack: AMQPChannelException(0): Could not ack message. No channel available.
q.nack: AMQPChannelException(0): Could not nack message. No channel available.
q.reject: AMQPChannelException(0): Could not reject message. No channel available.
q.recover: AMQPChannelException(0): Could not recover messages. No channel available.
q.purge: AMQPChannelException(0): Could not purge queue. No channel available.
q.cancel(tag): AMQPChannelException(0): Could not cancel queue. No channel available.
q.cancel(): AMQPChannelException(0): Could not cancel queue. No channel available.
q.delete: AMQPChannelException(0): Could not delete queue. No channel available.
new AMQPQueue: AMQPChannelException(0): Could not create queue. No channel available.
x.declareExchange: AMQPChannelException(0): Could not declare exchange. No channel available.
x.declare: AMQPChannelException(0): Could not declare exchange. No channel available.
x.bind: AMQPChannelException(0): Could not bind to exchange. No channel available.
x.unbind: AMQPChannelException(0): Could not unbind from exchange. No channel available.
x.delete: AMQPChannelException(0): Could not delete exchange. No channel available.
x.publish: AMQPChannelException(0): Could not publish to exchange. No channel available.
new AMQPExchange: AMQPChannelException(0): Could not create exchange. No channel available.
ch.isConnected: ok false
ch.close: ok null
ch.getChannelId: ok 1
ch.setPrefetchCount: AMQPConnectionException(0): Could not set prefetch count. Stale reference to the connection object.
ch.setPrefetchSize: AMQPConnectionException(0): Could not set prefetch size. Stale reference to the connection object.
ch.setGlobalPrefetchCount: AMQPConnectionException(0): Could not set global prefetch count. Stale reference to the connection object.
ch.setGlobalPrefetchSize: AMQPConnectionException(0): Could not set prefetch size. Stale reference to the connection object.
ch.qos: AMQPConnectionException(0): Could not set qos parameters. Stale reference to the connection object.
ch.prefetch getters: ok [3,0,0,0]
ch.startTransaction: AMQPChannelException(0): Could not start the transaction. No channel available.
ch.commitTransaction: AMQPChannelException(0): Could not start the transaction. No channel available.
ch.rollbackTransaction: AMQPChannelException(0): Could not rollback the transaction. No channel available.
ch.basicRecover: AMQPChannelException(0): Could not redeliver unacknowledged messages. No channel available.
ch.confirmSelect: AMQPChannelException(0): Could not enable confirms mode. No channel available.
ch.waitForConfirm: AMQPChannelException(0): Could not start wait loop for basic.return method. No channel available.
ch.waitForConfirm(-1): AMQPChannelException(0): Timeout must be greater than or equal to zero.
ch.waitForBasicReturn: AMQPChannelException(0): Could not start wait loop for basic.return method. No channel available.
ch.waitForBasicReturn(-1): AMQPChannelException(0): Timeout must be greater than or equal to zero.
ch.setConfirmCallback: ok null
ch.setReturnCallback: ok null
ch.getConsumers: ok []
ch.getConnection: ok true
q/x getters: ok ["pre-%x",16,"prex-%x","direct",true,true]
new AMQPChannel: ok 1
== after a broker connection.close
declare unknown type: AMQPConnectionException(503): Server connection error: 503, message: COMMAND_INVALID - unknown exchange type 'x-no-such-type'
states: ok [false,false,false]
q.declareQueue: AMQPChannelException(0): Could not declare queue. No channel available.
q.declare: AMQPChannelException(0): Could not declare queue. No channel available.
q.bind: AMQPChannelException(0): Could not bind queue. No channel available.
q.unbind: AMQPChannelException(0): Could not unbind queue. No channel available.
q.get: AMQPChannelException(0): Could not get messages from queue. No channel available.
q.consume: AMQPChannelException(0): Could not get channel. No channel available.
q.consume(JUST): AMQPChannelException(0): Could not get channel. No channel available.
q.consume(null): AMQPChannelException(0): Could not get channel. No channel available.
q.ack: AMQPChannelException(0): Could not ack message. No channel available.
q.nack: AMQPChannelException(0): Could not nack message. No channel available.
q.reject: AMQPChannelException(0): Could not reject message. No channel available.
q.recover: AMQPChannelException(0): Could not recover messages. No channel available.
q.purge: AMQPChannelException(0): Could not purge queue. No channel available.
q.cancel(tag): AMQPChannelException(0): Could not cancel queue. No channel available.
q.cancel(): AMQPChannelException(0): Could not cancel queue. No channel available.
q.delete: AMQPChannelException(0): Could not delete queue. No channel available.
new AMQPQueue: AMQPChannelException(0): Could not create queue. No channel available.
x.declareExchange: AMQPChannelException(0): Could not declare exchange. No channel available.
x.declare: AMQPChannelException(0): Could not declare exchange. No channel available.
x.bind: AMQPChannelException(0): Could not bind to exchange. No channel available.
x.unbind: AMQPChannelException(0): Could not unbind from exchange. No channel available.
x.delete: AMQPChannelException(0): Could not delete exchange. No channel available.
x.publish: AMQPChannelException(0): Could not publish to exchange. No channel available.
new AMQPExchange: AMQPChannelException(0): Could not create exchange. No channel available.
ch.isConnected: ok false
ch.close: ok null
ch.getChannelId: ok 1
ch.setPrefetchCount: AMQPConnectionException(0): Could not set prefetch count. Stale reference to the connection object.
ch.setPrefetchSize: AMQPConnectionException(0): Could not set prefetch size. Stale reference to the connection object.
ch.setGlobalPrefetchCount: AMQPConnectionException(0): Could not set global prefetch count. Stale reference to the connection object.
ch.setGlobalPrefetchSize: AMQPConnectionException(0): Could not set prefetch size. Stale reference to the connection object.
ch.qos: AMQPConnectionException(0): Could not set qos parameters. Stale reference to the connection object.
ch.prefetch getters: ok [3,0,0,0]
ch.startTransaction: AMQPChannelException(0): Could not start the transaction. No channel available.
ch.commitTransaction: AMQPChannelException(0): Could not start the transaction. No channel available.
ch.rollbackTransaction: AMQPChannelException(0): Could not rollback the transaction. No channel available.
ch.basicRecover: AMQPChannelException(0): Could not redeliver unacknowledged messages. No channel available.
ch.confirmSelect: AMQPChannelException(0): Could not enable confirms mode. No channel available.
ch.waitForConfirm: AMQPChannelException(0): Could not start wait loop for basic.return method. No channel available.
ch.waitForConfirm(-1): AMQPChannelException(0): Timeout must be greater than or equal to zero.
ch.waitForBasicReturn: AMQPChannelException(0): Could not start wait loop for basic.return method. No channel available.
ch.waitForBasicReturn(-1): AMQPChannelException(0): Timeout must be greater than or equal to zero.
ch.setConfirmCallback: ok null
ch.setReturnCallback: ok null
ch.getConsumers: ok []
ch.getConnection: ok true
q/x getters: ok ["pre-%x",16,"prex-%x","direct",true,true]
new AMQPChannel: AMQPConnectionException(0): Could not create channel. No connection available.

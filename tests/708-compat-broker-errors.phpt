--TEST--
php-amqp 2.x compat: exception class/code/text and state after each broker error example of docs/compatibility.md
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
/* php-amqp 2.x compatibility: the broker error examples of docs/compatibility.md (§3.2-3.4):
 * exception class, code and text, and isConnected() of channel and
 * connection afterwards (§5.3). */
require __DIR__ . '/_broker.inc';
function t($label, $fn, $ch = null, $c = null) {
    try { $r = $fn(); echo "$label: ok ", json_encode($r), "\n"; }
    catch (Throwable $e) { echo "$label: ", get_class($e), '(', $e->getCode(), '): ', preg_replace('/\b(errq|errx|amq\.gen)-[0-9a-zA-Z_-]+/', '$1-X', $e->getMessage()), "\n"; }
    if ($ch) echo "  channel ", json_encode($ch->isConnected()), " connection ", json_encode($c->isConnected()), "\n";
}
$c = mq_test_connection();
$fresh = function () use ($c) { if (!$c->isConnected()) $c->connect(); return new AMQPChannel($c); };
$name = mq_test_name('errq-');
$ch = $fresh(); $q = new AMQPQueue($ch); $q->setName($name); $q->setFlags(AMQP_PASSIVE);
t('passive missing queue', fn() => $q->declareQueue(), $ch, $c);
$ch = $fresh(); $q = new AMQPQueue($ch); $q->setName($name); $q->declareQueue();
$q2 = new AMQPQueue($ch); $q2->setName($name); $q2->setFlags(AMQP_AUTODELETE | AMQP_DURABLE);
t('inequivalent', fn() => $q2->declareQueue(), $ch, $c);
$ch = $fresh(); $q = new AMQPQueue($ch); $q->setName($name); $q->setFlags(AMQP_EXCLUSIVE);
t('exclusive on a shared queue', fn() => $q->declareQueue(), $ch, $c);
$ch = $fresh(); $q = new AMQPQueue($ch); $q->setName($name); $q->delete();
$q = new AMQPQueue($ch); $q->setName($name); $q->setFlags(AMQP_EXCLUSIVE); $q->declareQueue();
$c2 = mq_test_connection(); $o = new AMQPChannel($c2); $oq = new AMQPQueue($o); $oq->setName($name); $oq->setFlags(AMQP_EXCLUSIVE);
t('locked', fn() => $oq->declareQueue(), $o, $c2);
$ch = $fresh(); $m = new AMQPQueue($ch); $m->setName($name . '-none');
t('get missing', fn() => $m->get(), $ch, $c);
$ch = $fresh(); $m = new AMQPQueue($ch); $m->setName($name . '-none');
t('consume missing', fn() => $m->consume(null), $ch, $c);
$ch = $fresh(); $m = new AMQPQueue($ch); $m->setName($name . '-none');
t('purge missing', fn() => $m->purge(), $ch, $c);
$ch = $fresh(); $m = new AMQPQueue($ch); $m->setName($name . '-none');
t('bind missing', fn() => $m->bind('amq.direct', 'k'), $ch, $c);
$ch = $fresh(); $m = new AMQPQueue($ch); $m->setName($name . '-none');
t('delete missing', fn() => $m->delete(), $ch, $c);
$ch = $fresh(); $u = new AMQPQueue($ch); $u->setName($name); $u->consume(null, AMQP_NOPARAM, 'busy');
$u2 = new AMQPQueue($ch); $u2->setName($name);
t('delete in use', fn() => $u2->delete(AMQP_IFUNUSED), $ch, $c);
$ch = $fresh(); $q = new AMQPQueue($ch); $q->setName($name);
t('delete ok count', fn() => $q->delete(), $ch, $c);
$xn = mq_test_name('errx-');
$ch = $fresh(); $x = new AMQPExchange($ch); $x->setName($xn); $x->setType('direct'); $x->setFlags(AMQP_AUTODELETE); $x->declareExchange();
$x2 = new AMQPExchange($ch); $x2->setName($xn); $x2->setType('fanout'); $x2->setFlags(AMQP_AUTODELETE);
t('exchange type mismatch', fn() => $x2->declareExchange(), $ch, $c);
$ch = $fresh(); $x = new AMQPExchange($ch); $x->setName($xn . '-t'); $x->setType('x-nope');
t('unknown type', fn() => $x->declareExchange(), $ch, $c);
$ch = $fresh(); $x = new AMQPExchange($ch); $x->setName($xn . '-none'); $x->setType('direct'); $x->setFlags(AMQP_PASSIVE);
t('passive missing exchange', fn() => $x->declareExchange(), $ch, $c);
$ch = $fresh(); $x = new AMQPExchange($ch); $x->setName('amq.mine'); $x->setType('direct');
t('amq. prefix', fn() => $x->declareExchange(), $ch, $c);
$ch = $fresh(); $x = new AMQPExchange($ch);
t('delete default', fn() => $x->delete(), $ch, $c);
$ch = $fresh(); $x = new AMQPExchange($ch); $x->setName($xn . '-none');
t('x bind missing', fn() => $x->bind('amq.direct', 'k'), $ch, $c);
$ch = $fresh();
t('commit without select', fn() => $ch->commitTransaction(), $ch, $c);
$ch = $fresh();
t('basicRecover(false)', fn() => $ch->basicRecover(false), $ch, $c);
$ch = $fresh(); $ch->startTransaction();
t('confirm on tx', fn() => $ch->confirmSelect(), $ch, $c);
$ch = $fresh();
t('prefetch size', fn() => $ch->setPrefetchSize(1024), $ch, $c);
echo json_encode([$ch->getPrefetchSize(), $ch->getPrefetchCount()]), "\n";
$ch = $fresh(); $q = new AMQPQueue($ch); $q->setFlags(AMQP_EXCLUSIVE); $q->declareQueue(); (new AMQPExchange($ch))->publish('x', $q->getName()); usleep(100000);
$e = $q->get(); $q->ack($e->getDeliveryTag()); $q->ack($e->getDeliveryTag());
t('double ack', fn() => $q->get(), $ch, $c);
$ch = $fresh(); $ch->confirmSelect(); $x = new AMQPExchange($ch); $x->setName($xn . '-none'); $x->publish('m');
t('confirm missing exchange', fn() => $ch->waitForConfirm(2), $ch, $c);
$ch = $fresh(); $x = new AMQPExchange($ch); $x->setName($xn . '-none'); $x->publish('m');
t('return missing exchange', fn() => $ch->waitForBasicReturn(2), $ch, $c);
$ch = $fresh(); $q = new AMQPQueue($ch);
t('q.recover(false)', fn() => $q->recover(false), $ch, $c);
$ch = $fresh(); $x = new AMQPExchange($ch); $x->publish('m', 'k', AMQP_NOPARAM, ['user_id' => 'someone-else']);
t('user_id mismatch', fn() => $ch->startTransaction(), $ch, $c);
$ch = $fresh(); $x = new AMQPExchange($ch); $x->publish('m', 'k', AMQP_IMMEDIATE);
t('immediate', fn() => $ch->startTransaction(), $ch, $c);
--EXPECTF--
passive missing queue: AMQPQueueException(404): Server channel error: 404, message: NOT_FOUND - no queue 'errq-X' in vhost '/'
  channel false connection true
inequivalent: AMQPQueueException(406): Server channel error: 406, message: PRECONDITION_FAILED - inequivalent arg 'durable' for queue 'errq-X' in vhost '/': received 'true' but current is 'false'
  channel false connection true
exclusive on a shared queue: AMQPQueueException(405): Server channel error: 405, message: RESOURCE_LOCKED - cannot obtain exclusive access to locked queue 'errq-X' in vhost '/'%s
  channel false connection true
locked: AMQPQueueException(405): Server channel error: 405, message: RESOURCE_LOCKED - cannot obtain exclusive access to locked queue 'errq-X' in vhost '/'%s
  channel false connection true
get missing: AMQPQueueException(404): Server channel error: 404, message: NOT_FOUND - no queue 'errq-X' in vhost '/'
  channel false connection true
consume missing: AMQPQueueException(404): Server channel error: 404, message: NOT_FOUND - no queue 'errq-X' in vhost '/'
  channel false connection true
purge missing: AMQPQueueException(404): Server channel error: 404, message: NOT_FOUND - no queue 'errq-X' in vhost '/'
  channel false connection true
bind missing: AMQPQueueException(404): Server channel error: 404, message: NOT_FOUND - no queue 'errq-X' in vhost '/'
  channel false connection true
delete missing: ok 0
  channel true connection true
delete in use: AMQPQueueException(406): Server channel error: 406, message: PRECONDITION_FAILED - queue 'errq-X' in vhost '/' in use
  channel false connection true
delete ok count: ok 0
  channel true connection true
exchange type mismatch: AMQPExchangeException(406): Server channel error: 406, message: PRECONDITION_FAILED - inequivalent arg 'type' for exchange 'errx-X' in vhost '/': received 'fanout' but current is 'direct'
  channel false connection true
unknown type: AMQPConnectionException(503): Server connection error: 503, message: COMMAND_INVALID - unknown exchange type 'x-nope'
  channel false connection false
passive missing exchange: AMQPExchangeException(404): Server channel error: 404, message: NOT_FOUND - no exchange 'errx-X' in vhost '/'
  channel false connection true
amq. prefix: AMQPExchangeException(403): Server channel error: 403, message: ACCESS_REFUSED - exchange name 'amq.mine' contains reserved prefix 'amq.*'
  channel false connection true
delete default: AMQPExchangeException(403): Server channel error: 403, message: ACCESS_REFUSED - operation not permitted on the default exchange
  channel false connection true
x bind missing: AMQPExchangeException(404): Server channel error: 404, message: NOT_FOUND - no exchange 'errx-X' in vhost '/'
  channel false connection true
commit without select: AMQPChannelException(406): Server channel error: 406, message: PRECONDITION_FAILED - channel is not transactional
  channel false connection true
basicRecover(false): AMQPConnectionException(540): Server connection error: 540, message: NOT_IMPLEMENTED - requeue=false
  channel false connection false
confirm on tx: AMQPChannelException(406): Server channel error: 406, message: PRECONDITION_FAILED - cannot switch from tx to confirm mode
  channel false connection true
prefetch size: AMQPConnectionException(540): Server connection error: 540, message: NOT_IMPLEMENTED - prefetch_size!=0 (1024)
  channel false connection false
[0,3]
double ack: AMQPQueueException(406): Server channel error: 406, message: PRECONDITION_FAILED - unknown delivery tag 1
  channel false connection true
confirm missing exchange: AMQPChannelException(404): Server channel error: 404, message: NOT_FOUND - no exchange 'errx-X' in vhost '/'
  channel false connection true
return missing exchange: AMQPQueueException(404): Server channel error: 404, message: NOT_FOUND - no exchange 'errx-X' in vhost '/'
  channel false connection true
q.recover(false): AMQPConnectionException(540): Server connection error: 540, message: NOT_IMPLEMENTED - requeue=false
  channel false connection false
user_id mismatch: AMQPChannelException(406): Server channel error: 406, message: PRECONDITION_FAILED - user_id property set to 'someone-else' but authenticated user was 'guest'
  channel false connection true
immediate: AMQPConnectionException(540): Server connection error: 540, message: NOT_IMPLEMENTED - immediate=true
  channel false connection false

--TEST--
AMQPExchange: constructor, declare (checks in order, 406/503/404/403), flags and arguments on the wire
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';
function ex(Throwable $e) { echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n"; }

$conn = mq_test_connection();
$ch = new AMQPChannel($conn);
$x = new AMQPExchange($ch);
var_dump($x->getChannel() === $ch, $x->getConnection() === $conn);

echo "-- closed channel\n";
$closed = new AMQPChannel($conn);
$closed->close();
try { new AMQPExchange($closed); } catch (AMQPException $e) { ex($e); }

echo "-- checks in order: channel, name, type\n";
try { $x->declareExchange(); } catch (AMQPException $e) { ex($e); }
$x->setType(AMQP_EX_TYPE_FANOUT);
try { $x->declare(); } catch (AMQPException $e) { ex($e); }
$x->setType(null);
$name = mq_test_name('mq-dx-');
$x->setName($name);
try { $x->declare(); } catch (AMQPException $e) { ex($e); }
$x->setType(AMQP_EX_TYPE_FANOUT);
var_dump($x->declareExchange(), $x->declare());

echo "-- passive on an existing and on a missing exchange\n";
$p = new AMQPExchange($ch);
$p->setName($name);
$p->setType(AMQP_EX_TYPE_FANOUT);
$p->setFlags(AMQP_PASSIVE);
$p->declareExchange();
$p->setName(mq_test_name('mq-nox-'));
try { $p->declareExchange(); } catch (AMQPExchangeException $e) { ex($e); }
var_dump($ch->isConnected(), $conn->isConnected());
try { $p->declareExchange(); } catch (AMQPException $e) { ex($e); }

echo "-- redeclare with another type: 406, channel closed\n";
$ch = new AMQPChannel($conn);
$y = new AMQPExchange($ch);
$y->setName($name);
$y->setType(AMQP_EX_TYPE_TOPIC);
try { $y->declareExchange(); } catch (AMQPExchangeException $e) { ex($e); }
var_dump($ch->isConnected(), $conn->isConnected());

echo "-- reserved amq. prefix: 403\n";
$ch = new AMQPChannel($conn);
$r = new AMQPExchange($ch);
$r->setName('amq.' . $name);
$r->setType(AMQP_EX_TYPE_DIRECT);
try { $r->declareExchange(); } catch (AMQPExchangeException $e) { ex($e); }
var_dump($ch->isConnected(), $conn->isConnected());

echo "-- flags and arguments reach the broker\n";
$ch = new AMQPChannel($conn);
$d = new AMQPExchange($ch);
$dname = mq_test_name('mq-dfl-');
$d->setName($dname);
$d->setType(AMQP_EX_TYPE_TOPIC);
$d->setFlags(AMQP_DURABLE | AMQP_INTERNAL);
$d->declareExchange();
$same = new AMQPExchange($ch);
$same->setName($dname);
$same->setType(AMQP_EX_TYPE_TOPIC);
$same->setFlags(AMQP_INTERNAL);
try { $same->declareExchange(); } catch (AMQPExchangeException $e) { ex($e); }
$ch = new AMQPChannel($conn);
$d = new AMQPExchange($ch);
$d->setName($dname);
$d->publish('to an internal exchange');
$probe = new AMQPQueue($ch);
try { $probe->declareQueue(mq_test_name('mq-probe-')); } catch (AMQPQueueException $e) { ex($e); }
$ch = new AMQPChannel($conn);
$q = new AMQPQueue($ch);
$q->setFlags(AMQP_EXCLUSIVE);
$q->declareQueue(mq_test_name('mq-ae-'));
$q->bind($name);                                  // the fanout exchange
$a = new AMQPExchange($ch);
$a->setName(mq_test_name('mq-withae-'));
$a->setType(AMQP_EX_TYPE_DIRECT);
$a->setFlags(AMQP_AUTODELETE);
$a->setArgument('alternate-exchange', $name);
$a->declareExchange();
$a->publish('via the alternate exchange', 'unroutable');
var_dump($q->get(AMQP_AUTOACK)->getBody());
$q->bind($a->getName(), 'k');
$q->unbind($a->getName(), 'k');                   // last binding gone: auto-deleted
$gone = new AMQPExchange(new AMQPChannel($conn));
$gone->setName($a->getName());
$gone->setFlags(AMQP_PASSIVE);
$gone->setType(AMQP_EX_TYPE_DIRECT);
try { $gone->declareExchange(); } catch (AMQPExchangeException $e) { echo get_class($e), '(', $e->getCode(), ")\n"; }

echo "-- unknown type: 503, connection closed\n";
$u = new AMQPExchange($ch);
$u->setName(mq_test_name('mq-ux-'));
$u->setType('no-such-type');
try { $u->declareExchange(); } catch (AMQPException $e) { ex($e); }
var_dump($ch->isConnected(), $conn->isConnected());

$conn = mq_test_connection();
$cleanup = new AMQPExchange(new AMQPChannel($conn));
$cleanup->delete($dname);
$cleanup->delete($name);
?>
--EXPECTF--
bool(true)
bool(true)
-- closed channel
AMQPChannelException(0): Could not create exchange. No channel available.
-- checks in order: channel, name, type
AMQPExchangeException(0): Could not declare exchange. Exchanges must have a name.
AMQPExchangeException(0): Could not declare exchange. Exchanges must have a name.
AMQPExchangeException(0): Could not declare exchange. Exchanges must have a type.
NULL
NULL
-- passive on an existing and on a missing exchange
AMQPExchangeException(404): Server channel error: 404, message: NOT_FOUND - no exchange 'mq-nox-%s' in vhost '/'
bool(false)
bool(true)
AMQPChannelException(0): Could not declare exchange. No channel available.
-- redeclare with another type: 406, channel closed
AMQPExchangeException(406): Server channel error: 406, message: PRECONDITION_FAILED - inequivalent arg 'type' for exchange 'mq-dx-%s' in vhost '/': received 'topic' but current is 'fanout'
bool(false)
bool(true)
-- reserved amq. prefix: 403
AMQPExchangeException(403): Server channel error: 403, message: ACCESS_REFUSED - exchange name 'amq.mq-dx-%s' contains reserved prefix 'amq.*'
bool(false)
bool(true)
-- flags and arguments reach the broker
AMQPExchangeException(406): Server channel error: 406, message: PRECONDITION_FAILED - inequivalent arg 'durable' for exchange 'mq-dfl-%s' in vhost '/': received 'false' but current is 'true'
AMQPQueueException(403): Server channel error: 403, message: ACCESS_REFUSED - cannot publish to internal exchange 'mq-dfl-%s' in vhost '/'
string(26) "via the alternate exchange"
AMQPExchangeException(404)
-- unknown type: 503, connection closed
AMQPConnectionException(503): Server connection error: 503, message: COMMAND_INVALID - unknown exchange type 'no-such-type'
bool(false)
bool(false)

--TEST--
AMQPExchange::publish(): AMQP_MANDATORY returns, missing exchange (async 404), default exchange, closed channel, IMMEDIATE 540
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

echo "-- mandatory to an unroutable key: basic.return to the channel's callback\n";
$xname = mq_test_name('mq-mx-');
$x = new AMQPExchange($ch);
$x->setName($xname);
$x->setType(AMQP_EX_TYPE_DIRECT);
$x->declareExchange();
$ch->setReturnCallback(function (int $code, string $text, string $exchange, string $rk, AMQPBasicProperties $p, string $body) use ($xname) {
    var_dump($code, $text, $exchange === $xname, $rk, $p->getContentType(), $p->getMessageId(), $body);
    return false;
});
$x->publish("ret\0urned", 'no.route', AMQP_MANDATORY, ['message_id' => 'm-1', 'content_type' => 'x/y']);
$ch->waitForBasicReturn(5);
$x->publish('dropped', 'no.route');       // not mandatory: silently dropped
try { $ch->waitForBasicReturn(0.3); } catch (AMQPQueueException $e) { ex($e); }

echo "-- the default exchange (name '' or null) routes by queue name\n";
$q = new AMQPQueue($ch);
$q->setFlags(AMQP_EXCLUSIVE);
$q->declareQueue();
$d = new AMQPExchange($ch);
$d->setName('');
$d->setType(AMQP_EX_TYPE_DIRECT);
$d->publish('via default', $q->getName());
$d->setName(null);
$d->publish('via null', $q->getName(), null, []);
var_dump($d->getName(), $q->get(AMQP_AUTOACK)->getBody(), $q->get(AMQP_AUTOACK)->getBody());

echo "-- a missing exchange: publish succeeds, the next synchronous call gets 404\n";
$m = new AMQPExchange($ch);
$m->setName(mq_test_name('mq-nopub-'));
$m->publish('lost', 'rk');
try { $q->declareQueue(); } catch (AMQPQueueException $e) { ex($e); }
var_dump($ch->isConnected(), $conn->isConnected());

echo "-- closed channel\n";
try { $m->publish('x'); } catch (AMQPException $e) { ex($e); }

echo "-- AMQP_IMMEDIATE: RabbitMQ closes the connection\n";
$ch = new AMQPChannel($conn);
$i = new AMQPExchange($ch);
$i->publish('x', 'rk', AMQP_IMMEDIATE);
$probe = new AMQPQueue($ch);
try { $probe->declareQueue(); } catch (AMQPException $e) { ex($e); }
var_dump($conn->isConnected(), $ch->isConnected());
try { $i->publish('x'); } catch (AMQPException $e) { ex($e); }

$conn = mq_test_connection();
(new AMQPExchange(new AMQPChannel($conn)))->delete($xname);
?>
--EXPECTF--
-- mandatory to an unroutable key: basic.return to the channel's callback
int(312)
string(8) "NO_ROUTE"
bool(true)
string(8) "no.route"
string(3) "x/y"
string(3) "m-1"
string(9) "ret%0urned"
AMQPQueueException(0): Wait timeout exceed
-- the default exchange (name '' or null) routes by queue name
NULL
string(11) "via default"
string(8) "via null"
-- a missing exchange: publish succeeds, the next synchronous call gets 404
AMQPQueueException(404): Server channel error: 404, message: NOT_FOUND - no exchange 'mq-nopub-%s' in vhost '/'
bool(false)
bool(true)
-- closed channel
AMQPChannelException(0): Could not publish to exchange. No channel available.
-- AMQP_IMMEDIATE: RabbitMQ closes the connection
AMQPConnectionException(540): Server connection error: 540, message: NOT_IMPLEMENTED - immediate=true
bool(false)
bool(false)
AMQPChannelException(0): Could not publish to exchange. No channel available.

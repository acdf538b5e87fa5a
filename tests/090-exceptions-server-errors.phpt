--TEST--
exceptions: broker channel.close / connection.close become the method's class or AMQPConnectionException with the reply code (§5.1/§5.2)
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/_broker.inc';

function attempt(string $label, callable $f) {
    try {
        $f();
        echo "$label: no exception\n";
    } catch (AMQPException $e) {
        echo "$label: ", get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n";
    }
}

$c = mq_test_connection();
$ch = new AMQPChannel($c);
$missing = mq_test_name('mq-missing-');

$q = new AMQPQueue($ch);
$q->setName($missing);
attempt('get() on a missing queue', fn() => $q->get());
var_dump($ch->isConnected(), $c->isConnected());

$ch = new AMQPChannel($c);
$x = new AMQPExchange($ch);
$x->setName($missing);
$x->setType(AMQP_EX_TYPE_DIRECT);
$x->setFlags(AMQP_PASSIVE);
attempt('passive declare of a missing exchange', fn() => $x->declareExchange());
var_dump($ch->isConnected(), $c->isConnected());

$ch = new AMQPChannel($c);
attempt('commit without select', fn() => $ch->commitTransaction());

$ch = new AMQPChannel($c);
$x = new AMQPExchange($ch);
$x->setName(mq_test_name('mq-x-'));
$x->setType('no-such-type');
attempt('unknown exchange type', fn() => $x->declareExchange());
var_dump($ch->isConnected(), $c->isConnected());

$bad = new AMQPConnection(mq_test_credentials(['password' => 'wrong password']));
attempt('wrong password', fn() => $bad->connect());
var_dump($bad->isConnected());

$bad = new AMQPConnection(mq_test_credentials(['vhost' => 'no-such-vhost']));
attempt('missing vhost', fn() => $bad->connect());

// a transport failure: AMQPConnectionException with code 0
$bad = new AMQPConnection(mq_test_credentials(['port' => 1]));
attempt('connection refused', fn() => $bad->connect());
?>
--EXPECTF--
get() on a missing queue: AMQPQueueException(404): Server channel error: 404, message: NOT_FOUND - no queue 'mq-missing-%x' in vhost '/'
bool(false)
bool(true)
passive declare of a missing exchange: AMQPExchangeException(404): Server channel error: 404, message: NOT_FOUND - no exchange 'mq-missing-%x' in vhost '/'
bool(false)
bool(true)
commit without select: AMQPChannelException(406): Server channel error: 406, message: PRECONDITION_FAILED - channel is not transactional
unknown exchange type: AMQPConnectionException(503): Server connection error: 503, message: COMMAND_INVALID - unknown exchange type 'no-such-type'
bool(false)
bool(false)
wrong password: AMQPConnectionException(403): Server connection error: 403, message: ACCESS_REFUSED - Login was refused using authentication mechanism PLAIN. For details see the broker logfile.
bool(false)
missing vhost: AMQPConnectionException(530): Server connection error: 530, message: NOT_ALLOWED - vhost no-such-vhost not found
connection refused: AMQPConnectionException(0): Socket error: could not connect to host, a socket error occurred

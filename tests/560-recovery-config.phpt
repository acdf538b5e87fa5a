--TEST--
Recovery (mq extension): off by default; the credentials keys are validated; setRecoveryCallback() needs it on; var_dump() shows none of it
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';
function ex(Throwable $e) { echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n"; }

$off = new AMQPConnection(mq_test_credentials());
var_dump($off->isRecoveryEnabled());
try { $off->setRecoveryCallback(fn() => null); } catch (AMQPConnectionException $e) { ex($e); }

foreach ([true, 1, 'yes'] as $v) {
    $on = new AMQPConnection(mq_test_credentials(['recovery' => $v]));
    var_dump($on->isRecoveryEnabled());
}
foreach ([false, 0, null, ''] as $v) {
    $c = new AMQPConnection(mq_test_credentials(['recovery' => $v]));
    var_dump($c->isRecoveryEnabled());
}
foreach (['recovery_interval', 'recovery_max_interval', 'recovery_timeout'] as $key) {
    try {
        new AMQPConnection(mq_test_credentials(['recovery' => true, $key => -1]));
        echo "$key -1 accepted\n";
    } catch (AMQPConnectionException $e) { ex($e); }
    $c = new AMQPConnection(mq_test_credentials(['recovery' => true, $key => 0]));
    var_dump($c->isRecoveryEnabled());
}

// the callback is set, replaced and removed; var_dump is the peer's
$on = new AMQPConnection(mq_test_credentials(['recovery' => true]));
$on->setRecoveryCallback(function (string $event, array $info) {});
$on->setRecoveryCallback(null);
$plain = new AMQPConnection(mq_test_credentials());
$props = fn($o) => array_map(fn($p) => $p->getName(), (new ReflectionObject($o))->getProperties());
var_dump($props($on) === $props($plain));
var_dump(strpos(print_r($on, true), 'recovery') === false);

// a wrong callable type is the engine's TypeError
try { $on->setRecoveryCallback('no_such_function'); } catch (TypeError $e) { echo get_class($e), "\n"; }

// connecting with recovery on is an ordinary connection
$on->connect();
$ch = new AMQPChannel($on);
$q = new AMQPQueue($ch);
$q->setFlags(AMQP_EXCLUSIVE);
$q->declareQueue();
var_dump($on->isConnected(), $on->isRecoveryEnabled());
$on->disconnect();
?>
--EXPECT--
bool(false)
AMQPConnectionException(0): Recovery is not enabled for this connection (credentials key 'recovery').
bool(true)
bool(true)
bool(true)
bool(false)
bool(false)
bool(false)
bool(false)
AMQPConnectionException(0): Parameter 'recovery_interval' must be greater than or equal to zero.
bool(true)
AMQPConnectionException(0): Parameter 'recovery_max_interval' must be greater than or equal to zero.
bool(true)
AMQPConnectionException(0): Parameter 'recovery_timeout' must be greater than or equal to zero.
bool(true)
bool(true)
bool(true)
TypeError
bool(true)
bool(true)

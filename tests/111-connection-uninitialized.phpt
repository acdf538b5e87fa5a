--TEST--
AMQPConnection/AMQPChannel objects whose constructor never ran: engine Errors for the getters, no crash, no connection
--EXTENSIONS--
amqp
--FILE--
<?php
$c = (new ReflectionClass('AMQPConnection'))->newInstanceWithoutConstructor();
foreach (['getLogin', 'getPassword', 'getHost', 'getPort', 'getReadTimeout', 'getMaxChannels', 'connect', 'pconnect'] as $m) {
    try {
        var_dump($c->$m());
    } catch (Error $e) {
        echo $m, ': ', get_class($e), ': ', $e->getMessage(), "\n";
    }
}
var_dump($c->getVerify(), $c->getSaslMethod(), $c->getCACert(), $c->isConnected(), $c->isPersistent());
$c->setHost('h');
var_dump($c->getHost());
$c->disconnect();

class SubConnection extends AMQPConnection { public function __construct() {} }
$s = new SubConnection();
try {
    $s->getLogin();
} catch (Error $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}

$ch = (new ReflectionClass('AMQPChannel'))->newInstanceWithoutConstructor();
var_dump($ch->isConnected(), $ch->getChannelId(), $ch->getPrefetchCount(), $ch->getConsumers());
try {
    $ch->getConnection();
} catch (Error $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
foreach (['close', 'startTransaction', 'confirmSelect', 'basicRecover', 'waitForConfirm', 'waitForBasicReturn'] as $m) {
    try {
        $ch->$m();
        echo $m, ": ok\n";
    } catch (AMQPException $e) {
        echo $m, ': ', get_class($e), ': ', $e->getMessage(), "\n";
    }
}
try {
    $ch->setPrefetchCount(1);
} catch (AMQPException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
try {
    $ch->qos(0, 1);
} catch (AMQPException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
$ch->setConfirmCallback(fn() => true);
$ch->setReturnCallback(null);
echo "done\n";
?>
--EXPECT--
getLogin: Error: Typed property AMQPConnection::$login must not be accessed before initialization
getPassword: Error: Typed property AMQPConnection::$password must not be accessed before initialization
getHost: Error: Typed property AMQPConnection::$host must not be accessed before initialization
getPort: Error: Typed property AMQPConnection::$port must not be accessed before initialization
getReadTimeout: Error: Typed property AMQPConnection::$readTimeout must not be accessed before initialization
getMaxChannels: Error: Typed property AMQPConnection::$channelMax must not be accessed before initialization
connect: Error: Typed property AMQPConnection::$login must not be accessed before initialization
pconnect: Error: Typed property AMQPConnection::$login must not be accessed before initialization
bool(true)
int(0)
NULL
bool(false)
bool(false)
string(1) "h"
Error: Typed property AMQPConnection::$login must not be accessed before initialization
bool(false)
int(0)
int(0)
array(0) {
}
Error: Typed property AMQPChannel::$connection must not be accessed before initialization
close: ok
startTransaction: AMQPChannelException: Could not start the transaction. Stale reference to the channel object.
confirmSelect: AMQPChannelException: Could not enable confirms mode. Stale reference to the channel object.
basicRecover: AMQPChannelException: Could not redeliver unacknowledged messages. Stale reference to the channel object.
waitForConfirm: AMQPChannelException: Could not start wait loop for basic.return method. Stale reference to the channel object.
waitForBasicReturn: AMQPChannelException: Could not start wait loop for basic.return method. Stale reference to the channel object.
AMQPChannelException: Could not set prefetch count. Stale reference to the channel object.
AMQPChannelException: Could not set qos parameters. Stale reference to the channel object.
done

--TEST--
AMQPConnection::connect()/disconnect()/reconnect() against the broker: state, negotiated limits, no-ops, channels closed by disconnect and not revived by reconnect
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';
$c = new AMQPConnection(mq_test_credentials(['channel_max' => 20, 'frame_max' => 65536]));
var_dump($c->isConnected());
$c->connect();
var_dump($c->isConnected(), $c->isPersistent());
var_dump($c->getMaxChannels(), $c->getMaxFrameSize(), $c->getHeartbeatInterval(), $c->getUsedChannels());
$c->connect(); // no-op
var_dump($c->isConnected());

$ch = new AMQPChannel($c);
var_dump($ch->isConnected(), $c->getUsedChannels());
$c->disconnect();
var_dump($c->isConnected(), $ch->isConnected(), $ch->getChannelId());
$c->disconnect(); // no-op
$c->reconnect();
var_dump($c->isConnected(), $ch->isConnected(), $c->getUsedChannels());
$ch2 = new AMQPChannel($c);
var_dump($ch2->getChannelId(), $ch2->isConnected(), $ch->isConnected());
$c->reconnect(); // connected: close, then connect
var_dump($c->isConnected(), $ch2->isConnected());
try {
    $ch2->startTransaction();
} catch (AMQPChannelException $e) {
    echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n";
}
try {
    $ch2->setPrefetchCount(5);
} catch (AMQPConnectionException $e) {
    echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n";
}

echo "-- negotiated vs configured\n";
$d = new AMQPConnection(mq_test_credentials());
var_dump($d->getMaxChannels(), $d->getMaxFrameSize());
$d->connect();
var_dump($d->getMaxChannels(), $d->getMaxFrameSize(), $d->getHeartbeatInterval());
$d->disconnect();
var_dump($d->getMaxChannels());

echo "-- setters on a live connection only change the configuration\n";
$c->setHost('nowhere.invalid');
$c->setPort(1);
var_dump($c->isConnected());
(new AMQPChannel($c))->close();
echo "ok\n";
?>
--EXPECT--
bool(false)
bool(true)
bool(false)
int(20)
int(65536)
int(0)
int(0)
bool(true)
bool(true)
int(1)
bool(false)
bool(false)
int(1)
bool(true)
bool(false)
int(0)
int(1)
bool(true)
bool(false)
bool(true)
bool(false)
AMQPChannelException(0): Could not start the transaction. No channel available.
AMQPConnectionException(0): Could not set prefetch count. Stale reference to the connection object.
-- negotiated vs configured
int(256)
int(131072)
int(256)
int(131072)
int(0)
int(256)
-- setters on a live connection only change the configuration
bool(true)
ok

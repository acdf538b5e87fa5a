--TEST--
AMQPConnection while not connected: state getters, getUsedChannels() warning, configured limits, disconnect/pdisconnect are no-ops, channel creation refused
--EXTENSIONS--
amqp
--FILE--
<?php
$c = new AMQPConnection(['channel_max' => 10, 'frame_max' => 4096, 'heartbeat' => 70000]);
var_dump($c->isConnected(), $c->isPersistent());
var_dump($c->getUsedChannels());
var_dump($c->getMaxChannels(), $c->getMaxFrameSize(), $c->getHeartbeatInterval());
$c->disconnect();
$c->pdisconnect();
var_dump($c->isConnected());
try {
    new AMQPChannel($c);
} catch (AMQPConnectionException $e) {
    echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n";
}
?>
--EXPECTF--
bool(false)
bool(false)

Warning: AMQPConnection::getUsedChannels(): Connection is not connected. in %s on line %d
int(0)
int(10)
int(4096)
int(70000)
bool(false)
AMQPConnectionException(0): Could not create channel. No connection available.

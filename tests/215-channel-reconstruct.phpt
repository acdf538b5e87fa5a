--TEST--
AMQPChannel/AMQPConnection constructors called again on live objects, subclasses: the old channel id is released, the connection keeps running with the new configuration stored
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';
class MyConnection extends AMQPConnection {
    public $extra = 'x';
}
class MyChannel extends AMQPChannel {
    public function __construct(AMQPConnection $c, public string $label = 'mine') {
        parent::__construct($c);
    }
}
$c = new MyConnection(mq_test_credentials());
$c->connect();
$ch = new MyChannel($c);
var_dump($ch->getChannelId(), $ch->label, $ch->isConnected(), $ch->getConnection() === $c);

echo "-- the channel constructor again: a new channel, the old id released\n";
$ch->__construct($c);
// the old id is closed without waiting: the new one is 1 or 2
var_dump(in_array($ch->getChannelId(), [1, 2], true), $ch->isConnected());
usleep(200000);
var_dump($c->getUsedChannels());
$other = new AMQPChannel($c);
var_dump(in_array($other->getChannelId(), [1, 2], true), $other->getChannelId() !== $ch->getChannelId());

echo "-- the connection constructor again: configuration replaced, connection untouched\n";
$c->__construct(mq_test_credentials(['login' => 'someone-else', 'password' => 'new-password', 'heartbeat' => 5]));
var_dump($c->isConnected(), $c->getLogin(), $c->getPassword(), $c->getHeartbeatInterval());
var_dump($ch->isConnected());
$ch->startTransaction();
echo "-- reconnect uses it\n";
try {
    $c->reconnect();
} catch (AMQPConnectionException $e) {
    echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n";
}
var_dump($c->isConnected(), $ch->isConnected());
?>
--EXPECT--
int(1)
string(4) "mine"
bool(true)
bool(true)
-- the channel constructor again: a new channel, the old id released
bool(true)
bool(true)
int(1)
bool(true)
bool(true)
-- the connection constructor again: configuration replaced, connection untouched
bool(true)
string(12) "someone-else"
string(12) "new-password"
int(0)
bool(true)
-- reconnect uses it
AMQPConnectionException(403): Server connection error: 403, message: ACCESS_REFUSED - Login was refused using authentication mechanism PLAIN. For details see the broker logfile.
bool(false)
bool(false)

--TEST--
AMQPConnection heartbeats: negotiation (0 stays off, smaller server value wins), a heartbeat-only wait of 3 intervals keeps the connection, idling outside the extension loses it (detected at the next call)
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';
foreach ([0, 2, 120] as $hb) {
    $c = mq_test_connection(['heartbeat' => $hb]);
    echo $hb, ' => ', $c->getHeartbeatInterval(), "\n";
    $c->disconnect();
    echo 'disconnected: ', $c->getHeartbeatInterval(), "\n";
}

echo "-- waiting 3.5 intervals inside waitForConfirm()\n";
$c = mq_test_connection(['heartbeat' => 1]);
$ch = new AMQPChannel($c);
$ch->confirmSelect();
$t = microtime(true);
try {
    $ch->waitForConfirm(3.5);
} catch (AMQPQueueException $e) {
    echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n";
}
var_dump(microtime(true) - $t >= 3.4);
var_dump($c->isConnected(), $ch->isConnected());
$ch2 = new AMQPChannel($c);
var_dump($ch2->getChannelId(), $ch2->isConnected());

echo "-- idle outside the extension for 4 intervals\n";
sleep(4);
var_dump($c->isConnected()); // never probes
try {
    new AMQPChannel($c);
} catch (AMQPConnectionException $e) {
    echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n";
}
var_dump($c->isConnected(), $ch->isConnected(), $ch2->isConnected());
$c->reconnect();
var_dump($c->isConnected(), (new AMQPChannel($c))->getChannelId());
?>
--EXPECT--
0 => 0
disconnected: 0
2 => 2
disconnected: 2
120 => 60
disconnected: 120
-- waiting 3.5 intervals inside waitForConfirm()
AMQPQueueException(0): Wait timeout exceed
bool(true)
bool(true)
bool(true)
int(2)
bool(true)
-- idle outside the extension for 4 intervals
bool(true)
AMQPConnectionException(0): connection closed unexpectedly
bool(false)
bool(false)
bool(false)
bool(true)
int(1)

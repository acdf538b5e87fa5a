--TEST--
AMQPChannel::qos(): range validation (§7.14), values stored before the wire call, partner values kept, global values re-sent, closed channel
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';
require __DIR__ . '/_channel.inc';
$name = mq_test_name('mq-qos-');
$c = mq_test_connection(['connection_name' => $name]);
$ch = new AMQPChannel($c);
function state(AMQPChannel $ch, string $name) {
    $b = mq_test_channel_info($name, $ch->getChannelId(), ['prefetch_count', 'global_prefetch_count']);
    printf("stored %d/%d global %d/%d; broker %s/%s\n", $ch->getPrefetchCount(), $ch->getPrefetchSize(),
        $ch->getGlobalPrefetchCount(), $ch->getGlobalPrefetchSize(),
        $b['prefetch_count'] ?? '-', $b['global_prefetch_count'] ?? '-');
}
function attempt(callable $f) {
    try {
        $f();
        echo "ok\n";
    } catch (AMQPException $e) {
        echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n";
    }
}
attempt(fn() => $ch->qos(0, 20));
state($ch, $name);
attempt(fn() => $ch->qos(0, 4, true));
state($ch, $name);
attempt(fn() => $ch->qos(0, 9));
state($ch, $name);
// RabbitMQ: a per-consumer basic.qos lifts the channel limit, and the
// global values (now 0) are not re-sent
attempt(fn() => $ch->qos(0, 0, true));
state($ch, $name);

echo "-- validation, nothing stored\n";
attempt(fn() => $ch->qos(-1, 0));
attempt(fn() => $ch->qos(4294967296, 0));
attempt(fn() => $ch->qos(0, -1));
attempt(fn() => $ch->qos(0, 65536));
attempt(fn() => $ch->qos(-1, 0, true));
attempt(fn() => $ch->qos(0, 65536, true));
attempt(fn() => $ch->qos(4294967296, 70000));
state($ch, $name);
try {
    $ch->qos('a', 1);
} catch (TypeError $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}

echo "-- stored before the wire: the refused size stays\n";
attempt(fn() => $ch->qos(1024, 5));
var_dump($ch->getPrefetchSize(), $ch->getPrefetchCount(), $ch->isConnected(), $c->isConnected());
attempt(fn() => $ch->qos(0, 1));
var_dump($ch->getPrefetchCount());
?>
--EXPECT--
ok
stored 20/0 global 0/0; broker 20/0
ok
stored 20/0 global 4/0; broker 20/4
ok
stored 9/0 global 4/0; broker 9/4
ok
stored 9/0 global 0/0; broker 9/0
-- validation, nothing stored
AMQPConnectionException(0): Parameter 'prefetchSize' must be between 0 and 4294967295.
AMQPConnectionException(0): Parameter 'prefetchSize' must be between 0 and 4294967295.
AMQPConnectionException(0): Parameter 'prefetchCount' must be between 0 and 65535.
AMQPConnectionException(0): Parameter 'prefetchCount' must be between 0 and 65535.
AMQPConnectionException(0): Parameter 'globalPrefetchSize' must be between 0 and 4294967295.
AMQPConnectionException(0): Parameter 'globalPrefetchCount' must be between 0 and 65535.
AMQPConnectionException(0): Parameter 'prefetchSize' must be between 0 and 4294967295.
stored 9/0 global 0/0; broker 9/0
TypeError: AMQPChannel::qos(): Argument #1 ($size) must be of type int, string given
-- stored before the wire: the refused size stays
AMQPConnectionException(540): Server connection error: 540, message: NOT_IMPLEMENTED - prefetch_size!=0 (1024)
int(1024)
int(5)
bool(false)
bool(false)
AMQPConnectionException(0): Could not set qos parameters. Stale reference to the connection object.
int(5)

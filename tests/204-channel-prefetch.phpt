--TEST--
AMQPChannel prefetch setters/getters: validation (AMQPConnectionException), wire effect seen by the broker, global values re-sent by the per-consumer setters, values stored only when the broker accepted them
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';
require __DIR__ . '/_channel.inc';
$name = mq_test_name('mq-prefetch-');
$c = mq_test_connection(['connection_name' => $name]);
$ch = new AMQPChannel($c);
$id = $ch->getChannelId();
function state(AMQPChannel $ch, string $name, int $id) {
    $b = mq_test_channel_info($name, $id, ['prefetch_count', 'global_prefetch_count']);
    printf("stored %d/%d global %d/%d; broker prefetch_count %s global_prefetch_count %s\n",
        $ch->getPrefetchCount(), $ch->getPrefetchSize(), $ch->getGlobalPrefetchCount(),
        $ch->getGlobalPrefetchSize(), $b['prefetch_count'], $b['global_prefetch_count']);
}
function attempt(callable $f) {
    try {
        $f();
    } catch (AMQPException $e) {
        echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n";
    }
}
state($ch, $name, $id);
$ch->setPrefetchCount(10);
state($ch, $name, $id);
$ch->setGlobalPrefetchCount(5);
state($ch, $name, $id);
$ch->setPrefetchCount(7); // re-sends the global count
state($ch, $name, $id);
$ch->setPrefetchSize(0);
state($ch, $name, $id);
$ch->setGlobalPrefetchSize(0);
state($ch, $name, $id);
$ch->setPrefetchCount(65535);
$ch->setGlobalPrefetchCount(65535);
state($ch, $name, $id);

echo "-- validation\n";
attempt(fn() => $ch->setPrefetchCount(-1));
attempt(fn() => $ch->setPrefetchCount(65536));
attempt(fn() => $ch->setPrefetchSize(-1));
attempt(fn() => $ch->setPrefetchSize(4294967296));
attempt(fn() => $ch->setGlobalPrefetchCount(-1));
attempt(fn() => $ch->setGlobalPrefetchCount(65536));
attempt(fn() => $ch->setGlobalPrefetchSize(-1));
attempt(fn() => $ch->setGlobalPrefetchSize(4294967296));
state($ch, $name, $id);

echo "-- RabbitMQ refuses a prefetch size: connection error 540, nothing stored\n";
attempt(fn() => $ch->setPrefetchSize(1024));
var_dump($ch->getPrefetchCount(), $ch->getPrefetchSize(), $ch->isConnected(), $c->isConnected());
attempt(fn() => $ch->setPrefetchCount(1));

$c->connect();
$ch = new AMQPChannel($c);
attempt(fn() => $ch->setGlobalPrefetchSize(4096));
var_dump($ch->getGlobalPrefetchCount(), $ch->getGlobalPrefetchSize(), $c->isConnected());
?>
--EXPECT--
stored 3/0 global 0/0; broker prefetch_count 3 global_prefetch_count 0
stored 10/0 global 0/0; broker prefetch_count 10 global_prefetch_count 0
stored 10/0 global 5/0; broker prefetch_count 10 global_prefetch_count 5
stored 7/0 global 5/0; broker prefetch_count 7 global_prefetch_count 5
stored 0/0 global 5/0; broker prefetch_count 0 global_prefetch_count 5
stored 0/0 global 0/0; broker prefetch_count 0 global_prefetch_count 0
stored 65535/0 global 65535/0; broker prefetch_count 65535 global_prefetch_count 65535
-- validation
AMQPConnectionException(0): Parameter 'prefetchCount' must be between 0 and 65535.
AMQPConnectionException(0): Parameter 'prefetchCount' must be between 0 and 65535.
AMQPConnectionException(0): Parameter 'prefetchSize' must be between 0 and 4294967295.
AMQPConnectionException(0): Parameter 'prefetchSize' must be between 0 and 4294967295.
AMQPConnectionException(0): Parameter 'globalPrefetchCount' must be between 0 and 65535.
AMQPConnectionException(0): Parameter 'globalPrefetchCount' must be between 0 and 65535.
AMQPConnectionException(0): Parameter 'globalPrefetchSize' must be between 0 and 4294967295.
AMQPConnectionException(0): Parameter 'globalPrefetchSize' must be between 0 and 4294967295.
stored 65535/0 global 65535/0; broker prefetch_count 65535 global_prefetch_count 65535
-- RabbitMQ refuses a prefetch size: connection error 540, nothing stored
AMQPConnectionException(540): Server connection error: 540, message: NOT_IMPLEMENTED - prefetch_size!=0 (1024)
int(65535)
int(0)
bool(false)
bool(false)
AMQPConnectionException(0): Could not set prefetch count. Stale reference to the connection object.
AMQPConnectionException(540): Server connection error: 540, message: NOT_IMPLEMENTED - prefetch_size!=0 (4096)
int(0)
int(0)
bool(false)

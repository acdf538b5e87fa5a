--TEST--
AMQPChannel: open (ids, properties, broker view), close() and its no-ops, operations on a closed channel (exact contexts and classes), channel ids after close and after destruction (php-amqp's order, tests/219)
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';
$c = mq_test_connection();
$ch1 = new AMQPChannel($c);
$ch2 = new AMQPChannel($c);
$ch3 = new AMQPChannel($c);
var_dump($ch1->getChannelId(), $ch2->getChannelId(), $ch3->getChannelId(), $c->getUsedChannels());
var_dump($ch1->isConnected(), $ch1->getConnection() === $c, $ch1->getConsumers());
var_dump($ch1->getPrefetchCount(), $ch1->getPrefetchSize(), $ch1->getGlobalPrefetchCount(), $ch1->getGlobalPrefetchSize());
foreach ((array) $ch1 as $k => $v) {
    echo str_replace("\0", '|', $k), ' => ', get_debug_type($v), is_scalar($v) ? ' ' . var_export($v, true) : '', "\n";
}

echo "-- close\n";
$ch2->close();
var_dump($ch2->isConnected(), $ch2->getChannelId(), $c->getUsedChannels());
$ch2->close(); // no-op
function show(callable $f) {
    try {
        $f();
        echo "ok\n";
    } catch (AMQPException $e) {
        echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n";
    }
}
show(fn() => $ch2->startTransaction());
show(fn() => $ch2->commitTransaction());
show(fn() => $ch2->rollbackTransaction());
show(fn() => $ch2->basicRecover());
show(fn() => $ch2->confirmSelect());
show(fn() => $ch2->waitForConfirm(0.1));
show(fn() => $ch2->waitForBasicReturn(0.1));
show(fn() => $ch2->setPrefetchCount(1));
show(fn() => $ch2->setPrefetchSize(0));
show(fn() => $ch2->setGlobalPrefetchCount(1));
show(fn() => $ch2->setGlobalPrefetchSize(0));
show(fn() => $ch2->qos(0, 1));
show(fn() => new AMQPQueue($ch2));
show(fn() => new AMQPExchange($ch2));
show(fn() => $ch2->setConfirmCallback(null));
var_dump($ch2->getPrefetchCount());

echo "-- the next id: the search starts at the number of channels in use (2), as in php-amqp\n";
$ch4 = new AMQPChannel($c);
var_dump($ch4->getChannelId(), $ch2->isConnected(), $ch4->isConnected());
$ch2->close(); // a no-op: must not close another channel
var_dump($ch4->isConnected());
$ids = [];
foreach (explode("\n", mq_test_ctl('list_channels', '-q', 'number', 'name')) as $row) {
    $ids[] = (int) $row;
}
sort($ids);
var_dump(count(array_intersect($ids, [1, 3, 4])) >= 3);

echo "-- destruction closes without waiting; 2 in use: the search starts at 3\n";
unset($ch1);
usleep(200000);
$ch5 = new AMQPChannel($c);
var_dump($ch5->getChannelId(), $c->getUsedChannels());

echo "-- close() on a disconnected connection does nothing\n";
$c->disconnect();
$ch5->close();
var_dump($ch5->isConnected(), $ch5->getChannelId());
?>
--EXPECT--
int(1)
int(2)
int(3)
int(3)
bool(true)
bool(true)
array(0) {
}
int(3)
int(0)
int(0)
int(0)
|AMQPChannel|connection => AMQPConnection
|AMQPChannel|prefetchCount => int 3
|AMQPChannel|prefetchSize => int 0
|AMQPChannel|globalPrefetchCount => int 0
|AMQPChannel|globalPrefetchSize => int 0
|AMQPChannel|consumers => array
-- close
bool(false)
int(2)
int(2)
AMQPChannelException(0): Could not start the transaction. No channel available.
AMQPChannelException(0): Could not start the transaction. No channel available.
AMQPChannelException(0): Could not rollback the transaction. No channel available.
AMQPChannelException(0): Could not redeliver unacknowledged messages. No channel available.
AMQPChannelException(0): Could not enable confirms mode. No channel available.
AMQPChannelException(0): Could not start wait loop for basic.return method. No channel available.
AMQPChannelException(0): Could not start wait loop for basic.return method. No channel available.
AMQPConnectionException(0): Could not set prefetch count. Stale reference to the connection object.
AMQPConnectionException(0): Could not set prefetch size. Stale reference to the connection object.
AMQPConnectionException(0): Could not set global prefetch count. Stale reference to the connection object.
AMQPConnectionException(0): Could not set prefetch size. Stale reference to the connection object.
AMQPConnectionException(0): Could not set qos parameters. Stale reference to the connection object.
AMQPChannelException(0): Could not create queue. No channel available.
AMQPChannelException(0): Could not create exchange. No channel available.
ok
int(3)
-- the next id: the search starts at the number of channels in use (2), as in php-amqp
int(4)
bool(false)
bool(true)
bool(true)
bool(true)
-- destruction closes without waiting; 2 in use: the search starts at 3
int(5)
int(3)
-- close() on a disconnected connection does nothing
bool(false)
int(5)

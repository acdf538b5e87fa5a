--TEST--
AMQPChannel opening: basic.qos with amqp.prefetch_count always, amqp.prefetch_size stored but never sent, the global values sent only when set
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--INI--
amqp.prefetch_count=11
amqp.prefetch_size=100
amqp.global_prefetch_count=6
--FILE--
<?php
require __DIR__ . '/_broker.inc';
require __DIR__ . '/_channel.inc';
$name = mq_test_name('mq-qos-ini-');
$c = mq_test_connection(['connection_name' => $name]);
$ch = new AMQPChannel($c);
var_dump($ch->getPrefetchCount(), $ch->getPrefetchSize(), $ch->getGlobalPrefetchCount(), $ch->getGlobalPrefetchSize());
print_r(mq_test_channel_info($name, $ch->getChannelId(), ['prefetch_count', 'global_prefetch_count']));

ini_set('amqp.prefetch_count', '0');
ini_set('amqp.global_prefetch_count', '0');
$ch2 = new AMQPChannel($c);
print_r(mq_test_channel_info($name, $ch2->getChannelId(), ['prefetch_count', 'global_prefetch_count']));

echo "-- a global size is sent at open, and RabbitMQ refuses it\n";
ini_set('amqp.global_prefetch_size', '512');
try {
    new AMQPChannel($c);
} catch (AMQPException $e) {
    echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n";
}
var_dump($c->isConnected(), $ch->isConnected());
?>
--EXPECT--
int(11)
int(100)
int(6)
int(0)
Array
(
    [prefetch_count] => 11
    [global_prefetch_count] => 6
)
Array
(
    [prefetch_count] => 0
    [global_prefetch_count] => 0
)
-- a global size is sent at open, and RabbitMQ refuses it
AMQPConnectionException(540): Server connection error: 540, message: NOT_IMPLEMENTED - prefetch_size!=0 (512)
bool(false)
bool(false)

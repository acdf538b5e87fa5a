--TEST--
AMQPChannel: channel_max exhausted ("no open channel slots remaining"), freed low ids are found again (§7.8), the connection stays usable
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';
$c = mq_test_connection(['channel_max' => 3]);
var_dump($c->getMaxChannels());
$chs = [];
for ($i = 0; $i < 3; $i++) {
    $chs[] = new AMQPChannel($c);
}
var_dump(array_map(fn($ch) => $ch->getChannelId(), $chs), $c->getUsedChannels());
try {
    new AMQPChannel($c);
} catch (AMQPChannelException $e) {
    echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n";
}
var_dump($c->isConnected(), $chs[2]->isConnected());
$chs[0]->close();
$again = new AMQPChannel($c);
var_dump($again->getChannelId(), $c->getUsedChannels());
$chs[1]->close();
$chs[2]->close();
$x = new AMQPChannel($c);
$y = new AMQPChannel($c);
var_dump($x->getChannelId(), $y->getChannelId());
try {
    new AMQPChannel($c);
} catch (AMQPChannelException $e) {
    echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n";
}
echo "-- 200 channels opened and closed one after the other on channel_max 3\n";
$x->close();
for ($i = 0; $i < 200; $i++) {
    $t = new AMQPChannel($c);
    $t->close();
}
var_dump($t->getChannelId(), $c->getUsedChannels(), $c->isConnected());
?>
--EXPECT--
int(3)
array(3) {
  [0]=>
  int(1)
  [1]=>
  int(2)
  [2]=>
  int(3)
}
int(3)
AMQPChannelException(0): Could not create channel. Connection has no open channel slots remaining.
bool(true)
bool(true)
int(1)
int(3)
int(2)
int(3)
AMQPChannelException(0): Could not create channel. Connection has no open channel slots remaining.
-- 200 channels opened and closed one after the other on channel_max 3
int(2)
int(2)
bool(true)

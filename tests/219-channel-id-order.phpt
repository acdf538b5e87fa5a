--TEST--
AMQPChannel ids in php-amqp's order: the search starts at the number of channels in use (a replaced channel object gives 1, 2, 3; one unset each time gives 1, 1, 1, its close-ok awaited by the next open, the destructor does not block); freed low ids are found again when the search wraps at channel_max
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';
$c = mq_test_connection();
echo "-- replaced in a loop\n";
$ids = [];
for ($i = 0; $i < 3; $i++) {
    $ch = new AMQPChannel($c);
    $ids[] = $ch->getChannelId();
}
echo implode(', ', $ids), "\n";
unset($ch);

echo "-- replaced in a loop, with RPCs in between (close-oks already read)\n";
$ids = [];
for ($i = 0; $i < 3; $i++) {
    $ch = new AMQPChannel($c);
    $ids[] = $ch->getChannelId();
    (new AMQPQueue($ch))->declareQueue();
    usleep(50000);
}
echo implode(', ', $ids), "\n";
unset($ch);

echo "-- unset each time\n";
$ids = [];
for ($i = 0; $i < 3; $i++) {
    $ch = new AMQPChannel($c);
    $ids[] = $ch->getChannelId();
    unset($ch);
}
echo implode(', ', $ids), "\n";

echo "-- unset each time, the close-ok read before the next open\n";
$ids = [];
for ($i = 0; $i < 3; $i++) {
    $ch = new AMQPChannel($c);
    $ids[] = $ch->getChannelId();
    unset($ch);
    usleep(50000);
}
echo implode(', ', $ids), "\n";

echo "-- three open, the middle one closed: the next search starts at 3\n";
$a = new AMQPChannel($c);
$b = new AMQPChannel($c);
$d = new AMQPChannel($c);
$b->close();
$e = new AMQPChannel($c);
var_dump($a->getChannelId(), $d->getChannelId(), $e->getChannelId(), $c->getUsedChannels());
unset($a, $b, $d, $e);

echo "-- channel_max 3: the search wraps to the freed low id\n";
$c2 = mq_test_connection(['channel_max' => 3]);
$chs = [new AMQPChannel($c2), new AMQPChannel($c2), new AMQPChannel($c2)];
unset($chs[0]);                      // id 1, closed without waiting
$chs[] = new AMQPChannel($c2);
var_dump(array_map(fn($ch) => $ch->getChannelId(), array_values($chs)), $c2->getUsedChannels());
var_dump($c->isConnected(), $c2->isConnected());
?>
--EXPECT--
-- replaced in a loop
1, 2, 3
-- replaced in a loop, with RPCs in between (close-oks already read)
1, 2, 3
-- unset each time
1, 1, 1
-- unset each time, the close-ok read before the next open
1, 1, 1
-- three open, the middle one closed: the next search starts at 3
int(1)
int(3)
int(4)
int(3)
-- channel_max 3: the search wraps to the freed low id
array(3) {
  [0]=>
  int(2)
  [1]=>
  int(3)
  [2]=>
  int(1)
}
int(3)
bool(true)
bool(true)

--TEST--
Faults/resources: 1,000 channel open/close cycles (and 1,000 channels dropped without close()) on one connection leave the Zend heap, RSS and the file descriptor count flat after warm-up
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';
require __DIR__ . '/_resources.inc';
// See 607 for the valgrind RSS slack.
$slow = getenv('USE_ZEND_ALLOC') === '0';
$slack = ['mem' => 16384, 'rss' => $slow ? 32 << 20 : 1 << 20, 'fds' => 0];
$c = mq_test_connection();

$closed = function () use ($c) {
    $ch = new AMQPChannel($c);
    $ch->setPrefetchCount(10);
    $ch->close();
};
$dropped = function () use ($c) {
    $ch = new AMQPChannel($c);
    $q = new AMQPQueue($ch);
    $q->setFlags(AMQP_EXCLUSIVE);
    $q->declareQueue();
};
foreach (['close()' => $closed, 'dropped' => $dropped] as $label => $cycle) {
    for ($i = 0; $i < 20; $i++) {
        $cycle();
    }
    $before = mq_res_snapshot();
    for ($i = 0; $i < 1000; $i++) {
        $cycle();
    }
    mq_res_compare("$label x1000", $before, mq_res_snapshot(), $slack);
}
// the last dropped channel's close-ok arrives during the next call
$ch = new AMQPChannel($c);
var_dump($c->isConnected(), $c->getUsedChannels(), $ch->getChannelId() <= 2);
?>
--EXPECT--
close() x1000: mem ok, rss ok, fds ok
dropped x1000: mem ok, rss ok, fds ok
bool(true)
int(1)
bool(true)

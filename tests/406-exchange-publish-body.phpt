--TEST--
AMQPExchange::publish() bodies: NUL bytes, 0 bytes, 16 MiB, through get() and consume()
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--INI--
memory_limit=512M
--FILE--
<?php
require __DIR__ . '/_broker.inc';

$conn = mq_test_connection(['read_timeout' => 30]);
$ch = new AMQPChannel($conn);
$q = new AMQPQueue($ch);
$q->setFlags(AMQP_EXCLUSIVE);
$q->declareQueue(mq_test_name('mq-xq-'));
$x = new AMQPExchange($ch);
$big = str_repeat("0123456789abcde\0", 1 << 20);     // 16 MiB with NUL bytes
$bodies = ["a\0b\0\0c", '', "\0", $big, str_repeat('x', 131072 - 8), str_repeat('y', 131072)];

foreach ($bodies as $b) {
    $x->publish($b, $q->getName());
}
foreach ($bodies as $i => $b) {
    $got = $q->get(AMQP_AUTOACK)->getBody();
    printf("get #%d: %d bytes, %s\n", $i, strlen($got), $got === $b ? 'same' : 'DIFFERENT');
}

foreach ($bodies as $b) {
    $x->publish($b, $q->getName());
}
$i = 0;
$q->consume(function (AMQPEnvelope $e, AMQPQueue $queue) use (&$i, $bodies) {
    printf("consume #%d: %d bytes, %s\n", $i, strlen($e->getBody()), $e->getBody() === $bodies[$i] ? 'same' : 'DIFFERENT');
    $queue->ack($e->getDeliveryTag());
    return ++$i < count($bodies);
});
var_dump($q->declareQueue());
$conn->disconnect();
?>
--EXPECT--
get #0: 6 bytes, same
get #1: 0 bytes, same
get #2: 1 bytes, same
get #3: 16777216 bytes, same
get #4: 131064 bytes, same
get #5: 131072 bytes, same
consume #0: 6 bytes, same
consume #1: 0 bytes, same
consume #2: 1 bytes, same
consume #3: 16777216 bytes, same
consume #4: 131064 bytes, same
consume #5: 131072 bytes, same
int(0)

--TEST--
AMQPQueue::consume(): two queues on one channel and one on another, the registering queue object is passed, return values, consumer map
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';

$conn = mq_test_connection(['read_timeout' => 10]);
$ch = new AMQPChannel($conn);
$ch2 = new AMQPChannel($conn);
$x = new AMQPExchange($ch);
$queues = [];
foreach (['q1' => $ch, 'q2' => $ch, 'q3' => $ch2] as $label => $channel) {
    $q = new AMQPQueue($channel);
    $q->setFlags(AMQP_EXCLUSIVE);
    $q->declareQueue();
    $queues[$label] = $q;
    for ($i = 1; $i <= 2; $i++) {
        $x->publish("$label-$i", $q->getName());
    }
}
[$q1, $q2, $q3] = array_values($queues);

$tag1 = mq_test_name('tag-1-');
var_dump($q1->getConsumerTag());
var_dump($q1->consume(null, AMQP_NOPARAM, $tag1));
var_dump($q1->getConsumerTag() === $tag1, array_keys($ch->getConsumers()) === [$tag1],
         $ch->getConsumers()[$tag1] === $q1);
$q3->consume(null, AMQP_NOPARAM, '');     // "" -> the server picks the tag
var_dump(strncmp($q3->getConsumerTag(), 'amq.ctag-', 9) === 0, $ch2->getConsumers() === [$q3->getConsumerTag() => $q3]);

$seen = [];
$returns = [null, true, 0, 'x', 1, []];
$q2->consume(function (AMQPEnvelope $e, AMQPQueue $q) use (&$seen, &$returns, $queues) {
    $label = array_search($q, $queues, true);
    $seen[] = sprintf('%s got %s, tag ok: %s', $label, $e->getBody(),
                      $e->getConsumerTag() === $q->getConsumerTag() ? 'yes' : 'no');
    $q->ack($e->getDeliveryTag());
    return count($seen) < 6 ? array_shift($returns) : false;
});
sort($seen);
echo implode("\n", $seen), "\n";
var_dump(strncmp($q2->getConsumerTag(), 'amq.ctag-', 9) === 0);
$consumers = $ch->getConsumers();
var_dump(count($consumers), $consumers[$tag1] === $q1, $consumers[$q2->getConsumerTag()] === $q2);

echo "-- queue objects stay alive in the consumer map\n";
$tag3 = $q3->getConsumerTag();
unset($queues, $q3);
$x->publish('late', $ch2->getConsumers()[$tag3]->getName());
$q1->consume(function (AMQPEnvelope $e, AMQPQueue $q) use ($tag3) {
    var_dump($e->getBody(), $q->getConsumerTag() === $tag3);
    return false;
}, AMQP_JUST_CONSUME);
$conn->disconnect();
?>
--EXPECT--
NULL
NULL
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
q1 got q1-1, tag ok: yes
q1 got q1-2, tag ok: yes
q2 got q2-1, tag ok: yes
q2 got q2-2, tag ok: yes
q3 got q3-1, tag ok: yes
q3 got q3-2, tag ok: yes
bool(true)
int(2)
bool(true)
bool(true)
-- queue objects stay alive in the consumer map
string(4) "late"
bool(true)

--TEST--
mq extension: AMQPQueue::setCancelCallback() - a server cancel (queue deleted) runs the callback of the queue that started the consumer; consume() goes on or returns; the channel stays usable
--EXTENSIONS--
amqp
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/_broker.inc';
$c = mq_test_connection(['read_timeout' => 10.0]);
$ch = new AMQPChannel($c);
$ex = new AMQPExchange($ch);
$admin = new AMQPChannel(mq_test_connection()); // deletes queues from another connection

function fresh_queue(AMQPChannel $ch, string $prefix): AMQPQueue {
    $q = new AMQPQueue($ch);
    $q->setName(mq_test_name($prefix));
    $q->setFlags(AMQP_AUTODELETE);
    $q->declareQueue();
    return $q;
}
function delete_elsewhere(AMQPChannel $admin, string $name): void {
    $q = new AMQPQueue($admin);
    $q->setName($name);
    $q->delete();
}

// 1. two consumers on one channel; the first queue is deleted: its callback
//    runs, consume() goes on and still gets the second queue's message.
$a = fresh_queue($ch, 'cancel-a-');
$b = fresh_queue($ch, 'cancel-b-');
$log = [];
$a->setCancelCallback(function (string $tag, AMQPQueue $q) use (&$log, $a) {
    $log[] = "cancel callback: $tag, same queue: " . var_export($q === $a, true)
        . ', consumer tag now: ' . var_export($q->getConsumerTag(), true);
});
$b->consume(null, AMQP_AUTOACK, 'tag-b');
$ex->publish('for a', $a->getName());
$a->consume(function (AMQPEnvelope $m, AMQPQueue $q) use (&$log, $admin, $ex, $a, $b) {
    $log[] = 'delivery: ' . $m->getBody() . ' via ' . ($q === $a ? 'a' : 'b');
    if ($m->getBody() === 'for a') {
        delete_elsewhere($admin, $a->getName());
        $ex->publish('for b', $b->getName());
        return true;
    }
    return false;
}, AMQP_AUTOACK, 'tag-a');
print_r($log);
echo 'consumers left: ', implode(',', array_keys($ch->getConsumers())), "\n";

// 2. the callback returns false: consume() returns
$d = fresh_queue($ch, 'cancel-d-');
$d->setCancelCallback(function (string $tag) { echo "cancelled $tag, stop\n"; return false; });
$ex->publish('x', $d->getName());
$t = microtime(true);
$d->consume(function (AMQPEnvelope $m) use ($admin, $d) { delete_elsewhere($admin, $d->getName()); return true; }, AMQP_AUTOACK, 'tag-d');
echo 'consume() returned before the read timeout: ', microtime(true) - $t < 8 ? 'yes' : 'no', "\n";

// 3. the callback throws: consume() ends with that exception
$e3 = fresh_queue($ch, 'cancel-e-');
$e3->setCancelCallback(function (string $tag) { throw new LogicException("gone: $tag"); });
$ex->publish('x', $e3->getName());
try {
    $e3->consume(function (AMQPEnvelope $m) use ($admin, $e3) { delete_elsewhere($admin, $e3->getName()); return true; }, AMQP_AUTOACK, 'tag-e');
} catch (LogicException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}

// the channel is still usable, and the remaining consumer still works
var_dump($ch->isConnected());
$f = fresh_queue($ch, 'cancel-f-');
$ex->publish('still works', $f->getName());
var_dump($f->get(AMQP_AUTOACK)->getBody());
$b->cancel('tag-b');
var_dump($ch->getConsumers());
?>
--EXPECT--
Array
(
    [0] => delivery: for a via a
    [1] => cancel callback: tag-a, same queue: true, consumer tag now: NULL
    [2] => delivery: for b via b
)
consumers left: tag-b
cancelled tag-d, stop
consume() returned before the read timeout: yes
LogicException: gone: tag-e
bool(true)
string(11) "still works"
array(0) {
}

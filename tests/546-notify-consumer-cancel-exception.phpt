--TEST--
mq: a server cancel without a cancel callback - consume() and consumeNonBlocking() throw AMQPQueueException, the consumer is forgotten, the channel stays usable
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
$admin = new AMQPChannel(mq_test_connection());
$q = new AMQPQueue($ch);
$q->setName(mq_test_name('cancel-x-'));
$q->setFlags(AMQP_AUTODELETE);
$q->declareQueue();
$ex->publish('m', $q->getName());
try {
    $q->consume(function (AMQPEnvelope $m, AMQPQueue $queue) use ($admin) {
        $d = new AMQPQueue($admin);
        $d->setName($queue->getName());
        $d->delete();
        return true;
    }, AMQP_AUTOACK, 'tag-x');
} catch (AMQPQueueException $e) {
    echo get_class($e), ': ', $e->getMessage(), ' (code ', $e->getCode(), ")\n";
}
var_dump($q->getConsumerTag(), $ch->getConsumers(), $ch->isConnected());

// non-blocking: the cancel is read by a later call and reported by the drain
$q2 = new AMQPQueue($ch);
$q2->setName(mq_test_name('cancel-y-'));
$q2->setFlags(AMQP_AUTODELETE);
$q2->declareQueue();
$q2->consume(null, AMQP_AUTOACK, 'tag-y');
$d = new AMQPQueue($admin);
$d->setName($q2->getName());
$d->delete();
$got = null;
for ($i = 0; $i < 100 && $got === null; $i++) {
    try {
        $q2->consumeNonBlocking(fn() => true);
        usleep(50000);
    } catch (AMQPQueueException $e) {
        $got = $e->getMessage();
    }
}
var_dump($got, $ch->getConsumers());
$q3 = new AMQPQueue($ch);
$q3->setFlags(AMQP_EXCLUSIVE);
echo 'channel usable: ', $q3->declareQueue() === 0 ? 'yes' : 'no', "\n";
?>
--EXPECT--
AMQPQueueException: Consumer 'tag-x' was cancelled by the server. (code 0)
NULL
array(0) {
}
bool(true)
string(45) "Consumer 'tag-y' was cancelled by the server."
array(0) {
}
channel usable: yes

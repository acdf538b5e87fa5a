--TEST--
re-entrancy: consume() on a second queue (and channel) from inside the first queue's callback, as php-amqp allows; the inner loop registers, takes its messages, is cancelled, and the outer loop goes on, nothing freed under a running loop
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';
$conn = mq_test_connection();
$ch1 = new AMQPChannel($conn);
$ch2 = new AMQPChannel($conn);
$ch1->setPrefetchCount(1); // the next a-message comes only once the callback acks
$q1 = new AMQPQueue($ch1);
$q1->setFlags(AMQP_EXCLUSIVE);
$q1->declareQueue();
$q2 = new AMQPQueue($ch2);
$q2->setFlags(AMQP_EXCLUSIVE);
$q2->declareQueue();
$x1 = new AMQPExchange($ch1);
$x2 = new AMQPExchange($ch2);
for ($i = 1; $i <= 6; $i++) {
    $x1->publish("a$i", $q1->getName());
}
$seen = [];
$outer = 0;
$q1->consume(function (AMQPEnvelope $e, AMQPQueue $q) use ($q2, $x2, &$seen, &$outer) {
    $seen[] = $e->getBody();
    $outer++;
    if ($outer % 2 === 1) {
        // two messages for the second queue, taken by a nested consume()
        $x2->publish('b' . $outer, $q2->getName());
        $x2->publish('b' . ($outer + 1), $q2->getName());
        $inner = 0;
        $q2->consume(function (AMQPEnvelope $e, AMQPQueue $q) use (&$seen, &$inner) {
            $seen[] = $e->getBody();
            $q->ack($e->getDeliveryTag());
            return ++$inner < 2;
        });
        $q2->cancel();
    }
    $q->ack($e->getDeliveryTag());
    return $outer < 6;
});
echo implode(' ', $seen), "\n";
$q1->cancel();
$q1->setFlags(AMQP_PASSIVE);
$q2->setFlags(AMQP_PASSIVE);
var_dump($q1->declareQueue(), $q2->declareQueue());
$conn->disconnect();
echo "done\n";
?>
--EXPECT--
a1 b1 b2 a2 a3 b3 b4 a4 a5 b5 b6 a6
int(0)
int(0)
done

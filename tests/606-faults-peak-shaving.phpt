--TEST--
Faults: peak shaving, a queue with x-max-length N and x-overflow reject-publish; 2N publishes in confirm mode: the nack callback reports exactly the rejected messages, and the delivered messages are exactly the acked ones
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';
require __DIR__ . '/_confirms.inc';
const N = 25;
$c = mq_test_connection();
$ch = new AMQPChannel($c);
$q = new AMQPQueue($ch);
$q->setFlags(AMQP_EXCLUSIVE);
$q->setArguments(['x-max-length' => N, 'x-overflow' => 'reject-publish']);
$q->declareQueue();
$x = new AMQPExchange($ch);
$ch->confirmSelect();
$log = new MqConfirmLog($ch);
for ($n = 1; $n <= 2 * N; $n++) {
    $x->publish("job-$n", $q->getName());
    $log->published($n);
}
$log->waitAll($ch);
ksort($log->acked);
ksort($log->nacked);
echo 'outstanding: ', count($log->outstanding), "\n";
echo 'acked: ', implode(',', array_keys($log->acked)), "\n";
echo 'nacked: ', implode(',', array_keys($log->nacked)), "\n";
$delivered = [];
while (($m = $q->get(AMQP_AUTOACK)) instanceof AMQPEnvelope) {
    $delivered[] = (int) substr($m->getBody(), 4);
}
echo 'delivered: ', count($delivered), ' = acked: ', count($log->acked), "\n";
var_dump($delivered === array_keys($log->acked), array_intersect($delivered, array_keys($log->nacked)) === []);
echo "-- after draining, the queue takes messages again\n";
$x->publish('job-late', $q->getName());
$log->published(2 * N + 1);
$log->waitAll($ch);
var_dump(isset($log->acked[2 * N + 1]), $q->get(AMQP_AUTOACK)->getBody());
?>
--EXPECT--
outstanding: 0
acked: 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25
nacked: 26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50
delivered: 25 = acked: 25
bool(true)
bool(true)
-- after draining, the queue takes messages again
bool(true)
string(8) "job-late"

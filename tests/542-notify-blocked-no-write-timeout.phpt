--TEST--
mq extension: with write timeout 0, publish() on a blocked connection does not wait or throw; the broker takes the message once it unblocks
--EXTENSIONS--
amqp
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--CONFLICTS--
broker
--FILE--
<?php
require __DIR__ . '/_broker.inc';
register_shutdown_function(function () { mq_test_ctl('set_vm_memory_high_watermark', '0.4'); });

$c = mq_test_connection(['write_timeout' => 0]);
$ch = new AMQPChannel($c);
$q = new AMQPQueue($ch);
$q->setName(mq_test_name('blocked-nowt-'));
$q->setFlags(AMQP_AUTODELETE);
$q->declareQueue();
$ex = new AMQPExchange($ch);
mq_test_ctl('set_vm_memory_high_watermark', '0');
$ex->publish('one', $q->getName());
$ok = false;
for ($i = 0; $i < 100 && !$ok; $i++) {
    $ok = $c->isBlocked();
    if (!$ok) usleep(100000);
}
echo "blocked: "; var_dump($ok);
$t = microtime(true);
$ex->publish('two', $q->getName());
echo 'publish returned at once: ', microtime(true) - $t < 1.0 ? 'yes' : 'no', "\n";
$other = mq_test_connection();
$oq = new AMQPQueue(new AMQPChannel($other));
$oq->setName($q->getName());
echo 'nothing arrived yet: ', $oq->get(AMQP_AUTOACK) === null ? 'yes' : 'no', "\n";
mq_test_ctl('set_vm_memory_high_watermark', '0.4');
$bodies = [];
for ($i = 0; $i < 100 && count($bodies) < 2; $i++) {
    $m = $oq->get(AMQP_AUTOACK);
    if ($m) $bodies[] = $m->getBody(); else usleep(100000);
}
var_dump($bodies, $c->isBlocked(), $c->isConnected());
?>
--EXPECT--
blocked: bool(true)
publish returned at once: yes
nothing arrived yet: yes
array(2) {
  [0]=>
  string(3) "one"
  [1]=>
  string(3) "two"
}
bool(false)
bool(true)

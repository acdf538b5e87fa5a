--TEST--
Recovery (mq extension): the broker application restarts (stop_app, start_app) under a consume() loop -> the worker reconnects with backoff while the broker is down and goes on consuming; no persistent message is lost
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--CONFLICTS--
broker
--FILE--
<?php
require __DIR__ . '/_broker.inc';
require __DIR__ . '/_faults.inc';
register_shutdown_function('mq_fault_restore');

$name = mq_test_name('mq-rec-restart-');
$publish = function (int $from, int $to) use ($name) {
    $p = new AMQPConnection(mq_test_credentials());
    $p->connect();
    $x = new AMQPExchange(new AMQPChannel($p));
    for ($i = $from; $i < $to; $i++) {
        $x->publish("m$i", $name, AMQP_NOPARAM, ['delivery_mode' => AMQP_DURABLE]);
    }
    $p->disconnect();
};

$events = [];
$c = mq_fault_connect(['recovery' => true, 'recovery_interval' => 0.25, 'recovery_max_interval' => 1,
    'recovery_timeout' => 90, 'read_timeout' => 90]);
// once back, more messages come from another connection
$c->setRecoveryCallback(function (string $event) use (&$events, $publish) {
    $events[] = $event;
    if ($event === 'recovered') {
        $publish(5, 10);
    }
});
$ch = new AMQPChannel($c);
$q = new AMQPQueue($ch);
$q->setName($name);
$q->setFlags(AMQP_DURABLE);
$q->declareQueue();
$publish(0, 5);

$seen = [];
$n = 0;
$bg = null;
$q->consume(function (AMQPEnvelope $env, AMQPQueue $queue) use (&$seen, &$n, &$bg) {
    $n++;
    $seen[$env->getBody()] = true;
    $queue->ack($env->getDeliveryTag());
    if ($n === 2) {
        $bg = mq_fault_later(0.1, mq_fault_ctl_cmd('stop_app') . '; sleep 2; ' . mq_fault_ctl_cmd('start_app'));
        usleep(500000);
    }
    return count($seen) < 10;
});
mq_fault_wait($bg);
echo "all 10 seen: ", var_export(count($seen) === 10, true), "\n";
echo "events: ", implode(' ', array_unique($events)), "\n";
echo "pending: ", $q->declareQueue(), "\n";
$q->delete();
$c->disconnect();
?>
--EXPECT--
all 10 seen: true
events: lost retry connected channel queue consumer recovered
pending: 0

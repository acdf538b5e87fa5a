--TEST--
Recovery (mq extension): a call after the connection was lost recovers it first; acknowledging a delivery tag from before is dropped with a notice and the channel stays open; confirm mode is restored
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';
require __DIR__ . '/_faults.inc';

$events = [];
$c = mq_fault_connect(['recovery' => true, 'recovery_interval' => 0.1]);
$c->setRecoveryCallback(function (string $event) use (&$events) { $events[] = $event; });
$ch = new AMQPChannel($c);
$ch->confirmSelect();
$acks = 0;
$ch->setConfirmCallback(function () use (&$acks) { $acks++; return false; }, function () { return false; });
$name = mq_test_name('mq-rec-stale-');
$q = new AMQPQueue($ch);
$q->setName($name);
$q->setFlags(AMQP_DURABLE);
$q->declareQueue();
$x = new AMQPExchange($ch);
$x->publish('one', $name);
$x->publish('two', $name);
$ch->waitForConfirm(5);

$first = $q->get();
echo "got ", $first->getBody(), " tag ", $first->getDeliveryTag(), "\n";

mq_test_ctl('close_connection', mq_fault_conn_pid($c), 'mq recovery test');
usleep(300000);

// ack() of the old tag: recovery first (precondition), then the notice
$q->ack($first->getDeliveryTag());
echo "events: ", implode(' ', $events), "\n";
echo "channel open: ", var_export($ch->isConnected(), true), "\n";

// the unacknowledged message comes again, with a newer tag
$again = [];
while ($e = $q->get()) {
    $again[] = $e->getBody() . ($e->isRedelivery() ? '(redelivered)' : '');
    echo "tag newer: ", var_export($e->getDeliveryTag() > $first->getDeliveryTag(), true), "\n";
    $q->ack($e->getDeliveryTag());
}
sort($again);
echo implode(' ', $again), "\n";

// confirm mode is back: a publish is confirmed
$acks = 0;
$x->publish('three', $name);
$ch->waitForConfirm(5);
echo "confirmed after recovery: $acks\n";
// lost between a publish and its wait: the wait cannot see that confirm
$x->publish('four', $name);
mq_test_ctl('close_connection', mq_fault_conn_pid($c), 'mq recovery test');
usleep(300000);
try { $ch->waitForConfirm(5); echo "wait returned\n"; } catch (AMQPConnectionException $e) { echo $e->getMessage(), "\n"; }
$acks = 0;
$x->publish('four', $name);
$ch->waitForConfirm(5);
echo "republished and confirmed: $acks\n";
echo "pending: ", $q->declareQueue(), "\n";
$q->delete();
$c->disconnect();
?>
--EXPECTF--
got one tag 1

Notice: AMQPQueue::ack(): Could not ack message. Delivery tag 1 is from before the connection was recovered; the broker redelivers that message, dropped. in %s on line %d
events: lost connected channel queue recovered
channel open: true
tag newer: true
tag newer: true
one(redelivered) two
confirmed after recovery: 1
Could not start wait loop for basic.return method. The connection was lost and recovered: publish again what was not confirmed.
republished and confirmed: 1
pending: %d

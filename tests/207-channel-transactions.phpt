--TEST--
AMQPChannel transactions: select/commit/rollback with their effect on published messages, 406 without select (channel closed, connection fine), confirm mode refused on a transactional channel
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';
function show(callable $f) {
    try {
        $f();
        echo "ok\n";
    } catch (AMQPException $e) {
        echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n";
    }
}
$c = mq_test_connection();
$ch = new AMQPChannel($c);
$q = new AMQPQueue($ch);
$q->setFlags(AMQP_EXCLUSIVE);
$q->declareQueue();
$x = new AMQPExchange($ch);

show(fn() => $ch->startTransaction());
$x->publish('rolled back', $q->getName());
show(fn() => $ch->rollbackTransaction());
$x->publish('committed', $q->getName());
show(fn() => $ch->commitTransaction());
$m = $q->get(AMQP_AUTOACK);
var_dump($m->getBody(), $q->get(AMQP_AUTOACK));
show(fn() => $ch->commitTransaction()); // empty transaction
show(fn() => $ch->startTransaction());  // again: allowed

echo "-- confirm mode on a transactional channel\n";
show(fn() => $ch->confirmSelect());
var_dump($ch->isConnected(), $c->isConnected());

echo "-- commit and rollback without select\n";
$ch2 = new AMQPChannel($c);
show(fn() => $ch2->commitTransaction());
var_dump($ch2->isConnected(), $c->isConnected());
$ch3 = new AMQPChannel($c);
show(fn() => $ch3->rollbackTransaction());
var_dump($ch3->isConnected(), $c->isConnected());
show(fn() => $ch3->rollbackTransaction());
$ch4 = new AMQPChannel($c);
var_dump($ch4->isConnected());
?>
--EXPECT--
ok
ok
ok
string(9) "committed"
NULL
ok
ok
-- confirm mode on a transactional channel
AMQPChannelException(406): Server channel error: 406, message: PRECONDITION_FAILED - cannot switch from tx to confirm mode
bool(false)
bool(true)
-- commit and rollback without select
AMQPChannelException(406): Server channel error: 406, message: PRECONDITION_FAILED - channel is not transactional
bool(false)
bool(true)
AMQPChannelException(406): Server channel error: 406, message: PRECONDITION_FAILED - channel is not transactional
bool(false)
bool(true)
AMQPChannelException(0): Could not rollback the transaction. No channel available.
bool(true)

--TEST--
AMQPChannel confirms and returns nobody waits for: kept queued per channel up to 4096 (the oldest dropped beyond, one E_NOTICE per channel), in order for the next waits; memory stays flat for a program that never waits; another channel's events are untouched
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';
/*
 * Sync point: the broker returns an unroutable mandatory publish while it
 * handles it, so after a declare on the same channel (an RPC whose reply
 * comes after them) every return of the publishes before it has been read.
 */
$c = mq_test_connection();
$ch = new AMQPChannel($c);
$q = new AMQPQueue($ch);
$q->setName(mq_test_name('unwaited-'));
$q->setFlags(AMQP_EXCLUSIVE);
$q->declareQueue();
$x = new AMQPExchange($ch);
$other = new AMQPChannel($c);
$oq = new AMQPQueue($other);
$oq->setFlags(AMQP_EXCLUSIVE);
$ox = new AMQPExchange($other);
$nowhere = mq_test_name('nowhere.');

$notices = [];
set_error_handler(function (int $no, string $str) use (&$notices) {
    if ($no === E_NOTICE) {
        $notices[] = $str;
        return true;
    }
    return false;
});
// takes every queued return of a channel: a callback that goes on, until the wait times out
function take_returns(AMQPChannel $ch): array {
    $bodies = [];
    $ch->setReturnCallback(function (int $code, string $text, string $exchange, string $rk,
                                     AMQPBasicProperties $p, string $body) use (&$bodies) {
        $bodies[] = $body;
    });
    try {
        $ch->waitForBasicReturn(0.5);
    } catch (AMQPQueueException $e) {
        $bodies[] = $e->getMessage();
    }
    $ch->setReturnCallback(null);
    return $bodies;
}

echo "-- 5000 returns while nobody waits on channel 1, 3 on channel 2\n";
for ($i = 0; $i < 3; $i++) {
    $ox->publish("o$i", $nowhere, AMQP_MANDATORY);
}
$oq->declareQueue();
for ($i = 0; $i < 5000; $i++) {
    $x->publish("m$i", $nowhere, AMQP_MANDATORY);
}
$q->declareQueue();
var_dump($q->get());
echo implode("\n", $notices), "\n";
$bodies = take_returns($ch);
var_dump(count($bodies), $bodies[0], $bodies[4095], $bodies[4096]);
var_dump(take_returns($other));

echo "-- 3 more rounds of 5000: no further notice, memory flat, the newest 4096 kept\n";
$mem = [];
for ($round = 0; $round < 3; $round++) {
    for ($i = 0; $i < 5000; $i++) {
        $x->publish("r$round-$i", $nowhere, AMQP_MANDATORY);
    }
    $q->declareQueue();
    $q->get();
    $mem[] = memory_get_usage();
}
var_dump(count($notices));
$growth = max($mem) - min($mem);
echo 'memory flat across the rounds: ', var_export($growth < 256 * 1024, true), "\n";
if ($growth >= 256 * 1024) {
    echo "memory: ", implode(' ', $mem), "\n";
}
$bodies = take_returns($ch);
var_dump(count($bodies), $bodies[0], $bodies[4095]);

echo "-- a program that waits: 2000 queued, none dropped, all in order\n";
for ($i = 0; $i < 2000; $i++) {
    $x->publish("w$i", $nowhere, AMQP_MANDATORY);
}
$q->declareQueue();
$bodies = take_returns($ch);
var_dump(count($bodies), $bodies === array_merge(array_map(fn($i) => "w$i", range(0, 1999)), ['Wait timeout exceed']));
var_dump(count($notices), $ch->isConnected(), $c->isConnected());
?>
--EXPECTF--
-- 5000 returns while nobody waits on channel 1, 3 on channel 2
NULL
Unhandled basic.ack, basic.nack and basic.return methods from server dropped on channel 1: more than 4096 were queued without AMQPChannel::waitForConfirm(), AMQPChannel::waitForBasicReturn() or AMQPQueue::consume() taking them; %d oldest dropped so far, later ones without another notice.
int(4097)
string(4) "m904"
string(5) "m4999"
string(19) "Wait timeout exceed"
array(4) {
  [0]=>
  string(2) "o0"
  [1]=>
  string(2) "o1"
  [2]=>
  string(2) "o2"
  [3]=>
  string(19) "Wait timeout exceed"
}
-- 3 more rounds of 5000: no further notice, memory flat, the newest 4096 kept
int(1)
memory flat across the rounds: true
int(4097)
string(6) "r2-904"
string(7) "r2-4999"
-- a program that waits: 2000 queued, none dropped, all in order
int(2001)
bool(true)
int(1)
bool(true)
bool(true)

--TEST--
AMQPChannel confirms and returns nobody waits for (§7.24): read during get()/declare they go to the callbacks at the next call (false ends nothing, an exception ends that call); without callbacks they are dropped with one notice per channel and kind, memory stays flat; waitForConfirm() still works afterwards
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';
/*
 * Sync point used throughout: publishes of unroutable messages are
 * confirmed (and returned, when mandatory) by the broker while it handles
 * them, so after a declare on the same channel (an RPC whose reply comes
 * after them) every ack and return of the publishes before it has been
 * read; the next call hands out whatever is still queued.
 */
$c = mq_test_connection();
$ch = new AMQPChannel($c);
$q = new AMQPQueue($ch);
$q->setName(mq_test_name('unwaited-'));
$q->setFlags(AMQP_EXCLUSIVE);
$q->declareQueue();
$x = new AMQPExchange($ch);
$ch->confirmSelect();
$nowhere = mq_test_name('nowhere.');
$published = 0;

// one stored message, published without confirms on another channel
$ch2 = new AMQPChannel($c);
(new AMQPExchange($ch2))->publish('stored', $q->getName());

$acked = [];   // tag => true, for acks with multiple expanded
$ackCalls = 0;
$mark = function (int $tag, bool $multiple) use (&$acked) {
    if ($multiple) {
        for ($t = $tag; $t > 0 && !isset($acked[$t]); $t--) {
            $acked[$t] = true;
        }
    } else {
        $acked[$tag] = true;
    }
};
$allAcked = function (int $upTo) use (&$acked) {
    for ($t = 1; $t <= $upTo; $t++) {
        if (!isset($acked[$t])) {
            return false;
        }
    }
    return count($acked) === $upTo;
};

echo "-- (a) acks with a confirm callback returning false: every one arrives in get()/declare\n";
$N = 2000;
$ch->setConfirmCallback(function (int $tag, bool $multiple) use ($mark, &$ackCalls) {
    $ackCalls++;
    $mark($tag, $multiple);
    return false; // nobody waits: ends nothing
});
for ($i = 0; $i < $N; $i++) {
    $x->publish("m$i", $nowhere);
}
$published += $N;
$q->declareQueue();
var_dump($q->get() !== null);          // the stored message (get still works)
var_dump($allAcked($published), $ackCalls > 0);

echo "-- (a) returns with a return callback, in publish order\n";
$returned = [];
$ch->setReturnCallback(function (int $code, string $text, string $exchange, string $rk, AMQPBasicProperties $p,
                                 string $body) use (&$returned, $nowhere) {
    if ($code !== 312 || $text !== 'NO_ROUTE' || $rk !== $nowhere) {
        echo "unexpected return $code $text $rk\n";
    }
    $returned[] = $body;
    return false;
});
$M = 500;
for ($i = 0; $i < $M; $i++) {
    $x->publish("r$i", $nowhere, AMQP_MANDATORY);
}
$published += $M;
$q->declareQueue();
var_dump($q->get());
var_dump(count($returned), $returned === array_map(fn($i) => "r$i", range(0, $M - 1)), $allAcked($published));

echo "-- (a) a throwing callback: the exception comes from the call, which does nothing; the rest follow\n";
$ch2->close();
$ch2 = new AMQPChannel($c);
(new AMQPExchange($ch2))->publish('stored again', $q->getName());
for ($i = 0; $i < 10; $i++) {
    $x->publish("t$i", $nowhere);
}
$published += 10;
$q->declareQueue();
$threw = false;
$ch->setConfirmCallback(function (int $tag, bool $multiple) use ($mark, &$threw) {
    $mark($tag, $multiple);
    if (!$threw) {
        $threw = true;
        throw new DomainException("from the ack callback");
    }
});
try {
    $q->get();
    echo "no exception\n";
} catch (DomainException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
$env = $q->get(AMQP_AUTOACK);
var_dump($env ? $env->getBody() : null);   // the get that threw took nothing
var_dump($allAcked($published));
var_dump($ch->isConnected());

echo "-- (b) no callbacks: 5 rounds of 2000 mandatory unroutable publishes + get, acks and returns dropped\n";
$ch->setConfirmCallback(null);
$ch->setReturnCallback(null);
$dropped = ['basic.ack' => 0, 'basic.nack' => 0, 'basic.return' => 0];
$callNotices = []; // the texts raised by the current call
set_error_handler(function (int $no, string $str) use (&$dropped, &$callNotices, $ch) {
    if ($no === E_NOTICE && preg_match('/^Unhandled (basic\.\w+) method from server received \(channel (\d+), (\d+) dropped\)\. Use AMQPChannel::(\w+)\(\) to process it\.$/',
                                       $str, $m)) {
        if ((int) $m[2] !== $ch->getChannelId() || $m[4] !== ($m[1] === 'basic.return' ? 'setReturnCallback' : 'setConfirmCallback')) {
            echo "bad notice: $str\n";
        }
        $dropped[$m[1]] += (int) $m[3];
        $callNotices[] = $str;
        return true;
    }
    return false;
});
// runs one call and returns its notices (sorted); more than one per kind is an error
$call = function (string $what, callable $f) use (&$callNotices) {
    $callNotices = [];
    $f();
    $kinds = array_map(fn($s) => explode(' ', $s)[1], $callNotices);
    if (count($kinds) !== count(array_unique($kinds))) {
        echo "$what: more than one notice per kind: ", implode(', ', $kinds), "\n";
    }
    $r = $callNotices;
    sort($r);
    return $r;
};
$body = str_repeat('b', 1024);
$mem = [];
$getNotices = [];
for ($round = 1; $round <= 5; $round++) {
    for ($i = 0; $i < 2000; $i++) {
        $call('publish', fn() => $x->publish($body, $nowhere, AMQP_MANDATORY));
    }
    $published += 2000;
    $call('declare', fn() => $q->declareQueue());
    $got = false;
    $getNotices[] = $call('get', function () use ($q, &$got) { $got = $q->get(); });
    if ($got !== null) {
        echo "get returned a message\n";
    }
    $mem[] = memory_get_usage();
}
// the get after the sync point always finds (at least) the last publish's return and ack queued
echo implode("\n", $getNotices[0]), "\n";
var_dump(array_map('count', $getNotices));
var_dump($dropped['basic.return'], $dropped['basic.ack'] >= 5, $dropped['basic.nack']);
$growth = max($mem) - min($mem);
echo 'memory flat across the rounds: ', var_export($growth < 256 * 1024, true), "\n";
if ($growth >= 256 * 1024) {
    echo "memory: ", implode(' ', $mem), "\n";
}
restore_error_handler();

echo "-- (c) waitForConfirm()/waitForBasicReturn() afterwards: only the new events\n";
$seen = [];
$ch->setConfirmCallback(function (int $tag, bool $multiple) use (&$seen) {
    $seen[] = "ack $tag";
    return false;
});
$ch->setReturnCallback(function (int $code, string $text, string $exchange, string $rk, AMQPBasicProperties $p,
                                 string $body) use (&$seen) {
    $seen[] = "return $body";
    return false;
});
$x->publish('last', $q->getName());
$published++;
$ch->waitForConfirm(5);
var_dump($seen === ["ack $published"]);
$seen = [];
$x->publish('back', $nowhere, AMQP_MANDATORY);
$published++;
$ch->waitForBasicReturn(5);
$ch->waitForConfirm(5);
var_dump($seen === ['return back', "ack $published"]);
var_dump($q->get(AMQP_AUTOACK)->getBody(), $ch->isConnected(), $c->isConnected());
?>
--EXPECTF--
-- (a) acks with a confirm callback returning false: every one arrives in get()/declare
bool(true)
bool(true)
bool(true)
-- (a) returns with a return callback, in publish order
NULL
int(500)
bool(true)
bool(true)
-- (a) a throwing callback: the exception comes from the call, which does nothing; the rest follow
DomainException: from the ack callback
string(12) "stored again"
bool(true)
bool(true)
-- (b) no callbacks: 5 rounds of 2000 mandatory unroutable publishes + get, acks and returns dropped
Unhandled basic.ack method from server received (channel 1, %d dropped). Use AMQPChannel::setConfirmCallback() to process it.
Unhandled basic.return method from server received (channel 1, %d dropped). Use AMQPChannel::setReturnCallback() to process it.
array(5) {
  [0]=>
  int(2)
  [1]=>
  int(2)
  [2]=>
  int(2)
  [3]=>
  int(2)
  [4]=>
  int(2)
}
int(10000)
bool(true)
int(0)
memory flat across the rounds: true
-- (c) waitForConfirm()/waitForBasicReturn() afterwards: only the new events
bool(true)
bool(true)
string(4) "last"
bool(true)
bool(true)

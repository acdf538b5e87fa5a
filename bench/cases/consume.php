<?php
// SPDX-License-Identifier: MIT
// Consume N messages (the harness filled the queue) with prefetch
// BENCH_PREFETCH, acking each one (or BENCH_AUTOACK=1: no-ack consumer).
// consume(null) registers the consumer in the set-up, so that N=0 measures
// the same set-up; cancel() after the loop is the final round trip, and
// makes sure every ack has reached the broker.  `check` counts deliveries
// whose body has SIZE bytes.
require __DIR__ . '/_common.php';
$n = bench_n();
$size = bench_size();
$autoack = (int) bench_env('BENCH_AUTOACK', '0') !== 0;

$conn = bench_connect();
$ch = new AMQPChannel($conn);
$ch->setPrefetchCount((int) bench_env('BENCH_PREFETCH', '1000'));
$q = bench_queue($ch);
$q->consume(null, $autoack ? AMQP_AUTOACK : AMQP_NOPARAM);

$got = 0;
$check = 0;
bench_start();
if ($n > 0) {
    if ($autoack) {
        $q->consume(function (AMQPEnvelope $e, AMQPQueue $q) use (&$got, &$check, $n, $size) {
            if (strlen($e->getBody()) === $size) {
                $check++;
            }
            return ++$got < $n ? null : false;
        }, AMQP_JUST_CONSUME);
    } else {
        $q->consume(function (AMQPEnvelope $e, AMQPQueue $q) use (&$got, &$check, $n, $size) {
            if (strlen($e->getBody()) === $size) {
                $check++;
            }
            $q->ack($e->getDeliveryTag());
            return ++$got < $n ? null : false;
        }, AMQP_JUST_CONSUME);
    }
}
$q->cancel();
bench_stop($n, $check);
$conn->disconnect();

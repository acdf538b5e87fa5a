<?php
// SPDX-License-Identifier: MIT
// Publish N messages in confirm mode, waiting for the broker's acks after
// every BENCH_BATCH publishes (1 = a confirm waited per message; 100 =
// pipelined).  The ack callback follows the highest confirmed tag and ends
// the wait once the batch is confirmed (the broker may ack with multiple=1).
require __DIR__ . '/_common.php';
$n = bench_n();
$batch = max(1, (int) bench_env('BENCH_BATCH', '1'));
$body = str_repeat('x', bench_size());
$key = bench_queue_name();

$conn = bench_connect();
$ch = new AMQPChannel($conn);
$ex = new AMQPExchange($ch);
$q = bench_queue($ch);
$ch->confirmSelect();
$confirmed = 0;
$want = 0;
$ch->setConfirmCallback(
    function (int $tag, bool $multiple) use (&$confirmed, &$want) {
        if ($tag > $confirmed) {
            $confirmed = $tag;
        }
        return $confirmed >= $want ? false : null;
    },
    function (int $tag, bool $multiple, bool $requeue) {
        throw new RuntimeException("nack for $tag");
    }
);

bench_start();
for ($i = 1; $i <= $n; $i++) {
    $ex->publish($body, $key);
    if ($i % $batch === 0 || $i === $n) {
        $want = $i;
        while ($confirmed < $want) {
            $ch->waitForConfirm();
        }
    }
}
$count = $q->declareQueue();
bench_stop($n, $count);
$conn->disconnect();

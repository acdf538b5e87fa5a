<?php
// SPDX-License-Identifier: MIT
// Publish N messages of SIZE bytes to the bench queue (default exchange), no
// confirms; then one passive declare, so the loop ends when the broker has
// taken them all.  `check` is the queue's message count then.
require __DIR__ . '/_common.php';
$n = bench_n();
$body = str_repeat('x', bench_size());
$key = bench_queue_name();

$conn = bench_connect();
$ch = new AMQPChannel($conn);
$ex = new AMQPExchange($ch);
$q = bench_queue($ch);

bench_start();
for ($i = 0; $i < $n; $i++) {
    $ex->publish($body, $key);
}
$count = $q->declareQueue();
bench_stop($n, $count);
$conn->disconnect();

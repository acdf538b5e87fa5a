<?php
// SPDX-License-Identifier: MIT
// N passive queue declares (the "how many messages are pending" call), then
// one more.  `check` is the count of declares answered.
require __DIR__ . '/_common.php';
$n = bench_n();

$conn = bench_connect();
$ch = new AMQPChannel($conn);
$q = bench_queue($ch);

$check = 0;
bench_start();
for ($i = 0; $i < $n; $i++) {
    $q->declareQueue();
    $check++;
}
$q->declareQueue();
bench_stop($n, $check);
$conn->disconnect();

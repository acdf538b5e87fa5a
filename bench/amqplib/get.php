<?php
// SPDX-License-Identifier: MIT
// php-amqplib: see bench/cases/get.php.
require __DIR__ . '/_common.php';
$n = bench_n();
$queue = bench_queue_name();

$conn = lib_connect();
$ch = $conn->channel();

$check = 0;
bench_start();
for ($i = 0; $i < $n; $i++) {
    $m = $ch->basic_get($queue);
    if ($m === null) {
        fwrite(STDERR, "get.php: queue empty after $i messages\n");
        exit(1);
    }
    $m->ack();
    $check++;
}
lib_count($ch);
bench_stop($n, $check);
$ch->close();
$conn->close();

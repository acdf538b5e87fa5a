<?php
// SPDX-License-Identifier: MIT
// php-amqplib: see bench/cases/passive_declare.php.
require __DIR__ . '/_common.php';
$n = bench_n();

$conn = lib_connect();
$ch = $conn->channel();

$check = 0;
bench_start();
for ($i = 0; $i < $n; $i++) {
    lib_count($ch);
    $check++;
}
lib_count($ch);
bench_stop($n, $check);
$ch->close();
$conn->close();

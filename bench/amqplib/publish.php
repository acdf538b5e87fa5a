<?php
// SPDX-License-Identifier: MIT
// php-amqplib: see bench/cases/publish.php.
require __DIR__ . '/_common.php';
use PhpAmqpLib\Message\AMQPMessage;
$n = bench_n();
$body = str_repeat('x', bench_size());
$key = bench_queue_name();

$conn = lib_connect();
$ch = $conn->channel();

bench_start();
for ($i = 0; $i < $n; $i++) {
    // php-amqp always sends content_type text/plain: do the same
    $ch->basic_publish(new AMQPMessage($body, ['content_type' => 'text/plain']), '', $key);
}
$count = lib_count($ch);
bench_stop($n, $count);
$ch->close();
$conn->close();

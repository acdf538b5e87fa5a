<?php
// SPDX-License-Identifier: MIT
// php-amqplib: see bench/cases/confirm.php.  wait_for_pending_acks() after
// every BENCH_BATCH publishes.
require __DIR__ . '/_common.php';
use PhpAmqpLib\Message\AMQPMessage;
$n = bench_n();
$batch = max(1, (int) bench_env('BENCH_BATCH', '1'));
$body = str_repeat('x', bench_size());
$key = bench_queue_name();

$conn = lib_connect();
$ch = $conn->channel();
$ch->confirm_select();
$ch->set_nack_handler(function ($msg) {
    throw new RuntimeException('nack');
});

bench_start();
for ($i = 1; $i <= $n; $i++) {
    $ch->basic_publish(new AMQPMessage($body, ['content_type' => 'text/plain']), '', $key);
    if ($i % $batch === 0 || $i === $n) {
        $ch->wait_for_pending_acks();
    }
}
$count = lib_count($ch);
bench_stop($n, $count);
$ch->close();
$conn->close();

<?php
// SPDX-License-Identifier: MIT
// Publish N messages with a full set of properties and five headers (the
// same as bench/c/mqbench.c's full_props()), then one passive declare.
require __DIR__ . '/_common.php';
$n = bench_n();
$body = str_repeat('x', bench_size());
$key = bench_queue_name();
$props = [
    'content_type' => 'application/json',
    'content_encoding' => 'utf-8',
    'delivery_mode' => 2,
    'priority' => 5,
    'correlation_id' => '3f2b8c1e-5d4a-4e8b-9c7f-1a2b3c4d5e6f',
    'reply_to' => 'bench.replies',
    'expiration' => '600000',
    'message_id' => 'msg-0123456789abcdef',
    'timestamp' => 1700000000,
    'type' => 'order.created',
    'user_id' => bench_env('MQ_TEST_USER', 'guest'),
    'app_id' => 'mq-bench',
    'headers' => [
        'x-trace-id' => '0af7651916cd43dd8448eb211c80319c',
        'x-attempt' => 3,
        'x-retry' => true,
        'x-source' => 'checkout-service',
        'x-path' => [1, 2, 3],
    ],
];

$conn = bench_connect();
$ch = new AMQPChannel($conn);
$ex = new AMQPExchange($ch);
$q = bench_queue($ch);

bench_start();
for ($i = 0; $i < $n; $i++) {
    $ex->publish($body, $key, AMQP_NOPARAM, $props);
}
$count = $q->declareQueue();
bench_stop($n, $count);
$conn->disconnect();

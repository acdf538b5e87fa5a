<?php
// SPDX-License-Identifier: MIT
// php-amqplib: see bench/cases/publish_props.php (same properties and headers).
require __DIR__ . '/_common.php';
use PhpAmqpLib\Message\AMQPMessage;
use PhpAmqpLib\Wire\AMQPTable;
$n = bench_n();
$body = str_repeat('x', bench_size());
$key = bench_queue_name();
$user = bench_env('MQ_TEST_USER', 'guest');

$conn = lib_connect();
$ch = $conn->channel();

bench_start();
for ($i = 0; $i < $n; $i++) {
    // built per message, as php-amqp converts its array per publish
    $msg = new AMQPMessage($body, [
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
        'user_id' => $user,
        'app_id' => 'mq-bench',
        'application_headers' => new AMQPTable([
            'x-trace-id' => '0af7651916cd43dd8448eb211c80319c',
            'x-attempt' => 3,
            'x-retry' => true,
            'x-source' => 'checkout-service',
            'x-path' => [1, 2, 3],
        ]),
    ]);
    $ch->basic_publish($msg, '', $key);
}
$count = lib_count($ch);
bench_stop($n, $count);
$ch->close();
$conn->close();

<?php
// SPDX-License-Identifier: MIT
// php-amqplib: see bench/cases/web_connect.php (one request = connect,
// publish one, close).  php-amqplib has no persistent connections, so there
// is no web_pconnect for it.
require __DIR__ . '/_common.php';
use PhpAmqpLib\Message\AMQPMessage;
$conn = lib_connect();
$ch = $conn->channel();
$ch->basic_publish(new AMQPMessage(str_repeat('x', (int) bench_env('BENCH_SIZE', '64')),
    ['content_type' => 'text/plain']), '', bench_queue_name());
$ch->close();
$conn->close();

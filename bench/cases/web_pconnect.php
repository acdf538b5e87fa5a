<?php
// SPDX-License-Identifier: MIT
// The web-request pattern with a persistent connection: one request =
// pconnect (reusing the worker's pooled connection after the first request),
// open a channel, publish one message.  The connection stays open for the
// next request.  Run under php-cgi like web_connect.php.
require __DIR__ . '/_common.php';
$conn = new AMQPConnection(bench_credentials());
$conn->pconnect();
$ch = new AMQPChannel($conn);
$ex = new AMQPExchange($ch);
$ex->publish(str_repeat('x', (int) bench_env('BENCH_SIZE', '64')), bench_queue_name());

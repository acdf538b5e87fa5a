<?php
// SPDX-License-Identifier: MIT
// The web-request pattern: one request = connect, publish one message,
// disconnect.  Run under php-cgi, one request per message:
//   php-cgi -n -d extension=... -T N bench/cases/web_connect.php
// (-T repeats the request N times in one process, each with the full PHP
// request start-up and shutdown, as FastCGI workers do).  The harness
// measures the php-cgi process from outside (bench/runner.py).
require __DIR__ . '/_common.php';
$conn = bench_connect();
$ch = new AMQPChannel($conn);
$ex = new AMQPExchange($ch);
$ex->publish(str_repeat('x', (int) bench_env('BENCH_SIZE', '64')), bench_queue_name());
$conn->disconnect();

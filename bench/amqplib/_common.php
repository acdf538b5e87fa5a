<?php
// SPDX-License-Identifier: MIT
//
// php-amqplib (Debian's php-amqplib) versions of bench/cases/*.php: the same
// work, arguments, environment and RESULT line (helpers shared with
// bench/cases/_common.php).
//   php -n bench/amqplib/CASE.php N [SIZE]
require __DIR__ . '/../cases/_common.php';
require bench_env('BENCH_AMQPLIB_AUTOLOAD', '/usr/share/php/PhpAmqpLib/autoload.php');

use PhpAmqpLib\Connection\AMQPStreamConnection;

function lib_connect(): AMQPStreamConnection
{
    $c = bench_credentials();
    // PLAIN (the test broker offers PLAIN and EXTERNAL); connection and
    // read/write timeouts of 30 s (valgrind runs are slow)
    return new AMQPStreamConnection($c['host'], $c['port'], $c['login'], $c['password'], $c['vhost'],
        false, 'PLAIN', null, 'en_US', 30.0, 30.0);
}

// passive queue.declare: [name, message count, consumer count]
function lib_count($ch): int
{
    return (int) $ch->queue_declare(bench_queue_name(), true)[1];
}

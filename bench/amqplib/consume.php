<?php
// SPDX-License-Identifier: MIT
// php-amqplib: see bench/cases/consume.php.  basic_consume in the set-up,
// wait() until N deliveries, basic_cancel as the final round trip.
require __DIR__ . '/_common.php';
use PhpAmqpLib\Message\AMQPMessage;
$n = bench_n();
$size = bench_size();
$autoack = (int) bench_env('BENCH_AUTOACK', '0') !== 0;

$conn = lib_connect();
$ch = $conn->channel();
$ch->basic_qos(0, (int) bench_env('BENCH_PREFETCH', '1000'), false);
$got = 0;
$check = 0;
$tag = $ch->basic_consume(bench_queue_name(), '', false, $autoack, false, false,
    function (AMQPMessage $m) use (&$got, &$check, $size, $autoack) {
        if (strlen($m->getBody()) === $size) {
            $check++;
        }
        if (!$autoack) {
            $m->ack();
        }
        $got++;
    });

bench_start();
while ($got < $n) {
    $ch->wait();
}
$ch->basic_cancel($tag);
bench_stop($n, $check);
$ch->close();
$conn->close();

<?php
// SPDX-License-Identifier: MIT
// get() + ack() N messages (the harness filled the queue), then one passive
// declare.  `check` counts the messages received.
require __DIR__ . '/_common.php';
$n = bench_n();

$conn = bench_connect();
$ch = new AMQPChannel($conn);
$q = bench_queue($ch);

$check = 0;
bench_start();
for ($i = 0; $i < $n; $i++) {
    $e = $q->get(AMQP_NOPARAM);
    if (!$e) {
        fwrite(STDERR, "get.php: queue empty after $i messages\n");
        exit(1);
    }
    $q->ack($e->getDeliveryTag());
    $check++;
}
$q->declareQueue();
bench_stop($n, $check);
$conn->disconnect();

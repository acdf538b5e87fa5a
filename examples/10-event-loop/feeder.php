<?php
/* SPDX-License-Identifier: MIT */
/*
 * Example 10's other side: sends datagrams to the loop's UDP address and
 * publishes messages to its queue, interleaved, then a burst of messages
 * while the loop is busy with nothing, an idle pause longer than two
 * heartbeat intervals, and finally "quit".
 *
 * Usage: php feeder.php <udp address> <queue>
 */
[, $address, $queueName] = $argv;
$conn = new AMQPConnection([
    'host' => getenv('MQ_TEST_HOST') ?: 'localhost',
    'port' => (int) (getenv('MQ_TEST_PORT') ?: 5672),
    'login' => getenv('MQ_TEST_USER') ?: 'guest',
    'password' => getenv('MQ_TEST_PASSWORD') ?: 'guest',
]);
$conn->connect();
$exchange = new AMQPExchange(new AMQPChannel($conn));   // default exchange: routes by queue name
$udp = stream_socket_client("udp://$address");
for ($i = 1; $i <= 3; $i++) {
    fwrite($udp, "datagram $i");
    usleep(100000);
    $exchange->publish("message $i", $queueName);
    usleep(100000);
}
for ($i = 4; $i <= 8; $i++) {                           // a burst
    $exchange->publish("message $i", $queueName);
}
usleep(5000000);                                        // the loop idles: heartbeats must flow
fwrite($udp, 'datagram 4');
usleep(300000);
fwrite($udp, 'quit');

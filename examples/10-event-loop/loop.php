<?php
/* SPDX-License-Identifier: MIT */
/*
 * Example 10, an event loop: one process waits with stream_select() on two
 * sources at once - the AMQP connection (mq's AMQPConnection::getStream())
 * and a UDP socket - and handles whatever arrives, without ever blocking in
 * the AMQP library.  Pattern (drain, then select):
 *   1. $queue->consumeNonBlocking($handler) dispatches every delivery that
 *      is buffered or readable now (and sends a heartbeat when one is due),
 *      then returns at once;
 *   2. stream_select() waits for the AMQP stream or the other sockets, at
 *      most half the heartbeat interval, so heartbeats keep flowing.
 * Always drain before waiting: deliveries may sit in the connection's
 * buffer (read by another call, or decrypted by TLS) while the socket
 * itself is not readable.
 *
 * Usage: php loop.php   (prints "ready <udp address> <queue>", then one line
 * per event; a datagram "quit" ends it).  Broker from MQ_TEST_* or localhost.
 */
$conn = new AMQPConnection([
    'host' => getenv('MQ_TEST_HOST') ?: 'localhost',
    'port' => (int) (getenv('MQ_TEST_PORT') ?: 5672),
    'login' => getenv('MQ_TEST_USER') ?: 'guest',
    'password' => getenv('MQ_TEST_PASSWORD') ?: 'guest',
    'heartbeat' => 2,
]);
$conn->connect();
$queue = new AMQPQueue(new AMQPChannel($conn));
$queue->setFlags(AMQP_EXCLUSIVE);           // a server-named queue of our own
$queue->declareQueue();
$queue->consume(null, AMQP_AUTOACK);         // basic.consume only: no blocking loop

$udp = stream_socket_server('udp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND)
    or exit("udp: $errstr\n");
$amqp = $conn->getStream();                  // for readiness only: never read or write it
echo 'ready ', stream_socket_get_name($udp, false), ' ', $queue->getName(), "\n";

$counts = ['amqp' => 0, 'udp' => 0, 'waits' => 0];
$handler = function (AMQPEnvelope $message) use (&$counts) {
    $counts['amqp']++;
    echo 'amqp: ', $message->getBody(), "\n";
};
$deadline = microtime(true) + 60;            // an example must never hang
while (microtime(true) < $deadline) {
    $queue->consumeNonBlocking($handler);    // 1. drain
    $read = [$amqp, $udp];
    $write = $except = null;
    $counts['waits']++;
    if (stream_select($read, $write, $except, 0, 500000) === 0) {   // 2. wait
        continue;                            // idle: the next drain services heartbeats
    }
    if (in_array($udp, $read, true)) {       // the AMQP stream needs no action: step 1 reads it
        $datagram = stream_socket_recvfrom($udp, 1500);
        $counts['udp']++;
        echo 'udp: ', $datagram, "\n";
        if ($datagram === 'quit') {
            break;
        }
    }
}
$queue->consumeNonBlocking($handler);        // whatever came with the last datagram
printf("handled %d datagrams and %d messages in %d waits; connected: %s\n",
    $counts['udp'], $counts['amqp'], $counts['waits'], $conn->isConnected() ? 'yes' : 'no');

<?php
// Shared settings of the stream example.
declare(strict_types=1);

// A stream is an append-only log: consuming does not remove messages.  Every
// reader chooses where to start (x-stream-offset) and keeps its own position.
const STREAM = 'streamlog.events';

function connect(string $name): AMQPConnection
{
    $conn = new AMQPConnection([
        'host' => getenv('MQ_TEST_HOST') ?: 'localhost',
        'port' => (int) (getenv('MQ_TEST_PORT') ?: 5672),
        'login' => getenv('MQ_TEST_USER') ?: 'guest',
        'password' => getenv('MQ_TEST_PASSWORD') ?: 'guest',
        'connection_name' => $name,
        'connect_timeout' => 5,   // never hang: every wait has a limit
        'read_timeout' => 5,
        'write_timeout' => 5,
    ]);
    $conn->connect();
    return $conn;
}

/** Declares the stream: a durable queue with x-queue-type = stream. */
function declare_stream(AMQPChannel $ch): void
{
    $q = new AMQPQueue($ch);
    $q->setName(STREAM);
    $q->setFlags(AMQP_DURABLE);                 // streams must be durable, not auto-delete
    $q->setArgument('x-queue-type', 'stream');
    $q->setArgument('x-max-age', '1D');         // retention: drop segments older than a day
    $q->declareQueue();
}

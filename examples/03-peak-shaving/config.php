<?php
// Shared settings of the peak-shaving example.
declare(strict_types=1);

// The request queue holds at most CAPACITY waiting requests.  With
// x-overflow = reject-publish, the broker refuses every further message
// (a basic.nack to a publisher in confirm mode) instead of dropping the
// oldest one, which is what the default ("drop-head") would do.
const REQUESTS_QUEUE = 'peak.ticket-requests';
const CAPACITY = 5;

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

/** Declares the bounded request queue; returns it (both sides call this). */
function declare_requests_queue(AMQPChannel $ch): AMQPQueue
{
    $q = new AMQPQueue($ch);
    $q->setName(REQUESTS_QUEUE);
    $q->setFlags(AMQP_DURABLE);
    $q->setArgument('x-max-length', CAPACITY);
    $q->setArgument('x-overflow', 'reject-publish');
    $q->declareQueue();
    return $q;
}

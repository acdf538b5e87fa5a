<?php
// Shared settings of the RPC example.
declare(strict_types=1);

const REQUESTS_QUEUE = 'rpc.requests';

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

function declare_requests_queue(AMQPChannel $ch): AMQPQueue
{
    $q = new AMQPQueue($ch);
    $q->setName(REQUESTS_QUEUE);
    $q->setFlags(0);                       // plain: not durable, not auto-delete
    $q->declareQueue();
    return $q;
}

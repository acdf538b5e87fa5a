<?php
// Shared settings of the sign-up demo: broker coordinates come from the
// environment (the private broker started by run.sh), names are fixed.
declare(strict_types=1);

const JOBS_EXCHANGE = 'signup';
const JOBS_QUEUE = 'welcome-emails';

function demo_connection(): AMQPConnection
{
    $conn = new AMQPConnection([
        'host' => getenv('MQ_TEST_HOST') ?: 'localhost',
        'port' => (int) (getenv('MQ_TEST_PORT') ?: 5672),
        'login' => getenv('MQ_TEST_USER') ?: 'guest',
        'password' => getenv('MQ_TEST_PASSWORD') ?: 'guest',
        'connection_name' => 'signup-demo ' . PHP_SAPI,
        'read_timeout' => 10,
    ]);
    $conn->connect();
    return $conn;
}

/** Declares the durable exchange and queue the jobs travel through. */
function demo_topology(AMQPChannel $ch): AMQPQueue
{
    $ex = new AMQPExchange($ch);
    $ex->setName(JOBS_EXCHANGE);
    $ex->setType(AMQP_EX_TYPE_DIRECT);
    $ex->setFlags(AMQP_DURABLE);
    $ex->declareExchange();

    $q = new AMQPQueue($ch);
    $q->setName(JOBS_QUEUE);
    $q->setFlags(AMQP_DURABLE);
    $q->declareQueue();
    $q->bind(JOBS_EXCHANGE, 'welcome-email');
    return $q;
}

/** Ready messages in the jobs queue, without creating or changing it. */
function demo_pending(AMQPConnection $conn): int
{
    $q = new AMQPQueue(new AMQPChannel($conn));
    $q->setName(JOBS_QUEUE);
    $q->setFlags(AMQP_PASSIVE);
    return $q->declareQueue();
}

<?php
// Shared settings of the sign-up demo: broker coordinates come from the
// environment (the private broker started by run.sh), names are fixed.
declare(strict_types=1);

const JOBS_EXCHANGE = 'signup';
const SIGNUP_EVENT = 'user.signed-up';  // routing key of a sign-up
const JOBS_QUEUE = 'welcome-emails';    // the e-mail worker's queue
const SMS_QUEUE = 'welcome-sms';        // the SMS worker's queue

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

/**
 * Declares the durable exchange and the two workers' queues.  Both queues are
 * bound with the same routing key, so every sign-up reaches both workers.
 * Returns the queue named $queue.
 */
function demo_topology(AMQPChannel $ch, string $queue = JOBS_QUEUE): AMQPQueue
{
    $ex = new AMQPExchange($ch);
    $ex->setName(JOBS_EXCHANGE);
    $ex->setType(AMQP_EX_TYPE_DIRECT);
    $ex->setFlags(AMQP_DURABLE);
    $ex->declareExchange();

    $queues = [];
    foreach ([JOBS_QUEUE, SMS_QUEUE] as $name) {
        $q = new AMQPQueue($ch);
        $q->setName($name);
        $q->setFlags(AMQP_DURABLE);
        $q->declareQueue();
        $q->bind(JOBS_EXCHANGE, SIGNUP_EVENT);
        $queues[$name] = $q;
    }
    return $queues[$queue];
}

/** Ready messages in a queue, without creating or changing it. */
function demo_pending(AMQPConnection $conn, string $queue = JOBS_QUEUE): int
{
    $q = new AMQPQueue(new AMQPChannel($conn));
    $q->setName($queue);
    $q->setFlags(AMQP_PASSIVE);
    return $q->declareQueue();
}

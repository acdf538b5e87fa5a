<?php
// Shared settings of the decoupling example.  The broker's address comes
// from the environment (run.sh exports MQ_TEST_*); everything else is fixed.
declare(strict_types=1);

// One topic exchange carries every event of the shop.  The order service
// only knows this exchange and the routing key of its event; it does not
// know who listens.
const EVENTS_EXCHANGE = 'decoupling.shop-events';

// Each consuming service owns a durable queue and decides itself which
// events it wants (its binding keys).  Topic keys: '*' is one word, '#' any.
const SERVICES = [
    'inventory' => ['queue' => 'decoupling.inventory', 'binding' => 'order.*'],
    'billing'   => ['queue' => 'decoupling.billing',   'binding' => 'order.created'],
];

// Delivery mode 2 = persistent (written to disk by durable queues).  php-amqp
// 2.x and mq call it AMQP_DELIVERY_MODE_PERSISTENT; php-amqp 1.x lacks the name.
const PERSISTENT = 2;

function connect(string $name): AMQPConnection
{
    $conn = new AMQPConnection([
        'host' => getenv('MQ_TEST_HOST') ?: 'localhost',
        'port' => (int) (getenv('MQ_TEST_PORT') ?: 5672),
        'login' => getenv('MQ_TEST_USER') ?: 'guest',
        'password' => getenv('MQ_TEST_PASSWORD') ?: 'guest',
        'connection_name' => $name,   // shown in RabbitMQ's management UI
        'connect_timeout' => 5,       // never hang: every wait has a limit
        'read_timeout' => 5,
        'write_timeout' => 5,
    ]);
    $conn->connect();
    return $conn;
}

/** The exchange the order service publishes to (declaring is idempotent). */
function declare_events_exchange(AMQPChannel $ch): AMQPExchange
{
    $ex = new AMQPExchange($ch);
    $ex->setName(EVENTS_EXCHANGE);
    $ex->setType(AMQP_EX_TYPE_TOPIC);
    $ex->setFlags(AMQP_DURABLE);          // survives a broker restart
    $ex->declareExchange();
    return $ex;
}

/**
 * A service's own queue: durable, not auto-delete, so that events keep
 * piling up in it while the service is down.  Returns the queue; its
 * declareQueue() result is the number of messages waiting.
 */
function declare_service_queue(AMQPChannel $ch, string $service, ?int &$waiting = null): AMQPQueue
{
    declare_events_exchange($ch);
    $q = new AMQPQueue($ch);
    $q->setName(SERVICES[$service]['queue']);
    $q->setFlags(AMQP_DURABLE);           // (the default would be auto-delete)
    $waiting = $q->declareQueue();
    $q->bind(EVENTS_EXCHANGE, SERVICES[$service]['binding']);
    return $q;
}

<?php
// A monitoring script: how many messages wait in each queue, and how many
// consumers serve it?  php monitor.php QUEUE...
//
// It uses a *passive* declare: the broker only answers with the queue's
// counters and never creates or changes the queue.  "Ready" counts the
// messages waiting for a consumer; messages delivered but not yet acked are
// not in it.  If the queue does not exist, the broker answers 404 NOT_FOUND
// and closes the channel, so every check uses a channel of its own.
declare(strict_types=1);
require __DIR__ . '/config.php';

$conn = connect('queue monitor');
foreach (array_slice($argv, 1) as $name) {
    $q = new AMQPQueue(new AMQPChannel($conn));
    $q->setName($name);
    $q->setFlags(AMQP_PASSIVE);
    try {
        $ready = $q->declareQueue();          // declare-ok's message count
    } catch (AMQPQueueException $e) {
        if ($e->getCode() !== 404) {
            throw $e;                         // 403 access refused, ...
        }
        printf("%s: no such queue (%d)\n", $name, $e->getCode());
        continue;
    }
    // declare-ok also carries the consumer count; mq exposes it through
    // AMQPQueue::getConsumerCount(), php-amqp has no way to read it.
    $consumers = method_exists($q, 'getConsumerCount')
        ? sprintf('%d consumer(s)', $q->getConsumerCount())
        : 'consumers unknown';
    printf("%s: %d ready, %s\n", $name, $ready, $consumers);
}
$conn->disconnect();

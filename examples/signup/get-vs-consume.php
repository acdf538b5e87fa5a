<?php
// get() versus consume(): get() fetches one message (or null) per round trip
// and suits "is there anything to do?" checks; consume() registers a
// consumer and lets the broker push messages as they come, which suits
// long-running workers.
declare(strict_types=1);
require __DIR__ . '/config.php';

$conn = demo_connection();
$conn->setReadTimeout(2);
$ch = new AMQPChannel($conn);
$q = new AMQPQueue($ch);
$q->setFlags(AMQP_EXCLUSIVE); // gone when the connection closes
$q->declareQueue(); // server-named queue
$ex = new AMQPExchange($ch); // the default exchange routes by queue name
foreach (['one', 'two', 'three'] as $body) {
    $ex->publish($body, $q->getName());
}

$env = $q->get(AMQP_AUTOACK);
printf("get():     %s\n", $env ? $env->getBody() : 'null');

$seen = [];
$q->consume(function (AMQPEnvelope $e, AMQPQueue $queue) use (&$seen): bool {
    $seen[] = $e->getBody();
    $queue->ack($e->getDeliveryTag());
    return count($seen) < 2;
});
printf("consume(): %s\n", implode(', ', $seen));
$q->cancel();
printf("get() on an empty queue: %s\n", var_export($q->get(), true));
$conn->disconnect();

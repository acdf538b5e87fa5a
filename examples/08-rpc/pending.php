<?php
// Prints the number of requests waiting for a server (passive declare).
declare(strict_types=1);
require __DIR__ . '/config.php';

$conn = connect('rpc monitor');
$q = new AMQPQueue(new AMQPChannel($conn));
$q->setName(REQUESTS_QUEUE);
$q->setFlags(AMQP_PASSIVE);
printf("requests waiting: %d\n", $q->declareQueue());
$conn->disconnect();

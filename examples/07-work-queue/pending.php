<?php
// Prints the number of ready tasks (passive declare: creates nothing).
declare(strict_types=1);
require __DIR__ . '/config.php';

$conn = connect('tasks monitor');
$q = new AMQPQueue(new AMQPChannel($conn));
$q->setName(TASKS_QUEUE);
$q->setFlags(AMQP_PASSIVE);
echo $q->declareQueue(), "\n";
$conn->disconnect();

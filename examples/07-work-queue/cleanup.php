<?php
// Deletes the task queue (run.sh calls this before and after the demo).
declare(strict_types=1);
require __DIR__ . '/config.php';

$conn = connect('tasks cleanup');
$q = new AMQPQueue(new AMQPChannel($conn));
$q->setName(TASKS_QUEUE);
$q->delete();
$conn->disconnect();

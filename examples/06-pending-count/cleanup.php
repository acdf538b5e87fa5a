<?php
// Deletes the example's queue (run.sh calls this before and after the demo).
declare(strict_types=1);
require __DIR__ . '/config.php';

$conn = connect('pending cleanup');
$q = new AMQPQueue(new AMQPChannel($conn));
$q->setName(JOBS_QUEUE);
$q->delete();
$conn->disconnect();

<?php
// Deletes the request queue (run.sh calls this before and after the demo).
declare(strict_types=1);
require __DIR__ . '/config.php';

$conn = connect('peak-cleanup');
$q = new AMQPQueue(new AMQPChannel($conn));
$q->setName(REQUESTS_QUEUE);
$q->delete();
$conn->disconnect();

<?php
// Deletes the stream (run.sh calls this before and after the demo).
declare(strict_types=1);
require __DIR__ . '/config.php';

$conn = connect('stream-cleanup');
$q = new AMQPQueue(new AMQPChannel($conn));
$q->setName(STREAM);
$q->delete();
$conn->disconnect();

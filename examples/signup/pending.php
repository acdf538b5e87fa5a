<?php
// Prints the number of pending jobs of both workers: a passive declare, which
// neither creates nor changes a queue.  A missing queue is reported, not
// created.
declare(strict_types=1);
require __DIR__ . '/config.php';

$conn = demo_connection();
try {
    printf("pending welcome e-mails: %d, SMS: %d\n", demo_pending($conn), demo_pending($conn, SMS_QUEUE));
} catch (AMQPQueueException $e) {
    printf("no such queue (%d): %s\n", $e->getCode(), $e->getMessage());
}
$conn->disconnect();

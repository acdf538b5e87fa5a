<?php
// Prints the number of pending jobs: a passive declare, which neither creates
// nor changes the queue.  A missing queue is reported, not created.
declare(strict_types=1);
require __DIR__ . '/config.php';

$conn = demo_connection();
try {
    printf("pending welcome e-mails: %d\n", demo_pending($conn));
} catch (AMQPQueueException $e) {
    printf("no such queue (%d): %s\n", $e->getCode(), $e->getMessage());
}
$conn->disconnect();

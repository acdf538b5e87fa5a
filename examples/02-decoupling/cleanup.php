<?php
// Removes the example's queues and exchange, so that the next run starts
// from scratch (run.sh calls it before and after the demo).
declare(strict_types=1);
require __DIR__ . '/config.php';

$conn = connect('decoupling-cleanup');
$ch = new AMQPChannel($conn);
foreach (SERVICES as $s) {
    $q = new AMQPQueue($ch);
    $q->setName($s['queue']);
    $q->delete();                         // deleting a missing queue is fine
}
$ex = new AMQPExchange($ch);
$ex->delete(EVENTS_EXCHANGE);
$conn->disconnect();

<?php
// The back end: takes requests from the queue at its own pace (one at a
// time, prefetch 1), does the slow work and acks.  Every ack frees a place
// in the bounded queue.  Stops after --idle seconds without a request.
declare(strict_types=1);
require __DIR__ . '/config.php';

$conn = connect('ticket-worker');
$conn->setReadTimeout(1.0);                 // idle limit of consume()
$ch = new AMQPChannel($conn);
$ch->setPrefetchCount(1);
$q = declare_requests_queue($ch);

$issued = 0;
try {
    $q->consume(function (AMQPEnvelope $msg, AMQPQueue $queue) use (&$issued): bool {
        $request = json_decode($msg->getBody(), true)['request'];
        usleep(50000);                      // the slow part: payment, PDF, e-mail ...
        printf("worker: ticket issued for request %d\n", $request);
        $queue->ack($msg->getDeliveryTag());
        $issued++;
        return true;
    });
} catch (AMQPQueueException $e) {
    if ($e->getMessage() !== 'Consumer timeout exceed') {
        throw $e;
    }
}
printf("worker: %d ticket(s) issued, queue empty\n", $issued);
$conn->disconnect();

<?php
// A worker that is stuck: it takes as many jobs as its prefetch window
// allows (2) and never acks them.  While it is connected, those 2 jobs are
// "unacked", not "ready"; when it dies, the broker puts them back.  It gives
// up by itself after 30 s.
declare(strict_types=1);
require __DIR__ . '/config.php';

$conn = connect('slow worker');
$conn->setReadTimeout(30);
$ch = new AMQPChannel($conn);
$ch->setPrefetchCount(2);                  // at most 2 unacked deliveries
$q = declare_jobs_queue($ch);
$held = 0;
$q->consume(function () use (&$held): bool {
    return ++$held < 2;                    // stop after the second one, no ack
});
echo "worker: holding $held job(s)\n";
sleep(30);

<?php
// The second CLI worker of the demo: the same sign-up events reach its own
// queue (welcome-sms), and it "sends" a welcome SMS by writing a file into
// $DEMO_SMS_OUTBOX (a real one would call an SMS gateway).  Sign-ups without
// a phone number are acked and skipped.  Stops after --max jobs, or after
// --idle seconds without a job.
declare(strict_types=1);
require __DIR__ . '/config.php';

$opts = getopt('', ['max:', 'idle:']);
$max = (int) ($opts['max'] ?? 0);
$idle = (float) ($opts['idle'] ?? 5);
$outbox = getenv('DEMO_SMS_OUTBOX') ?: sys_get_temp_dir() . '/sms-outbox';
is_dir($outbox) || mkdir($outbox, 0777, true);

$conn = demo_connection();
$conn->setReadTimeout($idle);
$ch = new AMQPChannel($conn);
$ch->setPrefetchCount(10);
$q = demo_topology($ch, SMS_QUEUE);

$done = 0;
try {
    $q->consume(function (AMQPEnvelope $job, AMQPQueue $queue) use (&$done, $max, $outbox): bool {
        $data = json_decode($job->getBody(), true, 4, JSON_THROW_ON_ERROR);
        if (($data['phone'] ?? '') !== '') {
            $text = "Welcome {$data['name']}! Your account is ready.";
            file_put_contents("$outbox/sms-" . $job->getMessageId() . '.txt', "To: {$data['phone']}\n$text\n");
            printf("sms-worker: sent welcome SMS to %s\n", $data['phone']);
        }
        $queue->ack($job->getDeliveryTag());
        $done++;
        return !($max > 0 && $done >= $max);
    });
} catch (AMQPQueueException $e) {
    if ($e->getMessage() !== 'Consumer timeout exceed') {
        throw $e;
    }
    printf("sms-worker: idle for %.0f s, stopping\n", $idle);
}
printf("sms-worker: %d job(s) done\n", $done);
$conn->disconnect();

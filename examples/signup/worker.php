<?php
// The CLI worker of the demo: consumes welcome-e-mail jobs with a prefetch
// window, "sends" each through PHP's mail() (sendmail_path points at a
// script that writes into the outbox folder) and acks only after that.
// Stops after --max jobs, or after --idle seconds without a job.
declare(strict_types=1);
require __DIR__ . '/config.php';

$opts = getopt('', ['max:', 'idle:']);
$max = (int) ($opts['max'] ?? 0);
$idle = (float) ($opts['idle'] ?? 5);

$conn = demo_connection();
$conn->setReadTimeout($idle);
$ch = new AMQPChannel($conn);
$ch->setPrefetchCount(10);
$q = demo_topology($ch);

$done = 0;
try {
    $q->consume(function (AMQPEnvelope $job, AMQPQueue $queue) use (&$done, $max): bool {
        $data = json_decode($job->getBody(), true, 4, JSON_THROW_ON_ERROR);
        $sent = mail(
            $data['email'],
            'Welcome to the demo',
            "Hello {$data['name']},\n\nthanks for signing up.\n",
            ['From' => 'noreply@example.org', 'Message-ID' => '<' . $job->getMessageId() . '@demo>']
        );
        if (!$sent) {
            $queue->nack($job->getDeliveryTag(), AMQP_REQUEUE);
            return true;
        }
        $queue->ack($job->getDeliveryTag());
        $done++;
        printf("worker: sent welcome e-mail to %s\n", $data['email']);
        return !($max > 0 && $done >= $max);
    });
} catch (AMQPQueueException $e) {
    if ($e->getMessage() !== 'Consumer timeout exceed') {
        throw $e;
    }
    printf("worker: idle for %.0f s, stopping\n", $idle);
}
printf("worker: %d job(s) done\n", $done);
$conn->disconnect();

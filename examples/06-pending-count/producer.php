<?php
// Queues report jobs: php producer.php COUNT
declare(strict_types=1);
require __DIR__ . '/config.php';

$conn = connect('report producer');
$ch = new AMQPChannel($conn);
declare_jobs_queue($ch);
$ch->confirmSelect();
$ch->setConfirmCallback(static fn(): bool => false, static function (): bool {
    throw new RuntimeException('the broker refused a job');
});
$ex = new AMQPExchange($ch);
$count = (int) ($argv[1] ?? 1);
for ($i = 1; $i <= $count; $i++) {
    $ex->publish("report #$i", JOBS_QUEUE, AMQP_NOPARAM, ['delivery_mode' => 2]);
    $ch->waitForConfirm(5.0);
}
echo "producer: $count job(s) queued\n";
$conn->disconnect();

<?php
// Queues COUNT tasks, each taking SECONDS of work: php producer.php COUNT SECONDS
declare(strict_types=1);
require __DIR__ . '/config.php';

$count = (int) ($argv[1] ?? 10);
$seconds = (float) ($argv[2] ?? 0.3);

$conn = connect('task producer');
$ch = new AMQPChannel($conn);
declare_tasks_queue($ch);
$ch->confirmSelect();
$ch->setConfirmCallback(static fn(): bool => false, static function (): bool {
    throw new RuntimeException('the broker refused a task');
});
$ex = new AMQPExchange($ch);
for ($i = 1; $i <= $count; $i++) {
    $ex->publish(json_encode(['task' => $i, 'seconds' => $seconds]), TASKS_QUEUE, AMQP_NOPARAM, [
        'delivery_mode' => 2,            // ... if they are persistent too
        'content_type' => 'application/json',
    ]);
    $ch->waitForConfirm(5.0);
}
echo "producer: $count task(s) queued\n";
$conn->disconnect();

<?php
// Appends events to the log: php append.php EVENT...
// Waits for the publisher confirm of each, so the events are stored when
// this script ends.
declare(strict_types=1);
require __DIR__ . '/config.php';

$conn = connect('stream-writer');
$ch = new AMQPChannel($conn);
declare_stream($ch);
$ch->confirmSelect();
$ch->setConfirmCallback(static fn(): bool => false, static function (): bool {
    throw new RuntimeException('the broker refused an event');
});
$ex = new AMQPExchange($ch);                   // default exchange: routing key = queue name
foreach (array_slice($argv, 1) as $event) {
    $ex->publish($event, STREAM, AMQP_NOPARAM, ['timestamp' => time()]);
    $ch->waitForConfirm(5.0);
    echo "appended: $event\n";
}
$conn->disconnect();

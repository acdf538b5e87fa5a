<?php
// The order service: publishes one "order.created" event per order id given
// on the command line.  It waits for the broker's publisher confirm, so once
// it says "created", the event is safely queued for every interested
// service -- whether those services are running or not.
//
//   php order-service.php 1001 1002 ...
declare(strict_types=1);
require __DIR__ . '/config.php';

$conn = connect('order-service');
$ch = new AMQPChannel($conn);
$ex = declare_events_exchange($ch);

$ch->confirmSelect();                          // ask for publisher confirms
$ch->setConfirmCallback(
    static fn(): bool => false,                // ack: stop waiting
    static function (): bool {                 // nack: the broker lost it
        throw new RuntimeException('the broker refused the event');
    }
);

$items = ['book', 'lamp', 'mug', 'chair', 'pen'];
foreach (array_slice($argv, 1) as $i => $id) {
    $order = ['id' => (int) $id, 'item' => $items[$i % count($items)], 'qty' => 1 + $i % 3];
    $ex->publish(json_encode($order, JSON_THROW_ON_ERROR), 'order.created', AMQP_NOPARAM, [
        'content_type' => 'application/json',
        'delivery_mode' => PERSISTENT,   // written to disk
        'message_id' => "order-$id",
    ]);
    $ch->waitForConfirm(5.0);                  // at most 5 s
    printf("order service: order %d created (%d x %s)\n", $order['id'], $order['qty'], $order['item']);
}
$conn->disconnect();

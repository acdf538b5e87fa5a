<?php
// Deletes the inboxes and exchanges of the chat example (run.sh calls this
// before and after the demo).
declare(strict_types=1);
require __DIR__ . '/chat.php';

$conn = connect('chat cleanup');
$ch = new AMQPChannel($conn);
foreach (['alice', 'bob', 'carol', 'dave'] as $user) {
    $q = new AMQPQueue($ch);
    $q->setName(inbox_name($user));
    $q->delete();
}
$ex = new AMQPExchange($ch);
$ex->delete(PRIVATE_EXCHANGE);
$ex->delete(room_exchange('lobby'));
$conn->disconnect();

<?php
// The front end during a rush: a burst of ticket requests arrives at once.
// Instead of doing the slow work (payment, ticket issuing) right away, each
// request is put in the bounded queue and answered as soon as the broker has
// confirmed or refused it:
//   basic.ack  -> "accepted": a worker will issue the ticket soon;
//   basic.nack -> "sold out": the queue is full, answer at once.
//
//   php box-office.php FIRST_REQUEST_ID COUNT
declare(strict_types=1);
require __DIR__ . '/config.php';

$first = (int) ($argv[1] ?? 1);
$count = (int) ($argv[2] ?? 8);

$conn = connect('box-office');
$ch = new AMQPChannel($conn);
declare_requests_queue($ch);
$ex = new AMQPExchange($ch);        // the default exchange: routing key = queue name

// In confirm mode the broker numbers the messages we publish on this
// channel 1, 2, 3, ... (the delivery tag) and later acks or nacks each
// number -- possibly several at once ($multiple: "all up to this tag").
$ch->confirmSelect();
$waiting = [];                      // delivery tag => request id
$answers = [];                      // request id => answer
$settle = static function (int $tag, bool $multiple, string $answer) use (&$waiting, &$answers): bool {
    foreach ($waiting as $t => $request) {
        if ($t === $tag || ($multiple && $t < $tag)) {
            $answers[$request] = $answer;
            unset($waiting[$t]);
        }
    }
    return $waiting !== [];         // false ends waitForConfirm(): all answered
};
$ch->setConfirmCallback(
    static fn(int $tag, bool $multiple): bool => $settle($tag, $multiple, 'accepted, your ticket is being issued'),
    static fn(int $tag, bool $multiple, bool $requeue): bool => $settle($tag, $multiple, 'sold out, sorry')
);

// The burst: publish everything first, then collect the answers.
for ($i = 0; $i < $count; $i++) {
    $request = $first + $i;
    $ex->publish(json_encode(['request' => $request]), REQUESTS_QUEUE, AMQP_NOPARAM, [
        'content_type' => 'application/json',
        'delivery_mode' => 2,       // persistent
    ]);
    $waiting[$i + 1] = $request;    // the i-th publish on this channel has tag i+1
}
while ($waiting !== []) {
    $ch->waitForConfirm(5.0);       // throws "Wait timeout exceed" after 5 s of silence
}

ksort($answers);
foreach ($answers as $request => $answer) {
    printf("request %d: %s\n", $request, $answer);
}
$conn->disconnect();

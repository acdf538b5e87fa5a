<?php
// A consuming service (inventory or billing).  It handles the events that
// are waiting in its own queue, acks each one after handling it, and stops
// once no event came for --idle seconds (a real service would run forever).
//
//   php service.php inventory|billing [--setup] [--idle SECONDS]
//
// --setup only declares the service's queue and binding ("deploying" it) and
// reports how many events are waiting.
declare(strict_types=1);
require __DIR__ . '/config.php';

$service = $argv[1] ?? '';
$setup = in_array('--setup', $argv, true);
$i = array_search('--idle', $argv, true);
$idle = $i === false ? 1.0 : (float) ($argv[$i + 1] ?? 1);
if (!isset(SERVICES[$service])) {
    fwrite(STDERR, "usage: php service.php inventory|billing [--setup] [--idle SECONDS]\n");
    exit(2);
}

$conn = connect("$service-service");
$ch = new AMQPChannel($conn);
$ch->setPrefetchCount(10);                   // at most 10 unacked events at a time
$q = declare_service_queue($ch, $service, $waiting);
if ($setup) {
    printf("%s: queue %s ready, %d event(s) waiting\n", $service, $q->getName(), $waiting);
    $conn->disconnect();
    exit(0);
}

$handled = 0;
$conn->setReadTimeout($idle);                // consume() gives up after $idle s without an event
try {
    $q->consume(function (AMQPEnvelope $event, AMQPQueue $queue) use ($service, &$handled): bool {
        $order = json_decode($event->getBody(), true, 4, JSON_THROW_ON_ERROR);
        if ($service === 'inventory') {
            printf("inventory: reserved %d x %s for order %d\n", $order['qty'], $order['item'], $order['id']);
        } else {
            printf("billing: invoiced order %d\n", $order['id']);
        }
        $queue->ack($event->getDeliveryTag());   // done: the broker may forget it
        $handled++;
        return true;                             // keep consuming
    });
} catch (AMQPQueueException $e) {
    if ($e->getMessage() !== 'Consumer timeout exceed') {
        throw $e;
    }
}
printf("%s: %d event(s) handled, going down\n", $service, $handled);
$conn->disconnect();

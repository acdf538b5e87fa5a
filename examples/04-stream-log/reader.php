<?php
// Reads the log from a chosen position, prints each event with its offset,
// and remembers where it stopped (in STATE_DIR/NAME.offset), so that the
// next run with "--from stored" continues there.  Stops after 1 s without
// a new event.
//
//   php reader.php NAME --from first|last|next|offset:N|timestamp:UNIX|stored
declare(strict_types=1);
require __DIR__ . '/config.php';

$name = $argv[1] ?? 'reader';
$i = array_search('--from', $argv, true);
$from = $i === false ? 'stored' : (string) ($argv[$i + 1] ?? '');
$stateFile = (getenv('STATE_DIR') ?: sys_get_temp_dir()) . "/$name.offset";

// Where to start, as the value of the x-stream-offset consume argument:
// 'first' / 'last' / 'next', an offset (int), or a point in time (a
// timestamp value; the broker starts at the chunk of messages written then,
// so it may deliver a few slightly older ones).
if ($from === 'stored') {
    $start = is_file($stateFile) ? (int) file_get_contents($stateFile) : 'first';
} elseif (str_starts_with($from, 'offset:')) {
    $start = (int) substr($from, 7);
} elseif (str_starts_with($from, 'timestamp:')) {
    $start = new AMQPTimestamp((float) substr($from, 10));
} else {
    $start = $from;
}

$conn = connect("stream-reader $name");
$conn->setReadTimeout(1.0);                    // stop after 1 s without events
$ch = new AMQPChannel($conn);
// Streams need a prefetch limit (basic.qos) and manual acks; the ack only
// grants credit for more deliveries, it does not remove anything.
$ch->setPrefetchCount(50);

// An AMQPQueue's arguments go out with queue.declare AND basic.consume, so
// this object only consumes (it never declares): its x-stream-offset is a
// consume argument.
$q = new AMQPQueue($ch);
$q->setName(STREAM);
$q->setArguments(['x-stream-offset' => $start]);   // (setArgument() works too in mq)

$next = null;
$read = 0;
try {
    $q->consume(function (AMQPEnvelope $e, AMQPQueue $queue) use ($name, &$next, &$read): bool {
        $offset = $e->getHeader('x-stream-offset');   // set by the broker on every delivery
        printf("%s: #%d %s\n", $name, $offset, $e->getBody());
        $queue->ack($e->getDeliveryTag());
        $next = $offset + 1;
        $read++;
        return true;
    });
} catch (AMQPQueueException $e) {
    if ($e->getMessage() !== 'Consumer timeout exceed') {
        throw $e;
    }
}
if ($next !== null) {
    file_put_contents($stateFile, (string) $next);  // a real reader would store this atomically
}
printf("%s: %d event(s) read, next time from %s\n", $name, $read, $next ?? 'the same place');
$conn->disconnect();

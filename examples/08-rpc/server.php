<?php
// The RPC server: takes requests from the request queue one at a time,
// computes the answer and publishes it to the queue named in the request's
// reply_to property, with the request's correlation_id, so that the client
// can tell which call it answers.
//
//   php server.php [IDLE_SECONDS]   (stops after IDLE_SECONDS without a request)
declare(strict_types=1);
require __DIR__ . '/config.php';

$idle = (float) ($argv[1] ?? 10);

function fib(int $n): int
{
    [$a, $b] = [0, 1];
    for ($i = 0; $i < $n; $i++) {
        [$a, $b] = [$b, $a + $b];
    }
    return $a;
}

$conn = connect('rpc server');
$conn->setReadTimeout($idle);              // consume() gives up after $idle s without a request
$ch = new AMQPChannel($conn);
$ch->setPrefetchCount(1);
$requests = declare_requests_queue($ch);
$replies = new AMQPExchange($ch);          // the default exchange: routing key = queue name

$serve = function (AMQPEnvelope $req, AMQPQueue $q) use ($replies): bool {
    $call = json_decode($req->getBody(), true);
    $result = match ($call['method']) {
        'fib' => fib((int) $call['arg']),
        'sleep' => (function (float $s) { usleep((int) ($s * 1e6)); return "slept {$s} s"; })($call['arg']),
        default => null,
    };
    printf("server: %s(%s) = %s\n", $call['method'], $call['arg'], json_encode($result));
    $replies->publish(json_encode(['result' => $result]), $req->getReplyTo(), AMQP_NOPARAM, [
        'correlation_id' => $req->getCorrelationId(),
        'content_type' => 'application/json',
    ]);
    $q->ack($req->getDeliveryTag());
    return true;
};

echo "server: ready\n";
try {
    $requests->consume($serve);
} catch (AMQPQueueException $e) {
    if ($e->getMessage() !== 'Consumer timeout exceed') {
        throw $e;
    }
}
$conn->disconnect();
echo "server: no request for $idle s, stopped\n";

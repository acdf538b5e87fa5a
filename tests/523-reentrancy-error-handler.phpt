--TEST--
re-entrancy: an error handler that uses the same connection (publish, get) while a received message's headers are converted (the E_WARNING for headers deeper than amqp.deserialization_depth) runs only after the conversion; consume(), get() and the return callback all deliver intact messages
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--INI--
amqp.deserialization_depth=3
--FILE--
<?php
require __DIR__ . '/_broker.inc';
$conn = mq_test_connection();
$ch = new AMQPChannel($conn);
$ch->setPrefetchCount(20);
$q = new AMQPQueue($ch);
$q->setFlags(AMQP_EXCLUSIVE);
$q->declareQueue();
$side = new AMQPQueue($ch);
$side->setFlags(AMQP_EXCLUSIVE);
$side->declareQueue();
$x = new AMQPExchange($ch);
$deep = ['l1' => ['l2' => ['l3' => ['l4' => 'too deep']]]];
for ($i = 1; $i <= 8; $i++) {
    $x->publish(str_repeat("m$i ", 2000), $q->getName(), AMQP_NOPARAM,
        ['headers' => ['n' => $i, 'deep' => $deep, 'pad' => str_repeat('h', 3000)]]);
}
$warnings = 0;
set_error_handler(function (int $no, string $text) use ($x, $side, &$warnings) {
    $warnings++;
    // the handler works the connection hard: a publish and an RPC that
    // reads (and queues) the deliveries that arrive meanwhile
    $x->publish('side', $side->getName());
    $side->get(AMQP_AUTOACK);
    if ($warnings === 1) {
        echo "warning: $text\n";
    }
    return true;
});
$got = [];
$q->consume(function (AMQPEnvelope $e, AMQPQueue $queue) use (&$got) {
    $ok = $e->getBody() === str_repeat("m{$e->getHeader('n')} ", 2000)
        && $e->getHeader('pad') === str_repeat('h', 3000) && !$e->hasHeader('deep');
    $got[] = $e->getHeader('n') . ($ok ? '' : '(corrupt)');
    $queue->ack($e->getDeliveryTag());
    return count($got) < 6;
});
echo "consumed: ", implode(' ', $got), "\n";
$q->cancel();
$x->publish(str_repeat("m9 ", 2000), $q->getName(), AMQP_NOPARAM, ['headers' => ['n' => 9, 'deep' => $deep]]);
$m = null;
for ($i = 0; $i < 100 && !$m; $i++) {
    // the deliveries 7 and 8 stay unacked with the cancelled consumer
    $m = $q->get(AMQP_AUTOACK) ?: null;
    $m || usleep(10000);
}
echo "get: ", $m->getHeader('n'), ' ', $m->getBody() === str_repeat("m{$m->getHeader('n')} ", 2000) ? 'intact' : 'corrupt', "\n";

// basic.return: the same conversion before the return callback
$x->publish('unroutable', 'mq-nowhere-' . bin2hex(random_bytes(4)), AMQP_MANDATORY,
    ['headers' => ['deep' => $deep, 'n' => 99]]);
$ch->setReturnCallback(function ($code, $text, $exchange, $key, AMQPBasicProperties $p, $body) {
    echo "return: $code $body n=", $p->getHeaders()['n'], "\n";
    return false;
});
$ch->waitForBasicReturn(5);
echo "warnings: $warnings\n";
?>
--EXPECT--
warning: AMQPQueue::consume(): Ignoring header 'deep': maximum deserialization depth limit of 3 reached while deserializing value
consumed: 1 2 3 4 5 6
get: 9 intact
return: 312 unroutable n=99
warnings: 8

<?php
/* SPDX-License-Identifier: MIT */
/*
 * Body of tests/soak/consume-rss.sh: publishes $argv[1] messages in confirm
 * mode (batches of 1000), consumes and acks them with prefetch 1000, prints
 * RSS every 100,000 messages and fails (exit 1) when RSS grew by 1 MiB or
 * more after the first 10,000 consumed messages.
 */
require __DIR__ . '/../_broker.inc';

function rss(): int
{
    preg_match('/^VmRSS:\s+(\d+) kB/m', (string) file_get_contents('/proc/self/status'), $m);
    return (int) $m[1] * 1024;
}

$total = (int) ($argv[1] ?? 1000000);
$c = mq_test_connection(['read_timeout' => 60]);
$ch = new AMQPChannel($c);
$q = new AMQPQueue($ch);
$q->setFlags(AMQP_EXCLUSIVE);
$q->declareQueue();
$x = new AMQPExchange($ch);
$ch->confirmSelect();

$t0 = microtime(true);
$confirmed = 0;
$ch->setConfirmCallback(function (int $tag, bool $multiple) use (&$confirmed, &$sent) {
    $confirmed = $tag;
    return $confirmed < $sent;
}, function (int $tag) {
    throw new RuntimeException("nack $tag");
});
$sent = 0;
$body = str_repeat('m', 100);
while ($sent < $total) {
    for ($i = 0; $i < 1000 && $sent < $total; $i++) {
        $x->publish($body, $q->getName(), AMQP_NOPARAM, ['message_id' => (string) $sent]);
        $sent++;
    }
    if ($confirmed < $sent) {
        $ch->waitForConfirm(30);
    }
}
printf("published %d (confirmed %d) in %.1f s, rss %.2f MiB\n", $sent, $confirmed, microtime(true) - $t0,
    rss() / 1048576);

$ch2 = new AMQPChannel($c);
$ch2->setPrefetchCount(1000);
$q2 = new AMQPQueue($ch2);
$q2->setName($q->getName());
$n = 0;
$warm = 0;
$t1 = microtime(true);
$samples = [];
$q2->consume(function (AMQPEnvelope $e, AMQPQueue $queue) use (&$n, &$warm, $total, $t1, &$samples) {
    $queue->ack($e->getDeliveryTag());
    $n++;
    if ($n === 10000) {
        $warm = rss();
        printf("%8d consumed, rss %.2f MiB (warm-up mark)\n", $n, $warm / 1048576);
    }
    if ($n % 100000 === 0) {
        $r = rss();
        $samples[] = $r;
        printf("%8d consumed, rss %.2f MiB, %+d KiB since warm-up, %.1f s\n", $n, $r / 1048576,
            ($r - $warm) / 1024, microtime(true) - $t1);
    }
    return $n < $total ? null : false;
});
$end = rss();
$grow = $end - $warm;
printf("consumed %d in %.1f s (%.0f msg/s); rss after warm-up %.2f MiB, at end %.2f MiB, growth %d KiB, max %.2f MiB\n",
    $n, microtime(true) - $t1, $n / (microtime(true) - $t1), $warm / 1048576, $end / 1048576, $grow / 1024,
    max($samples ?: [$end]) / 1048576);
$ok = $n === $total && $grow < (1 << 20);
echo $ok ? "PASS\n" : "FAIL\n";
exit($ok ? 0 : 1);

<?php
// SPDX-License-Identifier: MIT
// Memory over a long consume: N messages (default 1,000,000) go through the
// bench queue in batches of 10,000: publish a batch, then consume and ack it
// (prefetch 1000).  RSS (from /proc/self/statm) is taken after the first
// batch and at the end; the target is that they differ by at most 1 MiB.
//   RESULT n=N wall=S utime=S stime=S maxrss_kb=K check=X rss_first_kb=K
//          rss_last_kb=K mem_first=B mem_last=B
require __DIR__ . '/_common.php';
$n = bench_n();
$body = str_repeat('x', bench_size());
$key = bench_queue_name();
$batch = min($n, 10000);

function rss_kb(): int
{
    $f = explode(' ', file_get_contents('/proc/self/statm'));
    return intdiv((int) $f[1] * 4096, 1024);
}

$conn = bench_connect();
$ch = new AMQPChannel($conn);
$ch->setPrefetchCount(1000);
$ex = new AMQPExchange($ch);
$q = bench_queue($ch);
$q->consume(null);

$got = 0;
$rssFirst = $memFirst = 0;
bench_start();
while ($got < $n) {
    $want = min($batch, $n - $got);
    for ($i = 0; $i < $want; $i++) {
        $ex->publish($body, $key);
    }
    $stop = $got + $want;
    $q->consume(function (AMQPEnvelope $e, AMQPQueue $q) use (&$got, $stop) {
        $q->ack($e->getDeliveryTag());
        return ++$got < $stop ? null : false;
    }, AMQP_JUST_CONSUME);
    if ($rssFirst === 0) {
        gc_collect_cycles();
        $rssFirst = rss_kb();
        $memFirst = memory_get_usage();
    }
}
$q->cancel();
gc_collect_cycles();
$rssLast = rss_kb();
$memLast = memory_get_usage();
ob_start();
bench_stop($n, $got);
echo rtrim(ob_get_clean()), " rss_first_kb=$rssFirst rss_last_kb=$rssLast mem_first=$memFirst mem_last=$memLast\n";
$conn->disconnect();

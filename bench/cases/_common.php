<?php
// SPDX-License-Identifier: MIT
//
// Shared by the case scripts in bench/cases/.  They use only the php-amqp
// API (AMQPConnection, AMQPChannel, AMQPExchange, AMQPQueue), so the very
// same script runs on mq and on PECL amqp (1.x or 2.x).
//
//   php -n -d extension=mq.so   bench/cases/CASE.php N [SIZE]
//   php -n -d extension=amqp.so bench/cases/CASE.php N [SIZE]
//
// N messages (0 = only the set-up, for the N-vs-0 subtraction); SIZE is the
// body size in bytes (default: env BENCH_SIZE, else 64).  Other parameters
// come from the environment: MQ_TEST_HOST, MQ_TEST_PORT, MQ_TEST_USER,
// MQ_TEST_PASSWORD, BENCH_QUEUE, BENCH_PREFETCH, BENCH_AUTOACK, BENCH_BATCH.
//
// Each script prints one line, measured around its message loop:
//   RESULT n=N wall=S utime=S stime=S maxrss_kb=K check=X

function bench_env(string $name, string $default): string
{
    $v = getenv($name);
    return ($v === false || $v === '') ? $default : $v;
}

function bench_n(): int
{
    global $argv;
    return (int) ($argv[1] ?? bench_env('BENCH_N', '1000'));
}

function bench_size(): int
{
    global $argv;
    return (int) ($argv[2] ?? bench_env('BENCH_SIZE', '64'));
}

function bench_queue_name(): string
{
    return bench_env('BENCH_QUEUE', 'bench');
}

function bench_credentials(): array
{
    return [
        'host' => bench_env('MQ_TEST_HOST', '127.0.0.1'),
        'port' => (int) bench_env('MQ_TEST_PORT', '5672'),
        'login' => bench_env('MQ_TEST_USER', 'guest'),
        'password' => bench_env('MQ_TEST_PASSWORD', 'guest'),
        'vhost' => '/',
    ];
}

function bench_connect(): AMQPConnection
{
    $c = new AMQPConnection(bench_credentials());
    $c->connect();
    return $c;
}

// The bench queue: declared by the harness (non-durable, not auto-delete);
// here only named.  passive_count() is one round trip (queue.declare passive).
function bench_queue(AMQPChannel $ch): AMQPQueue
{
    $q = new AMQPQueue($ch);
    $q->setName(bench_queue_name());
    $q->setFlags(AMQP_PASSIVE);
    return $q;
}

$GLOBALS['bench_t0'] = 0.0;
$GLOBALS['bench_ru0'] = [];

function bench_start(): void
{
    $GLOBALS['bench_ru0'] = getrusage();
    $GLOBALS['bench_t0'] = hrtime(true);
}

// Peak RSS of this process (VmHWM): getrusage()'s ru_maxrss would include
// the parent's peak, which Linux carries across execve.
function bench_peak_rss_kb(): int
{
    $s = @file_get_contents('/proc/self/status');
    return ($s !== false && preg_match('/^VmHWM:\s+(\d+) kB/m', $s, $m)) ? (int) $m[1] : -1;
}

function bench_stop(int $n, int $check): void
{
    $t1 = hrtime(true);
    $ru1 = getrusage();
    $ru0 = $GLOBALS['bench_ru0'];
    $tv = fn (array $a, array $b, string $k) =>
        ($b["ru_$k.tv_sec"] - $a["ru_$k.tv_sec"]) + ($b["ru_$k.tv_usec"] - $a["ru_$k.tv_usec"]) / 1e6;
    printf("RESULT n=%d wall=%.6f utime=%.6f stime=%.6f maxrss_kb=%d check=%d\n",
        $n, ($t1 - $GLOBALS['bench_t0']) / 1e9, $tv($ru0, $ru1, 'utime'), $tv($ru0, $ru1, 'stime'),
        bench_peak_rss_kb(), $check);
}

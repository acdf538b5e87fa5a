--TEST--
liveness: a worker blocked in consume() (readTimeout 0, no traffic) runs its SIGTERM / SIGINT handler as soon as the signal arrives (within 0.5 s of the kill on a loaded machine; pcntl_async_signals), with and without heartbeat_thread, and stops cleanly: the handler's exception ends consume(), the connection stays usable
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
pcntl
posix
--FILE--
<?php
require __DIR__ . '/_broker.inc';
require __DIR__ . '/_proxy.inc';

final class Stop extends RuntimeException {}
pcntl_async_signals(true);
// The handler runs as soon as the signal interrupts consume()'s poll()
// (EINTR); the bound leaves room for the scheduler of a loaded 2-core
// machine (0.104 s was seen with a load average of 8), not for a slice.
$limit = mq_test_slow() ? 2.0 : 0.5;

foreach ([[SIGTERM, 'TERM', false], [SIGINT, 'INT', false], [SIGTERM, 'TERM', true], [SIGINT, 'INT', true]] as [$sig, $name, $thread]) {
    echo "-- SIG$name, heartbeat_thread ", var_export($thread, true), "\n";
    $conn = mq_test_connection(['read_timeout' => 0, 'heartbeat' => $thread ? 1 : 0, 'heartbeat_thread' => $thread]);
    $q = new AMQPQueue(new AMQPChannel($conn));
    $q->setFlags(AMQP_EXCLUSIVE);
    $q->declareQueue();

    // another process sends the signal after 0.5 s, writing the time it did so first
    $proc = proc_open(['env', '-u', 'LD_PRELOAD', 'sh', '-c',
                       'sleep 0.5; date +%s.%N; kill -' . $name . ' ' . getmypid()],
                      [1 => ['pipe', 'w']], $pipes);
    $latency = null;
    pcntl_signal($sig, function (int $s) use (&$latency, $pipes, $name) {
        $latency = microtime(true) - (float) fgets($pipes[1]);
        throw new Stop("SIG$name");
    });
    try {
        $q->consume(function () { echo "a message?\n"; return false; });
        echo "consume returned\n";
    } catch (Stop $e) {
        echo 'stopped by ', $e->getMessage(), "\n";
    }
    proc_close($proc);
    pcntl_signal($sig, SIG_DFL);
    echo 'handler ran within the limit: ', $latency !== null && $latency < $limit ? 'yes'
        : sprintf('no (%s s)', var_export($latency, true)), "\n";
    // clean stop: the consumer can be cancelled, the connection is fine
    var_dump($conn->isConnected());
    $q->cancel();
    (new AMQPExchange(new AMQPChannel($conn)))->publish('after', $q->getName());
    for ($i = 0; $i < 100 && !($m = $q->get(AMQP_AUTOACK)); $i++) {
        usleep(20000); // publish is asynchronous
    }
    echo 'get: ', $m?->getBody(), "\n";
    $conn->disconnect();
}
?>
--EXPECT--
-- SIGTERM, heartbeat_thread false
stopped by SIGTERM
handler ran within the limit: yes
bool(true)
get: after
-- SIGINT, heartbeat_thread false
stopped by SIGINT
handler ran within the limit: yes
bool(true)
get: after
-- SIGTERM, heartbeat_thread true
stopped by SIGTERM
handler ran within the limit: yes
bool(true)
get: after
-- SIGINT, heartbeat_thread true
stopped by SIGINT
handler ran within the limit: yes
bool(true)
get: after

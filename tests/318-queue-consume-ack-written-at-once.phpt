--TEST--
AMQPQueue::ack() in a consume() callback reaches the broker before it returns, as in php-amqp: a worker (prefetch 10) that acks each message and then works 300 ms in the same callback, killed by SIGKILL during its 4th message, gets back exactly the 6 it never acked
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
posix
--FILE--
<?php
require __DIR__ . '/_broker.inc';
$c = mq_test_connection();
$ch = new AMQPChannel($c);
$q = new AMQPQueue($ch);
$q->setName(mq_test_name('acked-at-once-'));
$q->setFlags(AMQP_NOPARAM);            // not auto-delete: it outlives the worker's consumer
$q->setArgument('x-expires', 60000); // gone by itself if this test dies
$q->declareQueue();
$x = new AMQPExchange($ch);
for ($i = 1; $i <= 10; $i++) {
    $x->publish("m$i", $q->getName());
}
for ($n = 0, $t = 0; $n < 10 && $t < 100; $t++) {
    $n = $q->declareQueue();   // the message count: publishes are asynchronous
    if ($n < 10) {
        usleep(20000);
    }
}
var_dump($n);

// the worker: its own process, killed in the middle of a callback
$worker = tempnam(sys_get_temp_dir(), 'mq-worker-');
file_put_contents($worker, '<?php
require ' . var_export(__DIR__ . '/_broker.inc', true) . ';
$c = mq_test_connection();
$ch = new AMQPChannel($c);
$ch->setPrefetchCount(10);
$q = new AMQPQueue($ch);
$q->setName($argv[1]);
$q->consume(function (AMQPEnvelope $e, AMQPQueue $q) {
    $q->ack($e->getDeliveryTag());
    echo "acked ", $e->getBody(), "\n";
    usleep(300000); // other work in the same callback
});
');
// env -u LD_PRELOAD: no valgrind preload in the child (run-tests.php -m)
$proc = proc_open(['env', '-u', 'LD_PRELOAD', PHP_BINARY, '-n',
                   '-d', 'extension_dir=' . ini_get('extension_dir'), '-d', 'extension=amqp',
                   $worker, $q->getName()],
                  [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
$pid = proc_get_status($proc)['pid'];
$seen = [];
while (($line = fgets($pipes[1])) !== false) {
    $seen[] = trim($line);
    if (trim($line) === 'acked m4') {
        usleep(100000);           // well inside its 300 ms of work
        posix_kill($pid, SIGKILL);
        break;
    }
}
echo implode(', ', $seen), "\n";
echo 'worker stderr: ', trim(stream_get_contents($pipes[2])), "\n";
fclose($pipes[1]);
fclose($pipes[2]);
proc_close($proc);
unlink($worker);

// the broker requeues a dead channel's unacked messages all at once
for ($t = 0; $t < 250 && !($first = $q->get(AMQP_AUTOACK)); $t++) {
    usleep(20000);
}
$back = [];
for ($m = $first; $m; $m = $q->get(AMQP_AUTOACK)) {
    $back[] = $m->getBody() . ($m->isRedelivery() ? ' (redelivered)' : '');
}
usort($back, 'strnatcmp');
echo count($back), " back:\n", implode("\n", $back), "\n";
$q->delete();
?>
--EXPECT--
int(10)
acked m1, acked m2, acked m3, acked m4
worker stderr: 
6 back:
m5 (redelivered)
m6 (redelivered)
m7 (redelivered)
m8 (redelivered)
m9 (redelivered)
m10 (redelivered)

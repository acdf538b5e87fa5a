--TEST--
Faults/resources: 1,000 connect/channel/publish/get/disconnect cycles (and 200 over TLS) leave the Zend heap, RSS and the file descriptor count flat after warm-up
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';
require __DIR__ . '/_resources.inc';
// Under valgrind (run-tests -m) freed blocks wait in valgrind's 20 MB free
// queue before reuse, so RSS may grow by that much; valgrind's leak check
// covers that run.  Natively: 1 MiB of RSS (allocator arenas grow in steps of a
// few hundred KiB; a leak of 1 KiB a cycle exceeds it), 16 KiB of Zend heap.
$slow = getenv('USE_ZEND_ALLOC') === '0';
$slack = ['mem' => 16384, 'rss' => $slow ? 32 << 20 : 1 << 20, 'fds' => 0];

function cycle(array $creds): void
{
    $c = new AMQPConnection($creds);
    $c->connect();
    $ch = new AMQPChannel($c);
    $q = new AMQPQueue($ch);
    $q->setFlags(AMQP_EXCLUSIVE);
    $q->declareQueue();
    (new AMQPExchange($ch))->publish('x', $q->getName());
    $q->get(AMQP_AUTOACK);
    $c->disconnect();
}

foreach ([['plain', mq_test_credentials(), 1000], ['tls', mq_test_tls_credentials(), 200]] as [$label, $creds, $n]) {
    for ($i = 0; $i < 20; $i++) {
        cycle($creds);
    }
    $before = mq_res_snapshot();
    for ($i = 0; $i < $n; $i++) {
        cycle($creds);
    }
    mq_res_compare("$label x$n", $before, mq_res_snapshot(), $slack);
}
?>
--EXPECT--
plain x1000: mem ok, rss ok, fds ok
tls x200: mem ok, rss ok, fds ok

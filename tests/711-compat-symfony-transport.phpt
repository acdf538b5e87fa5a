--TEST--
php-amqp 2.x compat: Symfony Messenger AMQP transport send/get/ack/retry (x-death round trip)/reject
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc';
if (!is_file('/usr/share/php/Symfony/Component/Messenger/Bridge/Amqp/autoload.php')) {
    echo 'skip needs php-symfony-amqp-messenger (Debian)';
}
?>
--EXTENSIONS--
amqp
--FILE--
<?php
/* php-amqp 2.x compatibility: Symfony Messenger's AMQP transport (Debian's
 * php-symfony-amqp-messenger, Symfony 5.4) unchanged on mq: setup, send,
 * message count, get, ack, retry through a delay queue (dead-lettering adds
 * x-death with timestamps, which the next retry publishes again), reject. */
require __DIR__ . '/_broker.inc';
require '/usr/share/php/Symfony/Component/Messenger/autoload.php';
require '/usr/share/php/Symfony/Component/Messenger/Bridge/Amqp/autoload.php';
use Symfony\Component\Messenger\Bridge\Amqp\Transport\AmqpTransport;
use Symfony\Component\Messenger\Bridge\Amqp\Transport\AmqpReceivedStamp;
use Symfony\Component\Messenger\Bridge\Amqp\Transport\Connection;
use Symfony\Component\Messenger\Envelope;
use Symfony\Component\Messenger\Stamp\DelayStamp;
use Symfony\Component\Messenger\Stamp\RedeliveryStamp;
use Symfony\Component\Messenger\Transport\Serialization\PhpSerializer;

class Msg { public function __construct(public string $text) {} }

$ex = mq_test_name('sym-ex-'); $qn = mq_test_name('sym-q-'); $dx = mq_test_name('sym-delays-');
$dsn = sprintf('amqp://%s:%s@%s:%s/%%2f/%s?heartbeat=0&read_timeout=5&write_timeout=5&connect_timeout=5&confirm_timeout=5&persistent=false&auto_setup=true',
    getenv('MQ_TEST_USER'), getenv('MQ_TEST_PASSWORD'), getenv('MQ_TEST_HOST'), getenv('MQ_TEST_PORT'), $ex);
$conn = Connection::fromDsn($dsn, [
    'queues' => [$qn => ['arguments' => ['x-max-priority' => 10, 'x-queue-mode' => 'default'], 'binding_keys' => ['']]],
    'delay' => ['exchange_name' => $dx, 'queue_name_pattern' => 'delay_%exchange_name%_%routing_key%_%delay%'],
    'retry' => ['max_retries' => 3],
]);
$t = new AmqpTransport($conn, new PhpSerializer());
$t->setup();
echo "count0: ", $t->getMessageCount(), "\n";
$t->send(new Envelope(new Msg('one')));
$t->send(new Envelope(new Msg('two')));
echo "count2: ", $t->getMessageCount(), "\n";
$got = iterator_to_array($t->get());
$e1 = $got[0];
echo "recv: ", $e1->getMessage()->text, "\n";
$t->ack($e1);
$e2 = iterator_to_array($t->get())[0];
echo "recv: ", $e2->getMessage()->text, "\n";
// retry (what SendFailedMessageForRetryListener does): redeliver with delay
$t->send($e2->with(new DelayStamp(200), new RedeliveryStamp(1)));
$t->ack($e2);
$deadline = microtime(true) + 30; $e3 = null;
while (microtime(true) < $deadline && !$e3) { $e3 = iterator_to_array($t->get())[0] ?? null; if (!$e3) usleep(50000); }
echo "recv-retried: ", $e3->getMessage()->text, "\n";
$amqp = $e3->last(AmqpReceivedStamp::class)->getAmqpEnvelope();
$h = $amqp->getHeaders();
$death = $h['x-death'][0];
echo "x-death: ", count($h['x-death']), ' ', $death['reason'], ' ', $death['count'], ' ', get_class($death['time']), ' ', $death['queue'] === "delay_{$ex}_{$qn}_200_retry" ? 'delay queue' : $death['queue'], "\n";
var_dump($amqp->getDeliveryMode(), $amqp->getTimestamp() > 0, $amqp->getContentType(), $amqp->getRoutingKey());
// second retry: x-death with timestamps goes back out
$t->send($e3->with(new DelayStamp(200), new RedeliveryStamp(2)));
$t->ack($e3);
$deadline = microtime(true) + 30; $e4 = null;
while (microtime(true) < $deadline && !$e4) { $e4 = iterator_to_array($t->get())[0] ?? null; if (!$e4) usleep(50000); }
$h = $e4->last(AmqpReceivedStamp::class)->getAmqpEnvelope()->getHeaders();
echo "x-death2 count: ", $h['x-death'][0]['count'], "\n";
// reject
$t->reject($e4);
echo "count-end: ", $t->getMessageCount(), "\n";
var_dump(iterator_to_array($t->get()));
// cleanup
$c = mq_test_connection(); $ch = new AMQPChannel($c);
$q = new AMQPQueue($ch); $q->setName($qn); $q->delete();
foreach ([200] as $d) { $q = new AMQPQueue($ch); $q->setName("delay_{$ex}_{$qn}_{$d}_retry"); $q->delete(); }
$x = new AMQPExchange($ch); $x->delete($ex); $x->delete($dx);
echo "done\n";
--EXPECTF--
count0: 0
count2: 2
recv: one
recv: two
recv-retried: two
x-death: 1 expired 1 AMQPTimestamp delay queue
int(2)
bool(true)
string(10) "text/plain"
string(14) "sym-q-%x"
x-death2 count: 2
count-end: 0
array(0) {
}
done

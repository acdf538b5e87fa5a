--TEST--
AMQPQueue::declareQueue()/declare(): message count, confirmed name, consumer count, passive seed form, 404/405/406
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';
require __DIR__ . '/_confirms.inc';
function ex(Throwable $e) { echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n"; }

// Passive declare counts race with publishes even on one channel (the
// broker answers stat calls first), so publishes are confirmed first.
function publish_confirmed(AMQPChannel $ch, AMQPExchange $x, string $rk, array $bodies): void {
    static $seqs = [];
    $seq = &$seqs[spl_object_id($ch)];
    foreach ($bodies as $b) {
        $x->publish($b, $rk);
        $seq++;
    }
    mq_wait_confirmed_upto($ch, $seq); // every tag, not just the highest
}

$conn = mq_test_connection();
$ch = new AMQPChannel($conn);
$ch->confirmSelect();

echo "-- server-named\n";
$anon = new AMQPQueue($ch);
var_dump($anon->getConsumerCount());
$anon->setFlags(AMQP_EXCLUSIVE);
var_dump($anon->declareQueue());
var_dump(strncmp($anon->getName(), 'amq.gen-', 8) === 0, $anon->getConsumerCount());

echo "-- named, message count after publishing\n";
$name = mq_test_name('mq-decl-');
$q = new AMQPQueue($ch);
$q->setName($name);
$q->setFlags(AMQP_NOPARAM);
var_dump($q->declare());
$x = new AMQPExchange($ch);
publish_confirmed($ch, $x, $name, ['a', 'b', 'c']);
$p = new AMQPQueue($ch);
$p->setName($name);
$p->setFlags(AMQP_PASSIVE);
var_dump($p->declareQueue(), $p->getConsumerCount());

echo "-- seed form: a queue on the connection, passive, declare(\$name)\n";
$queue = new AMQPQueue($conn);
$queue->setFlags(AMQP_PASSIVE);
$messageCount = $queue->declare($name);
var_dump($messageCount, $queue->getName() === $name);

echo "-- consumer count\n";
$cc = new AMQPQueue($ch);
$cc->setFlags(AMQP_EXCLUSIVE);
var_dump($cc->declareQueue(mq_test_name('mq-cc-')), $cc->getConsumerCount());
$cc->consume(null, AMQP_NOPARAM, mq_test_name('tag-'));
var_dump($cc->declareQueue(), $cc->getConsumerCount());
$cc->cancel();
var_dump($cc->declareQueue(), $cc->getConsumerCount());
echo "-- redeclaring a server-named queue is refused (reserved prefix)\n";
try { $anon->declareQueue(); } catch (AMQPQueueException $e) { ex($e); }
$ch = new AMQPChannel($conn);
$ch->confirmSelect();
$x = new AMQPExchange($ch);

echo "-- 404 on a missing queue: channel closed, connection usable\n";
$missing = mq_test_name('mq-missing-');
$queue = new AMQPQueue($conn);
$queue->setFlags(AMQP_PASSIVE);
try {
    $queue->declare($missing);
} catch (AMQPQueueException $e) {
    ex($e);
    var_dump($e->getMessage() === "Server channel error: 404, message: NOT_FOUND - no queue '$missing' in vhost '/'");
}
var_dump($queue->getChannel()->isConnected(), $conn->isConnected());
try { $queue->declare($name); } catch (AMQPException $e) { ex($e); }
$again = new AMQPQueue($conn);
$again->setFlags(AMQP_PASSIVE);
var_dump($again->declare($name));
var_dump($ch->isConnected());

echo "-- 406 inequivalent arguments\n";
$dq = new AMQPQueue($again->getChannel());
$dq->setName($name);
$dq->setFlags(AMQP_DURABLE);
try { $dq->declareQueue(); } catch (AMQPQueueException $e) { ex($e); }
var_dump($dq->getChannel()->isConnected(), $conn->isConnected());

echo "-- 405 exclusive queue of another connection\n";
$other = mq_test_connection();
$oq = new AMQPQueue($other);
$oq->setFlags(AMQP_PASSIVE);
try { $oq->declare($anon->getName()); } catch (AMQPQueueException $e) { ex($e); }
$other->disconnect();

echo "-- arguments are sent; raw names (docs/compatibility.md §7.17)\n";
$ttl = new AMQPQueue($ch);
$ttl->setFlags(AMQP_EXCLUSIVE);
$ttl->setArguments(['x-max-length' => 2, 'x-overflow' => 'drop-head', 'x-message-ttl' => 60000]);
$ttl->declareQueue(mq_test_name("mq-raw\x01\x7f-"));
var_dump(strpos($ttl->getName(), "mq-raw\x01\x7f-") === 0);
publish_confirmed($ch, $x, $ttl->getName(), ['1', '2', '3']);
var_dump($ttl->declareQueue(), $ttl->get(AMQP_AUTOACK)->getBody());
$bad = new AMQPQueue($ch);
$bad->setFlags(AMQP_EXCLUSIVE);
$bad->setArgument('x-max-length', 'not a number');
try { $bad->declareQueue(mq_test_name('mq-bad-')); } catch (AMQPQueueException $e) { echo get_class($e), '(', $e->getCode(), ")\n"; }
var_dump($ch->isConnected());

$cleanup = new AMQPQueue($conn);
$cleanup->setName($name);
var_dump($cleanup->delete());
$conn->disconnect();
?>
--EXPECTF--
-- server-named
NULL
int(0)
bool(true)
int(0)
-- named, message count after publishing
int(0)
int(3)
int(0)
-- seed form: a queue on the connection, passive, declare($name)
int(3)
bool(true)
-- consumer count
int(0)
int(0)
int(0)
int(1)
int(0)
int(0)
-- redeclaring a server-named queue is refused (reserved prefix)
AMQPQueueException(403): Server channel error: 403, message: ACCESS_REFUSED - queue name 'amq.gen-%s' contains reserved prefix 'amq.*'
-- 404 on a missing queue: channel closed, connection usable
AMQPQueueException(404): Server channel error: 404, message: NOT_FOUND - no queue 'mq-missing-%s' in vhost '/'
bool(true)
bool(false)
bool(true)
AMQPChannelException(0): Could not declare queue. No channel available.
int(3)
bool(true)
-- 406 inequivalent arguments
AMQPQueueException(406): Server channel error: 406, message: PRECONDITION_FAILED - inequivalent arg 'durable' for queue 'mq-decl-%s' in vhost '/': received 'true' but current is 'false'
bool(false)
bool(true)
-- 405 exclusive queue of another connection
AMQPQueueException(405): Server channel error: 405, message: RESOURCE_LOCKED - cannot obtain exclusive access to locked queue 'amq.gen-%s' in vhost '/'. %s
-- arguments are sent; raw names (docs/compatibility.md §7.17)
bool(true)
int(2)
string(1) "2"
AMQPQueueException(406)
bool(false)
int(3)

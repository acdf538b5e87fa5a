--TEST--
AMQPQueue: constructor with a channel or (mq extension) a connection; precondition failures; clone
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';
function ex(Throwable $e) { echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n"; }

$conn = mq_test_connection();
$ch = new AMQPChannel($conn);
$q = new AMQPQueue($ch);
var_dump($q->getChannel() === $ch, $q->getConnection() === $conn, $q->getName(), $q->getFlags());

echo "-- a connection: the queue opens its own channel\n";
$q2 = new AMQPQueue($conn);
$own = $q2->getChannel();
var_dump($own instanceof AMQPChannel, $own !== $ch, $own->isConnected(),
         $own->getChannelId() !== $ch->getChannelId(), $q2->getConnection() === $conn,
         $own->getConnection() === $conn);
$q2->setFlags(AMQP_EXCLUSIVE);
var_dump($q2->declareQueue());

echo "-- closed channel\n";
$closed = new AMQPChannel($conn);
$closed->close();
try { new AMQPQueue($closed); } catch (AMQPException $e) { ex($e); }

echo "-- connection not connected\n";
$idle = new AMQPConnection(mq_test_credentials());
try { new AMQPQueue($idle); } catch (AMQPException $e) { ex($e); }

echo "-- connection lost later\n";
$c3 = mq_test_connection();
$q3 = new AMQPQueue($c3);
$q3->setName(mq_test_name('mq-lost-'));
$c3->disconnect();
foreach (['declareQueue', 'purge', 'delete', 'get'] as $m) {
    try { $q3->$m(); } catch (AMQPException $e) { ex($e); }
}
try { $q3->consume(null); } catch (AMQPException $e) { ex($e); }
try { new AMQPQueue($q3->getChannel()); } catch (AMQPException $e) { ex($e); }

echo "-- clone\n";
$q->setName('clone-me');
$q->setArgument('x-a', 1);
$qc = clone $q;
$qc->setName('other');
$qc->setArgument('x-a', 2);
var_dump($q->getName(), $qc->getName(), $q->getArgument('x-a'), $qc->getArgument('x-a'),
         $qc->getChannel() === $ch);
?>
--EXPECT--
bool(true)
bool(true)
NULL
int(16)
-- a connection: the queue opens its own channel
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
int(0)
-- closed channel
AMQPChannelException(0): Could not create queue. No channel available.
-- connection not connected
AMQPConnectionException(0): Could not create channel. No connection available.
-- connection lost later
AMQPChannelException(0): Could not declare queue. No channel available.
AMQPChannelException(0): Could not purge queue. No channel available.
AMQPChannelException(0): Could not delete queue. No channel available.
AMQPChannelException(0): Could not get messages from queue. No channel available.
AMQPChannelException(0): Could not get channel. No channel available.
AMQPChannelException(0): Could not create queue. No channel available.
-- clone
string(8) "clone-me"
string(5) "other"
int(1)
int(2)
bool(true)

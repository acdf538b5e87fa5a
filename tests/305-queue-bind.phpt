--TEST--
AMQPQueue::bind()/unbind(): routing keys, null key, binding arguments, missing exchange 404
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';
require __DIR__ . '/_confirms.inc';
function ex(Throwable $e) { echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n"; }

// Queue counts race with publishes (the broker answers stat calls first):
// every count is taken after the publishes were confirmed.
function count_after_confirms(AMQPChannel $ch, AMQPQueue $q, int $published): int {
    mq_wait_confirmed_upto($ch, $published); // every tag, not just the highest
    return $q->declareQueue();
}

$conn = mq_test_connection();
$ch = new AMQPChannel($conn);
$ch->confirmSelect();
$exName = mq_test_name('mq-bx-');
$x = new AMQPExchange($ch);
$x->setName($exName);
$x->setType(AMQP_EX_TYPE_DIRECT);
$x->declareExchange();
$q = new AMQPQueue($ch);
$q->setFlags(AMQP_EXCLUSIVE);
$q->declareQueue(mq_test_name('mq-bq-'));

$q->bind($exName, 'rk1');
$q->bind($exName);               // routing key "" (null)
$q->bind($exName, null, []);
$x->publish('one', 'rk1');
$x->publish('two', '');
$x->publish('lost', 'rk2');
var_dump(count_after_confirms($ch, $q, 3));
$q->unbind($exName, 'rk1');
$x->publish('three', 'rk1');
var_dump(count_after_confirms($ch, $q, 4));
$q->unbind($exName);
$x->publish('four');
var_dump(count_after_confirms($ch, $q, 5));
$q->unbind($exName, 'never-bound');

echo "-- binding arguments (headers exchange)\n";
$hName = mq_test_name('mq-hx-');
$hx = new AMQPExchange($ch);
$hx->setName($hName);
$hx->setType(AMQP_EX_TYPE_HEADERS);
$hx->declareExchange();
$q->bind($hName, null, ['x-match' => 'all', 'kind' => 'a', 'n' => 1]);
$hx->publish('h1', '', AMQP_NOPARAM, ['headers' => ['kind' => 'a', 'n' => 1]]);
$hx->publish('h2', '', AMQP_NOPARAM, ['headers' => ['kind' => 'b', 'n' => 1]]);
var_dump(count_after_confirms($ch, $q, 7));
$q->unbind($hName, null, ['x-match' => 'all', 'kind' => 'a', 'n' => 1]);
$hx->publish('h3', '', AMQP_NOPARAM, ['headers' => ['kind' => 'a', 'n' => 1]]);
var_dump(count_after_confirms($ch, $q, 8));
var_dump($q->purge());

echo "-- argument conversion warnings\n";
$q->bind($exName, 'w', [7 => 'int key', 'ok' => true]);

echo "-- missing exchange\n";
$missing = mq_test_name('mq-nox-');
try { $q->bind($missing, 'rk'); } catch (AMQPQueueException $e) { ex($e); }
var_dump($ch->isConnected(), $conn->isConnected());
try { $q->unbind($exName); } catch (AMQPException $e) { ex($e); }
try { $q->bind($exName); } catch (AMQPException $e) { ex($e); }

$ch2 = new AMQPChannel($conn);
$cleanup = new AMQPExchange($ch2);
$cleanup->delete($exName);
$cleanup->delete($hName);
$conn->disconnect();
?>
--EXPECTF--
int(2)
int(2)
int(2)
-- binding arguments (headers exchange)
int(3)
int(3)
int(3)
-- argument conversion warnings

Warning: AMQPQueue::bind(): Ignoring non-string header field '7' in %s on line %d
-- missing exchange
AMQPQueueException(404): Server channel error: 404, message: NOT_FOUND - no exchange 'mq-nox-%s' in vhost '/'
bool(false)
bool(true)
AMQPChannelException(0): Could not unbind queue. No channel available.
AMQPChannelException(0): Could not bind queue. No channel available.

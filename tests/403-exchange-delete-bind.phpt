--TEST--
AMQPExchange::delete() (name resolution, AMQP_IFUNUSED, default exchange 403) and exchange-to-exchange bind()/unbind()
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';
require __DIR__ . '/_confirms.inc';
function ex(Throwable $e) { echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n"; }
function exists(AMQPConnection $conn, string $name): bool {
    $x = new AMQPExchange(new AMQPChannel($conn));
    $x->setName($name);
    $x->setType(AMQP_EX_TYPE_DIRECT);
    $x->setFlags(AMQP_PASSIVE);
    try {
        $x->declareExchange();
        return true;
    } catch (AMQPExchangeException $e) {
        return false;
    }
}
function declare_exchange(AMQPChannel $ch, string $type = AMQP_EX_TYPE_DIRECT): AMQPExchange {
    $x = new AMQPExchange($ch);
    $x->setName(mq_test_name('mq-dbx-'));
    $x->setType($type);
    $x->declareExchange();
    return $x;
}

// Queue counts race with publishes (the broker answers stat calls first):
// counts are taken after the publishes were confirmed.
function count_after_confirms(AMQPChannel $ch, AMQPQueue $q, int $published): int {
    mq_wait_confirmed_upto($ch, $published); // every tag, not just the highest
    return $q->declareQueue();
}

$conn = mq_test_connection();
$ch = new AMQPChannel($conn);
$ch->confirmSelect();

echo "-- bind: destination is this exchange, source the argument\n";
$src = declare_exchange($ch, AMQP_EX_TYPE_TOPIC);
$dst = declare_exchange($ch, AMQP_EX_TYPE_FANOUT);
$q = new AMQPQueue($ch);
$q->setFlags(AMQP_EXCLUSIVE);
$q->declareQueue(mq_test_name('mq-xq-'));
$q->bind($dst->getName());
var_dump($dst->bind($src->getName(), 'a.*'));
$src->publish('routed', 'a.b');
$src->publish('not routed', 'b.a');
var_dump(count_after_confirms($ch, $q, 2), $q->get(AMQP_AUTOACK)->getBody());
$dst->bind($src->getName());              // routing key null -> ""
$dst->bind($src->getName(), 'x.#', []);
$dst->unbind($src->getName(), 'a.*');
$src->publish('after unbind', 'a.b');
$src->publish('x', 'x.y.z');
var_dump(count_after_confirms($ch, $q, 4), $q->get(AMQP_AUTOACK)->getBody());
$dst->unbind($src->getName(), 'x.#', []);
$dst->unbind($src->getName());
$src->publish('x', 'x.y.z');
var_dump(count_after_confirms($ch, $q, 5));

echo "-- headers exchange binding arguments\n";
$hsrc = declare_exchange($ch, AMQP_EX_TYPE_HEADERS);
$dst->bind($hsrc->getName(), '', ['x-match' => 'any', 'k' => 'v']);
$hsrc->publish('h-yes', '', AMQP_NOPARAM, ['headers' => ['k' => 'v']]);
$hsrc->publish('h-no', '', AMQP_NOPARAM, ['headers' => ['k' => 'w']]);
var_dump(count_after_confirms($ch, $q, 7), $q->get(AMQP_AUTOACK)->getBody());
$dst->unbind($hsrc->getName(), '', ['x-match' => 'any', 'k' => 'v']);
$hsrc->publish('h-yes', '', AMQP_NOPARAM, ['headers' => ['k' => 'v']]);
var_dump(count_after_confirms($ch, $q, 8));

echo "-- bind to a missing source: 404\n";
try { $dst->bind(mq_test_name('mq-nosrc-'), 'k'); } catch (AMQPExchangeException $e) { ex($e); }
var_dump($ch->isConnected(), $conn->isConnected());
try { $dst->unbind($src->getName()); } catch (AMQPException $e) { ex($e); }
try { $dst->bind($src->getName()); } catch (AMQPException $e) { ex($e); }

echo "-- delete: own name, explicit name, if-unused\n";
$ch = new AMQPChannel($conn);
$a = declare_exchange($ch);
$b = declare_exchange($ch);
$a->delete();
var_dump(exists($conn, $a->getName()));
$a->delete(null, null);                  // deleting a missing exchange is fine
$a->delete($b->getName());
var_dump(exists($conn, $b->getName()));
$c = declare_exchange($ch);
$q2 = new AMQPQueue($ch);
$q2->setFlags(AMQP_EXCLUSIVE);
$q2->declareQueue(mq_test_name('mq-xq-'));
$q2->bind($c->getName(), 'k');
try { $c->delete('', AMQP_IFUNUSED); } catch (AMQPExchangeException $e) { ex($e); }
$ch = new AMQPChannel($conn);
$c2 = new AMQPExchange($ch);
$c2->delete($c->getName(), AMQP_IFEMPTY);  // not an exchange flag: ignored
var_dump(exists($conn, $c->getName()));

echo "-- the default exchange cannot be deleted\n";
$def = new AMQPExchange($ch);
try { $def->delete(); } catch (AMQPExchangeException $e) { ex($e); }
var_dump($ch->isConnected(), $conn->isConnected());
try { $def->delete('x'); } catch (AMQPException $e) { ex($e); }

$ch = new AMQPChannel($conn);
$cleanup = new AMQPExchange($ch);
foreach ([$src, $dst, $hsrc] as $e) {
    $cleanup->delete($e->getName());
}
?>
--EXPECTF--
-- bind: destination is this exchange, source the argument
NULL
int(1)
string(6) "routed"
int(1)
string(1) "x"
int(0)
-- headers exchange binding arguments
int(1)
string(5) "h-yes"
int(0)
-- bind to a missing source: 404
AMQPExchangeException(404): Server channel error: 404, message: NOT_FOUND - no exchange 'mq-nosrc-%s' in vhost '/'
bool(false)
bool(true)
AMQPChannelException(0): Could not unbind from exchange. No channel available.
AMQPChannelException(0): Could not bind to exchange. No channel available.
-- delete: own name, explicit name, if-unused
bool(false)
bool(false)
AMQPExchangeException(406): Server channel error: 406, message: PRECONDITION_FAILED - exchange 'mq-dbx-%s' in vhost '/' in use
bool(false)
-- the default exchange cannot be deleted
AMQPExchangeException(403): Server channel error: 403, message: ACCESS_REFUSED - operation not permitted on the default exchange
bool(false)
bool(true)
AMQPChannelException(0): Could not delete exchange. No channel available.

--TEST--
values: amqp.serialization_depth (+2 per table, +1 per list, +1 per AMQPValue), exact text, nothing sent on error (§7.12), cycles
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/_broker.inc';
require __DIR__ . '/_wire.inc';

class Wrapped implements AMQPValue {
    public function __construct(private $v) {}
    public function toAmqpValue() { return $this->v; }
}
class Forever implements AMQPValue {
    public function toAmqpValue() { return $this; }
}
function tables(int $n) { $v = 1; while ($n--) { $v = ['k' => $v]; } return $v; }
function lists(int $n) { $v = 1; while ($n--) { $v = [$v]; } return $v; }
function values(int $n) { $v = 1; while ($n--) { $v = new Wrapped($v); } return $v; }

$c = mq_test_connection();
$ch = new AMQPChannel($c);
$q = new AMQPQueue($ch);
$q->setName(mq_test_name('mq-values-'));
$q->setFlags(AMQP_EXCLUSIVE);
$q->declareQueue();
$x = new AMQPExchange($ch);

function try_publish(string $label, array $headers) {
    global $x, $q;
    try {
        $x->publish($label, $q->getName(), AMQP_NOPARAM, ['headers' => $headers]);
        $e = $q->get(AMQP_AUTOACK);
        echo "$label: sent (", $e ? $e->getBody() : 'LOST', ")\n";
    } catch (AMQPException $e) {
        echo "$label: ", get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n";
    }
}

echo "--- default 128\n";
try_publish('63 tables', ['h' => tables(63)]);
try_publish('64 tables', ['h' => tables(64)]);
try_publish('127 lists', ['h' => lists(127)]);
try_publish('128 lists', ['h' => lists(128)]);
try_publish('127 values', ['h' => values(127)]);
try_publish('128 values', ['h' => values(128)]);
try_publish('forever', ['ok' => 1, 'h' => new Forever()]);
$cycle = ['x' => 1];
$cycle['self'] = &$cycle;
try_publish('cycle', ['h' => $cycle]);
$lcycle = [1];
$lcycle[] = &$lcycle;
try_publish('list cycle', ['h' => $lcycle]);
var_dump($q->get(AMQP_AUTOACK)); // nothing was sent by the failed calls

echo "--- 0\n";
ini_set('amqp.serialization_depth', '0');
try_publish('no headers', []);
try_publish('scalar', ['a' => 1]);
echo "--- 1\n";
ini_set('amqp.serialization_depth', '1');
try_publish('scalar', ['a' => 1]);
try_publish('empty list', ['a' => []]);
try_publish('list', ['a' => [1]]);
try_publish('table', ['a' => ['k' => 1]]);
try_publish('timestamp', ['a' => new AMQPTimestamp(1)]);
try_publish('value', ['a' => new Wrapped(1)]);
echo "--- 3\n";
ini_set('amqp.serialization_depth', '3');
try_publish('1 table', ['a' => tables(1)]);
try_publish('2 lists', ['a' => lists(2)]);
try_publish('3 lists', ['a' => lists(3)]);
try_publish('list in table', ['a' => ['k' => [1]]]);
echo "--- 1000000: cycles and runaway nesting still stop, without a crash\n";
ini_set('amqp.serialization_depth', '1000000');
try_publish('cycle', ['h' => $cycle]);
try_publish('forever', ['h' => new Forever()]);
try_publish('100000 lists', ['h' => lists(100000)]);
try_publish('120 tables', ['h' => tables(120)]);
ini_restore('amqp.serialization_depth');

echo "--- queue arguments\n";
$q2 = new AMQPQueue($ch);
$q2->setFlags(AMQP_EXCLUSIVE);
$q2->setArguments(['x-deep' => tables(64)]);
try {
    $q2->declareQueue();
    echo "declared\n";
} catch (AMQPException $e) {
    echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n";
}
$q2->setArguments(['x-deep' => tables(63)]);
$q2->declareQueue();
echo "declared\n";
?>
--EXPECT--
--- default 128
63 tables: sent (63 tables)
64 tables: AMQPException(0): Maximum serialization depth of 128 reached while serializing value
127 lists: sent (127 lists)
128 lists: AMQPException(0): Maximum serialization depth of 128 reached while serializing value
127 values: sent (127 values)
128 values: AMQPException(0): Maximum serialization depth of 128 reached while serializing value
forever: AMQPException(0): Maximum serialization depth of 128 reached while serializing value
cycle: AMQPException(0): Maximum serialization depth of 128 reached while serializing value
list cycle: AMQPException(0): Maximum serialization depth of 128 reached while serializing value
NULL
--- 0
no headers: sent (no headers)
scalar: AMQPException(0): Maximum serialization depth of 0 reached while serializing value
--- 1
scalar: sent (scalar)
empty list: sent (empty list)
list: AMQPException(0): Maximum serialization depth of 1 reached while serializing value
table: AMQPException(0): Maximum serialization depth of 1 reached while serializing value
timestamp: sent (timestamp)
value: AMQPException(0): Maximum serialization depth of 1 reached while serializing value
--- 3
1 table: sent (1 table)
2 lists: sent (2 lists)
3 lists: AMQPException(0): Maximum serialization depth of 3 reached while serializing value
list in table: AMQPException(0): Maximum serialization depth of 3 reached while serializing value
--- 1000000: cycles and runaway nesting still stop, without a crash
cycle: AMQPException(0): Maximum serialization depth of 1000000 reached while serializing value
forever: AMQPException(0): Maximum serialization depth of 1000000 reached while serializing value
100000 lists: AMQPException(0): Maximum serialization depth of 1000000 reached while serializing value
120 tables: sent (120 tables)
--- queue arguments
AMQPException(0): Maximum serialization depth of 128 reached while serializing value
declared

--TEST--
AMQPExchange::publish(): headers of every PHP type, warnings, and a serialization error sends nothing (docs/compatibility.md §7.12)
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';
function ex(Throwable $e) { echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n"; }
final class Wrapped implements AMQPValue {
    public function __construct(private $v) {}
    public function toAmqpValue() { return $this->v; }
}

$conn = mq_test_connection();
$ch = new AMQPChannel($conn);
$q = new AMQPQueue($ch);
$q->setFlags(AMQP_EXCLUSIVE);
$q->declareQueue(mq_test_name('mq-xq-'));
$x = new AMQPExchange($ch);
$ref = 'by reference';
$headers = [
    'null' => null,
    'true' => true,
    'false' => false,
    'int' => 42,
    'negative' => -7,
    'max' => PHP_INT_MAX,
    'float' => 1.25,
    'string' => "bin\0ary",
    'empty' => '',
    'list' => [1, 'two', 3.0, null, [4]],
    'map' => ['a' => 1, 'b' => ['c' => 'd'], 5 => 'int key in a nested table'],
    'emptyarray' => [],
    'timestamp' => new AMQPTimestamp(1700000000),
    'decimal' => new AMQPDecimal(2, 12345),
    'value' => new Wrapped(['wrapped' => true]),
    'ref' => &$ref,
];
$x->publish('h', $q->getName(), AMQP_NOPARAM, ['headers' => $headers]);
$got = $q->get(AMQP_AUTOACK)->getHeaders();
var_dump($got);

echo "-- skipped entries warn, the rest is sent\n";
$x->publish('w', $q->getName(), AMQP_NOPARAM, ['headers' => [
    3 => 'int key',
    '123' => 'numeric string key',
    'object' => new stdClass(),
    'list' => [1, new stdClass(), 2],
    'kept' => 'yes',
]]);
var_dump($q->get(AMQP_AUTOACK)->getHeaders());

echo "-- a serialization error: exception, nothing sent\n";
ini_set('amqp.serialization_depth', '4');
$deep = ['l1' => ['l2' => ['l3' => ['l4' => 'too deep']]]];
try {
    $x->publish('never', $q->getName(), AMQP_NOPARAM, ['headers' => $deep]);
} catch (AMQPException $e) {
    ex($e);
}
try {
    $x->publish('never', $q->getName(), AMQP_NOPARAM, ['headers' => ['self' => new Wrapped(new Wrapped(new Wrapped(new Wrapped(new Wrapped(1)))))]]);
} catch (AMQPException $e) {
    ex($e);
}
ini_restore('amqp.serialization_depth');
var_dump($q->declareQueue(), $q->get());
var_dump($ch->isConnected(), $conn->isConnected());
$conn->disconnect();
?>
--EXPECTF--
array(16) {
  ["null"]=>
  NULL
  ["true"]=>
  bool(true)
  ["false"]=>
  bool(false)
  ["int"]=>
  int(42)
  ["negative"]=>
  int(-7)
  ["max"]=>
  int(9223372036854775807)
  ["float"]=>
  float(1.25)
  ["string"]=>
  string(7) "bin%0ary"
  ["empty"]=>
  string(0) ""
  ["list"]=>
  array(5) {
    [0]=>
    int(1)
    [1]=>
    string(3) "two"
    [2]=>
    float(3)
    [3]=>
    NULL
    [4]=>
    array(1) {
      [0]=>
      int(4)
    }
  }
  ["map"]=>
  array(3) {
    ["a"]=>
    int(1)
    ["b"]=>
    array(1) {
      ["c"]=>
      string(1) "d"
    }
    [5]=>
    string(25) "int key in a nested table"
  }
  ["emptyarray"]=>
  array(0) {
  }
  ["timestamp"]=>
  object(AMQPTimestamp)#%d (1) {
    ["timestamp":"AMQPTimestamp":private]=>
    float(1700000000)
  }
  ["decimal"]=>
  object(AMQPDecimal)#%d (2) {
    ["exponent":"AMQPDecimal":private]=>
    int(2)
    ["significand":"AMQPDecimal":private]=>
    int(12345)
  }
  ["value"]=>
  array(1) {
    ["wrapped"]=>
    bool(true)
  }
  ["ref"]=>
  string(12) "by reference"
}
-- skipped entries warn, the rest is sent

Warning: AMQPExchange::publish(): Ignoring non-string header field '3' in %s on line %d

Warning: AMQPExchange::publish(): Ignoring non-string header field '123' in %s on line %d

Warning: AMQPExchange::publish(): Ignoring field 'object' due to unsupported value type (object) in %s on line %d

Warning: AMQPExchange::publish(): Ignoring field '1' due to unsupported value type (object) in %s on line %d
array(2) {
  ["list"]=>
  array(2) {
    [0]=>
    int(1)
    [1]=>
    int(2)
  }
  ["kept"]=>
  string(3) "yes"
}
-- a serialization error: exception, nothing sent
AMQPException(0): Maximum serialization depth of 4 reached while serializing value
AMQPException(0): Maximum serialization depth of 4 reached while serializing value
int(0)
NULL
bool(true)
bool(true)

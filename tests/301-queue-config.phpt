--TEST--
AMQPQueue: name, flags and arguments (no broker: constructor skipped by a subclass)
--EXTENSIONS--
amqp
--FILE--
<?php
function ex(Throwable $e) { echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n"; }
class Q extends AMQPQueue { public function __construct() {} }
final class MyValue implements AMQPValue { public function toAmqpValue() { return 1; } }

$q = new Q();
var_dump($q->getName(), $q->getFlags(), $q->getConsumerTag(), $q->getArguments(), $q->getConsumerCount());

echo "-- name\n";
foreach (['', str_repeat('x', 256)] as $n) {
    try { $q->setName($n); } catch (AMQPQueueException $e) { ex($e); }
}
var_dump($q->getName());
$q->setName(str_repeat('y', 255));
var_dump(strlen($q->getName()));
$q->setName("a\0b");
var_dump($q->getName() === "a\0b");

echo "-- flags\n";
$q->setFlags(AMQP_DURABLE | AMQP_PASSIVE | AMQP_EXCLUSIVE | AMQP_AUTODELETE | AMQP_INTERNAL | AMQP_NOLOCAL | AMQP_IFUNUSED | AMQP_AUTOACK);
var_dump($q->getFlags());
$q->setFlags(null);
var_dump($q->getFlags());
$q->setFlags(AMQP_DURABLE);
var_dump($q->getFlags());
$q->setFlags(AMQP_EXCLUSIVE | AMQP_PASSIVE);
var_dump($q->getFlags());

echo "-- arguments\n";
$q->setArgument('x-max-length', 10);
$before = $q->getArguments();
$q->setArgument('x-max-length', 20);          // overwrites (docs/compatibility.md §7.1)
var_dump($before, $q->getArgument('x-max-length')); // earlier copy unchanged (§7.2)
$q->setArgument('n', null);
var_dump($q->hasArgument('n'), $q->getArgument('n'));
$q->setArgument('b', true);
$q->setArgument('f', 1.5);
$q->setArgument('s', "bin\0ary");
$q->setArgument('a', ['x' => [1, 2]]);
$q->setArgument('t', new AMQPTimestamp(1700000000));
$q->setArgument('d', new AMQPDecimal(2, 12345));
$q->setArgument('v', new MyValue());
$q->setArgument('123', 'numeric');
var_dump($q->hasArgument('123'), $q->getArgument('123'));
foreach ([new stdClass(), fopen('php://memory', 'r'), function () {}] as $bad) {
    try { $q->setArgument('bad', $bad); } catch (AMQPQueueException $e) { ex($e); }
}
var_dump($q->hasArgument('bad'));
try { $q->getArgument('nope'); } catch (AMQPQueueException $e) { ex($e); }
var_dump(array_keys($q->getArguments()));
$q->removeArgument('x-max-length');
$q->removeArgument('missing');
var_dump($q->hasArgument('x-max-length'), $q->hasArgument('missing'), $q->hasArgument('b'));
$args = $q->getArguments();
$q->setArguments(['only' => 'this']);
var_dump($q->getArguments(), count($args));
$q->setArguments([]);
var_dump($q->getArguments());

echo "-- var_dump\n";
$q->setName('q1');
var_dump($q);
?>
--EXPECT--
NULL
int(16)
NULL
array(0) {
}
NULL
-- name
AMQPQueueException(0): Invalid queue name given, must be between 1 and 255 characters long.
AMQPQueueException(0): Invalid queue name given, must be between 1 and 255 characters long.
NULL
int(255)
bool(true)
-- flags
int(30)
int(0)
int(2)
int(12)
-- arguments
array(1) {
  ["x-max-length"]=>
  int(10)
}
int(20)
bool(true)
NULL
bool(true)
string(7) "numeric"
AMQPQueueException(0): The value parameter must be of type bool, int, double, string, null, array, AMQPTimestamp, AMQPDecimal, or an implementation of AMQPValue.
AMQPQueueException(0): The value parameter must be of type bool, int, double, string, null, array, AMQPTimestamp, AMQPDecimal, or an implementation of AMQPValue.
AMQPQueueException(0): The value parameter must be of type bool, int, double, string, null, array, AMQPTimestamp, AMQPDecimal, or an implementation of AMQPValue.
bool(false)
AMQPQueueException(0): The argument "nope" does not exist
array(10) {
  [0]=>
  string(12) "x-max-length"
  [1]=>
  string(1) "n"
  [2]=>
  string(1) "b"
  [3]=>
  string(1) "f"
  [4]=>
  string(1) "s"
  [5]=>
  string(1) "a"
  [6]=>
  string(1) "t"
  [7]=>
  string(1) "d"
  [8]=>
  string(1) "v"
  [9]=>
  int(123)
}
bool(false)
bool(false)
bool(true)
array(1) {
  ["only"]=>
  string(4) "this"
}
int(9)
array(0) {
}
-- var_dump
object(Q)#1 (7) {
  ["connection":"AMQPQueue":private]=>
  uninitialized(AMQPConnection)
  ["channel":"AMQPQueue":private]=>
  uninitialized(AMQPChannel)
  ["name":"AMQPQueue":private]=>
  string(2) "q1"
  ["consumerTag":"AMQPQueue":private]=>
  NULL
  ["passive":"AMQPQueue":private]=>
  bool(true)
  ["durable":"AMQPQueue":private]=>
  bool(false)
  ["exclusive":"AMQPQueue":private]=>
  bool(true)
  ["autoDelete":"AMQPQueue":private]=>
  bool(false)
  ["arguments":"AMQPQueue":private]=>
  array(0) {
  }
}

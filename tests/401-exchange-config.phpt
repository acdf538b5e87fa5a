--TEST--
AMQPExchange: name, type, flags, arguments and stale-object contexts (no broker: constructor skipped)
--EXTENSIONS--
amqp
--FILE--
<?php
function ex(Throwable $e) {
    echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n";
    if ($p = $e->getPrevious()) {
        echo '  previous ', get_class($p), ': ', $p->getMessage(), "\n";
    }
}
class X extends AMQPExchange { public function __construct() {} }
$x = new X();
var_dump($x->getName(), $x->getType(), $x->getFlags(), $x->getArguments());

echo "-- name and type\n";
try { $x->setName(str_repeat('n', 256)); } catch (AMQPExchangeException $e) { ex($e); }
$x->setName(str_repeat('n', 255));
var_dump(strlen($x->getName()));
$x->setName('');
var_dump($x->getName());
$x->setName(null);
var_dump($x->getName());
$x->setName('ex1');
var_dump($x->getName());
$x->setType('whatever');
var_dump($x->getType());
$x->setType('');
var_dump($x->getType());
$x->setType(null);
var_dump($x->getType());
$x->setType(AMQP_EX_TYPE_TOPIC);

echo "-- flags\n";
$x->setFlags(AMQP_PASSIVE | AMQP_DURABLE | AMQP_AUTODELETE | AMQP_INTERNAL | AMQP_EXCLUSIVE | AMQP_IFUNUSED);
var_dump($x->getFlags());
$x->setFlags(null);
var_dump($x->getFlags());
$x->setFlags(AMQP_DURABLE | AMQP_INTERNAL);
var_dump($x->getFlags());

echo "-- arguments\n";
$x->setArgument('alternate-exchange', 'ae');
$before = $x->getArguments();
$x->setArgument('alternate-exchange', 'ae2');
var_dump($before['alternate-exchange'], $x->getArgument('alternate-exchange'));
foreach ([null, true, 1, 1.5, 's'] as $i => $ok) {
    $x->setArgument("k$i", $ok);
}
foreach ([[1], new AMQPTimestamp(1), new stdClass()] as $bad) {
    try { $x->setArgument('bad', $bad); } catch (AMQPExchangeException $e) { ex($e); }
}
var_dump($x->hasArgument('bad'), $x->hasArgument('k0'), $x->getArgument('k0'));
try { $x->getArgument('nope'); } catch (AMQPExchangeException $e) { ex($e); }
$x->removeArgument('k1');
$x->removeArgument('never');
var_dump(array_keys($x->getArguments()));
$x->setArguments(['any' => [1, ['x' => new AMQPDecimal(1, 5)]]]);
var_dump(count($x->getArguments()['any']));
$x->setArguments([]);

echo "-- stale object\n";
$calls = [
    'declareExchange' => fn() => $x->declareExchange(),
    'declare' => fn() => $x->declare(),
    'delete' => fn() => $x->delete(),
    'bind' => fn() => $x->bind('src', 'rk'),
    'unbind' => fn() => $x->unbind('src', 'rk'),
    'publish' => fn() => $x->publish('body', 'rk'),
];
foreach ($calls as $name => $call) {
    echo "$name: ";
    try { $call(); echo "no exception\n"; } catch (Throwable $e) { ex($e); }
}
foreach (['getChannel', 'getConnection'] as $m) {
    try { $x->$m(); } catch (Error $e) { ex($e); }
}

echo "-- publish: properties are checked before the channel\n";
try {
    $x->publish('b', 'rk', AMQP_NOPARAM, ['headers' => [5 => 'int key', 'ok' => 1, 'obj' => new stdClass()]]);
} catch (Throwable $e) { ex($e); }
try { $x->publish('b', 'rk', null, ['message_id' => str_repeat('m', 256)]); } catch (Throwable $e) { ex($e); }
try { $x->publish('b', str_repeat('r', 256)); } catch (Throwable $e) { ex($e); }
try { $x->publish('b', 'rk', null, ['correlation_id' => new stdClass()]); } catch (Throwable $e) { ex($e); }
ini_set('amqp.serialization_depth', '2');
try { $x->publish('b', 'rk', null, ['headers' => ['a' => ['b' => ['c' => 1]]]]); } catch (Throwable $e) { ex($e); }

echo "-- shortstr limits (docs/compatibility.md §7.16)\n";
$long = str_repeat('l', 256);
try { $x->bind($long); } catch (Throwable $e) { ex($e); }
try { $x->unbind('src', $long); } catch (Throwable $e) { ex($e); }
try { $x->delete($long); } catch (Throwable $e) { ex($e); }

echo "-- constructor argument\n";
try { new AMQPExchange('x'); } catch (TypeError $e) { ex($e); }
try { new AMQPExchange(new stdClass()); } catch (TypeError $e) { ex($e); }
?>
--EXPECTF--
NULL
NULL
int(0)
array(0) {
}
-- name and type
AMQPExchangeException(0): Invalid exchange name given, must be less than 255 characters long.
int(255)
NULL
NULL
string(3) "ex1"
string(8) "whatever"
NULL
NULL
-- flags
int(54)
int(0)
int(34)
-- arguments
string(2) "ae"
string(3) "ae2"
AMQPExchangeException(0): The value parameter must be of type NULL, int, double or string.
AMQPExchangeException(0): The value parameter must be of type NULL, int, double or string.
AMQPExchangeException(0): The value parameter must be of type NULL, int, double or string.
bool(false)
bool(true)
NULL
AMQPExchangeException(0): The argument "nope" does not exist
array(5) {
  [0]=>
  string(18) "alternate-exchange"
  [1]=>
  string(2) "k0"
  [2]=>
  string(2) "k2"
  [3]=>
  string(2) "k3"
  [4]=>
  string(2) "k4"
}
int(2)
-- stale object
declareExchange: AMQPChannelException(0): Could not declare exchange. Stale reference to the channel object.
  previous Error: Typed property AMQPExchange::$channel must not be accessed before initialization
declare: AMQPChannelException(0): Could not declare exchange. Stale reference to the channel object.
  previous Error: Typed property AMQPExchange::$channel must not be accessed before initialization
delete: AMQPChannelException(0): Could not delete exchange. Stale reference to the channel object.
  previous Error: Typed property AMQPExchange::$channel must not be accessed before initialization
bind: AMQPChannelException(0): Could not bind to exchange. Stale reference to the channel object.
  previous Error: Typed property AMQPExchange::$channel must not be accessed before initialization
unbind: AMQPChannelException(0): Could not unbind from exchange. Stale reference to the channel object.
  previous Error: Typed property AMQPExchange::$channel must not be accessed before initialization
publish: AMQPChannelException(0): Could not publish to exchange. Stale reference to the channel object.
  previous Error: Typed property AMQPExchange::$channel must not be accessed before initialization
Error(0): Typed property AMQPExchange::$channel must not be accessed before initialization
Error(0): Typed property AMQPExchange::$connection must not be accessed before initialization
-- publish: properties are checked before the channel

Warning: AMQPExchange::publish(): Ignoring non-string header field '5' in %s on line %d

Warning: AMQPExchange::publish(): Ignoring field 'obj' due to unsupported value type (object) in %s on line %d
AMQPChannelException(0): Could not publish to exchange. Stale reference to the channel object.
  previous Error: Typed property AMQPExchange::$channel must not be accessed before initialization
AMQPExchangeException(0): Could not publish to exchange. The 'message_id' property must not be longer than 255 bytes.
AMQPExchangeException(0): Could not publish to exchange. The routing key must not be longer than 255 bytes.
Error(0): Object of class stdClass could not be converted to string
AMQPException(0): Maximum serialization depth of 2 reached while serializing value
-- shortstr limits (docs/compatibility.md §7.16)
AMQPExchangeException(0): Could not bind to exchange. The exchange name must not be longer than 255 bytes.
AMQPExchangeException(0): Could not unbind from exchange. The routing key must not be longer than 255 bytes.
AMQPExchangeException(0): Could not delete exchange. The exchange name must not be longer than 255 bytes.
-- constructor argument
TypeError(0): AMQPExchange::__construct(): Argument #1 ($channel) must be of type AMQPChannel, string given
TypeError(0): AMQPExchange::__construct(): Argument #1 ($channel) must be of type AMQPChannel, stdClass given

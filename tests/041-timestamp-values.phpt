--TEST--
AMQPTimestamp: constants (MAX then MIN), validation texts, boundaries, floor(), __toString, Stringable, toAmqpValue
--EXTENSIONS--
amqp
--FILE--
<?php
var_dump(AMQPTimestamp::MAX, AMQPTimestamp::MIN, AMQPTimestamp::MAX === 2.0 ** 64);
var_dump(array_keys((new ReflectionClass(AMQPTimestamp::class))->getConstants()));
function make($v) {
    try {
        $t = new AMQPTimestamp($v);
        echo var_export($v, true), ': ', var_export($t->getTimestamp(), true), ' "', $t, "\"\n";
    } catch (AMQPValueException $x) {
        echo var_export($v, true), ': ', get_class($x), '(', $x->getCode(), '): ', $x->getMessage(), "\n";
    }
}
make(0);
make(0.0);
make(100000.1);
make(100000.9);
make(1700000000);
make(1700000000.999);
make(-0.0);
make(-0.5);
make(-1);
make(AMQPTimestamp::MAX);
make(AMQPTimestamp::MAX * 2);
make(INF);
make(-INF);
make(PHP_INT_MAX);
make("12.5");
make(NAN); // accepted like php-amqp; encoded as 0 on the wire
$t = new AMQPTimestamp(1234567890);
var_dump($t);
var_dump((string) $t, $t->__toString(), "$t" === '1234567890', $t instanceof Stringable);
var_dump($t->toAmqpValue() === $t, $t instanceof AMQPValue);
$r = new ReflectionClass(AMQPTimestamp::class);
var_dump($r->isFinal(), $r->isReadOnly(), $r->getInterfaceNames());
try {
    new AMQPTimestamp('abc');
} catch (TypeError $x) {
    echo get_class($x), ': ', $x->getMessage(), "\n";
}
try {
    new AMQPTimestamp();
} catch (ArgumentCountError $x) {
    echo get_class($x), ': ', $x->getMessage(), "\n";
}
$u = $r->newInstanceWithoutConstructor();
foreach (['getTimestamp', '__toString'] as $m) {
    try {
        $u->$m();
    } catch (Error $x) {
        echo get_class($x), ': ', $x->getMessage(), "\n";
    }
}
?>
--EXPECTF--
float(1.8446744073709552E+19)
float(0)
bool(true)
array(2) {
  [0]=>
  string(3) "MAX"
  [1]=>
  string(3) "MIN"
}
0: 0.0 "0"
0.0: 0.0 "0"
100000.1: 100000.0 "100000"
100000.9: 100000.0 "100000"
1700000000: 1700000000.0 "1700000000"
1700000000.999: 1700000000.0 "1700000000"
-0.0: -0.0 "0"
-0.5: AMQPValueException(0): The timestamp parameter must be greater than 0.
-1: AMQPValueException(0): The timestamp parameter must be greater than 0.
1.8446744073709552E+19: 1.8446744073709552E+19 "18446744073709551616"
3.6893488147419103E+19: AMQPValueException(0): The timestamp parameter must be less than 18446744073709551616.
INF: AMQPValueException(0): The timestamp parameter must be less than 18446744073709551616.
-INF: AMQPValueException(0): The timestamp parameter must be greater than 0.
9223372036854775807: 9.223372036854776E+18 "9223372036854775808"
'12.5': 12.0 "12"
NAN: NAN "nan"
object(AMQPTimestamp)#%d (1) {
  ["timestamp":"AMQPTimestamp":private]=>
  float(1234567890)
}
string(10) "1234567890"
string(10) "1234567890"
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
array(2) {
  [0]=>
  string(10) "Stringable"
  [1]=>
  string(9) "AMQPValue"
}
TypeError: AMQPTimestamp::__construct(): Argument #1 ($timestamp) must be of type float, string given
ArgumentCountError: AMQPTimestamp::__construct() expects exactly 1 argument, 0 given
Error: Typed property AMQPTimestamp::$timestamp must not be accessed before initialization
Error: Typed property AMQPTimestamp::$timestamp must not be accessed before initialization

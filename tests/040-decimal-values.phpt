--TEST--
AMQPDecimal: constants, validation texts in order, boundaries, getters, toAmqpValue, var_dump, final/readonly
--EXTENSIONS--
amqp
--FILE--
<?php
var_dump(AMQPDecimal::EXPONENT_MIN, AMQPDecimal::EXPONENT_MAX, AMQPDecimal::SIGNIFICAND_MIN,
    AMQPDecimal::SIGNIFICAND_MAX);
function make($e, $s) {
    try {
        $d = new AMQPDecimal($e, $s);
        echo "($e, $s): ", $d->getExponent(), ' ', $d->getSignificand(), "\n";
    } catch (AMQPValueException $x) {
        echo "($e, $s): ", get_class($x), '(', $x->getCode(), '): ', $x->getMessage(), "\n";
    }
}
make(0, 0);
make(255, 4294967295);
make(2, 12345);
make(-1, 5);
make(256, 5);
make(5, -1);
make(5, 4294967296);
make(PHP_INT_MIN, PHP_INT_MIN);   // exponent is checked first
make(256, -1);
make(3, PHP_INT_MAX);
$d = new AMQPDecimal(3, 14159);
var_dump($d);
var_dump($d->toAmqpValue() === $d, $d instanceof AMQPValue);
var_dump(new AMQPDecimal(significand: 7, exponent: 1));
try {
    new AMQPDecimal('x', 1);
} catch (TypeError $x) {
    echo get_class($x), ': ', $x->getMessage(), "\n";
}
try {
    new AMQPDecimal(1);
} catch (ArgumentCountError $x) {
    echo get_class($x), ': ', $x->getMessage(), "\n";
}
$r = new ReflectionClass(AMQPDecimal::class);
var_dump($r->isFinal(), $r->isReadOnly(), $r->implementsInterface(AMQPValue::class));
$c = clone $d;
var_dump($c->getExponent(), $c->getSignificand(), $c == $d);
// made without its constructor: the getters report the uninitialised property
$u = $r->newInstanceWithoutConstructor();
try {
    $u->getExponent();
} catch (Error $x) {
    echo get_class($x), ': ', $x->getMessage(), "\n";
}
try {
    $u->getSignificand();
} catch (Error $x) {
    echo get_class($x), ': ', $x->getMessage(), "\n";
}
?>
--EXPECTF--
int(0)
int(255)
int(0)
int(4294967295)
(0, 0): 0 0
(255, 4294967295): 255 4294967295
(2, 12345): 2 12345
(-1, 5): AMQPValueException(0): Decimal exponent value must be unsigned.
(256, 5): AMQPValueException(0): Decimal exponent value must be less than 255.
(5, -1): AMQPValueException(0): Decimal significand value must be unsigned.
(5, 4294967296): AMQPValueException(0): Decimal significand value must be less than 4294967295.
(-9223372036854775808, -9223372036854775808): AMQPValueException(0): Decimal exponent value must be unsigned.
(256, -1): AMQPValueException(0): Decimal exponent value must be less than 255.
(3, 9223372036854775807): AMQPValueException(0): Decimal significand value must be less than 4294967295.
object(AMQPDecimal)#%d (2) {
  ["exponent":"AMQPDecimal":private]=>
  int(3)
  ["significand":"AMQPDecimal":private]=>
  int(14159)
}
bool(true)
bool(true)
object(AMQPDecimal)#%d (2) {
  ["exponent":"AMQPDecimal":private]=>
  int(1)
  ["significand":"AMQPDecimal":private]=>
  int(7)
}
TypeError: AMQPDecimal::__construct(): Argument #1 ($exponent) must be of type int, string given
ArgumentCountError: AMQPDecimal::__construct() expects exactly 2 arguments, 1 given
bool(true)
bool(true)
bool(true)
int(3)
int(14159)
bool(true)
Error: Typed property AMQPDecimal::$exponent must not be accessed before initialization
Error: Typed property AMQPDecimal::$significand must not be accessed before initialization

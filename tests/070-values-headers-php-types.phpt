--TEST--
values: every PHP value type in publish() headers -> exact AMQP wire types (§4.1) -> decoded back by get() (§4.2)
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--ENV--
VALGRIND_OPTS=--trace-children-skip=*/sh,*/bash,*/dash
--FILE--
<?php
require __DIR__ . '/_broker.inc';
require __DIR__ . '/_wire.inc';

class Wrapped implements AMQPValue {
    public function __construct(private $v) {}
    public function toAmqpValue() { return $this->v; }
}

$c = mq_test_connection();
$ch = new AMQPChannel($c);
$q = new AMQPQueue($ch);
$q->setName(mq_test_name('mq-values-'));
$q->setFlags(AMQP_EXCLUSIVE);
$q->declareQueue();
$x = new AMQPExchange($ch); // the default exchange

$headers = [
    'int' => 42,
    'int_neg' => -1,
    'int_max' => PHP_INT_MAX,
    'int_min' => PHP_INT_MIN,
    'float' => 1.5,
    'float_int' => 2.0,
    'float_neg_zero' => -0.0,
    'float_big' => 1e300,
    'string' => 'text',
    'string_empty' => '',
    'string_binary' => "a\0b\xff",
    'true' => true,
    'false' => false,
    'null' => null,
    'list' => [1, 'a', true, null, 2.5],
    'list_empty' => [],
    'list_sparse' => [5 => 'a', 9 => 'b', 1 => 'c'],
    'table' => ['a' => 1, 'b' => ['c' => 'd']],
    'table_int_keys' => ['x' => 1, 7 => 'seven', -3 => 'neg'],
    'list_of_tables' => [['count' => 1, 'reason' => 'rejected'], ['count' => 2]],
    'timestamp' => new AMQPTimestamp(1700000000.9),
    'decimal' => new AMQPDecimal(2, 12345),
    'value_scalar' => new Wrapped('wrapped'),
    'value_array' => new Wrapped(['k' => new Wrapped(7)]),
    'value_timestamp' => new Wrapped(new AMQPTimestamp(5)),
    "bin\0key" => 'binary key',
    str_repeat('k', 255) => '255-byte key',
];
$x->publish('body', $q->getName(), AMQP_NOPARAM, ['headers' => $headers]);
$x->publish('body', $q->getName(), AMQP_NOPARAM, ['headers' => $headers]);

echo "--- on the wire\n";
echo mq_wire_headers($q->getName()), "\n";

echo "--- decoded\n";
$e = $q->get(AMQP_AUTOACK);
$h = $e->getHeaders();
echo 'string_binary: ', bin2hex($h['string_binary']), "\n";
unset($h['string_binary']);
var_export($h);
echo "\n";
var_dump($e->getHeader("bin\0key"), $e->hasHeader(str_repeat('k', 255)));
?>
--EXPECT--
--- on the wire
[{<<"int">>,long,42},
 {<<"int_neg">>,long,-1},
 {<<"int_max">>,long,9223372036854775807},
 {<<"int_min">>,long,-9223372036854775808},
 {<<"float">>,double,1.5},
 {<<"float_int">>,double,2.0},
 {<<"float_neg_zero">>,double,-0.0},
 {<<"float_big">>,double,1.0e300},
 {<<"string">>,longstr,<<"text">>},
 {<<"string_empty">>,longstr,<<>>},
 {<<"string_binary">>,longstr,<<97,0,98,255>>},
 {<<"true">>,bool,true},
 {<<"false">>,bool,false},
 {<<"null">>,void,undefined},
 {<<"list">>,array,
  [{long,1},{longstr,<<"a">>},{bool,true},{void,undefined},{double,2.5}]},
 {<<"list_empty">>,array,[]},
 {<<"list_sparse">>,array,
  [{longstr,<<"a">>},{longstr,<<"b">>},{longstr,<<"c">>}]},
 {<<"table">>,table,
  [{<<"a">>,long,1},{<<"b">>,table,[{<<"c">>,longstr,<<"d">>}]}]},
 {<<"table_int_keys">>,table,
  [{<<"x">>,long,1},
   {<<"7">>,longstr,<<"seven">>},
   {<<"-3">>,longstr,<<"neg">>}]},
 {<<"list_of_tables">>,array,
  [{table,[{<<"count">>,long,1},{<<"reason">>,longstr,<<"rejected">>}]},
   {table,[{<<"count">>,long,2}]}]},
 {<<"timestamp">>,timestamp,1700000000},
 {<<"decimal">>,decimal,{2,12345}},
 {<<"value_scalar">>,longstr,<<"wrapped">>},
 {<<"value_array">>,table,[{<<"k">>,long,7}]},
 {<<"value_timestamp">>,timestamp,5},
 {<<98,105,110,0,107,101,121>>,longstr,<<"binary key">>},
 {<<"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk">>,
  longstr,<<"255-byte key">>}]
--- decoded
string_binary: 610062ff
array (
  'int' => 42,
  'int_neg' => -1,
  'int_max' => 9223372036854775807,
  'int_min' => -9223372036854775807-1,
  'float' => 1.5,
  'float_int' => 2.0,
  'float_neg_zero' => -0.0,
  'float_big' => 1.0E+300,
  'string' => 'text',
  'string_empty' => '',
  'true' => true,
  'false' => false,
  'null' => NULL,
  'list' => 
  array (
    0 => 1,
    1 => 'a',
    2 => true,
    3 => NULL,
    4 => 2.5,
  ),
  'list_empty' => 
  array (
  ),
  'list_sparse' => 
  array (
    0 => 'a',
    1 => 'b',
    2 => 'c',
  ),
  'table' => 
  array (
    'a' => 1,
    'b' => 
    array (
      'c' => 'd',
    ),
  ),
  'table_int_keys' => 
  array (
    'x' => 1,
    7 => 'seven',
    -3 => 'neg',
  ),
  'list_of_tables' => 
  array (
    0 => 
    array (
      'count' => 1,
      'reason' => 'rejected',
    ),
    1 => 
    array (
      'count' => 2,
    ),
  ),
  'timestamp' => 
  \AMQPTimestamp::__set_state(array(
     'timestamp' => 1700000000.0,
  )),
  'decimal' => 
  \AMQPDecimal::__set_state(array(
     'exponent' => 2,
     'significand' => 12345,
  )),
  'value_scalar' => 'wrapped',
  'value_array' => 
  array (
    'k' => 7,
  ),
  'value_timestamp' => 
  \AMQPTimestamp::__set_state(array(
     'timestamp' => 5.0,
  )),
  'bin' . "\0" . 'key' => 'binary key',
  'kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk' => '255-byte key',
)
string(10) "binary key"
bool(true)

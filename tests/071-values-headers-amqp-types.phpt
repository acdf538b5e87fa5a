--TEST--
values: every AMQP field type RabbitMQ can send -> PHP (§4.2), and getHeaders() publishable again with the same types (round trip)
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--ENV--
VALGRIND_OPTS=--trace-children-skip=*/sh,*/bash,*/dash
--FILE--
<?php
require __DIR__ . '/_broker.inc';
require __DIR__ . '/_wire.inc';

$c = mq_test_connection();
$ch = new AMQPChannel($c);
$q = new AMQPQueue($ch);
$q->setName(mq_test_name('mq-values-'));
$q->setFlags(AMQP_EXCLUSIVE);
$q->declareQueue();

// every type of RabbitMQ's table format, including the ones mq never sends
mq_wire_publish($q->getName(), '[{<<"b">>, byte, -5}, {<<"B">>, unsignedbyte, 200}, '
    . '{<<"s">>, short, -300}, {<<"u">>, unsignedshort, 60000}, {<<"I">>, signedint, -70000}, '
    . '{<<"i">>, unsignedint, 4000000000}, {<<"l">>, long, -5000000000}, {<<"f">>, float, 1.5}, '
    . '{<<"d">>, double, 2.25}, {<<"D">>, decimal, {3, 4294967295}}, {<<"S">>, longstr, <<"str">>}, '
    . '{<<"x">>, binary, <<0,1,255>>}, {<<"T">>, timestamp, 1700000000}, {<<"V">>, void, undefined}, '
    . '{<<"t">>, bool, true}, {<<"f0">>, bool, false}, '
    . '{<<"A">>, array, [{byte, 1}, {longstr, <<"a">>}, {array, []}, {table, []}]}, '
    . '{<<"F">>, table, [{<<"k">>, short, 1}, {<<"7">>, longstr, <<"int key">>}]}, '
    . '{<<"x-death">>, array, [{table, [{<<"count">>, long, 1}, {<<"reason">>, longstr, <<"rejected">>}, '
    . '{<<"queue">>, longstr, <<"q">>}, {<<"time">>, timestamp, 1700000001}, '
    . '{<<"exchange">>, longstr, <<>>}, {<<"routing-keys">>, array, [{longstr, <<"rk">>}]}]}]}]');
$e = $q->get(AMQP_AUTOACK);
var_dump($e->getBody());
$h = $e->getHeaders();
echo 'x: ', bin2hex($h['x']), "\n";
unset($h['x']);
var_dump($h);

// publish what was received: same wire types, except that smaller integers,
// floats and byte arrays come back normalised as long / double / longstr,
// and an empty table is an empty PHP array, which goes out as an empty list
$x = new AMQPExchange($ch);
$x->publish('again', $q->getName(), AMQP_NOPARAM, ['headers' => $e->getHeaders()]);
echo mq_wire_headers($q->getName()), "\n";
?>
--EXPECTF--
string(4) "wire"
x: 0001ff
array(18) {
  ["b"]=>
  int(-5)
  ["B"]=>
  int(200)
  ["s"]=>
  int(-300)
  ["u"]=>
  int(60000)
  ["I"]=>
  int(-70000)
  ["i"]=>
  int(4000000000)
  ["l"]=>
  int(-5000000000)
  ["f"]=>
  float(1.5)
  ["d"]=>
  float(2.25)
  ["D"]=>
  object(AMQPDecimal)#%d (2) {
    ["exponent":"AMQPDecimal":private]=>
    int(3)
    ["significand":"AMQPDecimal":private]=>
    int(4294967295)
  }
  ["S"]=>
  string(3) "str"
  ["T"]=>
  object(AMQPTimestamp)#%d (1) {
    ["timestamp":"AMQPTimestamp":private]=>
    float(1700000000)
  }
  ["V"]=>
  NULL
  ["t"]=>
  bool(true)
  ["f0"]=>
  bool(false)
  ["A"]=>
  array(4) {
    [0]=>
    int(1)
    [1]=>
    string(1) "a"
    [2]=>
    array(0) {
    }
    [3]=>
    array(0) {
    }
  }
  ["F"]=>
  array(2) {
    ["k"]=>
    int(1)
    [7]=>
    string(7) "int key"
  }
  ["x-death"]=>
  array(1) {
    [0]=>
    array(6) {
      ["count"]=>
      int(1)
      ["reason"]=>
      string(8) "rejected"
      ["queue"]=>
      string(1) "q"
      ["time"]=>
      object(AMQPTimestamp)#%d (1) {
        ["timestamp":"AMQPTimestamp":private]=>
        float(1700000001)
      }
      ["exchange"]=>
      string(0) ""
      ["routing-keys"]=>
      array(1) {
        [0]=>
        string(2) "rk"
      }
    }
  }
}
[{<<"b">>,long,-5},
 {<<"B">>,long,200},
 {<<"s">>,long,-300},
 {<<"u">>,long,60000},
 {<<"I">>,long,-70000},
 {<<"i">>,long,4000000000},
 {<<"l">>,long,-5000000000},
 {<<"f">>,double,1.5},
 {<<"d">>,double,2.25},
 {<<"D">>,decimal,{3,4294967295}},
 {<<"S">>,longstr,<<"str">>},
 {<<"x">>,longstr,<<0,1,255>>},
 {<<"T">>,timestamp,1700000000},
 {<<"V">>,void,undefined},
 {<<"t">>,bool,true},
 {<<"f0">>,bool,false},
 {<<"A">>,array,[{long,1},{longstr,<<"a">>},{array,[]},{array,[]}]},
 {<<"F">>,table,[{<<"k">>,long,1},{<<"7">>,longstr,<<"int key">>}]},
 {<<"x-death">>,array,
  [{table,[{<<"count">>,long,1},
           {<<"reason">>,longstr,<<"rejected">>},
           {<<"queue">>,longstr,<<"q">>},
           {<<"time">>,timestamp,1700000001},
           {<<"exchange">>,longstr,<<>>},
           {<<"routing-keys">>,array,[{longstr,<<"rk">>}]}]}]}]

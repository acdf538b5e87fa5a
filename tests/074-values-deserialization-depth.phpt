--TEST--
values: amqp.deserialization_depth on received headers: too deep headers are dropped with a warning, the message is kept (§7.13)
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--ENV--
VALGRIND_OPTS=--trace-children-skip=*/sh,*/bash,*/dash
--FILE--
<?php
require __DIR__ . '/_broker.inc';
require __DIR__ . '/_wire.inc';

// Erlang terms: a header value of n nested tables / lists around the int 1
function erl_tables(int $n): string {
    $v = 'long, 1';
    while ($n--) { $v = "table, [{<<\"k\">>, $v}]"; }
    return $v;
}
function erl_lists(int $n): string {
    $v = 'long, 1';
    while ($n--) { $v = "array, [{{$v}}]"; }
    return $v;
}
function depth_of($v): int { return is_array($v) ? 1 + depth_of(reset($v)) : 0; }

$c = mq_test_connection();
$ch = new AMQPChannel($c);
$q = new AMQPQueue($ch);
$q->setName(mq_test_name('mq-values-'));
$q->setFlags(AMQP_EXCLUSIVE);
$q->declareQueue();

function receive(string $label) {
    global $q;
    echo "--- $label\n";
    $e = $q->get(AMQP_AUTOACK);
    echo 'body ', $e->getBody(), ', headers:';
    foreach ($e->getHeaders() as $k => $v) {
        echo " $k(", depth_of($v), ')';
    }
    echo "\n";
}

$q2 = $q->getName();
mq_wire_publish($q2, '[{<<"a">>, long, 1}, {<<"t127">>, ' . erl_tables(127) . '}, {<<"l127">>, ' . erl_lists(127) . '}, '
    . '{<<"t128">>, ' . erl_tables(128) . '}, {<<"z">>, long, 2}]');
receive('default 128');

ini_set('amqp.deserialization_depth', '2');
mq_wire_publish($q2, '[{<<"a">>, long, 1}, {<<"b">>, ' . erl_lists(1) . '}, {<<"c">>, ' . erl_lists(2) . '}, '
    . '{<<"d">>, ' . erl_tables(2) . '}, {<<"e">>, ' . erl_tables(1) . '}, {<<"f">>, array, [{array, []}]}]');
receive('2');

ini_set('amqp.deserialization_depth', '0');
mq_wire_publish($q2, '[{<<"a">>, long, 1}, {<<"b">>, longstr, <<"x">>}]');
receive('0');
var_dump($q->get(AMQP_AUTOACK)); // both messages were taken
?>
--EXPECTF--
--- default 128

Warning: AMQPQueue::get(): Ignoring header 't128': maximum deserialization depth limit of 128 reached while deserializing value in %s on line %d
body wire, headers: a(0) t127(127) l127(127) z(0)
--- 2

Warning: AMQPQueue::get(): Ignoring header 'c': maximum deserialization depth limit of 2 reached while deserializing value in %s on line %d

Warning: AMQPQueue::get(): Ignoring header 'd': maximum deserialization depth limit of 2 reached while deserializing value in %s on line %d
body wire, headers: a(0) b(1) e(1) f(2)
--- 0

Warning: AMQPQueue::get(): Ignoring header 'a': maximum deserialization depth limit of 0 reached while deserializing value in %s on line %d

Warning: AMQPQueue::get(): Ignoring header 'b': maximum deserialization depth limit of 0 reached while deserializing value in %s on line %d
body wire, headers:
NULL

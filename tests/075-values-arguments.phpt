--TEST--
values: queue, exchange and binding arguments go through the same conversion (wire types, warnings, key limit)
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--ENV--
VALGRIND_OPTS=--trace-children-skip=*/sh,*/bash,*/dash
--FILE--
<?php
require __DIR__ . '/_broker.inc';

$c = mq_test_connection();
$ch = new AMQPChannel($c);
$q = new AMQPQueue($ch);
$name = mq_test_name('mq-values-');
$q->setName($name);
$q->setFlags(AMQP_EXCLUSIVE);
$q->setArguments([
    'x-max-length' => 10,
    'x-dead-letter-exchange' => '',
    'custom-float' => 1.5,
    'custom-bool' => false,
    'custom-null' => null,
    'custom-list' => [1, 'a'],
    'custom-table' => ['a' => true, 3 => 'three'],
    'custom-ts' => new AMQPTimestamp(1700000000),
    'custom-dec' => new AMQPDecimal(1, 5),
    7 => 'int key: skipped',
]);
$q->declareQueue();
foreach (explode("\n", mq_test_ctl('list_queues', '-q', '--no-table-headers', 'name', 'arguments')) as $line) {
    if (strpos($line, $name) === 0) {
        echo substr($line, strlen($name) + 1), "\n";
    }
}

// headers exchange binding arguments decide the routing
$x = new AMQPExchange($ch);
$x->setName(mq_test_name('mq-values-x-'));
$x->setType(AMQP_EX_TYPE_HEADERS);
$x->setFlags(AMQP_AUTODELETE);
$x->setArguments(['alternate-exchange' => 'none', 'custom' => ['n' => 1]]);
$x->declareExchange();
$q->bind($x->getName(), '', ['x-match' => 'all', 'kind' => 'wanted', 'n' => 2]);
$x->publish('not routed', '', AMQP_NOPARAM, ['headers' => ['kind' => 'wanted', 'n' => 3]]);
$x->publish('routed', '', AMQP_NOPARAM, ['headers' => ['kind' => 'wanted', 'n' => 2, 'extra' => [1]]]);
$e = $q->get(AMQP_AUTOACK);
var_dump($e->getBody(), $q->get(AMQP_AUTOACK));

// a field name over 255 bytes in arguments
$q->setArgument(str_repeat('x', 256), 1);
try {
    $q->declareQueue();
} catch (AMQPException $e) {
    echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n";
}
$x->delete();
?>
--EXPECTF--
Warning: AMQPQueue::declareQueue(): Ignoring non-string header field '7' in %s on line %d
[{"x-max-length",10},{"x-dead-letter-exchange",[]},{"custom-float",1.5},{"custom-bool",false},{"custom-null",undefined},{"custom-list",[1,"a"]},{"custom-table",[{"a",true},{"3","three"}]},{"custom-ts",1700000000},{"custom-dec",{1,5}}]
string(6) "routed"
NULL

Warning: AMQPQueue::declareQueue(): Ignoring non-string header field '7' in %s on line %d
AMQPException(0): The argument field name of 256 bytes exceeds the AMQP limit of 255 bytes.

--TEST--
values: skipped int keys and unsupported values (tables and lists, §7.4) with warnings, references followed (§7.3), key length limit, toAmqpValue() errors
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--ENV--
VALGRIND_OPTS=--trace-children-skip=*/sh,*/bash,*/dash
--FILE--
<?php
require __DIR__ . '/_broker.inc';
require __DIR__ . '/_wire.inc';

class Bad implements AMQPValue {
    public function toAmqpValue() { return new stdClass(); }
}
class Throws implements AMQPValue {
    public function toAmqpValue() { throw new LogicException('no value'); }
}

$c = mq_test_connection();
$ch = new AMQPChannel($c);
$q = new AMQPQueue($ch);
$q->setName(mq_test_name('mq-values-'));
$q->setFlags(AMQP_EXCLUSIVE);
$q->declareQueue();
$x = new AMQPExchange($ch);

$fh = fopen('php://memory', 'r');
$ref = 'by reference';
$list = [1, 2];
$headers = [
    0 => 'int key',
    '123' => 'numeric string key',
    -1 => 'negative key',
    'obj' => new stdClass(),
    'res' => $fh,
    'closure' => fn() => 1,
    'bad_value' => new Bad(),
    'list' => [1, new stdClass(), 2, $fh, &$ref],
    'table' => ['o' => new stdClass(), 'k' => 'kept', 'r' => &$ref],
    'ref' => &$ref,
    'ref_list' => &$list,
    'kept' => 'yes',
];
$x->publish('m', $q->getName(), AMQP_NOPARAM, ['headers' => $headers]);
echo mq_wire_headers($q->getName()), "\n";

// field names: 255 bytes is the limit, at any level; nothing is sent on error
foreach ([[str_repeat('a', 256) => 1], ['t' => [str_repeat('b', 300) => 1]], ['l' => [[str_repeat('c', 1000) => 1]]]] as $h) {
    try {
        $x->publish('too long', $q->getName(), AMQP_NOPARAM, ['headers' => $h]);
        echo "published\n";
    } catch (AMQPException $e) {
        echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n";
    }
}
// an exception from toAmqpValue() propagates unchanged; nothing is sent
try {
    $x->publish('throws', $q->getName(), AMQP_NOPARAM, ['headers' => ['a' => 1, 't' => new Throws()]]);
} catch (Exception $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
var_dump($q->get(AMQP_AUTOACK));

// warnings come before the channel check
$ch->close();
try {
    $x->publish('closed', $q->getName(), AMQP_NOPARAM, ['headers' => [5 => 'x', 'o' => new stdClass()]]);
} catch (AMQPException $e) {
    echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n";
}
?>
--EXPECTF--
Warning: AMQPExchange::publish(): Ignoring non-string header field '0' in %s on line %d

Warning: AMQPExchange::publish(): Ignoring non-string header field '123' in %s on line %d

Warning: AMQPExchange::publish(): Ignoring non-string header field '18446744073709551615' in %s on line %d

Warning: AMQPExchange::publish(): Ignoring field 'obj' due to unsupported value type (object) in %s on line %d

Warning: AMQPExchange::publish(): Ignoring field 'res' due to unsupported value type (resource) in %s on line %d

Warning: AMQPExchange::publish(): Ignoring field 'closure' due to unsupported value type (object) in %s on line %d

Warning: AMQPExchange::publish(): Ignoring field 'bad_value' due to unsupported value type (object) in %s on line %d

Warning: AMQPExchange::publish(): Ignoring field '1' due to unsupported value type (object) in %s on line %d

Warning: AMQPExchange::publish(): Ignoring field '3' due to unsupported value type (resource) in %s on line %d

Warning: AMQPExchange::publish(): Ignoring field 'o' due to unsupported value type (object) in %s on line %d
[{<<"list">>,array,[{long,1},{long,2},{longstr,<<"by reference">>}]},
 {<<"table">>,table,
  [{<<"k">>,longstr,<<"kept">>},{<<"r">>,longstr,<<"by reference">>}]},
 {<<"ref">>,longstr,<<"by reference">>},
 {<<"ref_list">>,array,[{long,1},{long,2}]},
 {<<"kept">>,longstr,<<"yes">>}]
AMQPException(0): The header field name of 256 bytes exceeds the AMQP limit of 255 bytes.
AMQPException(0): The header field name of 300 bytes exceeds the AMQP limit of 255 bytes.
AMQPException(0): The header field name of 1000 bytes exceeds the AMQP limit of 255 bytes.
LogicException: no value
NULL

Warning: AMQPExchange::publish(): Ignoring non-string header field '5' in %s on line %d

Warning: AMQPExchange::publish(): Ignoring field 'o' due to unsupported value type (object) in %s on line %d
AMQPChannelException(0): Could not publish to exchange. No channel available.

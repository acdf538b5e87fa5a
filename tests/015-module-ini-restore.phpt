--TEST--
module: ini_restore() brings every amqp.* entry back to its startup value after ini_set(), also the ones any string is valid for (cacert, cert, key, verify, auto_ack, sasl_method), and the restored value is what new objects use
--EXTENSIONS--
amqp
--INI--
amqp.cacert=/startup/ca.pem
amqp.prefetch_count=7
--FILE--
<?php
$values = [
    'amqp.auto_ack' => '1', 'amqp.cacert' => '/x/ca.pem', 'amqp.cert' => '/x/cert.pem',
    'amqp.channel_max' => '17', 'amqp.connect_timeout' => '2.5', 'amqp.deserialization_depth' => '9',
    'amqp.frame_max' => '65536', 'amqp.global_prefetch_count' => '5', 'amqp.global_prefetch_size' => '5',
    'amqp.heartbeat' => '30', 'amqp.heartbeat_thread' => '1', 'amqp.host' => 'elsewhere',
    'amqp.key' => '/x/key.pem', 'amqp.login' => 'someone', 'amqp.password' => 'secret',
    'amqp.port' => '5673', 'amqp.prefetch_count' => '11', 'amqp.prefetch_size' => '4096',
    'amqp.read_timeout' => '3', 'amqp.rpc_timeout' => '4', 'amqp.sasl_method' => '1',
    'amqp.serialization_depth' => '9', 'amqp.timeout' => '6', 'amqp.uri' => 'amqp://u:p@h:5674/v',
    'amqp.verify' => '0', 'amqp.vhost' => 'other', 'amqp.write_timeout' => '7',
];
$all = ini_get_all('amqp', false);
var_dump(count($all) === count($values), array_diff(array_keys($all), array_keys($values)));
$bad = [];
foreach ($values as $k => $v) {
    $startup = ini_get($k);
    $set = ini_set($k, $v);
    if ($set !== $startup || ini_get($k) !== $v) $bad[] = "$k: set";
    ini_restore($k);
    if (ini_get($k) !== $startup) $bad[] = "$k: restored to " . var_export(ini_get($k), true);
}
var_dump($bad);
// all at once, then read by new objects
foreach ($values as $k => $v) ini_set($k, $v);
ini_restore('amqp.cacert');
ini_restore('amqp.prefetch_count');
ini_restore('amqp.timeout'); // else its deprecation notice
$c = new AMQPConnection();
var_dump($c->getCACert(), ini_get('amqp.cacert'), ini_get('amqp.prefetch_count'), ini_get('amqp.host'));
?>
--EXPECT--
bool(true)
array(0) {
}
array(0) {
}
string(15) "/startup/ca.pem"
string(15) "/startup/ca.pem"
string(1) "7"
string(9) "elsewhere"

--TEST--
liveness: amqp.heartbeat_thread (ini, validated like the other amqp.* entries) and the constructor's 'heartbeat_thread' key (the values verify takes); no new property (var_dump parity with php-amqp)
--EXTENSIONS--
amqp
--FILE--
<?php
var_dump(ini_get('amqp.heartbeat_thread'));
foreach (['1', '0', 'on', 'OFF', 'yes', 'No', 'true', 'False', 'none', '', '7', '-1', 'maybe', '1.5', '1k'] as $v) {
    ini_restore('amqp.heartbeat_thread');
    echo str_pad(var_export($v, true), 8), ': ', ini_set('amqp.heartbeat_thread', $v) === false ? 'refused' : 'accepted',
        ' -> ', var_export(ini_get('amqp.heartbeat_thread'), true), "\n";
}
ini_restore('amqp.heartbeat_thread');

echo "-- the property list does not change\n";
$names = fn(AMQPConnection $c) => implode(',', array_map(fn($p) => $p->getName(),
    (new ReflectionObject($c))->getProperties()));
$plain = $names(new AMQPConnection());
var_dump($plain === $names(new AMQPConnection(['heartbeat_thread' => true])));
var_dump(str_contains(print_r(new AMQPConnection(['heartbeat_thread' => true]), true), 'heartbeat_thread'));

echo "-- accepted constructor values\n";
foreach ([true, false, 1, 0, 'on', 'off', 'yes', 'No', 'true', 'false', '1', '0', null, 2.5] as $v) {
    $c = new AMQPConnection(['heartbeat_thread' => $v]);
    echo var_export($v, true), ": ok\n";
}
?>
--EXPECT--
string(1) "0"
'1'     : accepted -> '1'
'0'     : accepted -> '0'
'on'    : accepted -> 'on'
'OFF'   : accepted -> 'OFF'
'yes'   : accepted -> 'yes'
'No'    : accepted -> 'No'
'true'  : accepted -> 'true'
'False' : accepted -> 'False'
'none'  : accepted -> 'none'
''      : accepted -> ''
'7'     : accepted -> '7'
'-1'    : accepted -> '-1'
'maybe' : refused -> '0'
'1.5'   : refused -> '0'
'1k'    : refused -> '0'
-- the property list does not change
bool(true)
bool(false)
-- accepted constructor values
true: ok
false: ok
1: ok
0: ok
'on': ok
'off': ok
'yes': ok
'No': ok
'true': ok
'false': ok
'1': ok
'0': ok
NULL: ok
2.5: ok

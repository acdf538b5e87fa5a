--TEST--
AMQPConnection::__construct(): conversions, unknown keys ignored whatever their type (Symfony's option array), empty strings fall back, channel_max/frame_max 0 mean the default, verify strings
--EXTENSIONS--
amqp
--FILE--
<?php
// Symfony Messenger passes its whole option array, DSN values as strings.
$c = new AMQPConnection([
    'host' => 'rabbit.example', 'port' => '5673', 'vhost' => 'v', 'login' => 'user',
    'password' => 'pw', 'read_timeout' => '1.5', 'write_timeout' => '2', 'connect_timeout' => '60',
    'rpc_timeout' => 3, 'heartbeat' => '30', 'channel_max' => '0', 'frame_max' => 0,
    'persistent' => 'true', 'delay' => ['exchange_name' => 'delays', 'queue_name_pattern' => 'x'],
    'confirm_timeout' => '0.5', 'auto_setup' => false, 'retry' => new stdClass(),
    'queues' => ['q' => []], 'exchange' => ['name' => 'x'], 17 => 'numeric key',
]);
var_dump($c->getHost(), $c->getPort(), $c->getVhost(), $c->getLogin(), $c->getPassword());
var_dump($c->getReadTimeout(), $c->getWriteTimeout(), $c->getConnectTimeout(), $c->getRpcTimeout());
var_dump($c->getHeartbeatInterval(), $c->getMaxChannels(), $c->getMaxFrameSize());

echo "-- empty strings fall back to the ini defaults, connection_name '' is null\n";
$c = new AMQPConnection(['host' => '', 'login' => '', 'password' => '', 'vhost' => '',
                         'connection_name' => '', 'cacert' => '', 'cert' => '', 'key' => '']);
var_dump($c->getHost(), $c->getLogin(), $c->getPassword(), $c->getVhost(), $c->getConnectionName(),
         $c->getCACert(), $c->getCert(), $c->getKey());

echo "-- scalar conversions\n";
$c = new AMQPConnection(['host' => 127, 'login' => 1.5, 'password' => true, 'vhost' => 0,
                         'port' => 5672.9, 'connection_name' => 42, 'cacert' => 1, 'cert' => 2,
                         'key' => 3, 'heartbeat' => true, 'read_timeout' => null]);
var_dump($c->getHost(), $c->getLogin(), $c->getPassword(), $c->getVhost(), $c->getPort());
var_dump($c->getConnectionName(), $c->getCACert(), $c->getCert(), $c->getKey());
var_dump($c->getHeartbeatInterval(), $c->getReadTimeout());

echo "-- arrays convert like (string), with the engine's warning\n";
$c = new AMQPConnection(['login' => ['a']]);
var_dump($c->getLogin());

echo "-- an object without __toString is an Error\n";
try {
    new AMQPConnection(['host' => new stdClass()]);
} catch (Error $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
class Name { public function __toString(): string { return 'from-object'; } }
var_dump((new AMQPConnection(['connection_name' => new Name()]))->getConnectionName());

echo "-- verify\n";
foreach ([true, false, 1, 0, '1', '0', 'true', 'false', 'TRUE', 'on', 'off', 'yes', 'no', 'Yes', '', 'abc', null, 2.5] as $v) {
    echo var_export($v, true), ' => ', var_export((new AMQPConnection(['verify' => $v]))->getVerify(), true), "\n";
}
?>
--EXPECTF--
string(14) "rabbit.example"
int(5673)
string(1) "v"
string(4) "user"
string(2) "pw"
float(1.5)
float(2)
float(60)
float(3)
int(30)
int(256)
int(131072)
-- empty strings fall back to the ini defaults, connection_name '' is null
string(9) "localhost"
string(5) "guest"
string(5) "guest"
string(1) "/"
NULL
NULL
NULL
NULL
-- scalar conversions
string(3) "127"
string(3) "1.5"
string(1) "1"
string(1) "0"
int(5672)
string(2) "42"
string(1) "1"
string(1) "2"
string(1) "3"
int(1)
float(0)
-- arrays convert like (string), with the engine's warning

Warning: Array to string conversion in %s on line %d
string(5) "Array"
-- an object without __toString is an Error
Error: Object of class stdClass could not be converted to string
string(11) "from-object"
-- verify
true => true
false => false
1 => true
0 => false
'1' => true
'0' => false
'true' => true
'false' => false
'TRUE' => true
'on' => true
'off' => false
'yes' => true
'no' => false
'Yes' => true
'' => false
'abc' => false
NULL => false
2.5 => true

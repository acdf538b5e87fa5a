--TEST--
AMQPConnection::__construct(): every validation text, code 0, in the documented key order
--EXTENSIONS--
amqp
--FILE--
<?php
function attempt(array $credentials) {
    try {
        new AMQPConnection($credentials);
        echo "accepted\n";
    } catch (AMQPConnectionException $e) {
        echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n";
    }
}
attempt(['login' => str_repeat('l', 1025)]);
attempt(['login' => str_repeat('l', 1024)]);
attempt(['password' => str_repeat('p', 1025)]);
attempt(['password' => str_repeat('p', 1024)]);
attempt(['host' => str_repeat('h', 513)]);
attempt(['host' => str_repeat('h', 512)]);
attempt(['vhost' => str_repeat('v', 513)]);
attempt(['vhost' => str_repeat('v', 512)]);
foreach ([0, -1, 65536, null, 'abc', 1, 65535] as $port) {
    attempt(['port' => $port]);
}
attempt(['read_timeout' => -0.001]);
attempt(['read_timeout' => NAN]);
attempt(['timeout' => -1]);
attempt(['write_timeout' => -1]);
attempt(['rpc_timeout' => -1]);
attempt(['connect_timeout' => -1]);
foreach ([-1, 257, 1, 256] as $v) {
    attempt(['channel_max' => $v]);
}
foreach ([-1, 2147483648, 1, 2147483647] as $v) {
    attempt(['frame_max' => $v]);
}
foreach ([-1, 2147483648, 0, 2147483647] as $v) {
    attempt(['heartbeat' => $v]);
}
foreach ([2, -1, 7, '1'] as $v) {
    attempt(['sasl_method' => $v]);
}
echo "-- order: the first invalid key in the documented order wins\n";
attempt(['connection_name' => 'x', 'sasl_method' => 9, 'heartbeat' => -1, 'frame_max' => -1,
         'channel_max' => -1, 'connect_timeout' => -1, 'rpc_timeout' => -1, 'write_timeout' => -1,
         'read_timeout' => -1, 'port' => 0, 'vhost' => str_repeat('v', 513),
         'host' => str_repeat('h', 513), 'password' => str_repeat('p', 1025),
         'login' => str_repeat('l', 1025)]);
attempt(['sasl_method' => 9, 'heartbeat' => -1, 'frame_max' => -1, 'channel_max' => -1,
         'connect_timeout' => -1, 'rpc_timeout' => -1, 'write_timeout' => -1, 'read_timeout' => -1,
         'port' => 0, 'vhost' => str_repeat('v', 513), 'host' => str_repeat('h', 513)]);
attempt(['sasl_method' => 9, 'heartbeat' => -1, 'frame_max' => -1, 'channel_max' => -1,
         'connect_timeout' => -1, 'rpc_timeout' => -1, 'write_timeout' => -1, 'read_timeout' => -1,
         'port' => 0]);
attempt(['sasl_method' => 9, 'heartbeat' => -1, 'frame_max' => -1, 'channel_max' => -1,
         'connect_timeout' => -1, 'rpc_timeout' => -1, 'write_timeout' => -1]);
attempt(['sasl_method' => 9, 'heartbeat' => -1, 'frame_max' => -1, 'channel_max' => -1,
         'connect_timeout' => -1]);
attempt(['sasl_method' => 9, 'heartbeat' => -1, 'frame_max' => -1]);
?>
--EXPECTF--
AMQPConnectionException(0): Parameter 'login' exceeds 1024 character limit.
accepted
AMQPConnectionException(0): Parameter 'password' exceeds 1024 character limit.
accepted
AMQPConnectionException(0): Parameter 'host' exceeds 512 character limit.
accepted
AMQPConnectionException(0): Parameter 'vhost' exceeds 512 character limit.
accepted
AMQPConnectionException(0): Parameter 'port' must be a valid port number between 1 and 65535.
AMQPConnectionException(0): Parameter 'port' must be a valid port number between 1 and 65535.
AMQPConnectionException(0): Parameter 'port' must be a valid port number between 1 and 65535.
AMQPConnectionException(0): Parameter 'port' must be a valid port number between 1 and 65535.
AMQPConnectionException(0): Parameter 'port' must be a valid port number between 1 and 65535.
accepted
accepted
AMQPConnectionException(0): Parameter 'read_timeout' must be greater than or equal to zero.
AMQPConnectionException(0): Parameter 'read_timeout' must be greater than or equal to zero.

Deprecated: AMQPConnection::__construct(): Parameter 'timeout' is deprecated; use 'read_timeout' instead in %s on line %d
AMQPConnectionException(0): Parameter 'timeout' must be greater than or equal to zero.
AMQPConnectionException(0): Parameter 'write_timeout' must be greater than or equal to zero.
AMQPConnectionException(0): Parameter 'rpc_timeout' must be greater than or equal to zero.
AMQPConnectionException(0): Parameter 'connect_timeout' must be greater than or equal to zero.
AMQPConnectionException(0): Parameter 'channel_max' is out of range.
AMQPConnectionException(0): Parameter 'channel_max' is out of range.
accepted
accepted
AMQPConnectionException(0): Parameter 'frame_max' is out of range.
AMQPConnectionException(0): Parameter 'frame_max' is out of range.
accepted
accepted
AMQPConnectionException(0): Parameter 'heartbeat' is out of range.
AMQPConnectionException(0): Parameter 'heartbeat' is out of range.
accepted
accepted
AMQPConnectionException(0): Invalid SASL method given. Method must be AMQP_SASL_METHOD_PLAIN or AMQP_SASL_METHOD_EXTERNAL.
AMQPConnectionException(0): Invalid SASL method given. Method must be AMQP_SASL_METHOD_PLAIN or AMQP_SASL_METHOD_EXTERNAL.
AMQPConnectionException(0): Invalid SASL method given. Method must be AMQP_SASL_METHOD_PLAIN or AMQP_SASL_METHOD_EXTERNAL.
accepted
-- order: the first invalid key in the documented order wins
AMQPConnectionException(0): Parameter 'login' exceeds 1024 character limit.
AMQPConnectionException(0): Parameter 'host' exceeds 512 character limit.
AMQPConnectionException(0): Parameter 'port' must be a valid port number between 1 and 65535.
AMQPConnectionException(0): Parameter 'write_timeout' must be greater than or equal to zero.
AMQPConnectionException(0): Parameter 'connect_timeout' must be greater than or equal to zero.
AMQPConnectionException(0): Parameter 'frame_max' is out of range.

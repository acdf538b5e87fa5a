--TEST--
module: every amqp.* ini entry has php-amqp's default, in php-amqp's order
--EXTENSIONS--
amqp
--FILE--
<?php
foreach ((new ReflectionExtension('amqp'))->getINIEntries() as $name => $value) {
    var_dump($name, $value);
    if (ini_get($name) !== $value) {
        echo "ini_get($name) differs\n";
    }
}
?>
--EXPECT--
string(9) "amqp.host"
string(9) "localhost"
string(10) "amqp.vhost"
string(1) "/"
string(9) "amqp.port"
string(4) "5672"
string(12) "amqp.timeout"
string(0) ""
string(17) "amqp.read_timeout"
string(1) "0"
string(18) "amqp.write_timeout"
string(1) "0"
string(20) "amqp.connect_timeout"
string(1) "0"
string(16) "amqp.rpc_timeout"
string(1) "0"
string(10) "amqp.login"
string(5) "guest"
string(13) "amqp.password"
string(5) "guest"
string(13) "amqp.auto_ack"
string(1) "0"
string(19) "amqp.prefetch_count"
string(1) "3"
string(18) "amqp.prefetch_size"
string(1) "0"
string(26) "amqp.global_prefetch_count"
string(1) "0"
string(25) "amqp.global_prefetch_size"
string(1) "0"
string(16) "amqp.channel_max"
string(3) "256"
string(14) "amqp.frame_max"
string(6) "131072"
string(14) "amqp.heartbeat"
string(1) "0"
string(11) "amqp.cacert"
string(0) ""
string(9) "amqp.cert"
string(0) ""
string(8) "amqp.key"
string(0) ""
string(11) "amqp.verify"
string(1) "1"
string(16) "amqp.sasl_method"
string(22) "AMQP_SASL_METHOD_PLAIN"
string(24) "amqp.serialization_depth"
string(3) "128"
string(26) "amqp.deserialization_depth"
string(3) "128"
string(21) "amqp.heartbeat_thread"
string(1) "0"
string(8) "amqp.uri"
string(0) ""

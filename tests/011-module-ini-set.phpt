--TEST--
module: ini_set() validation of every amqp.* entry (refused values keep the old one)
--EXTENSIONS--
amqp
--FILE--
<?php
$cases = [
    'amqp.host' => ['', 'h', str_repeat('h', 512), str_repeat('h', 513)],
    'amqp.vhost' => ['', 'v', str_repeat('v', 512), str_repeat('v', 513)],
    'amqp.login' => ['', 'l', str_repeat('l', 1024), str_repeat('l', 1025)],
    'amqp.password' => ['', 'p', str_repeat('p', 1024), str_repeat('p', 1025)],
    'amqp.port' => ['0', '1', '65535', '65536', '-1', '1k', '64k', '0x10', 'abc'],
    'amqp.timeout' => ['-1', '-0.5', '0', '2.5', '', 'abc', '1e3'],
    'amqp.read_timeout' => ['-1', '-0.001', '0', '2.5', 'abc'],
    'amqp.write_timeout' => ['-1', '0', '2.5', 'abc'],
    'amqp.connect_timeout' => ['-1', '0', '2.5', 'abc'],
    'amqp.rpc_timeout' => ['-1', '0', '2.5', 'abc'],
    'amqp.auto_ack' => ['1', 'abc', '-5'],
    'amqp.prefetch_count' => ['-1', '0', '65535', '65536', '1k', '64k', 'abc'],
    'amqp.prefetch_size' => ['-1', '0', '4294967295', '4294967296', '3g', '4g'],
    'amqp.global_prefetch_count' => ['-1', '0', '65535', '65536'],
    'amqp.global_prefetch_size' => ['-1', '0', '4294967295', '4294967296'],
    'amqp.channel_max' => ['0', '1', '256', '257', '-1'],
    'amqp.frame_max' => ['0', '1', '2147483647', '2147483648', '128k', '2g'],
    'amqp.heartbeat' => ['-1', '0', '2147483647', '2147483648'],
    'amqp.cacert' => ['/x/ca.pem', ''],
    'amqp.cert' => ['/x/cert.pem'],
    'amqp.key' => ['/x/key.pem'],
    'amqp.verify' => ['0', 'no'],
    'amqp.sasl_method' => ['1', 'AMQP_SASL_METHOD_EXTERNAL', '7'],
    'amqp.serialization_depth' => ['-1', '0', '1000000', '1k'],
    'amqp.deserialization_depth' => ['-1', '0', '1000000', '1k'],
];
foreach ($cases as $name => $values) {
    foreach ($values as $v) {
        $before = ini_get($name);
        $r = ini_set($name, $v);
        $after = ini_get($name);
        $shown = strlen($v) > 30 ? strlen($v) . ' bytes' : "'$v'";
        if ($r === false) {
            echo "$name = $shown: refused", $after === $before ? '' : " BUT CHANGED to '$after'", "\n";
        } else {
            echo "$name = $shown: accepted", $r === $before ? '' : " (returned '$r', not the old value)",
                $after === $v ? '' : " BUT READS '$after'", "\n";
        }
        ini_restore($name);
    }
}
?>
--EXPECTF--
amqp.host = '': refused
amqp.host = 'h': accepted
amqp.host = 512 bytes: accepted
amqp.host = 513 bytes: refused
amqp.vhost = '': refused
amqp.vhost = 'v': accepted
amqp.vhost = 512 bytes: accepted
amqp.vhost = 513 bytes: refused
amqp.login = '': refused
amqp.login = 'l': accepted
amqp.login = 1024 bytes: accepted
amqp.login = 1025 bytes: refused
amqp.password = '': refused
amqp.password = 'p': accepted
amqp.password = 1024 bytes: accepted
amqp.password = 1025 bytes: refused
amqp.port = '0': refused
amqp.port = '1': accepted
amqp.port = '65535': accepted
amqp.port = '65536': refused
amqp.port = '-1': refused
amqp.port = '1k': accepted
amqp.port = '64k': refused
amqp.port = '0x10': accepted

Warning: Invalid "amqp.port" setting. Invalid quantity "abc": no valid leading digits, interpreting as "0" for backwards compatibility in %s on line %d
amqp.port = 'abc': refused
amqp.timeout = '-1': refused
amqp.timeout = '-0.5': refused
amqp.timeout = '0': accepted
amqp.timeout = '2.5': accepted
amqp.timeout = '': accepted
amqp.timeout = 'abc': accepted
amqp.timeout = '1e3': accepted
amqp.read_timeout = '-1': refused
amqp.read_timeout = '-0.001': refused
amqp.read_timeout = '0': accepted
amqp.read_timeout = '2.5': accepted
amqp.read_timeout = 'abc': accepted
amqp.write_timeout = '-1': refused
amqp.write_timeout = '0': accepted
amqp.write_timeout = '2.5': accepted
amqp.write_timeout = 'abc': accepted
amqp.connect_timeout = '-1': refused
amqp.connect_timeout = '0': accepted
amqp.connect_timeout = '2.5': accepted
amqp.connect_timeout = 'abc': accepted
amqp.rpc_timeout = '-1': refused
amqp.rpc_timeout = '0': accepted
amqp.rpc_timeout = '2.5': accepted
amqp.rpc_timeout = 'abc': accepted
amqp.auto_ack = '1': accepted
amqp.auto_ack = 'abc': accepted
amqp.auto_ack = '-5': accepted
amqp.prefetch_count = '-1': refused
amqp.prefetch_count = '0': accepted
amqp.prefetch_count = '65535': accepted
amqp.prefetch_count = '65536': refused
amqp.prefetch_count = '1k': accepted
amqp.prefetch_count = '64k': refused

Warning: Invalid "amqp.prefetch_count" setting. Invalid quantity "abc": no valid leading digits, interpreting as "0" for backwards compatibility in %s on line %d
amqp.prefetch_count = 'abc': accepted
amqp.prefetch_size = '-1': refused
amqp.prefetch_size = '0': accepted
amqp.prefetch_size = '4294967295': accepted
amqp.prefetch_size = '4294967296': refused
amqp.prefetch_size = '3g': accepted
amqp.prefetch_size = '4g': refused
amqp.global_prefetch_count = '-1': refused
amqp.global_prefetch_count = '0': accepted
amqp.global_prefetch_count = '65535': accepted
amqp.global_prefetch_count = '65536': refused
amqp.global_prefetch_size = '-1': refused
amqp.global_prefetch_size = '0': accepted
amqp.global_prefetch_size = '4294967295': accepted
amqp.global_prefetch_size = '4294967296': refused
amqp.channel_max = '0': refused
amqp.channel_max = '1': accepted
amqp.channel_max = '256': accepted
amqp.channel_max = '257': refused
amqp.channel_max = '-1': refused
amqp.frame_max = '0': refused
amqp.frame_max = '1': accepted
amqp.frame_max = '2147483647': accepted
amqp.frame_max = '2147483648': refused
amqp.frame_max = '128k': accepted
amqp.frame_max = '2g': refused
amqp.heartbeat = '-1': refused
amqp.heartbeat = '0': accepted
amqp.heartbeat = '2147483647': accepted
amqp.heartbeat = '2147483648': refused
amqp.cacert = '/x/ca.pem': accepted
amqp.cacert = '': accepted
amqp.cert = '/x/cert.pem': accepted
amqp.key = '/x/key.pem': accepted
amqp.verify = '0': accepted
amqp.verify = 'no': accepted
amqp.sasl_method = '1': accepted
amqp.sasl_method = 'AMQP_SASL_METHOD_EXTERNAL': accepted
amqp.sasl_method = '7': accepted
amqp.serialization_depth = '-1': refused
amqp.serialization_depth = '0': accepted
amqp.serialization_depth = '1000000': accepted
amqp.serialization_depth = '1k': accepted
amqp.deserialization_depth = '-1': refused
amqp.deserialization_depth = '0': accepted
amqp.deserialization_depth = '1000000': accepted
amqp.deserialization_depth = '1k': accepted

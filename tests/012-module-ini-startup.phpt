--TEST--
module: invalid amqp.* values at startup are refused (the default stays), valid ones are kept verbatim
--EXTENSIONS--
amqp
--INI--
amqp.host=
amqp.port=0
amqp.channel_max=300
amqp.frame_max=0
amqp.heartbeat=-1
amqp.read_timeout=-1
amqp.serialization_depth=-5
amqp.vhost=/startup
amqp.prefetch_count=1k
amqp.timeout=1.5
amqp.sasl_method=1
--FILE--
<?php
foreach (['host', 'port', 'channel_max', 'frame_max', 'heartbeat', 'read_timeout',
          'serialization_depth', 'vhost', 'prefetch_count', 'timeout', 'sasl_method'] as $n) {
    echo "amqp.$n = ", var_export(ini_get("amqp.$n"), true), "\n";
}
// ini_restore() goes back to the startup value, not to the built-in default
ini_set('amqp.vhost', '/other');
ini_restore('amqp.vhost');
var_dump(ini_get('amqp.vhost'));
?>
--EXPECT--
amqp.host = 'localhost'
amqp.port = '5672'
amqp.channel_max = '256'
amqp.frame_max = '131072'
amqp.heartbeat = '0'
amqp.read_timeout = '0'
amqp.serialization_depth = '128'
amqp.vhost = '/startup'
amqp.prefetch_count = '1k'
amqp.timeout = '1.5'
amqp.sasl_method = '1'
string(8) "/startup"

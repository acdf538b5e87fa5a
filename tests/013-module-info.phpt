--TEST--
module: phpinfo() table of the amqp module (rows, no librabbitmq, ini entries)
--EXTENSIONS--
amqp
--FILE--
<?php
ob_start();
(new ReflectionExtension('amqp'))->info();
$info = ob_get_clean();
foreach (explode("\n", $info) as $line) {
    if (preg_match('/^(Version|mq release|Compiled|AMQP protocol version|Default .*|TLS|Directive|amqp\.(host|port|sasl_method)) =>/', $line)) {
        echo $line, "\n";
    }
}
var_dump(stripos($info, 'librabbitmq'));
var_dump(substr_count($info, "\namqp."));
?>
--EXPECTF--
Version => 2.1.2
mq release => %d.%d.%s
Compiled => %s @ %d:%d:%d
AMQP protocol version => 0-9-1
Default max channels per connection => 256
Default max frame size => 131072
Default heartbeats interval => 0
TLS => OpenSSL %s
Directive => Local Value => Master Value
amqp.host => localhost => localhost
amqp.port => 5672 => 5672
amqp.sasl_method => AMQP_SASL_METHOD_PLAIN => AMQP_SASL_METHOD_PLAIN
bool(false)
int(27)

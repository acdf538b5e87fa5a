--TEST--
mq loads as the module "amqp" and reports version 2.1.2
--EXTENSIONS--
amqp
--FILE--
<?php
var_dump(extension_loaded('amqp'));
var_dump(phpversion('amqp'));
$e = new ReflectionExtension('amqp');
var_dump($e->getName(), $e->getVersion());
ob_start();
$e->info();
$info = ob_get_clean();
var_dump(strpos($info, 'mq release') !== false);
var_dump(strpos($info, 'AMQP protocol version => 0-9-1') !== false);
?>
--EXPECT--
bool(true)
string(5) "2.1.2"
string(4) "amqp"
string(5) "2.1.2"
bool(true)
bool(true)

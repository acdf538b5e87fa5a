--TEST--
AMQPConnection and AMQPChannel cannot be cloned (engine Error), before and after construction
--EXTENSIONS--
amqp
--FILE--
<?php
$c = new AMQPConnection();
try {
    $copy = clone $c;
} catch (Error $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
$ch = (new ReflectionClass('AMQPChannel'))->newInstanceWithoutConstructor();
try {
    $copy = clone $ch;
} catch (Error $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
class MyConnection extends AMQPConnection {}
try {
    $copy = clone new MyConnection();
} catch (Error $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
var_dump($c->isConnected());
?>
--EXPECT--
Error: Trying to clone an uncloneable object of class AMQPConnection
Error: Trying to clone an uncloneable object of class AMQPChannel
Error: Trying to clone an uncloneable object of class MyConnection
bool(false)

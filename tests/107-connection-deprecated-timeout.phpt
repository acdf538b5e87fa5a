--TEST--
AMQPConnection::getTimeout()/setTimeout(): E_DEPRECATED (setTimeout's before argument parsing), aliases of the read timeout
--EXTENSIONS--
amqp
--FILE--
<?php
$c = new AMQPConnection(['read_timeout' => 2]);
var_dump($c->getTimeout());
$c->setTimeout(5.5);
var_dump($c->getReadTimeout());
try {
    $c->setTimeout(-1);
} catch (AMQPConnectionException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
var_dump($c->getReadTimeout());
try {
    $c->setTimeout('x');
} catch (TypeError $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
echo "-- an error handler that throws stops the call\n";
set_error_handler(function ($no, $str) { throw new RuntimeException($str); });
try {
    $c->setTimeout(9);
} catch (RuntimeException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
var_dump($c->getReadTimeout());
?>
--EXPECTF--
Deprecated: AMQPConnection::getTimeout(): AMQPConnection::getTimeout() method is deprecated; use AMQPConnection::getReadTimeout() instead in %s on line %d
float(2)

Deprecated: AMQPConnection::setTimeout(): AMQPConnection::setTimeout($timeout) method is deprecated; use AMQPConnection::setReadTimeout($timeout) instead in %s on line %d
float(5.5)

Deprecated: AMQPConnection::setTimeout(): AMQPConnection::setTimeout($timeout) method is deprecated; use AMQPConnection::setReadTimeout($timeout) instead in %s on line %d
AMQPConnectionException: Parameter 'timeout' must be greater than or equal to zero.
float(5.5)

Deprecated: AMQPConnection::setTimeout(): AMQPConnection::setTimeout($timeout) method is deprecated; use AMQPConnection::setReadTimeout($timeout) instead in %s on line %d
TypeError: AMQPConnection::setTimeout(): Argument #1 ($timeout) must be of type float, string given
-- an error handler that throws stops the call
RuntimeException: AMQPConnection::setTimeout(): AMQPConnection::setTimeout($timeout) method is deprecated; use AMQPConnection::setReadTimeout($timeout) instead
float(5.5)

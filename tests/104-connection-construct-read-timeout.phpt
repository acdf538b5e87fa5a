--TEST--
AMQPConnection::__construct(): read-timeout resolution (read_timeout, deprecated timeout, amqp.timeout, amqp.read_timeout) with the exact deprecations and notices
--EXTENSIONS--
amqp
--FILE--
<?php
function rt(array $credentials) {
    try {
        var_dump((new AMQPConnection($credentials))->getReadTimeout());
    } catch (AMQPConnectionException $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
echo "-- 1. read_timeout wins, a notice when timeout is also given\n";
rt(['read_timeout' => 2.5]);
rt(['read_timeout' => 2.5, 'timeout' => 9]);
rt(['read_timeout' => -1, 'timeout' => 9]);
echo "-- 2. timeout alone: deprecated, then validated\n";
rt(['timeout' => '4']);
rt(['timeout' => -4]);
echo "-- 3. amqp.timeout set\n";
ini_set('amqp.timeout', '7');
rt([]);
ini_set('amqp.read_timeout', '8');
rt([]);
ini_set('amqp.read_timeout', '0.0');
rt([]);
echo "-- keys still win over the ini settings\n";
rt(['read_timeout' => 1]);
echo "-- 4. amqp.timeout empty: amqp.read_timeout\n";
ini_set('amqp.timeout', '');
ini_set('amqp.read_timeout', '3.25');
rt([]);
?>
--EXPECTF--
-- 1. read_timeout wins, a notice when timeout is also given
float(2.5)

Notice: AMQPConnection::__construct(): Parameter 'timeout' is deprecated, 'read_timeout' used instead in %s on line %d
float(2.5)
AMQPConnectionException: Parameter 'read_timeout' must be greater than or equal to zero.
-- 2. timeout alone: deprecated, then validated

Deprecated: AMQPConnection::__construct(): Parameter 'timeout' is deprecated; use 'read_timeout' instead in %s on line %d
float(4)

Deprecated: AMQPConnection::__construct(): Parameter 'timeout' is deprecated; use 'read_timeout' instead in %s on line %d
AMQPConnectionException: Parameter 'timeout' must be greater than or equal to zero.
-- 3. amqp.timeout set

Deprecated: AMQPConnection::__construct(): INI setting 'amqp.timeout' is deprecated; use 'amqp.read_timeout' instead in %s on line %d
float(7)

Deprecated: AMQPConnection::__construct(): INI setting 'amqp.timeout' is deprecated; use 'amqp.read_timeout' instead in %s on line %d

Notice: AMQPConnection::__construct(): INI setting 'amqp.read_timeout' will be used instead of 'amqp.timeout' in %s on line %d
float(8)

Deprecated: AMQPConnection::__construct(): INI setting 'amqp.timeout' is deprecated; use 'amqp.read_timeout' instead in %s on line %d

Notice: AMQPConnection::__construct(): INI setting 'amqp.read_timeout' will be used instead of 'amqp.timeout' in %s on line %d
float(0)
-- keys still win over the ini settings
float(1)
-- 4. amqp.timeout empty: amqp.read_timeout
float(3.25)

--TEST--
AMQPConnection setters and getters: stored values, validation texts (code 0), values unchanged after a refused set
--EXTENSIONS--
amqp
--FILE--
<?php
function attempt(callable $f) {
    try {
        $f();
        echo "ok\n";
    } catch (AMQPConnectionException $e) {
        echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n";
    }
}
$c = new AMQPConnection();

echo "-- login\n";
attempt(fn() => $c->setLogin(str_repeat('l', 1025)));
var_dump($c->getLogin());
attempt(fn() => $c->setLogin(str_repeat('l', 1024)));
var_dump(strlen($c->getLogin()));
attempt(fn() => $c->setLogin(''));
var_dump($c->getLogin());

echo "-- password\n";
attempt(fn() => $c->setPassword(str_repeat('p', 1025)));
var_dump($c->getPassword());
attempt(fn() => $c->setPassword("pa\0ss"));
var_dump($c->getPassword() === "pa\0ss");

echo "-- host\n";
attempt(fn() => $c->setHost(str_repeat('h', 513)));
attempt(fn() => $c->setHost('example.org'));
var_dump($c->getHost());

echo "-- vhost\n";
attempt(fn() => $c->setVhost(str_repeat('v', 513)));
attempt(fn() => $c->setVhost('/v'));
var_dump($c->getVhost());

echo "-- port\n";
attempt(fn() => $c->setPort(0));
attempt(fn() => $c->setPort(65536));
attempt(fn() => $c->setPort(-5));
attempt(fn() => $c->setPort(65535));
var_dump($c->getPort());
attempt(fn() => $c->setPort('1234'));
var_dump($c->getPort());

echo "-- timeouts\n";
attempt(fn() => $c->setReadTimeout(-0.5));
attempt(fn() => $c->setReadTimeout(NAN));
attempt(fn() => $c->setReadTimeout(1.5));
attempt(fn() => $c->setWriteTimeout(-1));
attempt(fn() => $c->setWriteTimeout(2));
attempt(fn() => $c->setRpcTimeout(-1));
attempt(fn() => $c->setRpcTimeout(3.5));
var_dump($c->getReadTimeout(), $c->getWriteTimeout(), $c->getRpcTimeout(), $c->getConnectTimeout());
attempt(fn() => $c->setRpcTimeout(0));
var_dump($c->getRpcTimeout());
var_dump(method_exists($c, 'setConnectTimeout'));

echo "-- TLS files and connection name: ?string, stored verbatim\n";
foreach (['setCACert' => 'getCACert', 'setCert' => 'getCert', 'setKey' => 'getKey',
          'setConnectionName' => 'getConnectionName'] as $set => $get) {
    $c->$set('/path/x');
    echo $get, ': ', var_export($c->$get(), true);
    $c->$set('');
    echo ', ', var_export($c->$get(), true);
    $c->$set(null);
    echo ', ', var_export($c->$get(), true), "\n";
}

echo "-- verify\n";
$c->setVerify(false);
var_dump($c->getVerify());
$c->setVerify(true);
var_dump($c->getVerify());

echo "-- sasl method\n";
attempt(fn() => $c->setSaslMethod(2));
attempt(fn() => $c->setSaslMethod(-1));
var_dump($c->getSaslMethod());
attempt(fn() => $c->setSaslMethod(AMQP_SASL_METHOD_EXTERNAL));
var_dump($c->getSaslMethod());
attempt(fn() => $c->setSaslMethod(AMQP_SASL_METHOD_PLAIN));
var_dump($c->getSaslMethod());

echo "-- argument types\n";
try {
    $c->setPort('abc');
} catch (TypeError $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
try {
    $c->setLogin([]);
} catch (TypeError $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
?>
--EXPECT--
-- login
AMQPConnectionException(0): Parameter 'login' exceeds 1024 character limit.
string(5) "guest"
ok
int(1024)
ok
string(0) ""
-- password
AMQPConnectionException(0): Parameter 'password' exceeds 1024 character limit.
string(5) "guest"
ok
bool(true)
-- host
AMQPConnectionException(0): Parameter 'host' exceeds 512 character limit.
ok
string(11) "example.org"
-- vhost
AMQPConnectionException(0): Parameter 'vhost' exceeds 512 characters limit.
ok
string(2) "/v"
-- port
AMQPConnectionException(0): Parameter 'port' must be a valid port number between 1 and 65535.
AMQPConnectionException(0): Parameter 'port' must be a valid port number between 1 and 65535.
AMQPConnectionException(0): Parameter 'port' must be a valid port number between 1 and 65535.
ok
int(65535)
ok
int(1234)
-- timeouts
AMQPConnectionException(0): Parameter 'readTimeout' must be greater than or equal to zero.
AMQPConnectionException(0): Parameter 'readTimeout' must be greater than or equal to zero.
ok
AMQPConnectionException(0): Parameter 'writeTimeout' must be greater than or equal to zero.
ok
AMQPConnectionException(0): Parameter 'rpcTimeout' must be greater than or equal to zero.
ok
float(1.5)
float(2)
float(3.5)
float(0)
ok
float(0)
bool(false)
-- TLS files and connection name: ?string, stored verbatim
getCACert: '/path/x', '', NULL
getCert: '/path/x', '', NULL
getKey: '/path/x', '', NULL
getConnectionName: '/path/x', '', NULL
-- verify
bool(false)
bool(true)
-- sasl method
AMQPConnectionException(0): Invalid SASL method given. Method must be AMQP_SASL_METHOD_PLAIN or AMQP_SASL_METHOD_EXTERNAL.
AMQPConnectionException(0): Invalid SASL method given. Method must be AMQP_SASL_METHOD_PLAIN or AMQP_SASL_METHOD_EXTERNAL.
int(0)
ok
int(1)
ok
int(0)
-- argument types
TypeError: AMQPConnection::setPort(): Argument #1 ($port) must be of type int, string given
TypeError: AMQPConnection::setLogin(): Argument #1 ($login) must be of type string, array given

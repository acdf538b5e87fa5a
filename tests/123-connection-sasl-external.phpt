--TEST--
AMQPConnection with AMQP_SASL_METHOD_EXTERNAL: TLS client certificate login, refusal without a certificate (403), unsupported on the plain listener
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';
$c = new AMQPConnection(mq_test_tls_credentials(['sasl_method' => AMQP_SASL_METHOD_EXTERNAL,
    'login' => mq_test_env('MQ_TEST_EXTERNAL_USER'), 'password' => '']));
var_dump($c->getSaslMethod());
$c->connect();
var_dump($c->isConnected());
$ch = new AMQPChannel($c);
var_dump($ch->isConnected());
$user = mq_test_env('MQ_TEST_EXTERNAL_USER');
$rows = mq_test_ctl('list_connections', '-q', 'user', 'auth_mechanism');
var_dump(str_contains($rows, "$user\tEXTERNAL"));
$c->disconnect();

echo "-- setSaslMethod() on a configured connection\n";
$c = new AMQPConnection(mq_test_tls_credentials(['login' => $user, 'password' => '']));
$c->setSaslMethod(AMQP_SASL_METHOD_EXTERNAL);
$c->connect();
var_dump($c->isConnected());
$c->disconnect();

echo "-- no client certificate\n";
$c = new AMQPConnection(mq_test_tls_credentials(['sasl_method' => AMQP_SASL_METHOD_EXTERNAL, 'cert' => '', 'key' => '']));
try {
    $c->connect();
} catch (AMQPConnectionException $e) {
    echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n";
}
var_dump($c->isConnected());

echo "-- the plain listener does not offer EXTERNAL\n";
$c = new AMQPConnection(mq_test_credentials(['sasl_method' => AMQP_SASL_METHOD_EXTERNAL]));
try {
    $c->connect();
} catch (AMQPConnectionException $e) {
    echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n";
}
var_dump($c->isConnected());
?>
--EXPECTF--
int(1)
bool(true)
bool(true)
bool(true)
-- setSaslMethod() on a configured connection
bool(true)
-- no client certificate
AMQPConnectionException(403): Server connection error: 403, message: ACCESS_REFUSED - Login was refused using authentication mechanism EXTERNAL. For details see the broker logfile.
bool(false)
-- the plain listener does not offer EXTERNAL
AMQPConnectionException(0): unsupported sasl method requested%s
bool(false)

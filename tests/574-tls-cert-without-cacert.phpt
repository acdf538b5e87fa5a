--TEST--
TLS: cert/key without cacert never connect in plain text (php-amqp silently did, ignoring the certificate): connect()/pconnect() throw a clear AMQPConnectionException; with cacert, or an amqps:// URI, they use TLS
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';
function show(Throwable $e): void {
    echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n";
}
$plain = mq_test_credentials();
$cert = mq_test_env('MQ_TEST_CLIENT_CERT');
$key = mq_test_env('MQ_TEST_CLIENT_KEY');
$cases = [
    'cert and key, no cacert' => $plain + ['cert' => $cert, 'key' => $key],
    'cert only, no cacert' => $plain + ['cert' => $cert],
    'key only, no cacert' => $plain + ['key' => $key],
];
foreach ($cases as $name => $cred) {
    foreach (['connect', 'pconnect'] as $m) {
        echo "-- $name, $m\n";
        $c = new AMQPConnection($cred);
        try {
            $c->$m();
            echo "connected\n";
        } catch (AMQPConnectionException $e) {
            show($e);
        }
        var_dump($c->isConnected());
    }
}
echo "-- setCert()/setKey() after construction\n";
$c = new AMQPConnection($plain);
$c->setCert($cert);
$c->setKey($key);
try {
    $c->connect();
} catch (AMQPConnectionException $e) {
    show($e);
}
echo "-- ... and setCACert(): TLS\n";
$c->setCACert(mq_test_env('MQ_TEST_CA'));
$c->setHost('localhost');
$c->setPort((int) mq_test_env('MQ_TEST_TLS_PORT'));
$c->connect();
var_dump($c->isConnected());
$c->disconnect();
echo "-- amqps:// URI with cert and key, no cacert: TLS (system CA paths; verify off here)\n";
$c = new AMQPConnection(['uri' => 'amqps://' . mq_test_env('MQ_TEST_USER') . ':' . mq_test_env('MQ_TEST_PASSWORD')
    . '@localhost:' . mq_test_env('MQ_TEST_TLS_PORT') . '/%2f', 'cert' => $cert, 'key' => $key, 'verify' => false]);
$c->connect();
var_dump($c->isConnected());
$c->disconnect();
?>
--EXPECT--
-- cert and key, no cacert, connect
AMQPConnectionException(0): Socket error: cert/key set without cacert; TLS needs cacert (or an amqps:// URI), refusing to connect in plain text
bool(false)
-- cert and key, no cacert, pconnect
AMQPConnectionException(0): Socket error: cert/key set without cacert; TLS needs cacert (or an amqps:// URI), refusing to connect in plain text
bool(false)
-- cert only, no cacert, connect
AMQPConnectionException(0): Socket error: cert/key set without cacert; TLS needs cacert (or an amqps:// URI), refusing to connect in plain text
bool(false)
-- cert only, no cacert, pconnect
AMQPConnectionException(0): Socket error: cert/key set without cacert; TLS needs cacert (or an amqps:// URI), refusing to connect in plain text
bool(false)
-- key only, no cacert, connect
AMQPConnectionException(0): Socket error: cert/key set without cacert; TLS needs cacert (or an amqps:// URI), refusing to connect in plain text
bool(false)
-- key only, no cacert, pconnect
AMQPConnectionException(0): Socket error: cert/key set without cacert; TLS needs cacert (or an amqps:// URI), refusing to connect in plain text
bool(false)
-- setCert()/setKey() after construction
AMQPConnectionException(0): Socket error: cert/key set without cacert; TLS needs cacert (or an amqps:// URI), refusing to connect in plain text
-- ... and setCACert(): TLS
bool(true)
-- amqps:// URI with cert and key, no cacert: TLS (system CA paths; verify off here)
bool(true)

--TEST--
AMQPConnection over TLS: cacert turns TLS on, peer verification follows verify (bool or string), client certificate only with cert and key, exact failure texts
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';
$cases = [
    'verified, client cert' => mq_test_tls_credentials(),
    'verified, IP literal' => mq_test_tls_credentials(['host' => '127.0.0.1']),
    'no client cert' => mq_test_tls_credentials(['cert' => '', 'key' => '']),
    'cert without key: not loaded' => mq_test_tls_credentials(['key' => '', 'cert' => '/nonexistent/client.pem']),
    'wrong CA, verify true' => mq_test_tls_credentials(['cacert' => mq_test_env('MQ_TEST_WRONG_CA')]),
    'wrong CA, verify false' => mq_test_tls_credentials(['cacert' => mq_test_env('MQ_TEST_WRONG_CA'), 'verify' => false]),
    'wrong CA, verify "false"' => mq_test_tls_credentials(['cacert' => mq_test_env('MQ_TEST_WRONG_CA'), 'verify' => 'false']),
    'wrong CA, verify "off"' => mq_test_tls_credentials(['cacert' => mq_test_env('MQ_TEST_WRONG_CA'), 'verify' => 'off']),
    'wrong CA, verify "yes"' => mq_test_tls_credentials(['cacert' => mq_test_env('MQ_TEST_WRONG_CA'), 'verify' => 'yes']),
    'missing CA file' => mq_test_tls_credentials(['cacert' => '/nonexistent/ca.pem']),
    'missing client cert' => mq_test_tls_credentials(['cert' => '/nonexistent/client.pem']),
    'missing client key' => mq_test_tls_credentials(['key' => '/nonexistent/client.key']),
    'key of another cert' => mq_test_tls_credentials(['key' => mq_test_env('MQ_TEST_WRONG_CLIENT_KEY')]),
    'client cert of an unknown CA' => mq_test_tls_credentials(['cert' => mq_test_env('MQ_TEST_WRONG_CLIENT_CERT'),
                                                               'key' => mq_test_env('MQ_TEST_WRONG_CLIENT_KEY')]),
    'TLS to the plain port' => mq_test_tls_credentials(['port' => (int) mq_test_env('MQ_TEST_PORT')]),
];
foreach ($cases as $name => $cred) {
    $c = new AMQPConnection($cred);
    try {
        $c->connect();
        $ch = new AMQPChannel($c);
        echo $name, ': connected, channel ', $ch->getChannelId(), "\n";
        $c->disconnect();
    } catch (AMQPConnectionException $e) {
        $msg = $e->getMessage();
        if ($name === 'client cert of an unknown CA') {
            // TLS 1.3: the server's alert comes during the handshake or with
            // the first read, depending on timing
            $msg = preg_replace('/^(Socket error: could not connect to host, .*|connection closed unexpectedly)$/',
                                'refused by the server', $msg);
        }
        echo $name, ': ', get_class($e), '(', $e->getCode(), '): ', $msg, "\n";
        var_dump($c->isConnected());
    }
}
echo "-- setters\n";
$c = new AMQPConnection(mq_test_credentials(['port' => (int) mq_test_env('MQ_TEST_TLS_PORT'), 'host' => 'localhost']));
$c->setCACert(mq_test_env('MQ_TEST_WRONG_CA'));
$c->setVerify(false);
$c->connect();
var_dump($c->isConnected());
$c->disconnect();
$c->setVerify(true);
try {
    $c->connect();
} catch (AMQPConnectionException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
$c->setCACert(mq_test_env('MQ_TEST_CA'));
$c->connect();
var_dump($c->isConnected());
?>
--EXPECTF--
verified, client cert: connected, channel 1
verified, IP literal: connected, channel 1
no client cert: connected, channel 1
cert without key: not loaded: connected, channel 1
wrong CA, verify true: AMQPConnectionException(0): Socket error: could not connect to host, SSL handshake failed: %scertificate verify failed%s
bool(false)
wrong CA, verify false: connected, channel 1
wrong CA, verify "false": connected, channel 1
wrong CA, verify "off": connected, channel 1
wrong CA, verify "yes": AMQPConnectionException(0): Socket error: could not connect to host, SSL handshake failed: %scertificate verify failed%s
bool(false)
missing CA file: AMQPConnectionException(0): Socket error: could not set CA certificate.
bool(false)
missing client cert: AMQPConnectionException(0): Socket error: could not set client cert, could not load the client certificate%s
bool(false)
missing client key: AMQPConnectionException(0): Socket error: could not set client cert, could not load the client key%s
bool(false)
key of another cert: AMQPConnectionException(0): Socket error: could not set client cert, %s
bool(false)
client cert of an unknown CA: AMQPConnectionException(0): refused by the server
bool(false)
TLS to the plain port: AMQPConnectionException(0): Socket error: could not connect to host, SSL handshake failed%s
bool(false)
-- setters
bool(true)
AMQPConnectionException: Socket error: could not connect to host, SSL handshake failed: %scertificate verify failed%s
bool(true)

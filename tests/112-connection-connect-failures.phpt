--TEST--
AMQPConnection::connect() failures without a broker: refused, host lookup, handshake timeouts against a silent server, CA and client certificate files
--EXTENSIONS--
amqp
--FILE--
<?php
function attempt(array $credentials) {
    $c = new AMQPConnection($credentials);
    $t = microtime(true);
    try {
        $c->connect();
        echo "connected\n";
    } catch (AMQPConnectionException $e) {
        echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n";
    }
    var_dump($c->isConnected());
    return microtime(true) - $t;
}
// a port nobody listens on
$s = stream_socket_server('tcp://127.0.0.1:0');
$closed = (int) substr(strrchr(stream_socket_get_name($s, false), ':'), 1);
fclose($s);
attempt(['host' => '127.0.0.1', 'port' => $closed]);
attempt(['host' => 'mq-no-such-host.invalid']);

// a server that accepts (kernel backlog) and never speaks
$srv = stream_socket_server('tcp://127.0.0.1:0');
$port = (int) substr(strrchr(stream_socket_get_name($srv, false), ':'), 1);
$took = attempt(['host' => '127.0.0.1', 'port' => $port, 'connect_timeout' => 0.3]);
var_dump($took >= 0.25 && $took < 3);
$took = attempt(['host' => '127.0.0.1', 'port' => $port, 'rpc_timeout' => 0.3]);
var_dump($took >= 0.25 && $took < 3);
attempt(['host' => '127.0.0.1', 'port' => $port, 'connect_timeout' => 2, 'cacert' => '/nonexistent/ca.pem']);
$c = new AMQPConnection(['host' => '127.0.0.1', 'port' => $port, 'connect_timeout' => 2,
                         'cacert' => __FILE__, 'cert' => '/nonexistent/client.pem', 'key' => '/nonexistent/client.key']);
try {
    $c->connect();
} catch (AMQPConnectionException $e) {
    // a CA file that is no certificate
    echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n";
}
?>
--EXPECT--
AMQPConnectionException(0): Socket error: could not connect to host, a socket error occurred
bool(false)
AMQPConnectionException(0): Socket error: could not connect to host, hostname lookup failed
bool(false)
AMQPConnectionException(0): request timed out
bool(false)
bool(true)
AMQPConnectionException(0): request timed out
bool(false)
bool(true)
AMQPConnectionException(0): Socket error: could not set CA certificate.
bool(false)
AMQPConnectionException(0): Socket error: could not set CA certificate.

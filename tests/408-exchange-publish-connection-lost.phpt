--TEST--
AMQPExchange::publish(): a local send failure closes the connection and throws AMQPConnectionException (docs/compatibility.md §5.2 rule 3)
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
pcntl
--FILE--
<?php
require __DIR__ . '/_broker.inc';
function ex(Throwable $e) { echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n"; }

// A TCP relay to the broker in a child process; it drops both sockets as
// soon as the client sends bytes containing $marker (never forwarded).
function start_proxy(string $marker): array {
    $server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
    $port = (int) substr(strrchr(stream_socket_get_name($server, false), ':'), 1);
    $pid = pcntl_fork();
    if ($pid === 0) {
        $client = stream_socket_accept($server, 20);
        $broker = stream_socket_client('tcp://' . getenv('MQ_TEST_HOST') . ':' . getenv('MQ_TEST_PORT'));
        for (;;) {
            $r = [$client, $broker];
            $w = $e = null;
            if (!stream_select($r, $w, $e, 20)) {
                break;
            }
            foreach ($r as $s) {
                $data = fread($s, 65536);
                if ($data === '' || $data === false) {
                    break 2;
                }
                if ($s === $client && strpos($data, $marker) !== false) {
                    break 2;
                }
                fwrite($s === $broker ? $client : $broker, $data);
            }
        }
        fclose($client);
        fclose($broker);
        proxy_exit();
    }
    fclose($server);
    return [$pid, $port];
}
function proxy_exit(): never {
    // leave without running the parent's shutdown code twice
    pcntl_exec('/bin/true');
    exit(0);
}

[$pid, $port] = start_proxy('KILL-PROXY');
$conn = new AMQPConnection(mq_test_credentials(['host' => '127.0.0.1', 'port' => $port]));
$conn->connect();
$ch = new AMQPChannel($conn);
$x = new AMQPExchange($ch);
$x->publish('KILL-PROXY', 'nowhere');
pcntl_waitpid($pid, $status);          // the relay is gone, both sockets closed
$sent = 0;
try {
    for (; $sent < 100; $sent++) {
        $x->publish(str_repeat('x', 1000), 'nowhere');
        usleep(10000);
    }
    echo "no error after $sent publishes\n";
} catch (AMQPException $e) {
    echo get_class($e), '(', $e->getCode(), ")\n";
    var_dump(in_array($e->getMessage(), ['connection closed unexpectedly', 'a socket error occurred'], true));
}
var_dump($sent < 100, $conn->isConnected(), $ch->isConnected());
try { $x->publish('after'); } catch (AMQPException $e) { ex($e); }
?>
--EXPECT--
AMQPConnectionException(0)
bool(true)
bool(true)
bool(false)
bool(false)
AMQPChannelException(0): Could not publish to exchange. No channel available.

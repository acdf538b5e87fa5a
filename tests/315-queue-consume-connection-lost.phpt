--TEST--
AMQPQueue::consume(): the connection drops inside the delivery loop -> AMQPConnectionException with the current error (docs/compatibility.md §7.6)
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
// soon as the broker sends bytes containing $marker.
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
                if ($s === $broker && strpos($data, $marker) !== false) {
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

[$pid, $port] = start_proxy('DROP-NOW');
$conn = new AMQPConnection(mq_test_credentials(['host' => '127.0.0.1', 'port' => $port, 'read_timeout' => 10]));
$conn->connect();

// an earlier, unrelated error: its text and code must not resurface
$missing = new AMQPQueue($conn);
$missing->setFlags(AMQP_PASSIVE);
try { $missing->declareQueue(mq_test_name('mq-gone-')); } catch (AMQPQueueException $e) { echo get_class($e), '(', $e->getCode(), ")\n"; }

$ch = new AMQPChannel($conn);
$x = new AMQPExchange($ch);
$q = new AMQPQueue($ch);
$q->setFlags(AMQP_EXCLUSIVE);
$q->declareQueue(mq_test_name('mq-lost-'));
$x->publish('first', $q->getName());
try {
    $q->consume(function (AMQPEnvelope $e, AMQPQueue $queue) use ($x) {
        echo 'got ', $e->getBody(), "\n";
        $queue->ack($e->getDeliveryTag());
        $x->publish('DROP-NOW', $queue->getName());
    });
} catch (AMQPException $e) {
    ex($e);
}
var_dump($conn->isConnected(), $ch->isConnected());
try { $q->consume(fn() => false, AMQP_JUST_CONSUME); } catch (AMQPException $e) { ex($e); }
try { $q->ack(1); } catch (AMQPException $e) { ex($e); }
try { $x->publish('after'); } catch (AMQPException $e) { ex($e); }
pcntl_waitpid($pid, $status);
?>
--EXPECT--
AMQPQueueException(404)
got first
AMQPConnectionException(0): connection closed unexpectedly
bool(false)
bool(false)
AMQPChannelException(0): Could not get channel. No channel available.
AMQPChannelException(0): Could not ack message. No channel available.
AMQPChannelException(0): Could not publish to exchange. No channel available.

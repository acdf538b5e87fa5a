--TEST--
faults: a broker announcing a message body larger than the process can hold (2^50 bytes without memory_limit, more than memory_limit; what is left of it: test 576) gets an AMQPException naming the size and a politely closed connection (connection.close 506), not PHP's fatal out-of-memory error (tests/fake_broker.py)
--SKIPIF--
<?php
if (!is_executable('/usr/bin/python3')) die('skip python3 missing');
?>
--EXTENSIONS--
amqp
--FILE--
<?php
function get_from_fake(string $scenario): void {
    $proc = proc_open(['/usr/bin/python3', __DIR__ . '/fake_broker.py', $scenario],
        [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
    $port = (int) fgets($pipes[1]);
    $c = new AMQPConnection(['host' => '127.0.0.1', 'port' => $port, 'read_timeout' => 5,
        'rpc_timeout' => 5, 'connect_timeout' => 5]);
    try {
        $c->connect();
        $q = new AMQPQueue(new AMQPChannel($c));
        $q->setName('q');
        $env = $q->get();
        echo "got ", strlen($env->getBody()), " bytes";
    } catch (AMQPException $e) {
        echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage();
    }
    echo ", connected=", var_export($c->isConnected(), true), "\n";
    unset($q, $c);
    $err = stream_get_contents($pipes[2]); // the fake ends once the client closed
    echo "  fake broker: ", trim($err) === '' ? '-' : trim($err), "\n";
    proc_terminate($proc);
    proc_close($proc);
}

echo "-- memory_limit -1, a body of 2^50 bytes\n";
ini_set('memory_limit', '-1');
get_from_fake('body_size=' . (1 << 50));
echo "-- memory_limit -1, a body of 2^62 bytes\n";
get_from_fake('body_size=' . (1 << 62));

echo "-- memory_limit 64M, a body of 100 MiB\n";
ini_set('memory_limit', '64M');
get_from_fake('body_size=' . (100 << 20));
echo "-- a body that fits still works\n";
get_from_fake('ok');
echo "done\n";
?>
--EXPECT--
-- memory_limit -1, a body of 2^50 bytes
AMQPException(0): could not allocate a message body of 1125899906842624 bytes, connected=false
  fake broker: client sent connection.close
-- memory_limit -1, a body of 2^62 bytes
AMQPException(0): could not allocate a message body of 4611686018427387904 bytes, connected=false
  fake broker: client sent connection.close
-- memory_limit 64M, a body of 100 MiB
AMQPException(0): could not allocate a message body of 104857600 bytes, connected=false
  fake broker: client sent connection.close
-- a body that fits still works
got 5 bytes, connected=true
  fake broker: -
done

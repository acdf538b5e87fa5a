--TEST--
faults: a message body below memory_limit but larger than what is left of it (memory in use counted) is an AMQPException naming the size and a closed connection, not PHP's fatal "Allowed memory size exhausted" (tests/fake_broker.py)
--SKIPIF--
<?php
if (!is_executable('/usr/bin/python3')) die('skip python3 missing');
if (getenv('USE_ZEND_ALLOC') === '0') die('skip needs the Zend allocator (memory_limit accounting)');
?>
--EXTENSIONS--
amqp
--INI--
memory_limit=64M
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
    echo "  fake broker: ", trim(stream_get_contents($pipes[2])) ?: '-', "\n";
    proc_terminate($proc);
    proc_close($proc);
}

echo "-- 30 MiB in use, a body of 40 MiB\n";
$ballast = str_repeat('x', 30 << 20);
get_from_fake('body_size=' . (40 << 20));
echo "-- without the 30 MiB, a body that fits still works\n";
unset($ballast);
get_from_fake('ok');
echo "done\n";
?>
--EXPECT--
-- 30 MiB in use, a body of 40 MiB
AMQPException(0): could not allocate a message body of 41943040 bytes, connected=false
  fake broker: client sent connection.close
-- without the 30 MiB, a body that fits still works
got 5 bytes, connected=true
  fake broker: -
done

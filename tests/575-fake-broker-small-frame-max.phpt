--TEST--
faults: a broker offering a frame_max below the protocol minimum (4096) is refused at connect with a clear AMQPConnectionException; 4096 itself works (tests/fake_broker.py)
--SKIPIF--
<?php
if (!is_executable('/usr/bin/python3')) die('skip python3 missing');
?>
--EXTENSIONS--
amqp
--FILE--
<?php
foreach ([512, 4095, 4096] as $fm) {
    $proc = proc_open(['/usr/bin/python3', __DIR__ . '/fake_broker.py', "frame_max=$fm"], [1 => ['pipe', 'w']], $pipes);
    $port = (int) fgets($pipes[1]);
    $c = new AMQPConnection(['host' => '127.0.0.1', 'port' => $port, 'read_timeout' => 2,
        'rpc_timeout' => 2, 'connect_timeout' => 5]);
    try {
        $c->connect();
        $q = new AMQPQueue(new AMQPChannel($c));
        $q->setName('q');
        printf("%d: connected, frame_max %d, got %s\n", $fm, $c->getMaxFrameSize(), $q->get()->getBody());
    } catch (AMQPException $e) {
        printf("%d: %s(%d): %s, connected=%s\n", $fm, get_class($e), $e->getCode(), $e->getMessage(),
            var_export($c->isConnected(), true));
    }
    unset($q, $c);
    proc_terminate($proc);
    proc_close($proc);
}
?>
--EXPECT--
512: AMQPConnectionException(0): server's frame_max 512 is below the protocol minimum 4096, connected=false
4095: AMQPConnectionException(0): server's frame_max 4095 is below the protocol minimum 4096, connected=false
4096: connected, frame_max 4096, got hello

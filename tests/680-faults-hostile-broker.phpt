--TEST--
faults: a hostile or broken broker (tests/fake_broker.py) — every fault ends in an exception and a closed connection, a byte-at-a-time peer works
--SKIPIF--
<?php
if (!is_executable('/usr/bin/python3')) die('skip python3 missing');
?>
--FILE--
<?php
// Each scenario: the fake broker completes the handshake, then answers the
// client's basic.get with the fault.  Nothing here needs a real broker.
$scenarios = ['ok', 'bytewise', 'bad_frame_end', 'oversized_frame', 'unknown_method', 'body_longer',
    'body_shorter', 'deep_table', 'huge_table', 'close_mid', 'reset_mid', 'stall_mid'];
foreach ($scenarios as $s) {
    $proc = proc_open(['/usr/bin/python3', __DIR__ . '/fake_broker.py', $s], [1 => ['pipe', 'w']], $pipes);
    $port = (int) fgets($pipes[1]);
    $c = new AMQPConnection(['host' => '127.0.0.1', 'port' => $port, 'read_timeout' => 2,
        'rpc_timeout' => 2, 'connect_timeout' => 5]);
    try {
        $c->connect();
        $q = new AMQPQueue(new AMQPChannel($c));
        $q->setName('q');
        $env = $q->get();
        printf("%-16s got %s, connected=%s\n", $s, var_export($env?->getBody(), true),
            var_export($c->isConnected(), true));
    } catch (AMQPException $e) {
        printf("%-16s %s(%d): %s, connected=%s\n", $s, get_class($e), $e->getCode(), $e->getMessage(),
            var_export($c->isConnected(), true));
    }
    unset($q, $c);
    proc_terminate($proc);
    proc_close($proc);
}
?>
--EXPECT--
ok               got 'hello', connected=true
bytewise         got 'hello', connected=true
bad_frame_end    AMQPException(0): bad frame end octet 0x00, connected=false
oversized_frame  AMQPException(0): frame of 262152 bytes exceeds frame_max 131072, connected=false
unknown_method   AMQPException(0): unknown method id 0x003c03e7 (channel 1), connected=false
body_longer      AMQPException(0): body longer than the content header's size (channel 1), connected=false
body_shorter     AMQPException(0): method frame inside content (channel 1), connected=false
deep_table       AMQPException(0): malformed content header (channel 1), connected=false
huge_table       AMQPException(0): malformed content header (channel 1), connected=false
close_mid        AMQPConnectionException(541): Server connection error: 541, message: INTERNAL_ERROR - test, connected=false
reset_mid        AMQPConnectionException(0): connection closed unexpectedly, connected=false
stall_mid        AMQPException(0): request timed out, connected=false

--TEST--
fork safety: a pcntl_fork() child never writes to the parent's connection (plain, TLS, with and without heartbeat_thread): a child that just exits leaves it working, a child that calls a method gets "connection was opened in another process", the parent publishes and consumes afterwards
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
pcntl
--FILE--
<?php
require __DIR__ . '/_broker.inc';

function child(callable $f): void {
    $pid = pcntl_fork();
    if ($pid === 0) {
        $f();
        exit(0); // destructors and request shutdown run in the child
    }
    pcntl_waitpid($pid, $status);
    echo "child status ", pcntl_wexitstatus($status), "\n";
}
function show(Throwable $e): void {
    echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n";
}
function roundtrip(AMQPExchange $ex, AMQPQueue $q, string $body): void {
    $ex->publish($body, $q->getName());
    $m = null;
    for ($i = 0; $i < 50 && !$m; $i++) {
        $m = $q->get(AMQP_AUTOACK) ?: null;
        if (!$m) usleep(20000);
    }
    echo "parent got: ", $m ? $m->getBody() : 'nothing', "\n";
}

$configs = [
    'plain' => mq_test_credentials(['heartbeat' => 2]),
    'plain, heartbeat_thread' => mq_test_credentials(['heartbeat' => 1, 'heartbeat_thread' => true]),
    'TLS' => mq_test_tls_credentials(['heartbeat' => 2]),
    'TLS, heartbeat_thread' => mq_test_tls_credentials(['heartbeat' => 1, 'heartbeat_thread' => true]),
];
foreach ($configs as $name => $cred) {
    echo "-- $name\n";
    $conn = new AMQPConnection($cred);
    $conn->connect();
    $ch = new AMQPChannel($conn);
    $q = new AMQPQueue($ch);
    $q->setFlags(AMQP_EXCLUSIVE | AMQP_AUTODELETE);
    $q->declareQueue();
    $ex = new AMQPExchange($ch);
    roundtrip($ex, $q, 'before');

    // a child that only exits: its destructors close only its descriptor
    child(function () {});
    roundtrip($ex, $q, 'after a child that exited');

    // a child that uses the connection gets a clear exception, every time
    child(function () use ($conn, $ch, $ex, $q) {
        try {
            $ex->publish('from the child', $q->getName());
            echo "child: published?!\n";
        } catch (AMQPException $e) {
            show($e);
        }
        var_dump($conn->isConnected());
        try {
            new AMQPChannel($conn);
        } catch (AMQPException $e) {
            show($e);
        }
        $conn->disconnect(); // silent: nothing is sent
        echo "child done\n";
    });
    // the parent's heartbeats keep working meanwhile (thread or not)
    usleep(300000);
    roundtrip($ex, $q, 'after a child that used it');
    $conn->disconnect();
    var_dump($conn->isConnected());
}
echo "done\n";
?>
--EXPECT--
-- plain
parent got: before
child status 0
parent got: after a child that exited
AMQPConnectionException(0): connection was opened in another process
bool(false)
AMQPConnectionException(0): Could not create channel. No connection available.
child done
child status 0
parent got: after a child that used it
bool(false)
-- plain, heartbeat_thread
parent got: before
child status 0
parent got: after a child that exited
AMQPConnectionException(0): connection was opened in another process
bool(false)
AMQPConnectionException(0): Could not create channel. No connection available.
child done
child status 0
parent got: after a child that used it
bool(false)
-- TLS
parent got: before
child status 0
parent got: after a child that exited
AMQPConnectionException(0): connection was opened in another process
bool(false)
AMQPConnectionException(0): Could not create channel. No connection available.
child done
child status 0
parent got: after a child that used it
bool(false)
-- TLS, heartbeat_thread
parent got: before
child status 0
parent got: after a child that exited
AMQPConnectionException(0): connection was opened in another process
bool(false)
AMQPConnectionException(0): Could not create channel. No connection available.
child done
child status 0
parent got: after a child that used it
bool(false)
done

--TEST--
fork safety of pooled connections (pconnect, one with heartbeat_thread): a child's inherited pooled connections, in use or idle in the pool, are dropped silently (no protocol on the parent's socket), a child's own pconnect() opens a new one, the parent's pooled connections keep working
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
        exit(0); // destructors, request and module shutdown (the pool) run in the child
    }
    pcntl_waitpid($pid, $status);
    echo "child status ", pcntl_wexitstatus($status), "\n";
}
function show(Throwable $e): void {
    echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n";
}
/* The broker-side name ("ip:port -> ip:port") of the open connection with this connection_name. */
function server_conn(string $cname): ?string {
    foreach (explode("\n", mq_test_ctl('list_connections', '-q', 'name', 'client_properties')) as $row) {
        $f = explode("\t", $row);
        if (count($f) === 2 && str_contains($f[1], '{"connection_name","' . $cname . '"}')) {
            return $f[0];
        }
    }
    return null;
}
function get_one(AMQPQueue $q): string {
    for ($i = 0; $i < 50; $i++) {
        if ($m = $q->get(AMQP_AUTOACK)) return $m->getBody();
        usleep(20000);
    }
    return 'nothing';
}

$busy = mq_test_credentials(['connection_name' => mq_test_name('mq-fork-busy-'), 'heartbeat' => 1,
    'heartbeat_thread' => true]); // the pooled connection keeps its thread
$idle = mq_test_credentials(['connection_name' => mq_test_name('mq-fork-idle-')]);

// one pooled connection stays idle in the pool
$i = new AMQPConnection($idle);
$i->pconnect();
$idle_server = server_conn($idle['connection_name']);
unset($i);

$a = new AMQPConnection($busy);
$a->pconnect();
$ch = new AMQPChannel($a);
$q = new AMQPQueue($ch);
$q->setFlags(AMQP_EXCLUSIVE | AMQP_AUTODELETE);
$q->declareQueue();
$qname = $q->getName();
$ex = new AMQPExchange($ch);

child(function () {});
$ex->publish('after a child that exited', $qname);
echo "parent got: ", get_one($q), "\n";

child(function () use ($a, $ex, $qname, $idle) {
    try {
        $ex->publish('x', $qname);
    } catch (AMQPException $e) {
        show($e);
    }
    $a->pdisconnect(); // silent
    var_dump($a->isConnected());
    // the idle pooled connection the child inherited is not lent: a new one
    $c = new AMQPConnection($idle);
    $c->pconnect();
    (new AMQPExchange(new AMQPChannel($c)))->publish('from the child', $qname);
    echo "child published\n";
});
echo "parent got: ", get_one($q), "\n";
$ex->publish('parent still fine', $qname);
echo "parent got: ", get_one($q), "\n";

// the parent's idle pooled connection is still the one it opened, and alive
$i = new AMQPConnection($idle);
$i->pconnect();
var_dump(server_conn($idle['connection_name']) === $idle_server);
(new AMQPExchange(new AMQPChannel($i)))->publish('over the idle one', $qname);
echo "parent got: ", get_one($q), "\n";
$i->pdisconnect();
$a->pdisconnect();
echo "done\n";
?>
--EXPECT--
child status 0
parent got: after a child that exited
AMQPConnectionException(0): connection was opened in another process
bool(false)
child published
child status 0
parent got: from the child
parent got: parent still fine
bool(true)
parent got: over the idle one
done

--TEST--
AMQPConnection::pconnect() in one process: pool reuse after the owner is gone, one owner at a time, channels closed on return, pdisconnect/preconnect, dead pooled connections discarded, state-transition texts
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';
/* The broker-side name ("ip:port -> ip:port") of the open connection with this connection_name. */
function server_conn(string $cname, bool $pid = false): ?string {
    foreach (explode("\n", mq_test_ctl('list_connections', '-q', 'name', 'state', 'pid', 'client_properties')) as $row) {
        $f = explode("\t", $row);
        if (count($f) === 4 && $f[1] === 'running' && str_contains($f[3], '{"connection_name","' . $cname . '"}')) {
            return $pid ? $f[2] : $f[0];
        }
    }
    return null;
}
/* Waits (a bound, not a time) until the broker lists no running connection
 * named $cname: its connection.close has gone out (the state is "closing")
 * or it is gone.  Returns what is still listed (null once gone). */
function wait_not_running(string $cname): ?string {
    $deadline = microtime(true) + 60;
    while (($s = server_conn($cname)) !== null && microtime(true) < $deadline) {
        usleep(100000);
    }
    return $s;
}
function channels_on(string $server_name): int {
    $n = 0;
    foreach (explode("\n", mq_test_ctl('list_channels', '-q', 'name')) as $row) {
        if (str_starts_with($row, $server_name . ' (')) {
            $n++;
        }
    }
    return $n;
}
function show(Throwable $e) {
    echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n";
}
$cname = mq_test_name('mq-pool-');
$cred = mq_test_credentials(['connection_name' => $cname]);

$a = new AMQPConnection($cred);
$a->pconnect();
var_dump($a->isConnected(), $a->isPersistent());
$first = server_conn($cname);
var_dump($first !== null);
$a->pconnect(); // no-op
var_dump(server_conn($cname) === $first);

echo "-- wrong kind while persistent\n";
foreach (['connect', 'disconnect', 'reconnect'] as $m) {
    try {
        $a->$m();
    } catch (AMQPConnectionException $e) {
        show($e);
    }
}
var_dump($a->isConnected(), $a->isPersistent());

echo "-- one owner at a time\n";
$b = new AMQPConnection($cred);
try {
    $b->pconnect();
} catch (AMQPConnectionException $e) {
    show($e);
}
var_dump($b->isConnected());
$other = new AMQPConnection(mq_test_credentials(['connection_name' => $cname . '-other']));
$other->pconnect(); // another key: another pooled connection
var_dump($other->isPersistent(), server_conn($cname . '-other') !== $first);
$other->pdisconnect();

echo "-- the owner goes away: its channels are closed, the connection returns to the pool\n";
$ch1 = new AMQPChannel($a);
$ch2 = new AMQPChannel($a);
var_dump($ch2->getChannelId(), channels_on($first));
unset($ch1, $ch2, $a);
$b->pconnect();
var_dump($b->isPersistent(), server_conn($cname) === $first, channels_on($first));
$ch = new AMQPChannel($b);
var_dump($ch->getChannelId(), $b->getUsedChannels());
unset($ch);

echo "-- getConnection() is the owner\n";
$ch = new AMQPChannel($b);
$conn_of_ch = $ch->getConnection();
var_dump($conn_of_ch === $b);
unset($conn_of_ch);

echo "-- preconnect: a fresh connection\n";
$b->preconnect();
$second = server_conn($cname);
var_dump($b->isPersistent(), $second !== null && $second !== $first, $ch->isConnected());
unset($ch);

echo "-- pdisconnect: closed and gone from the pool\n";
$b->pdisconnect();
var_dump($b->isConnected(), $b->isPersistent());
var_dump(wait_not_running($cname));
$b->pdisconnect(); // no-op
$b->pconnect();
$third = server_conn($cname);
$third_pid = server_conn($cname, true);
var_dump($third !== null && $third !== $second);

echo "-- a pooled connection that died is discarded on reuse\n";
unset($b);
mq_test_ctl('close_connection', $third_pid, 'test kills the pooled connection');
// the broker's connection.close has been sent once it no longer lists the
// connection as running; the pool's check on reuse then sees it
wait_not_running($cname);
$c = new AMQPConnection($cred);
$c->pconnect();
$fourth = server_conn($cname);
var_dump($c->isConnected(), $fourth !== null && $fourth !== $third);
$ch = new AMQPChannel($c);
var_dump($ch->isConnected());

echo "-- transient open: persistent calls refused\n";
$t = mq_test_connection();
foreach (['pconnect', 'pdisconnect', 'preconnect'] as $m) {
    try {
        $t->$m();
    } catch (AMQPConnectionException $e) {
        show($e);
    }
}
var_dump($t->isConnected(), $t->isPersistent());
$c->pdisconnect();
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
-- wrong kind while persistent
AMQPConnectionException(0): Attempt to start transient connection while persistent one already established. Continue.
AMQPConnectionException(0): Attempted to close a transient connection while a persistent connection is established. Call 'pdisconnect' instead
AMQPConnectionException(0): Attempted to reconnect a transient connection while a persistent connection is established. Call 'preconnect' instead
bool(true)
bool(true)
-- one owner at a time
AMQPConnectionException(0): There are already established persistent connection to the same resource.
bool(false)
bool(true)
bool(true)
-- the owner goes away: its channels are closed, the connection returns to the pool
int(2)
int(2)
bool(true)
bool(true)
int(0)
int(1)
int(1)
-- getConnection() is the owner
bool(true)
-- preconnect: a fresh connection
bool(true)
bool(true)
bool(false)
-- pdisconnect: closed and gone from the pool
bool(false)
bool(false)
NULL
bool(true)
-- a pooled connection that died is discarded on reuse
bool(true)
bool(true)
bool(true)
-- transient open: persistent calls refused
AMQPConnectionException(0): Attempt to start persistent connection while transient one already established. Continue.
AMQPConnectionException(0): Attempted to close a persistent connection while a transient connection is established. Call 'disconnect' instead
AMQPConnectionException(0): Attempted to reconnect a persistent connection while a transient connection is established. Call 'reconnect' instead
bool(true)
bool(false)

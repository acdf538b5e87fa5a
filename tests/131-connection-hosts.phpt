--TEST--
AMQPConnection 'hosts' (mq extension): failover walk on connect(), the last attempt's exception, a broker refusal stops the walk, entry validation texts, shuffle_hosts, var_dump, setHost/setPort, reconnect() moving on after a lost connection, pconnect() keyed by the set of nodes
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';
$port = (int) mq_test_env('MQ_TEST_PORT');
$slow = getenv('USE_ZEND_ALLOC') === '0'; // run-tests -m: valgrind
function show(Throwable $e) {
    echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n";
}
function free_port(): int {
    $s = stream_socket_server('tcp://127.0.0.1:0');
    $p = (int) substr(strrchr(stream_socket_get_name($s, false), ':'), 1);
    fclose($s);
    return $p;
}
/* A listener that never accepts nor speaks: the kernel completes the TCP
 * handshake (backlog), the AMQP handshake times out.  pending() tells
 * whether anybody connected to it since the last call. */
function silent(): array {
    $s = stream_socket_server('tcp://127.0.0.1:0');
    return [$s, (int) substr(strrchr(stream_socket_get_name($s, false), ':'), 1)];
}
function pending($s): int {
    $n = 0;
    while (($c = @stream_socket_accept($s, 0)) !== false) {
        fclose($c);
        $n++;
    }
    return $n;
}
/* The broker-side pid of the open connection named $name. */
function conn_pid(string $name): string {
    for ($i = 0; $i < 20; $i++) {
        foreach (explode("\n", mq_test_ctl('list_connections', '-q', 'pid', 'client_properties')) as $row) {
            if (str_contains($row, '{"connection_name","' . $name . '"}')) {
                return explode("\t", $row, 2)[0];
            }
        }
        usleep(200000);
    }
    throw new RuntimeException("connection $name not on the broker");
}
/* Has the client seen the broker's close?  Opening a channel reads it. */
function wait_lost(AMQPConnection $c): string {
    for ($i = 0; $i < 50; $i++) {
        try {
            new AMQPChannel($c);
        } catch (AMQPException $e) {
            return (string) $e->getCode();
        }
        usleep(100000);
    }
    return 'still open';
}
$closed = free_port();
$cred = mq_test_credentials(['connect_timeout' => 2]);
unset($cred['host'], $cred['port']);

echo "-- a dead first node, then the broker\n";
$c = new AMQPConnection($cred + ['hosts' => ["127.0.0.1:$closed", ['host' => 'localhost', 'port' => $port]]]);
var_dump($c->getHost(), $c->getPort() === $closed);
$c->connect();
var_dump($c->isConnected(), $c->getHost(), $c->getPort() === $port);
$ch = new AMQPChannel($c);
var_dump($ch->isConnected());
$c->disconnect();

echo "-- a missing port is the connection's port\n";
$c = new AMQPConnection($cred + ['port' => $port, 'hosts' => ["127.0.0.1:$closed", '127.0.0.1']]);
$c->connect();
var_dump($c->getHost(), $c->getPort() === $port);
$c->disconnect();

echo "-- all nodes down: the exception of the last attempt\n";
[$srv, $silent] = silent();
$t = microtime(true);
try {
    (new AMQPConnection($cred + ['connect_timeout' => 0.5, 'hosts' => ["127.0.0.1:$silent", '192.0.2.1:5672', "127.0.0.1:$closed"]]))->connect();
} catch (AMQPConnectionException $e) {
    show($e);
}
$took = microtime(true) - $t;
// each node within the connect timeout (0.5 s for the silent one, at most 0.5 s for 192.0.2.1)
var_dump($took >= 0.45, $took < ($slow ? 20 : 5), pending($srv));
try {
    (new AMQPConnection($cred + ['connect_timeout' => 0.5, 'hosts' => ["127.0.0.1:$closed", "127.0.0.1:$silent"]]))->connect();
} catch (AMQPConnectionException $e) {
    show($e);
}
var_dump(pending($srv));

echo "-- a refusal by the broker stops the walk at the first node\n";
$secret = 'wrong-' . bin2hex(random_bytes(6));
$t = microtime(true);
$c = new AMQPConnection(['password' => $secret, 'connect_timeout' => 3] + $cred + ['hosts' => ["127.0.0.1:$port", "127.0.0.1:$silent"]]);
try {
    $c->connect();
} catch (AMQPConnectionException $e) {
    show($e);
    var_dump(str_contains((string) $e, $secret));
}
var_dump(pending($srv), $c->isConnected(), $c->getPort() === $port);
$c = new AMQPConnection(['vhost' => 'nope-vhost'] + $cred + ['hosts' => ["127.0.0.1:$port", "127.0.0.1:$silent"]]);
try {
    $c->connect();
} catch (AMQPConnectionException $e) {
    show($e);
}
var_dump(pending($srv));
fclose($srv);

echo "-- invalid entries\n";
$long = str_repeat('h', 513);
foreach ([[], 'localhost', ['a' => 'localhost'], [1 => 'localhost'], ['localhost', 5672], ['a', ''],
          ['h:'], ['h:0'], ['a', 'b', 'h:70000'], ['h:12ab'], ['[::1'], ['[::1]5672'], ['a b'],
          ['guest:secret@host:5672'], ['guest@host'], [$long], [['port' => 5672]],
          [['host' => 'h', 'port' => 70000]], [['host' => 'h', 'port' => '5x']],
          [['host' => 'h', 'port' => 1.5]], [['host' => 'h:5672']], [['host' => '']]] as $hosts) {
    try {
        new AMQPConnection(['hosts' => $hosts]);
        echo "accepted\n";
    } catch (AMQPConnectionException $e) {
        show($e);
    }
}
echo "-- valid forms\n";
foreach ([['[::1]:5673'], ['[::1]'], ['::1'], [['host' => '[::1]', 'port' => '5674']],
          [['host' => 'example.org', 'port' => null]], ['Example-1.org:1'], [str_repeat('h', 512)]] as $hosts) {
    $x = new AMQPConnection(['hosts' => $hosts, 'port' => 5999]);
    echo strlen($x->getHost()) > 40 ? strlen($x->getHost()) : $x->getHost(), ' ', $x->getPort(), "\n";
}
// null: no list, the 'host' key as always
$x = new AMQPConnection(['hosts' => null, 'host' => 'example.com']);
echo $x->getHost(), "\n";

echo "-- shuffle_hosts: PHP's shuffle() order, reproducible with mt_srand()\n";
$nodes = [];
for ($i = 1; $i <= 8; $i++) {
    $nodes[] = "n$i.example:" . (5670 + $i);
}
$firsts = [];
foreach ([1, 2, 3, 42, 4711] as $seed) {
    mt_srand($seed);
    $x = new AMQPConnection(['hosts' => $nodes, 'shuffle_hosts' => true]);
    mt_srand($seed);
    $expect = $nodes;
    shuffle($expect);
    $firsts[] = $got = $x->getHost() . ':' . $x->getPort();
    if ($got !== $expect[0]) {
        echo "seed $seed: $got, shuffle() says {$expect[0]}\n";
    }
}
var_dump(count(array_unique($firsts)) > 1);
mt_srand(7);
$x = new AMQPConnection(['hosts' => $nodes, 'shuffle_hosts' => false]);
echo $x->getHost(), "\n";

echo "-- var_dump: the peer's properties, host/port of the current node\n";
$a = new AMQPConnection($cred + ['hosts' => ["127.0.0.1:$closed", "localhost:$port"]]);
$a->connect();
$b = new AMQPConnection($cred + ['host' => 'localhost', 'port' => $port]);
ob_start();
var_dump($a);
$da = ob_get_clean();
ob_start();
var_dump($b);
$db = ob_get_clean();
// the same apart from the object handle
var_dump(preg_replace('/#\d+/', '', $da) === preg_replace('/#\d+/', '', $db), substr_count($da, '=>'));
$a->disconnect();

echo "-- setHost()/setPort() change the current node only\n";
$c = new AMQPConnection($cred + ['hosts' => ["127.0.0.1:$closed", "localhost:$port"]]);
$c->setPort($port);
$c->connect();
var_dump($c->getHost(), $c->getPort() === $port);
$c->disconnect();
$c->setHost('127.0.0.2');
$c->setPort($closed);
$c->connect(); // the changed node fails, the second one is unchanged
var_dump($c->getHost(), $c->getPort() === $port);
$c->disconnect();

echo "-- reconnect(): stays on a healthy node, moves on after a lost connection\n";
$name = mq_test_name('mq-hosts-');
$c = new AMQPConnection($cred + ['connection_name' => $name, 'hosts' => ["127.0.0.1:$port", "localhost:$port"]]);
$c->connect();
echo $c->getHost(), "\n";
$c->reconnect();
echo $c->getHost(), "\n";
foreach (['localhost', '127.0.0.1'] as $expect) {
    mq_test_ctl('close_connection', conn_pid($name), 'mq hosts test');
    echo wait_lost($c), ' ';
    var_dump($c->isConnected());
    $c->reconnect();
    var_dump($c->isConnected(), $c->getHost() === $expect);
}
$c->disconnect();
$c->reconnect(); // after disconnect(): nothing was lost
echo $c->getHost(), "\n";
$c->disconnect();

echo "-- pconnect(): one pooled connection per set of nodes, whatever their order\n";
$q = mq_test_name('mq-hosts-excl-');
$a = new AMQPConnection($cred + ['hosts' => ["127.0.0.1:$closed", "localhost:$port", "127.0.0.1:$port"]]);
$a->pconnect();
var_dump($a->isPersistent(), $a->getHost());
$qa = new AMQPQueue(new AMQPChannel($a));
$qa->setName($q);
$qa->setFlags(AMQP_EXCLUSIVE | AMQP_AUTODELETE);
$qa->declareQueue();
$b = new AMQPConnection($cred + ['hosts' => ["127.0.0.1:$port", "localhost:$port", "127.0.0.1:$closed"]]);
try {
    $b->pconnect();
} catch (AMQPConnectionException $e) {
    show($e);
}
unset($qa, $a); // back to the pool
$b->pconnect();
// the pooled connection (its exclusive queue is visible), on its node
var_dump($b->isPersistent(), $b->getHost(), $b->getPort() === $port);
$qb = new AMQPQueue(new AMQPChannel($b));
$qb->setName($q);
$qb->setFlags(AMQP_PASSIVE);
var_dump($qb->declareQueue());
unset($qb);
// a single-host pconnect() to that node is another pool entry
$s = new AMQPConnection($cred + ['host' => 'localhost', 'port' => $port]);
$s->pconnect();
$qs = new AMQPQueue(new AMQPChannel($s));
$qs->setName($q);
$qs->setFlags(AMQP_PASSIVE);
try {
    $qs->declareQueue();
} catch (AMQPQueueException $e) {
    show($e);
}
unset($qs);
$s->pdisconnect();
echo "-- preconnect() after a lost connection moves on\n";
$b->pdisconnect();
$name = mq_test_name('mq-hosts-p-');
$p = new AMQPConnection($cred + ['connection_name' => $name, 'hosts' => ["127.0.0.1:$port", "localhost:$port"]]);
$p->pconnect();
echo $p->getHost(), "\n";
mq_test_ctl('close_connection', conn_pid($name), 'mq hosts test');
echo wait_lost($p), "\n";
$p->preconnect();
var_dump($p->isPersistent(), $p->getHost());
$p->pdisconnect();
?>
--EXPECTF--
-- a dead first node, then the broker
string(9) "127.0.0.1"
bool(true)
bool(true)
string(9) "localhost"
bool(true)
bool(true)
-- a missing port is the connection's port
string(9) "127.0.0.1"
bool(true)
-- all nodes down: the exception of the last attempt
AMQPConnectionException(0): Socket error: could not connect to host, a socket error occurred
bool(true)
bool(true)
int(1)
AMQPConnectionException(0): request timed out
int(1)
-- a refusal by the broker stops the walk at the first node
AMQPConnectionException(403): Server connection error: 403, message: ACCESS_REFUSED - Login was refused using authentication mechanism PLAIN. For details see the broker logfile.
bool(false)
int(0)
bool(false)
bool(true)
AMQPConnectionException(530): Server connection error: 530, message: NOT_ALLOWED - vhost nope-vhost not found
int(0)
-- invalid entries
AMQPConnectionException(0): Parameter 'hosts' must be a non-empty list.
AMQPConnectionException(0): Parameter 'hosts' must be a non-empty list.
AMQPConnectionException(0): Parameter 'hosts' must be a non-empty list.
AMQPConnectionException(0): Parameter 'hosts' must be a non-empty list.
AMQPConnectionException(0): Parameter 'hosts' entry 1 must be a string or an array, int given.
AMQPConnectionException(0): Parameter 'hosts' entry 1 has an empty host.
AMQPConnectionException(0): Parameter 'hosts' entry 0 has an empty port.
AMQPConnectionException(0): Parameter 'hosts' entry 0 has an invalid port: 0.
AMQPConnectionException(0): Parameter 'hosts' entry 2 has an invalid port: 70000.
AMQPConnectionException(0): Parameter 'hosts' entry 0 has an invalid port: 12ab.
AMQPConnectionException(0): Parameter 'hosts' entry 0 is not a valid host: [::1.
AMQPConnectionException(0): Parameter 'hosts' entry 0 is not a valid host: [::1]5672.
AMQPConnectionException(0): Parameter 'hosts' entry 0 is not a valid host: a b.
AMQPConnectionException(0): Parameter 'hosts' entry 0 is not a valid host (no user info or NUL bytes allowed).
AMQPConnectionException(0): Parameter 'hosts' entry 0 is not a valid host (no user info or NUL bytes allowed).
AMQPConnectionException(0): Parameter 'hosts' entry 0 exceeds 512 character limit.
AMQPConnectionException(0): Parameter 'hosts' entry 0 must have a 'host' string.
AMQPConnectionException(0): Parameter 'hosts' entry 0 has an invalid port: 70000.
AMQPConnectionException(0): Parameter 'hosts' entry 0 has an invalid port: 5x.
AMQPConnectionException(0): Parameter 'hosts' entry 0 has an invalid port: float.
AMQPConnectionException(0): Parameter 'hosts' entry 0 is not a valid host: h:5672.
AMQPConnectionException(0): Parameter 'hosts' entry 0 has an empty host.
-- valid forms
::1 5673
::1 5999
::1 5999
::1 5674
example.org 5999
Example-1.org 1
512 5999
example.com
-- shuffle_hosts: PHP's shuffle() order, reproducible with mt_srand()
bool(true)
n1.example
-- var_dump: the peer's properties, host/port of the current node
bool(true)
int(18)
-- setHost()/setPort() change the current node only
string(9) "127.0.0.1"
bool(true)
string(9) "localhost"
bool(true)
-- reconnect(): stays on a healthy node, moves on after a lost connection
127.0.0.1
127.0.0.1
320 bool(false)
bool(true)
bool(true)
320 bool(false)
bool(true)
bool(true)
127.0.0.1
-- pconnect(): one pooled connection per set of nodes, whatever their order
bool(true)
string(9) "localhost"
AMQPConnectionException(0): There are already established persistent connection to the same resource.
bool(true)
string(9) "localhost"
bool(true)
int(0)
AMQPQueueException(405): Server channel error: 405, message: RESOURCE_LOCKED - cannot obtain exclusive access to locked queue '%s' in vhost '/'.%s
-- preconnect() after a lost connection moves on
127.0.0.1
320
bool(true)
string(9) "localhost"

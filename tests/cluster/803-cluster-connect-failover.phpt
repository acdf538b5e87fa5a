--TEST--
Cluster: with 'hosts', connect() skips a dead node and getHost()/getPort() report the node in use; reconnect() after the node in use is lost moves on to the next one
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_cluster.inc';
register_shutdown_function('mq_cluster_restore');
$host = mq_cluster_env('MQ_CLUSTER_HOST');
$port = fn(int $n) => (int) mq_cluster_env("MQ_CLUSTER_PORT$n");
$creds = array_replace(mq_cluster_credentials(1, ['connect_timeout' => 5, 'read_timeout' => 30, 'rpc_timeout' => 30]), [
    'hosts' => ["$host:" . $port(1), "$host:" . $port(2), "$host:" . $port(3)],
]);

mq_cluster_kill(1);
$c = new AMQPConnection($creds);
$c->connect();
echo "node 1 dead -> connected to node 2: ", var_export($c->getPort() === $port(2) && $c->getHost() === $host, true), "\n";
$q = new AMQPQueue(new AMQPChannel($c));
$q->setFlags(AMQP_EXCLUSIVE);
$q->declareQueue();
echo "usable: ", var_export($c->isConnected(), true), "\n";

// node 2 dies too: the connection is lost, reconnect() moves on to node 3
mq_cluster_kill(2);
try {
    $q->declareQueue();
    echo "declare worked on a dead node\n";
} catch (AMQPException $e) {
    echo "lost: ", get_class($e), "\n";
}
$c->reconnect();
echo "reconnected to node 3: ", var_export($c->getPort() === $port(3), true), "\n";
$q2 = new AMQPQueue(new AMQPChannel($c));
$q2->setFlags(AMQP_EXCLUSIVE);
$q2->declareQueue();
echo "usable: ", var_export($c->isConnected(), true), "\n";
$c->disconnect();

// every node down but node 3, which is not first: connect() still finds it
$c2 = new AMQPConnection($creds);
$c2->connect();
echo "fresh connect finds node 3: ", var_export($c2->getPort() === $port(3), true), "\n";
$c2->disconnect();
?>
--EXPECT--
node 1 dead -> connected to node 2: true
usable: true
lost: AMQPConnectionException
reconnected to node 3: true
usable: true
fresh connect finds node 3: true

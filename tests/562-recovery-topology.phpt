--TEST--
Recovery (mq extension): exchanges, queues (a server-named exclusive one gets a new name), bindings and consumers declared on the connection come back in order; deleted and unbound ones do not; passive declares are not recorded
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';
require __DIR__ . '/_faults.inc';

$log = [];
$c = mq_fault_connect(['recovery' => true, 'recovery_interval' => 0.1, 'read_timeout' => 10]);
$c->setRecoveryCallback(function (string $event, array $info) use (&$log) {
    $log[] = [$event, $info];
});
$ch = new AMQPChannel($c);
$src = mq_test_name('mq-rec-src-');
$dst = mq_test_name('mq-rec-dst-');
$gone = mq_test_name('mq-rec-gone-');
foreach ([$src => AMQP_EX_TYPE_FANOUT, $dst => AMQP_EX_TYPE_DIRECT, $gone => AMQP_EX_TYPE_DIRECT] as $n => $t) {
    $x = new AMQPExchange($ch);
    $x->setName($n);
    $x->setType($t);
    $x->setFlags(AMQP_AUTODELETE);
    $x->declareExchange();
}
$dx = new AMQPExchange($ch);
$dx->setName($dst);
$dx->bind($src, '');                    // exchange-to-exchange
(new AMQPExchange($ch))->delete($gone); // deleted: not recovered

// a server-named exclusive queue bound twice, one binding removed again
$q = new AMQPQueue($ch);
$q->setFlags(AMQP_EXCLUSIVE);
$q->declareQueue();
$old = $q->getName();
$q->bind($dst, 'k1');
$q->bind($dst, 'k2');
$q->unbind($dst, 'k2');
// a passive declare of it is not recorded a second time
$p = new AMQPQueue($ch);
$p->setName($old);
$p->setFlags(AMQP_PASSIVE);
$p->declareQueue();
$q->consume(null, AMQP_NOPARAM, 'mq-rec-consumer');

mq_test_ctl('close_connection', mq_fault_conn_pid($c), 'mq recovery test');
usleep(300000);

// the next call on the channel recovers first, then publishes
$sx = new AMQPExchange($ch);
$sx->setName($src);
$sx->publish('through both exchanges', 'k1');
$sx->publish('not routed: binding removed', 'k2');

foreach ($log as [$event, $info]) {
    switch ($event) {
    case 'exchange':
        echo "exchange ", $info['exchange'] === $src ? 'src' : ($info['exchange'] === $dst ? 'dst' : 'other'), "\n";
        break;
    case 'queue':
        echo "queue renamed: ", var_export($info['previous'] === $old && $info['queue'] !== $old, true), "\n";
        $new = $info['queue'];
        break;
    case 'binding':
        echo "binding {$info['type']} ", $info['source'] === $src ? 'src' : 'dst', ' -> ',
            $info['destination'] === $dst ? 'dst' : ($info['destination'] === $new ? 'new queue' : 'other'),
            " '{$info['routing_key']}'\n";
        break;
    case 'consumer':
        echo "consumer {$info['consumer_tag']} on new queue: ", var_export($info['queue'] === $new, true), "\n";
        break;
    default:
        echo "$event\n";
    }
}
echo "queue object follows: ", var_export($q->getName() === $new, true), "\n";
$got = [];
$q->consume(function (AMQPEnvelope $e) use (&$got) {
    $got[] = $e->getBody();
    return false;
}, AMQP_JUST_CONSUME | AMQP_AUTOACK);
print_r($got);
$c->disconnect();
?>
--EXPECT--
lost
connected
channel
exchange src
exchange dst
binding exchange src -> dst ''
queue renamed: true
binding queue dst -> new queue 'k1'
consumer mq-rec-consumer on new queue: true
recovered
queue object follows: true
Array
(
    [0] => through both exchanges
)

--TEST--
re-entrancy: a recovery callback that constructs its AMQPConnection again while the recovery runs gets a clear AMQPConnectionException; the recovery and the consume() loop go on unharmed
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';
require __DIR__ . '/_faults.inc';
// An ack made right after the forced close either still reaches the old
// connection or finds it gone (then recovers it first, and the stale tag is
// dropped with a notice): that depends on when the broker's connection.close
// arrives, so the test leaves those two notices out of its output.
set_error_handler(function (int $no, string $msg) {
    return $no === E_NOTICE && (str_contains($msg, 'is from before the connection was recovered')
        || str_contains($msg, 'The connection was lost and recovered'));
});

$tried = false;
$c = mq_fault_connect(['recovery' => true, 'recovery_interval' => 0.1, 'read_timeout' => 20]);
$c->setRecoveryCallback(function (string $event, array $info) use (&$c, &$tried) {
    if (!$tried) {
        $tried = true;
        try {
            $c->__construct(mq_test_credentials(['recovery' => true]));
            echo "constructed during the recovery\n";
        } catch (AMQPConnectionException $e) {
            echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n";
        }
    }
});
$ch = new AMQPChannel($c);
$ch->setPrefetchCount(4);
$q = new AMQPQueue($ch);
$q->setName(mq_test_name('mq-rec-reentry-'));
$q->setFlags(AMQP_DURABLE); // outlives the closed connection
$q->declareQueue();
$ex = new AMQPExchange($ch);
for ($i = 1; $i <= 12; $i++) {
    $ex->publish("m$i", $q->getName());
}
$pid = mq_fault_conn_pid($c);
$seen = [];
$q->consume(function (AMQPEnvelope $env, AMQPQueue $queue) use (&$seen, $pid) {
    $seen[$env->getBody()] = true;
    if (count($seen) === 3 && !isset($GLOBALS['closed'])) {
        $GLOBALS['closed'] = true;
        mq_test_ctl('close_connection', $pid, 'mq re-entrancy test');
        usleep(200000);
    }
    $queue->ack($env->getDeliveryTag());
    return count($seen) < 12;
});
echo count($seen), " messages\n";
var_dump($c->isConnected(), $ch->isConnected());
$q->delete();
?>
--EXPECT--
AMQPConnectionException(0): AMQPConnection::__construct() cannot be called while the connection is being recovered.
12 messages
bool(true)
bool(true)

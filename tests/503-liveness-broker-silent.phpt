--TEST--
liveness: a broker that goes silent (its VM stopped with SIGSTOP) is detected within 2 heartbeat intervals (+ slack) during consume(), get(), waitForConfirm() and a publish loop, with and without heartbeat_thread: AMQPConnectionException "heartbeat timeout, connection closed", isConnected() false; reconnect() works after SIGCONT
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
posix
--CONFLICTS--
broker
--FILE--
<?php
require __DIR__ . '/_broker.inc';
require __DIR__ . '/_proxy.inc';

$pid = (int) mq_test_env('MQ_TEST_BROKER_PID');
$stopped = false;
/* Resumes the broker and waits until it answers again. */
function resume(): void {
    global $pid, $stopped;
    posix_kill($pid, SIGCONT);
    $stopped = false;
    for ($until = microtime(true) + 60; microtime(true) < $until; usleep(200000)) {
        try {
            $c = new AMQPConnection(mq_test_credentials(['connect_timeout' => 2, 'rpc_timeout' => 2]));
            $c->connect();
            $c->disconnect();
            return;
        } catch (AMQPException $e) {
        }
    }
    echo "broker did not come back\n";
}
// whatever happens (failed assertion, fatal error), the node is resumed
register_shutdown_function(function () { global $stopped, $pid; if ($stopped) { resume(); } else { posix_kill($pid, SIGCONT); } });

const HB = 1;
$limit = 2 * HB + (mq_test_slow() ? 8.0 : 1.5);

$t = 0.0;
function stop_broker(): void {
    global $pid, $stopped, $t;
    $stopped = true;
    mq_test_broker_stop($pid); // returns once no broker thread runs
    $t = microtime(true);
}

/* Runs $op with the broker stopped (by $op itself when $self_stop). */
function check(string $what, AMQPConnection $conn, callable $op, bool $self_stop = false): void {
    global $stopped, $limit, $t;
    if (!$self_stop) {
        stop_broker();
    }
    try {
        $op();
        echo "$what: no exception\n";
    } catch (AMQPException $e) {
        $el = microtime(true) - $t;
        echo "$what: ", get_class($e), ': ', $e->getMessage(), "\n";
        if ($el > $limit || $el < HB) {
            printf("%s: detected after %.3f s, want %.1f..%.1f s\n", $what, $el, HB, $limit);
        }
    }
    var_dump($conn->isConnected());
    resume();
    $conn->reconnect();
    var_dump($conn->isConnected());
    $conn->disconnect();
}

foreach ([false, true] as $thread) {
    echo "-- heartbeat_thread ", var_export($thread, true), "\n";
    $conn = mq_test_connection(['heartbeat' => HB, 'heartbeat_thread' => $thread]);
    $q = new AMQPQueue(new AMQPChannel($conn));
    $q->setFlags(AMQP_EXCLUSIVE);
    $q->declareQueue();
    check('consume (basic.consume)', $conn, fn() => $q->consume(fn() => false));

    $conn = mq_test_connection(['heartbeat' => HB, 'heartbeat_thread' => $thread]);
    $q = new AMQPQueue(new AMQPChannel($conn));
    $q->setFlags(AMQP_EXCLUSIVE);
    $q->declareQueue();
    (new AMQPExchange(new AMQPChannel($conn)))->publish('m', $q->getName());
    check('consume (delivery loop)', $conn, fn() => $q->consume(function () {
        stop_broker(); // then wait for the next message
        return true;
    }), true);

    $conn = mq_test_connection(['heartbeat' => HB, 'heartbeat_thread' => $thread]);
    $q = new AMQPQueue(new AMQPChannel($conn));
    $q->setFlags(AMQP_EXCLUSIVE);
    $q->declareQueue();
    check('get', $conn, fn() => $q->get());

    $conn = mq_test_connection(['heartbeat' => HB, 'heartbeat_thread' => $thread]);
    $ch = new AMQPChannel($conn);
    $ch->confirmSelect();
    $ch->setConfirmCallback(fn() => false, fn() => false);
    $ex = new AMQPExchange($ch);
    $ex->publish('x', 'mq-nowhere');
    $ch->waitForConfirm(5);
    check('waitForConfirm', $conn, function () use ($ch, $ex) {
        $ex->publish('y', 'mq-nowhere');
        $ch->waitForConfirm(30);
    });

    $conn = mq_test_connection(['heartbeat' => HB, 'heartbeat_thread' => $thread]);
    $ex = new AMQPExchange(new AMQPChannel($conn));
    $ex->publish('x', 'mq-nowhere');
    check('publish', $conn, function () use ($ex) {
        for ($until = microtime(true) + 30; microtime(true) < $until; usleep(20000)) {
            $ex->publish(str_repeat('p', 1000), 'mq-nowhere');
        }
    });
}
?>
--EXPECT--
-- heartbeat_thread false
consume (basic.consume): AMQPConnectionException: heartbeat timeout, connection closed
bool(false)
bool(true)
consume (delivery loop): AMQPConnectionException: heartbeat timeout, connection closed
bool(false)
bool(true)
get: AMQPConnectionException: heartbeat timeout, connection closed
bool(false)
bool(true)
waitForConfirm: AMQPConnectionException: heartbeat timeout, connection closed
bool(false)
bool(true)
publish: AMQPConnectionException: heartbeat timeout, connection closed
bool(false)
bool(true)
-- heartbeat_thread true
consume (basic.consume): AMQPConnectionException: heartbeat timeout, connection closed
bool(false)
bool(true)
consume (delivery loop): AMQPConnectionException: heartbeat timeout, connection closed
bool(false)
bool(true)
get: AMQPConnectionException: heartbeat timeout, connection closed
bool(false)
bool(true)
waitForConfirm: AMQPConnectionException: heartbeat timeout, connection closed
bool(false)
bool(true)
publish: AMQPConnectionException: heartbeat timeout, connection closed
bool(false)
bool(true)

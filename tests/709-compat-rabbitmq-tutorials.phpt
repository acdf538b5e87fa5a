--TEST--
php-amqp 2.x compat: RabbitMQ tutorial flows (hello world, work queues, pub/sub, routing, topics, RPC)
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
/* php-amqp 2.x compatibility: the RabbitMQ tutorial flows written for the
 * amqp extension: hello world, work queues (prefetch 1, persistent, ack),
 * publish/subscribe (fanout, exclusive server-named queues), routing
 * (direct), topics, RPC (reply_to, correlation_id). */
require __DIR__ . '/_broker.inc';
$c = mq_test_connection(['read_timeout' => 10]);
$ch = new AMQPChannel($c);
$dx = new AMQPExchange($ch);                 // default exchange

echo "-- 1 hello world\n";
$hello = new AMQPQueue($ch);
$hello->setName(mq_test_name('hello-'));
var_dump($hello->declareQueue());
$dx->publish('Hello World!', $hello->getName());
$hello->consume(function (AMQPEnvelope $env, AMQPQueue $q) {
    echo " [x] Received ", $env->getBody(), "\n";
    return false;
}, AMQP_AUTOACK);
$hello->cancel();
var_dump($hello->getConsumerTag(), $ch->getConsumers());
$hello->delete();

echo "-- 2 work queues\n";
$ch->setPrefetchCount(1);
$tasks = new AMQPQueue($ch);
$tasks->setName(mq_test_name('task_queue-'));
$tasks->setFlags(AMQP_DURABLE);
$tasks->declareQueue();
foreach (['First message.', 'Second message..', 'Third message...'] as $m) {
    $dx->publish($m, $tasks->getName(), AMQP_NOPARAM, ['delivery_mode' => AMQP_DELIVERY_MODE_PERSISTENT]);
}
$n = 0;
$tasks->consume(function (AMQPEnvelope $env, AMQPQueue $q) use (&$n) {
    echo " [x] Received ", $env->getBody(), ' dm=', $env->getDeliveryMode(), ' tag=', $env->getDeliveryTag(), "\n";
    $q->ack($env->getDeliveryTag());
    return ++$n < 3;
});
$tasks->cancel();
var_dump($tasks->delete());

echo "-- 3 publish/subscribe\n";
$logs = new AMQPExchange($ch);
$logs->setName(mq_test_name('logs-'));
$logs->setType(AMQP_EX_TYPE_FANOUT);
$logs->setFlags(AMQP_AUTODELETE);
$logs->declareExchange();
$subs = [];
for ($i = 0; $i < 2; $i++) {
    $q = new AMQPQueue($ch);
    $q->setFlags(AMQP_EXCLUSIVE);
    $q->declareQueue();
    var_dump(str_starts_with($q->getName(), 'amq.gen-'));
    $q->bind($logs->getName());
    $subs[] = $q;
}
$logs->publish('info: Hello World!');
foreach ($subs as $q) { $q->consume(null); }
$seen = [];
$subs[0]->consume(function (AMQPEnvelope $env, AMQPQueue $q) use (&$seen, $subs, $logs) {
    $seen[] = " [x] " . $env->getBody() . ' via ' . ($q === $subs[0] ? 'sub0' : 'sub1') . ' ex=' . ($env->getExchangeName() === $logs->getName() ? 'logs' : '?');
    $q->ack($env->getDeliveryTag());
    return count($seen) < 2;
}, AMQP_JUST_CONSUME);
sort($seen);
echo implode("\n", $seen), "\n";
foreach ($subs as $q) { $q->cancel(); }

echo "-- 4 routing\n";
$direct = new AMQPExchange($ch);
$direct->setName(mq_test_name('direct_logs-'));
$direct->setType(AMQP_EX_TYPE_DIRECT);
$direct->setFlags(AMQP_AUTODELETE);
$direct->declareExchange();
$q = new AMQPQueue($ch);
$q->setFlags(AMQP_EXCLUSIVE);
$q->declareQueue();
foreach (['warning', 'error'] as $sev) { $q->bind($direct->getName(), $sev); }
foreach (['info', 'warning', 'error'] as $sev) { $direct->publish("$sev msg", $sev); }
$got = 0;
for ($i = 0; $i < 500 && $got < 2; $i++) {
    if ($e = $q->get(AMQP_AUTOACK)) { echo " [x] ", $e->getRoutingKey(), ':', $e->getBody(), "\n"; $got++; } else { usleep(10000); }
}
var_dump($q->get());

echo "-- 5 topics\n";
$topic = new AMQPExchange($ch);
$topic->setName(mq_test_name('topic_logs-'));
$topic->setType(AMQP_EX_TYPE_TOPIC);
$topic->setFlags(AMQP_AUTODELETE);
$topic->declareExchange();
$q = new AMQPQueue($ch);
$q->setFlags(AMQP_EXCLUSIVE);
$q->declareQueue();
$q->bind($topic->getName(), '*.critical');
$q->bind($topic->getName(), 'kern.#');
foreach (['kern.info', 'app.critical', 'app.info', 'kern.disk.critical'] as $rk) { $topic->publish("m $rk", $rk); }
$n = 0;
$q->consume(function (AMQPEnvelope $env, AMQPQueue $q) use (&$n) {
    echo " [x] ", $env->getRoutingKey(), ':', $env->getBody(), "\n";
    return ++$n < 3;
}, AMQP_AUTOACK);
$q->cancel();

echo "-- 6 rpc\n";
$rpcName = mq_test_name('rpc_queue-');
$server = new AMQPQueue(new AMQPChannel($c));
$server->setName($rpcName);
$server->declareQueue();
$cb = new AMQPQueue($ch);
$cb->setFlags(AMQP_EXCLUSIVE);
$cb->declareQueue();
$corr = uniqid();
$dx->publish('30', $rpcName, AMQP_NOPARAM, ['correlation_id' => $corr, 'reply_to' => $cb->getName()]);
$fib = function ($n) use (&$fib) { return $n < 2 ? $n : $fib($n - 1) + $fib($n - 2); };
$server->consume(function (AMQPEnvelope $req, AMQPQueue $q) use ($fib) {
    $rx = new AMQPExchange($q->getChannel());
    $rx->publish((string) $fib((int) $req->getBody()), $req->getReplyTo(), AMQP_NOPARAM, ['correlation_id' => $req->getCorrelationId()]);
    $q->ack($req->getDeliveryTag());
    return false;
});
$cb->consume(function (AMQPEnvelope $res) use ($corr) {
    if ($res->getCorrelationId() === $corr) { echo " [.] Got ", $res->getBody(), "\n"; return false; }
}, AMQP_AUTOACK);
$server->cancel();
$server->delete();
echo "done\n";
--EXPECTF--
-- 1 hello world
int(0)
 [x] Received Hello World!
NULL
array(0) {
}
-- 2 work queues
 [x] Received First message. dm=2 tag=2
 [x] Received Second message.. dm=2 tag=3
 [x] Received Third message... dm=2 tag=4
int(0)
-- 3 publish/subscribe
bool(true)
bool(true)
 [x] info: Hello World! via sub0 ex=logs
 [x] info: Hello World! via sub1 ex=logs
-- 4 routing
 [x] warning:warning msg
 [x] error:error msg
NULL
-- 5 topics
 [x] kern.info:m kern.info
 [x] app.critical:m app.critical
 [x] kern.disk.critical:m kern.disk.critical
-- 6 rpc
 [.] Got 832040
done

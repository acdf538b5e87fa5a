--TEST--
AMQPChannel returns: waitForBasicReturn() and waitForConfirm() hand basic.return to the return callback (arguments, properties, binary body), unhandled notice, acks queued while waiting for returns (§7.7)
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';
$c = mq_test_connection();
$ch = new AMQPChannel($c);
$x = new AMQPExchange($ch);
$rk = mq_test_name('nowhere.');
$ch->setReturnCallback(function (int $replyCode, string $replyText, string $exchange, string $routingKey,
                                 AMQPBasicProperties $properties, string $body) use ($rk) {
    echo "return $replyCode $replyText exchange='$exchange' rk-ok=", var_export($routingKey === $rk, true),
         ' body=', bin2hex($body), ' type=', $properties->getContentType(), ' id=', $properties->getMessageId(),
         ' headers=', json_encode($properties->getHeaders()), ' mode=', $properties->getDeliveryMode(), "\n";
    return false;
});
$x->publish("a\0b", $rk, AMQP_MANDATORY, ['content_type' => 'application/x-test', 'message_id' => 'm-1',
                                         'headers' => ['h' => 1], 'delivery_mode' => 2]);
$ch->waitForBasicReturn(5);

echo "-- not mandatory: nothing comes back\n";
$x->publish('dropped', $rk);
try {
    $ch->waitForBasicReturn(0.5);
} catch (AMQPQueueException $e) {
    echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n";
}

echo "-- no return callback\n";
$ch->setReturnCallback(null);
$x->publish('m2', $rk, AMQP_MANDATORY);
$ch->waitForBasicReturn(5);
echo "returned\n";

echo "-- confirm mode: the return, then the ack\n";
$ch->confirmSelect();
$events = [];
$ch->setReturnCallback(function ($code, $text, $ex, $key, $props, $body) use (&$events) {
    $events[] = "return $body";
});
$ch->setConfirmCallback(function (int $tag) use (&$events) {
    $events[] = "ack $tag";
    return false;
});
$x->publish('m3', $rk, AMQP_MANDATORY);
$ch->waitForConfirm(5);
print_r($events);

echo "-- waiting for returns only: the ack is kept for later\n";
$events = [];
$ch->setReturnCallback(function ($code, $text, $ex, $key, $props, $body) use (&$events) {
    $events[] = "return $body";
    return false;
});
$x->publish('m4', $rk, AMQP_MANDATORY);
$ch->waitForBasicReturn(5);
$ch->waitForConfirm(5);
print_r($events);
var_dump($ch->isConnected(), $c->isConnected());

echo "-- a throwing return callback\n";
$ch->setReturnCallback(function () { throw new DomainException('from return'); });
$x->publish('m5', $rk, AMQP_MANDATORY);
try {
    $ch->waitForBasicReturn(5);
} catch (DomainException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
var_dump($ch->isConnected());
?>
--EXPECTF--
return 312 NO_ROUTE exchange='' rk-ok=true body=610062 type=application/x-test id=m-1 headers={"h":1} mode=2
-- not mandatory: nothing comes back
AMQPQueueException(0): Wait timeout exceed
-- no return callback

Notice: Unhandled basic.return method from server received. Use AMQPChannel::setReturnCallback() to process it. in %s on line %d
returned
-- confirm mode: the return, then the ack
Array
(
    [0] => return m3
    [1] => ack 1
)
-- waiting for returns only: the ack is kept for later
Array
(
    [0] => return m4
    [1] => ack 2
)
bool(true)
bool(true)
-- a throwing return callback
DomainException: from return
bool(true)

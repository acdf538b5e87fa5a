--TEST--
AMQPQueue: constructor never ran -> "Stale reference to the channel object." per method context; argument type errors
--EXTENSIONS--
amqp
--FILE--
<?php
function ex(Throwable $e) {
    echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n";
    if ($p = $e->getPrevious()) {
        echo '  previous ', get_class($p), ': ', $p->getMessage(), "\n";
    }
}
class Q extends AMQPQueue { public function __construct() {} }
$q = new Q();
$q->setName('q');
$calls = [
    'declareQueue' => fn() => $q->declareQueue(),
    'declare' => fn() => $q->declare(),
    'bind' => fn() => $q->bind('ex', 'rk'),
    'unbind' => fn() => $q->unbind('ex', 'rk'),
    'get' => fn() => $q->get(),
    'consume' => fn() => $q->consume(fn() => false),
    'ack' => fn() => $q->ack(1),
    'nack' => fn() => $q->nack(1),
    'reject' => fn() => $q->reject(1),
    'recover' => fn() => $q->recover(),
    'purge' => fn() => $q->purge(),
    'cancel' => fn() => $q->cancel('tag'),
    'delete' => fn() => $q->delete(),
];
foreach ($calls as $name => $call) {
    echo "$name: ";
    try { $call(); echo "no exception\n"; } catch (Throwable $e) { ex($e); }
}
foreach (['getChannel', 'getConnection'] as $m) {
    try { $q->$m(); } catch (Error $e) { ex($e); }
}

echo "-- declare(\$name) validates the name before the channel\n";
try { $q->declareQueue(''); } catch (Throwable $e) { ex($e); }
try { $q->declare(str_repeat('n', 256)); } catch (Throwable $e) { ex($e); }
var_dump($q->getName());
try { $q->declareQueue('other'); } catch (Throwable $e) { ex($e); }
var_dump($q->getName());

echo "-- shortstr limits are checked before the channel (docs/compatibility.md §7.16)\n";
$long = str_repeat('l', 256);
try { $q->bind($long); } catch (Throwable $e) { ex($e); }
try { $q->unbind('ex', $long); } catch (Throwable $e) { ex($e); }
try { $q->consume(null, AMQP_NOPARAM, $long); } catch (Throwable $e) { ex($e); }
try { $q->cancel($long); } catch (Throwable $e) { ex($e); }
try { $q->bind(str_repeat('l', 255), str_repeat('k', 255)); } catch (Throwable $e) { ex($e); }

echo "-- constructor argument\n";
foreach (['x', new stdClass(), null] as $arg) {
    try { new AMQPQueue($arg); } catch (TypeError $e) { ex($e); }
}
try { new AMQPQueue(); } catch (ArgumentCountError $e) { ex($e); }
try { $q->ack('x'); } catch (TypeError $e) { ex($e); }
try { $q->setFlags('x'); } catch (TypeError $e) { ex($e); }
?>
--EXPECT--
declareQueue: AMQPChannelException(0): Could not declare queue. Stale reference to the channel object.
  previous Error: Typed property AMQPQueue::$channel must not be accessed before initialization
declare: AMQPChannelException(0): Could not declare queue. Stale reference to the channel object.
  previous Error: Typed property AMQPQueue::$channel must not be accessed before initialization
bind: AMQPChannelException(0): Could not bind queue. Stale reference to the channel object.
  previous Error: Typed property AMQPQueue::$channel must not be accessed before initialization
unbind: AMQPChannelException(0): Could not unbind queue. Stale reference to the channel object.
  previous Error: Typed property AMQPQueue::$channel must not be accessed before initialization
get: AMQPChannelException(0): Could not get messages from queue. Stale reference to the channel object.
  previous Error: Typed property AMQPQueue::$channel must not be accessed before initialization
consume: AMQPChannelException(0): Could not get channel. Stale reference to the channel object.
  previous Error: Typed property AMQPQueue::$channel must not be accessed before initialization
ack: AMQPChannelException(0): Could not ack message. Stale reference to the channel object.
  previous Error: Typed property AMQPQueue::$channel must not be accessed before initialization
nack: AMQPChannelException(0): Could not nack message. Stale reference to the channel object.
  previous Error: Typed property AMQPQueue::$channel must not be accessed before initialization
reject: AMQPChannelException(0): Could not reject message. Stale reference to the channel object.
  previous Error: Typed property AMQPQueue::$channel must not be accessed before initialization
recover: AMQPChannelException(0): Could not recover messages. Stale reference to the channel object.
  previous Error: Typed property AMQPQueue::$channel must not be accessed before initialization
purge: AMQPChannelException(0): Could not purge queue. Stale reference to the channel object.
  previous Error: Typed property AMQPQueue::$channel must not be accessed before initialization
cancel: AMQPChannelException(0): Could not cancel queue. Stale reference to the channel object.
  previous Error: Typed property AMQPQueue::$channel must not be accessed before initialization
delete: AMQPChannelException(0): Could not delete queue. Stale reference to the channel object.
  previous Error: Typed property AMQPQueue::$channel must not be accessed before initialization
Error(0): Typed property AMQPQueue::$channel must not be accessed before initialization
Error(0): Typed property AMQPQueue::$connection must not be accessed before initialization
-- declare($name) validates the name before the channel
AMQPQueueException(0): Invalid queue name given, must be between 1 and 255 characters long.
AMQPQueueException(0): Invalid queue name given, must be between 1 and 255 characters long.
string(1) "q"
AMQPChannelException(0): Could not declare queue. Stale reference to the channel object.
  previous Error: Typed property AMQPQueue::$channel must not be accessed before initialization
string(5) "other"
-- shortstr limits are checked before the channel (docs/compatibility.md §7.16)
AMQPQueueException(0): Could not bind queue. The exchange name must not be longer than 255 bytes.
AMQPQueueException(0): Could not unbind queue. The routing key must not be longer than 255 bytes.
AMQPQueueException(0): Could not get channel. The consumer tag must not be longer than 255 bytes.
AMQPQueueException(0): Could not cancel queue. The consumer tag must not be longer than 255 bytes.
AMQPChannelException(0): Could not bind queue. Stale reference to the channel object.
  previous Error: Typed property AMQPQueue::$channel must not be accessed before initialization
-- constructor argument
TypeError(0): AMQPQueue::__construct(): Argument #1 ($channel) must be of type AMQPChannel, string given
TypeError(0): AMQPQueue::__construct(): Argument #1 ($channel) must be of type AMQPChannel, stdClass given
TypeError(0): AMQPQueue::__construct(): Argument #1 ($channel) must be of type AMQPChannel, null given
ArgumentCountError(0): AMQPQueue::__construct() expects exactly 1 argument, 0 given
TypeError(0): AMQPQueue::ack(): Argument #1 ($deliveryTag) must be of type int, string given
TypeError(0): AMQPQueue::setFlags(): Argument #1 ($flags) must be of type ?int, string given

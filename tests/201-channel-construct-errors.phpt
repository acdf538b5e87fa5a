--TEST--
AMQPChannel::__construct() failures: a wrong argument gives AMQPChannelException with the TypeError/ArgumentCountError as previous; no connection; the ini prefetch values are stored before the connection check
--EXTENSIONS--
amqp
--INI--
amqp.prefetch_count=7
amqp.prefetch_size=1024
amqp.global_prefetch_count=9
amqp.global_prefetch_size=2048
--FILE--
<?php
function attempt(...$args) {
    try {
        new AMQPChannel(...$args);
        echo "constructed\n";
    } catch (AMQPException $e) {
        echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n";
        $p = $e->getPrevious();
        if ($p) {
            echo '  previous ', get_class($p), ': ', $p->getMessage(), "\n";
        }
    }
}
attempt('amqp://localhost');
attempt(null);
attempt(42);
attempt(new stdClass());
attempt();
attempt(new AMQPConnection(), 1);
attempt(new AMQPConnection());

echo "-- the object keeps what was stored before the failure\n";
class MyChannel extends AMQPChannel {
    public function __construct(AMQPConnection $c) {
        try {
            parent::__construct($c);
        } catch (AMQPConnectionException $e) {
            echo get_class($e), ': ', $e->getMessage(), "\n";
        }
    }
}
$conn = new AMQPConnection();
$ch = new MyChannel($conn);
var_dump($ch->getPrefetchCount(), $ch->getPrefetchSize(), $ch->getGlobalPrefetchCount(), $ch->getGlobalPrefetchSize());
var_dump($ch->getConnection() === $conn, $ch->getConsumers(), $ch->isConnected(), $ch->getChannelId());
try {
    $ch->setPrefetchCount(1);
} catch (AMQPException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
try {
    $ch->startTransaction();
} catch (AMQPException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
$ch->close();
var_dump($ch);
?>
--EXPECTF--
AMQPChannelException(0): Parameter must be an instance of AMQPConnection.
  previous TypeError: AMQPChannel::__construct(): Argument #1 ($connection) must be of type AMQPConnection, string given
AMQPChannelException(0): Parameter must be an instance of AMQPConnection.
  previous TypeError: AMQPChannel::__construct(): Argument #1 ($connection) must be of type AMQPConnection, null given
AMQPChannelException(0): Parameter must be an instance of AMQPConnection.
  previous TypeError: AMQPChannel::__construct(): Argument #1 ($connection) must be of type AMQPConnection, int given
AMQPChannelException(0): Parameter must be an instance of AMQPConnection.
  previous TypeError: AMQPChannel::__construct(): Argument #1 ($connection) must be of type AMQPConnection, stdClass given
AMQPChannelException(0): Parameter must be an instance of AMQPConnection.
  previous ArgumentCountError: AMQPChannel::__construct() expects exactly 1 argument, 0 given
AMQPChannelException(0): Parameter must be an instance of AMQPConnection.
  previous ArgumentCountError: AMQPChannel::__construct() expects exactly 1 argument, 2 given
AMQPConnectionException(0): Could not create channel. No connection available.
-- the object keeps what was stored before the failure
AMQPConnectionException: Could not create channel. No connection available.
int(7)
int(1024)
int(9)
int(2048)
bool(true)
array(0) {
}
bool(false)
int(0)
AMQPChannelException: Could not set prefetch count. Stale reference to the channel object.
AMQPChannelException: Could not start the transaction. Stale reference to the channel object.
object(MyChannel)#%d (6) {
  ["connection":"AMQPChannel":private]=>
  object(AMQPConnection)#%d (18) {
%A
  }
  ["prefetchCount":"AMQPChannel":private]=>
  int(7)
  ["prefetchSize":"AMQPChannel":private]=>
  int(1024)
  ["globalPrefetchCount":"AMQPChannel":private]=>
  int(9)
  ["globalPrefetchSize":"AMQPChannel":private]=>
  int(2048)
  ["consumers":"AMQPChannel":private]=>
  array(0) {
  }
}

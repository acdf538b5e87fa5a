--TEST--
php-amqp 2.x compat: var_dump/print_r/(array) of fresh AMQPChannel, AMQPQueue, AMQPExchange, AMQPBasicProperties, AMQPEnvelope, AMQPDecimal, AMQPTimestamp, exceptions
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
/* php-amqp 2.x compatibility: var_dump()/print_r()/(array) of fresh objects
 * (§1.3: private typed properties, declaration order, defaults). */
require __DIR__ . '/_broker.inc';
function keys($o) { return array_map(fn($k) => str_replace("\0", '\0', $k), array_keys((array) $o)); }
$c = mq_test_connection();
$ch = new AMQPChannel($c);
$q = new AMQPQueue($ch);
$x = new AMQPExchange($ch);
var_dump($ch, $q, $x);
print_r($x);
echo "\n";
var_dump(keys($ch), keys($q), keys($x));
var_dump(new AMQPBasicProperties(), new AMQPEnvelope(), new AMQPDecimal(2, 314), new AMQPTimestamp(1700000000.9));
print_r(new AMQPEnvelope());
echo "\n";
var_dump(keys(new AMQPEnvelope()));
$e = new AMQPEnvelopeException('orphan', 7);
var_dump(array_slice(keys($e), -1));
var_dump(new AMQPValueException('v'));
--EXPECTF--
object(AMQPChannel)#%d (6) {
  ["connection":"AMQPChannel":private]=>
  object(AMQPConnection)#%d (18) {
    ["login":"AMQPConnection":private]=>
    string(5) "guest"
    ["password":"AMQPConnection":private]=>
    string(8) "********"
    ["host":"AMQPConnection":private]=>
    string(%d) "%s"
    ["vhost":"AMQPConnection":private]=>
    string(1) "/"
    ["port":"AMQPConnection":private]=>
    int(%d)
    ["readTimeout":"AMQPConnection":private]=>
    float(0)
    ["writeTimeout":"AMQPConnection":private]=>
    float(0)
    ["connectTimeout":"AMQPConnection":private]=>
    float(0)
    ["rpcTimeout":"AMQPConnection":private]=>
    float(0)
    ["frameMax":"AMQPConnection":private]=>
    int(131072)
    ["channelMax":"AMQPConnection":private]=>
    int(256)
    ["heartbeat":"AMQPConnection":private]=>
    int(0)
    ["cacert":"AMQPConnection":private]=>
    NULL
    ["key":"AMQPConnection":private]=>
    NULL
    ["cert":"AMQPConnection":private]=>
    NULL
    ["verify":"AMQPConnection":private]=>
    bool(true)
    ["saslMethod":"AMQPConnection":private]=>
    int(0)
    ["connectionName":"AMQPConnection":private]=>
    NULL
  }
  ["prefetchCount":"AMQPChannel":private]=>
  int(3)
  ["prefetchSize":"AMQPChannel":private]=>
  int(0)
  ["globalPrefetchCount":"AMQPChannel":private]=>
  int(0)
  ["globalPrefetchSize":"AMQPChannel":private]=>
  int(0)
  ["consumers":"AMQPChannel":private]=>
  array(0) {
  }
}
object(AMQPQueue)#%d (9) {
  ["connection":"AMQPQueue":private]=>
  object(AMQPConnection)#%d (18) {
    ["login":"AMQPConnection":private]=>
    string(5) "guest"
    ["password":"AMQPConnection":private]=>
    string(8) "********"
    ["host":"AMQPConnection":private]=>
    string(%d) "%s"
    ["vhost":"AMQPConnection":private]=>
    string(1) "/"
    ["port":"AMQPConnection":private]=>
    int(%d)
    ["readTimeout":"AMQPConnection":private]=>
    float(0)
    ["writeTimeout":"AMQPConnection":private]=>
    float(0)
    ["connectTimeout":"AMQPConnection":private]=>
    float(0)
    ["rpcTimeout":"AMQPConnection":private]=>
    float(0)
    ["frameMax":"AMQPConnection":private]=>
    int(131072)
    ["channelMax":"AMQPConnection":private]=>
    int(256)
    ["heartbeat":"AMQPConnection":private]=>
    int(0)
    ["cacert":"AMQPConnection":private]=>
    NULL
    ["key":"AMQPConnection":private]=>
    NULL
    ["cert":"AMQPConnection":private]=>
    NULL
    ["verify":"AMQPConnection":private]=>
    bool(true)
    ["saslMethod":"AMQPConnection":private]=>
    int(0)
    ["connectionName":"AMQPConnection":private]=>
    NULL
  }
  ["channel":"AMQPQueue":private]=>
  object(AMQPChannel)#%d (6) {
    ["connection":"AMQPChannel":private]=>
    object(AMQPConnection)#%d (18) {
      ["login":"AMQPConnection":private]=>
      string(5) "guest"
      ["password":"AMQPConnection":private]=>
      string(8) "********"
      ["host":"AMQPConnection":private]=>
      string(%d) "%s"
      ["vhost":"AMQPConnection":private]=>
      string(1) "/"
      ["port":"AMQPConnection":private]=>
      int(%d)
      ["readTimeout":"AMQPConnection":private]=>
      float(0)
      ["writeTimeout":"AMQPConnection":private]=>
      float(0)
      ["connectTimeout":"AMQPConnection":private]=>
      float(0)
      ["rpcTimeout":"AMQPConnection":private]=>
      float(0)
      ["frameMax":"AMQPConnection":private]=>
      int(131072)
      ["channelMax":"AMQPConnection":private]=>
      int(256)
      ["heartbeat":"AMQPConnection":private]=>
      int(0)
      ["cacert":"AMQPConnection":private]=>
      NULL
      ["key":"AMQPConnection":private]=>
      NULL
      ["cert":"AMQPConnection":private]=>
      NULL
      ["verify":"AMQPConnection":private]=>
      bool(true)
      ["saslMethod":"AMQPConnection":private]=>
      int(0)
      ["connectionName":"AMQPConnection":private]=>
      NULL
    }
    ["prefetchCount":"AMQPChannel":private]=>
    int(3)
    ["prefetchSize":"AMQPChannel":private]=>
    int(0)
    ["globalPrefetchCount":"AMQPChannel":private]=>
    int(0)
    ["globalPrefetchSize":"AMQPChannel":private]=>
    int(0)
    ["consumers":"AMQPChannel":private]=>
    array(0) {
    }
  }
  ["name":"AMQPQueue":private]=>
  NULL
  ["consumerTag":"AMQPQueue":private]=>
  NULL
  ["passive":"AMQPQueue":private]=>
  bool(false)
  ["durable":"AMQPQueue":private]=>
  bool(false)
  ["exclusive":"AMQPQueue":private]=>
  bool(false)
  ["autoDelete":"AMQPQueue":private]=>
  bool(true)
  ["arguments":"AMQPQueue":private]=>
  array(0) {
  }
}
object(AMQPExchange)#%d (9) {
  ["connection":"AMQPExchange":private]=>
  object(AMQPConnection)#%d (18) {
    ["login":"AMQPConnection":private]=>
    string(5) "guest"
    ["password":"AMQPConnection":private]=>
    string(8) "********"
    ["host":"AMQPConnection":private]=>
    string(%d) "%s"
    ["vhost":"AMQPConnection":private]=>
    string(1) "/"
    ["port":"AMQPConnection":private]=>
    int(%d)
    ["readTimeout":"AMQPConnection":private]=>
    float(0)
    ["writeTimeout":"AMQPConnection":private]=>
    float(0)
    ["connectTimeout":"AMQPConnection":private]=>
    float(0)
    ["rpcTimeout":"AMQPConnection":private]=>
    float(0)
    ["frameMax":"AMQPConnection":private]=>
    int(131072)
    ["channelMax":"AMQPConnection":private]=>
    int(256)
    ["heartbeat":"AMQPConnection":private]=>
    int(0)
    ["cacert":"AMQPConnection":private]=>
    NULL
    ["key":"AMQPConnection":private]=>
    NULL
    ["cert":"AMQPConnection":private]=>
    NULL
    ["verify":"AMQPConnection":private]=>
    bool(true)
    ["saslMethod":"AMQPConnection":private]=>
    int(0)
    ["connectionName":"AMQPConnection":private]=>
    NULL
  }
  ["channel":"AMQPExchange":private]=>
  object(AMQPChannel)#%d (6) {
    ["connection":"AMQPChannel":private]=>
    object(AMQPConnection)#%d (18) {
      ["login":"AMQPConnection":private]=>
      string(5) "guest"
      ["password":"AMQPConnection":private]=>
      string(8) "********"
      ["host":"AMQPConnection":private]=>
      string(%d) "%s"
      ["vhost":"AMQPConnection":private]=>
      string(1) "/"
      ["port":"AMQPConnection":private]=>
      int(%d)
      ["readTimeout":"AMQPConnection":private]=>
      float(0)
      ["writeTimeout":"AMQPConnection":private]=>
      float(0)
      ["connectTimeout":"AMQPConnection":private]=>
      float(0)
      ["rpcTimeout":"AMQPConnection":private]=>
      float(0)
      ["frameMax":"AMQPConnection":private]=>
      int(131072)
      ["channelMax":"AMQPConnection":private]=>
      int(256)
      ["heartbeat":"AMQPConnection":private]=>
      int(0)
      ["cacert":"AMQPConnection":private]=>
      NULL
      ["key":"AMQPConnection":private]=>
      NULL
      ["cert":"AMQPConnection":private]=>
      NULL
      ["verify":"AMQPConnection":private]=>
      bool(true)
      ["saslMethod":"AMQPConnection":private]=>
      int(0)
      ["connectionName":"AMQPConnection":private]=>
      NULL
    }
    ["prefetchCount":"AMQPChannel":private]=>
    int(3)
    ["prefetchSize":"AMQPChannel":private]=>
    int(0)
    ["globalPrefetchCount":"AMQPChannel":private]=>
    int(0)
    ["globalPrefetchSize":"AMQPChannel":private]=>
    int(0)
    ["consumers":"AMQPChannel":private]=>
    array(0) {
    }
  }
  ["name":"AMQPExchange":private]=>
  NULL
  ["type":"AMQPExchange":private]=>
  NULL
  ["passive":"AMQPExchange":private]=>
  bool(false)
  ["durable":"AMQPExchange":private]=>
  bool(false)
  ["autoDelete":"AMQPExchange":private]=>
  bool(false)
  ["internal":"AMQPExchange":private]=>
  bool(false)
  ["arguments":"AMQPExchange":private]=>
  array(0) {
  }
}
AMQPExchange Object
(
    [connection:AMQPExchange:private] => AMQPConnection Object
        (
            [login:AMQPConnection:private] => guest
            [password:AMQPConnection:private] => ********
            [host:AMQPConnection:private] => %s
            [vhost:AMQPConnection:private] => /
            [port:AMQPConnection:private] => %d
            [readTimeout:AMQPConnection:private] => 0
            [writeTimeout:AMQPConnection:private] => 0
            [connectTimeout:AMQPConnection:private] => 0
            [rpcTimeout:AMQPConnection:private] => 0
            [frameMax:AMQPConnection:private] => 131072
            [channelMax:AMQPConnection:private] => 256
            [heartbeat:AMQPConnection:private] => 0
            [cacert:AMQPConnection:private] => 
            [key:AMQPConnection:private] => 
            [cert:AMQPConnection:private] => 
            [verify:AMQPConnection:private] => 1
            [saslMethod:AMQPConnection:private] => 0
            [connectionName:AMQPConnection:private] => 
        )

    [channel:AMQPExchange:private] => AMQPChannel Object
        (
            [connection:AMQPChannel:private] => AMQPConnection Object
                (
                    [login:AMQPConnection:private] => guest
                    [password:AMQPConnection:private] => ********
                    [host:AMQPConnection:private] => %s
                    [vhost:AMQPConnection:private] => /
                    [port:AMQPConnection:private] => %d
                    [readTimeout:AMQPConnection:private] => 0
                    [writeTimeout:AMQPConnection:private] => 0
                    [connectTimeout:AMQPConnection:private] => 0
                    [rpcTimeout:AMQPConnection:private] => 0
                    [frameMax:AMQPConnection:private] => 131072
                    [channelMax:AMQPConnection:private] => 256
                    [heartbeat:AMQPConnection:private] => 0
                    [cacert:AMQPConnection:private] => 
                    [key:AMQPConnection:private] => 
                    [cert:AMQPConnection:private] => 
                    [verify:AMQPConnection:private] => 1
                    [saslMethod:AMQPConnection:private] => 0
                    [connectionName:AMQPConnection:private] => 
                )

            [prefetchCount:AMQPChannel:private] => 3
            [prefetchSize:AMQPChannel:private] => 0
            [globalPrefetchCount:AMQPChannel:private] => 0
            [globalPrefetchSize:AMQPChannel:private] => 0
            [consumers:AMQPChannel:private] => Array
                (
                )

        )

    [name:AMQPExchange:private] => 
    [type:AMQPExchange:private] => 
    [passive:AMQPExchange:private] => 
    [durable:AMQPExchange:private] => 
    [autoDelete:AMQPExchange:private] => 
    [internal:AMQPExchange:private] => 
    [arguments:AMQPExchange:private] => Array
        (
        )

)

array(6) {
  [0]=>
  string(25) "\0AMQPChannel\0connection"
  [1]=>
  string(28) "\0AMQPChannel\0prefetchCount"
  [2]=>
  string(27) "\0AMQPChannel\0prefetchSize"
  [3]=>
  string(34) "\0AMQPChannel\0globalPrefetchCount"
  [4]=>
  string(33) "\0AMQPChannel\0globalPrefetchSize"
  [5]=>
  string(24) "\0AMQPChannel\0consumers"
}
array(9) {
  [0]=>
  string(23) "\0AMQPQueue\0connection"
  [1]=>
  string(20) "\0AMQPQueue\0channel"
  [2]=>
  string(17) "\0AMQPQueue\0name"
  [3]=>
  string(24) "\0AMQPQueue\0consumerTag"
  [4]=>
  string(20) "\0AMQPQueue\0passive"
  [5]=>
  string(20) "\0AMQPQueue\0durable"
  [6]=>
  string(22) "\0AMQPQueue\0exclusive"
  [7]=>
  string(23) "\0AMQPQueue\0autoDelete"
  [8]=>
  string(22) "\0AMQPQueue\0arguments"
}
array(9) {
  [0]=>
  string(26) "\0AMQPExchange\0connection"
  [1]=>
  string(23) "\0AMQPExchange\0channel"
  [2]=>
  string(20) "\0AMQPExchange\0name"
  [3]=>
  string(20) "\0AMQPExchange\0type"
  [4]=>
  string(23) "\0AMQPExchange\0passive"
  [5]=>
  string(23) "\0AMQPExchange\0durable"
  [6]=>
  string(26) "\0AMQPExchange\0autoDelete"
  [7]=>
  string(24) "\0AMQPExchange\0internal"
  [8]=>
  string(25) "\0AMQPExchange\0arguments"
}
object(AMQPBasicProperties)#%d (14) {
  ["contentType":"AMQPBasicProperties":private]=>
  NULL
  ["contentEncoding":"AMQPBasicProperties":private]=>
  NULL
  ["headers":"AMQPBasicProperties":private]=>
  array(0) {
  }
  ["deliveryMode":"AMQPBasicProperties":private]=>
  int(1)
  ["priority":"AMQPBasicProperties":private]=>
  int(0)
  ["correlationId":"AMQPBasicProperties":private]=>
  NULL
  ["replyTo":"AMQPBasicProperties":private]=>
  NULL
  ["expiration":"AMQPBasicProperties":private]=>
  NULL
  ["messageId":"AMQPBasicProperties":private]=>
  NULL
  ["timestamp":"AMQPBasicProperties":private]=>
  NULL
  ["type":"AMQPBasicProperties":private]=>
  NULL
  ["userId":"AMQPBasicProperties":private]=>
  NULL
  ["appId":"AMQPBasicProperties":private]=>
  NULL
  ["clusterId":"AMQPBasicProperties":private]=>
  NULL
}
object(AMQPEnvelope)#%d (20) {
  ["contentType":"AMQPBasicProperties":private]=>
  NULL
  ["contentEncoding":"AMQPBasicProperties":private]=>
  NULL
  ["headers":"AMQPBasicProperties":private]=>
  array(0) {
  }
  ["deliveryMode":"AMQPBasicProperties":private]=>
  int(1)
  ["priority":"AMQPBasicProperties":private]=>
  int(0)
  ["correlationId":"AMQPBasicProperties":private]=>
  NULL
  ["replyTo":"AMQPBasicProperties":private]=>
  NULL
  ["expiration":"AMQPBasicProperties":private]=>
  NULL
  ["messageId":"AMQPBasicProperties":private]=>
  NULL
  ["timestamp":"AMQPBasicProperties":private]=>
  NULL
  ["type":"AMQPBasicProperties":private]=>
  NULL
  ["userId":"AMQPBasicProperties":private]=>
  NULL
  ["appId":"AMQPBasicProperties":private]=>
  NULL
  ["clusterId":"AMQPBasicProperties":private]=>
  NULL
  ["body":"AMQPEnvelope":private]=>
  string(0) ""
  ["consumerTag":"AMQPEnvelope":private]=>
  NULL
  ["deliveryTag":"AMQPEnvelope":private]=>
  NULL
  ["isRedelivery":"AMQPEnvelope":private]=>
  bool(false)
  ["exchangeName":"AMQPEnvelope":private]=>
  NULL
  ["routingKey":"AMQPEnvelope":private]=>
  string(0) ""
}
object(AMQPDecimal)#%d (2) {
  ["exponent":"AMQPDecimal":private]=>
  int(2)
  ["significand":"AMQPDecimal":private]=>
  int(314)
}
object(AMQPTimestamp)#%d (1) {
  ["timestamp":"AMQPTimestamp":private]=>
  float(1700000000)
}
AMQPEnvelope Object
(
    [contentType:AMQPBasicProperties:private] => 
    [contentEncoding:AMQPBasicProperties:private] => 
    [headers:AMQPBasicProperties:private] => Array
        (
        )

    [deliveryMode:AMQPBasicProperties:private] => 1
    [priority:AMQPBasicProperties:private] => 0
    [correlationId:AMQPBasicProperties:private] => 
    [replyTo:AMQPBasicProperties:private] => 
    [expiration:AMQPBasicProperties:private] => 
    [messageId:AMQPBasicProperties:private] => 
    [timestamp:AMQPBasicProperties:private] => 
    [type:AMQPBasicProperties:private] => 
    [userId:AMQPBasicProperties:private] => 
    [appId:AMQPBasicProperties:private] => 
    [clusterId:AMQPBasicProperties:private] => 
    [body:AMQPEnvelope:private] => 
    [consumerTag:AMQPEnvelope:private] => 
    [deliveryTag:AMQPEnvelope:private] => 
    [isRedelivery:AMQPEnvelope:private] => 
    [exchangeName:AMQPEnvelope:private] => 
    [routingKey:AMQPEnvelope:private] => 
)

array(20) {
  [0]=>
  string(34) "\0AMQPBasicProperties\0contentType"
  [1]=>
  string(38) "\0AMQPBasicProperties\0contentEncoding"
  [2]=>
  string(30) "\0AMQPBasicProperties\0headers"
  [3]=>
  string(35) "\0AMQPBasicProperties\0deliveryMode"
  [4]=>
  string(31) "\0AMQPBasicProperties\0priority"
  [5]=>
  string(36) "\0AMQPBasicProperties\0correlationId"
  [6]=>
  string(30) "\0AMQPBasicProperties\0replyTo"
  [7]=>
  string(33) "\0AMQPBasicProperties\0expiration"
  [8]=>
  string(32) "\0AMQPBasicProperties\0messageId"
  [9]=>
  string(32) "\0AMQPBasicProperties\0timestamp"
  [10]=>
  string(27) "\0AMQPBasicProperties\0type"
  [11]=>
  string(29) "\0AMQPBasicProperties\0userId"
  [12]=>
  string(28) "\0AMQPBasicProperties\0appId"
  [13]=>
  string(32) "\0AMQPBasicProperties\0clusterId"
  [14]=>
  string(20) "\0AMQPEnvelope\0body"
  [15]=>
  string(27) "\0AMQPEnvelope\0consumerTag"
  [16]=>
  string(27) "\0AMQPEnvelope\0deliveryTag"
  [17]=>
  string(28) "\0AMQPEnvelope\0isRedelivery"
  [18]=>
  string(28) "\0AMQPEnvelope\0exchangeName"
  [19]=>
  string(26) "\0AMQPEnvelope\0routingKey"
}
array(1) {
  [0]=>
  string(21) "\0Exception\0previous"
}
object(AMQPValueException)#%d (7) {
  ["message":protected]=>
  string(1) "v"
  ["string":"Exception":private]=>
  string(0) ""
  ["code":protected]=>
  int(0)
  ["file":protected]=>
  string(%d) "%s"
  ["line":protected]=>
  int(20)
  ["trace":"Exception":private]=>
  array(0) {
  }
  ["previous":"Exception":private]=>
  NULL
}

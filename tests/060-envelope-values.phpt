--TEST--
AMQPEnvelope: new AMQPEnvelope() getters and var_dump layout, getHeader()/hasHeader() (null values, numeric names), clone
--EXTENSIONS--
amqp
--FILE--
<?php
$e = new AMQPEnvelope();
foreach (['getBody', 'getRoutingKey', 'getConsumerTag', 'getDeliveryTag', 'getExchangeName', 'isRedelivery',
          'getContentType', 'getHeaders', 'getDeliveryMode', 'getPriority', 'getTimestamp', 'getClusterId'] as $g) {
    echo $g, ': ', var_export($e->$g(), true), "\n";
}
var_dump($e->getHeader('x'), $e->hasHeader('x'));
var_dump($e);
var_dump($e instanceof AMQPBasicProperties);
try {
    new AMQPEnvelope('body');
} catch (ArgumentCountError $x) {
    echo get_class($x), ': ', $x->getMessage(), "\n";
}
// headers as the extension stores them: numeric names are int keys
$rp = new ReflectionProperty(AMQPBasicProperties::class, 'headers');
$rp->setValue($e, ['123' => 'num', 'nil' => null, 'no' => false, 'arr' => ['a' => 1], '' => 'empty', '1.5' => 'f', '-7' => 'neg']);
var_dump(array_keys($e->getHeaders()));
foreach (['123', '0123', 'nil', 'no', 'arr', '', '1.5', '-7', 'missing'] as $name) {
    echo "'$name': has=", var_export($e->hasHeader($name), true), ' get=', json_encode($e->getHeader($name)), "\n";
}
try {
    $e->getHeader();
} catch (ArgumentCountError $x) {
    echo get_class($x), ': ', $x->getMessage(), "\n";
}
try {
    $e->hasHeader([]);
} catch (TypeError $x) {
    echo get_class($x), ': ', $x->getMessage(), "\n";
}
// int arguments are converted to strings in coercive mode and find int keys
var_dump($e->getHeader(123), $e->hasHeader(-7));
// a clone is a plain copy
$c = clone $e;
var_dump($c->getHeader('123'), $c->getBody(), $c == $e);
// a subclass keeps everything
class MyEnvelope extends AMQPEnvelope {}
$m = new MyEnvelope();
var_dump($m->getBody(), $m->getDeliveryTag(), $m->hasHeader('a'));
?>
--EXPECTF--
getBody: ''
getRoutingKey: ''
getConsumerTag: NULL
getDeliveryTag: NULL
getExchangeName: NULL
isRedelivery: false
getContentType: NULL
getHeaders: array (
)
getDeliveryMode: 1
getPriority: 0
getTimestamp: NULL
getClusterId: NULL
NULL
bool(false)
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
bool(true)
ArgumentCountError: AMQPEnvelope::__construct() expects exactly 0 arguments, 1 given
array(7) {
  [0]=>
  int(123)
  [1]=>
  string(3) "nil"
  [2]=>
  string(2) "no"
  [3]=>
  string(3) "arr"
  [4]=>
  string(0) ""
  [5]=>
  string(3) "1.5"
  [6]=>
  int(-7)
}
'123': has=true get="num"
'0123': has=false get=null
'nil': has=true get=null
'no': has=true get=false
'arr': has=true get={"a":1}
'': has=true get="empty"
'1.5': has=true get="f"
'-7': has=true get="neg"
'missing': has=false get=null
ArgumentCountError: AMQPEnvelope::getHeader() expects exactly 1 argument, 0 given
TypeError: AMQPEnvelope::hasHeader(): Argument #1 ($headerName) must be of type string, array given
string(3) "num"
bool(true)
string(3) "num"
string(0) ""
bool(true)
string(0) ""
NULL
bool(false)

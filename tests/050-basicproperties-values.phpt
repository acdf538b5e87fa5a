--TEST--
AMQPBasicProperties: constructor defaults, every argument and getter, named arguments, no validation, var_dump layout
--EXTENSIONS--
amqp
--FILE--
<?php
$getters = ['getContentType', 'getContentEncoding', 'getHeaders', 'getDeliveryMode', 'getPriority',
    'getCorrelationId', 'getReplyTo', 'getExpiration', 'getMessageId', 'getTimestamp', 'getType',
    'getUserId', 'getAppId', 'getClusterId'];
function show(AMQPBasicProperties $p, array $getters) {
    foreach ($getters as $g) {
        echo $g, ': ', json_encode($p->$g()), "\n";
    }
}
$p = new AMQPBasicProperties();
show($p, $getters);
var_dump($p);
$p = new AMQPBasicProperties('text/plain', 'gzip', ['a' => 1, 'n' => ['x' => null]], AMQP_DELIVERY_MODE_PERSISTENT,
    9, 'corr', 'reply.q', '60000', 'msg-1', 1700000000, 'type.x', 'guest', 'app', 'cluster');
show($p, $getters);
// named arguments, out-of-range values are stored as given (no validation)
$p = new AMQPBasicProperties(priority: 300, deliveryMode: -1, clusterId: "c\0d", timestamp: -5, headers: [1 => 'x']);
show($p, $getters);
var_dump($p->getClusterId() === "c\0d");
// null for nullable strings, defaults for the rest
$p = new AMQPBasicProperties(null, null, [], 1, 0, null, null, null, null, null, null, null, null, null);
show($p, ['getContentType', 'getTimestamp', 'getClusterId']);
// headers is not nullable; delivery mode takes ints
foreach ([fn() => new AMQPBasicProperties(headers: null), fn() => new AMQPBasicProperties(null, null, [], 'x'),
          fn() => new AMQPBasicProperties(contentType: [])] as $f) {
    try {
        $f();
    } catch (TypeError $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
try {
    new AMQPBasicProperties(...array_fill(0, 15, null));
} catch (ArgumentCountError $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
// the headers array is a copy: changing the caller's array later does not change the object
$h = ['k' => 'v'];
$p = new AMQPBasicProperties(headers: $h);
$h['k'] = 'changed';
var_dump($p->getHeaders());
// a subclass can call the constructor and the getters
class MyProps extends AMQPBasicProperties {
    public function __construct(public string $extra = 'e') { parent::__construct('application/json'); }
}
$m = new MyProps();
var_dump($m->getContentType(), $m->getDeliveryMode(), $m->extra);
// calling the constructor again replaces every value
$p = new AMQPBasicProperties('a/b', appId: 'x');
$p->__construct(messageId: 'm');
var_dump($p->getContentType(), $p->getAppId(), $p->getMessageId());
?>
--EXPECT--
getContentType: null
getContentEncoding: null
getHeaders: []
getDeliveryMode: 1
getPriority: 0
getCorrelationId: null
getReplyTo: null
getExpiration: null
getMessageId: null
getTimestamp: null
getType: null
getUserId: null
getAppId: null
getClusterId: null
object(AMQPBasicProperties)#1 (14) {
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
getContentType: "text\/plain"
getContentEncoding: "gzip"
getHeaders: {"a":1,"n":{"x":null}}
getDeliveryMode: 2
getPriority: 9
getCorrelationId: "corr"
getReplyTo: "reply.q"
getExpiration: "60000"
getMessageId: "msg-1"
getTimestamp: 1700000000
getType: "type.x"
getUserId: "guest"
getAppId: "app"
getClusterId: "cluster"
getContentType: null
getContentEncoding: null
getHeaders: {"1":"x"}
getDeliveryMode: -1
getPriority: 300
getCorrelationId: null
getReplyTo: null
getExpiration: null
getMessageId: null
getTimestamp: -5
getType: null
getUserId: null
getAppId: null
getClusterId: "c\u0000d"
bool(true)
getContentType: null
getTimestamp: null
getClusterId: null
TypeError: AMQPBasicProperties::__construct(): Argument #3 ($headers) must be of type array, null given
TypeError: AMQPBasicProperties::__construct(): Argument #4 ($deliveryMode) must be of type int, string given
TypeError: AMQPBasicProperties::__construct(): Argument #1 ($contentType) must be of type ?string, array given
ArgumentCountError: AMQPBasicProperties::__construct() expects at most 14 arguments, 15 given
array(1) {
  ["k"]=>
  string(1) "v"
}
string(16) "application/json"
int(1)
string(1) "e"
NULL
NULL
string(1) "m"

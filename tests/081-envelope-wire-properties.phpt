--TEST--
AMQPEnvelope from the wire: clusterId is read (§7.19), present-but-empty vs absent properties, numeric header names (§7.18)
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--ENV--
VALGRIND_OPTS=--trace-children-skip=*/sh,*/bash,*/dash
--FILE--
<?php
require __DIR__ . '/_broker.inc';
require __DIR__ . '/_wire.inc';

$c = mq_test_connection();
$ch = new AMQPChannel($c);
$q = new AMQPQueue($ch);
$q->setName(mq_test_name('mq-env-'));
$q->setFlags(AMQP_EXCLUSIVE);
$q->declareQueue();

$getters = ['getContentType', 'getContentEncoding', 'getHeaders', 'getDeliveryMode', 'getPriority',
    'getCorrelationId', 'getReplyTo', 'getExpiration', 'getMessageId', 'getTimestamp', 'getType',
    'getUserId', 'getAppId', 'getClusterId'];
function show(AMQPEnvelope $e) {
    global $getters;
    foreach ($getters as $g) {
        echo "  $g: ", json_encode($e->$g()), "\n";
    }
}

echo "--- every property, numeric header names\n";
mq_wire_publish($q->getName(), '[{<<"123">>, longstr, <<"num">>}, {<<"0">>, long, 0}, {<<"007">>, long, 7}, '
    . '{<<"-5">>, long, -5}, {<<"name">>, long, 1}]',
    ', {content_type, <<"a/b">>}, {content_encoding, <<"br">>}, {delivery_mode, 2}, {priority, 9}, '
    . '{correlation_id, <<"c">>}, {reply_to, <<"r">>}, {expiration, <<"1000">>}, {message_id, <<"m">>}, '
    . '{timestamp, 1700000000}, {type, <<"t">>}, {user_id, <<"u">>}, {app_id, <<"a">>}, {cluster_id, <<"cluster-1">>}');
$e = $q->get(AMQP_AUTOACK);
show($e);
var_dump(array_keys($e->getHeaders()));
foreach (['123', '0', '007', '-5', 'name', '7'] as $n) {
    echo "  '$n': has ", var_export($e->hasHeader($n), true), ', get ', var_export($e->getHeader($n), true), "\n";
}

echo "--- present but empty (expiration: absent, RabbitMQ rejects an empty one)\n";
mq_wire_publish($q->getName(), '[]',
    ', {content_type, <<>>}, {content_encoding, <<>>}, {delivery_mode, 1}, {priority, 0}, {correlation_id, <<>>}, '
    . '{reply_to, <<>>}, {message_id, <<>>}, {timestamp, 0}, {type, <<>>}, {user_id, <<>>}, '
    . '{app_id, <<>>}, {cluster_id, <<>>}');
show($q->get(AMQP_AUTOACK));

echo "--- nothing at all\n";
mq_wire_publish($q->getName(), 'undefined');
show($q->get(AMQP_AUTOACK));
?>
--EXPECT--
--- every property, numeric header names
  getContentType: "a\/b"
  getContentEncoding: "br"
  getHeaders: {"123":"num","0":0,"007":7,"-5":-5,"name":1}
  getDeliveryMode: 2
  getPriority: 9
  getCorrelationId: "c"
  getReplyTo: "r"
  getExpiration: "1000"
  getMessageId: "m"
  getTimestamp: 1700000000
  getType: "t"
  getUserId: "u"
  getAppId: "a"
  getClusterId: "cluster-1"
array(5) {
  [0]=>
  int(123)
  [1]=>
  int(0)
  [2]=>
  string(3) "007"
  [3]=>
  int(-5)
  [4]=>
  string(4) "name"
}
  '123': has true, get 'num'
  '0': has true, get 0
  '007': has true, get 7
  '-5': has true, get -5
  'name': has true, get 1
  '7': has false, get NULL
--- present but empty (expiration: absent, RabbitMQ rejects an empty one)
  getContentType: ""
  getContentEncoding: ""
  getHeaders: []
  getDeliveryMode: 1
  getPriority: 0
  getCorrelationId: ""
  getReplyTo: ""
  getExpiration: null
  getMessageId: ""
  getTimestamp: 0
  getType: ""
  getUserId: ""
  getAppId: ""
  getClusterId: ""
--- nothing at all
  getContentType: null
  getContentEncoding: null
  getHeaders: []
  getDeliveryMode: 1
  getPriority: 0
  getCorrelationId: null
  getReplyTo: null
  getExpiration: null
  getMessageId: null
  getTimestamp: 0
  getType: null
  getUserId: null
  getAppId: null
  getClusterId: null

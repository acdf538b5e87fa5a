--TEST--
AMQPConnection::__construct(): defaults from the ini defaults, every getter, var_dump() layout with the password masked
--EXTENSIONS--
amqp
--FILE--
<?php
$c = new AMQPConnection();
var_dump($c->getLogin(), $c->getPassword(), $c->getHost(), $c->getVhost(), $c->getPort());
var_dump($c->getReadTimeout(), $c->getWriteTimeout(), $c->getConnectTimeout(), $c->getRpcTimeout());
var_dump($c->getMaxChannels(), $c->getMaxFrameSize(), $c->getHeartbeatInterval());
var_dump($c->getCACert(), $c->getCert(), $c->getKey(), $c->getVerify(), $c->getSaslMethod());
var_dump($c->getConnectionName(), $c->isConnected(), $c->isPersistent());
var_dump($c);
var_dump(new AMQPConnection([]) == $c);
?>
--EXPECT--
string(5) "guest"
string(5) "guest"
string(9) "localhost"
string(1) "/"
int(5672)
float(0)
float(0)
float(0)
float(0)
int(256)
int(131072)
int(0)
NULL
NULL
NULL
bool(true)
int(0)
NULL
bool(false)
bool(false)
object(AMQPConnection)#1 (18) {
  ["login":"AMQPConnection":private]=>
  string(5) "guest"
  ["password":"AMQPConnection":private]=>
  string(8) "********"
  ["host":"AMQPConnection":private]=>
  string(9) "localhost"
  ["vhost":"AMQPConnection":private]=>
  string(1) "/"
  ["port":"AMQPConnection":private]=>
  int(5672)
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
bool(true)

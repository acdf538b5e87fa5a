--TEST--
AMQPConnection::__construct(): every missing key takes its amqp.* ini setting (read as INI_INT/INI_FLT/INI_STR)
--EXTENSIONS--
amqp
--INI--
amqp.host=ini-host
amqp.vhost=ini-vhost
amqp.port=5999
amqp.login=ini-login
amqp.password=ini-password
amqp.read_timeout=1.25
amqp.write_timeout=2.5
amqp.connect_timeout=3.75
amqp.rpc_timeout=4
amqp.channel_max=12
amqp.frame_max=8192
amqp.heartbeat=9
amqp.cacert=/ini/ca.pem
amqp.cert=/ini/cert.pem
amqp.key=/ini/key.pem
amqp.verify=0
amqp.sasl_method=1
--FILE--
<?php
$c = new AMQPConnection();
var_dump($c->getHost(), $c->getVhost(), $c->getPort(), $c->getLogin(), $c->getPassword());
var_dump($c->getReadTimeout(), $c->getWriteTimeout(), $c->getConnectTimeout(), $c->getRpcTimeout());
var_dump($c->getMaxChannels(), $c->getMaxFrameSize(), $c->getHeartbeatInterval());
var_dump($c->getCACert(), $c->getCert(), $c->getKey(), $c->getVerify(), $c->getSaslMethod());

echo "-- keys win; empty strings fall back\n";
$c = new AMQPConnection(['host' => 'h', 'cacert' => '', 'verify' => 'yes', 'sasl_method' => 0, 'channel_max' => 0]);
var_dump($c->getHost(), $c->getCACert(), $c->getVerify(), $c->getSaslMethod(), $c->getMaxChannels());

echo "-- an invalid amqp.sasl_method is refused by the constructor too\n";
ini_set('amqp.sasl_method', '5');
try {
    new AMQPConnection();
} catch (AMQPConnectionException $e) {
    echo $e->getMessage(), "\n";
}
ini_set('amqp.sasl_method', 'AMQP_SASL_METHOD_PLAIN');
var_dump((new AMQPConnection())->getSaslMethod());
echo "-- amqp.port=1k passes the ini check but reads as 1\n";
var_dump(ini_set('amqp.port', '1k'), (new AMQPConnection())->getPort());
?>
--EXPECT--
string(8) "ini-host"
string(9) "ini-vhost"
int(5999)
string(9) "ini-login"
string(12) "ini-password"
float(1.25)
float(2.5)
float(3.75)
float(4)
int(12)
int(8192)
int(9)
string(11) "/ini/ca.pem"
string(13) "/ini/cert.pem"
string(12) "/ini/key.pem"
bool(false)
int(1)
-- keys win; empty strings fall back
string(1) "h"
string(11) "/ini/ca.pem"
bool(true)
int(0)
int(256)
-- an invalid amqp.sasl_method is refused by the constructor too
Invalid SASL method given. Method must be AMQP_SASL_METHOD_PLAIN or AMQP_SASL_METHOD_EXTERNAL.
int(0)
-- amqp.port=1k passes the ini check but reads as 1
string(4) "5999"
int(1)

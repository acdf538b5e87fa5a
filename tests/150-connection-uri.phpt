--TEST--
AMQPConnection: RabbitMQ URIs in the 'uri' credentials key and the ini amqp.uri (mq extension): every part and parameter, defaults, explicit keys winning, exception texts without the password, phpinfo() masking, real plain, vhost and TLS connects
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';

function show(AMQPConnection $c): void
{
    echo json_encode([
        'login' => $c->getLogin(), 'host' => $c->getHost(), 'port' => $c->getPort(),
        'vhost' => $c->getVhost(), 'heartbeat' => $c->getHeartbeatInterval(),
        'connect_timeout' => $c->getConnectTimeout(), 'channel_max' => $c->getMaxChannels(),
        'frame_max' => $c->getMaxFrameSize(), 'sasl' => $c->getSaslMethod(),
        'cacert' => $c->getCACert(), 'cert' => $c->getCert(), 'key' => $c->getKey(),
        'verify' => $c->getVerify(),
    ], JSON_UNESCAPED_SLASHES), "\n";
}

echo "-- parts and defaults\n";
show(new AMQPConnection(['uri' => 'amqp://']));
show(new AMQPConnection(['uri' => 'amqps://']));
show(new AMQPConnection(['uri' => 'amqp://user:pass@host:10000/vhost']));
show(new AMQPConnection(['uri' => 'amqp://user%61:%61pass@ho%61st:10000/v%2fhost']));
show(new AMQPConnection(['uri' => 'AMQP://rabbit/']));          // empty path: vhost ""
show(new AMQPConnection(['uri' => 'amqp://rabbit/%2f']));       // vhost "/"
show(new AMQPConnection(['uri' => 'amqp://[::1]:5673']));
show(new AMQPConnection(['uri' => 'amqp://user@127.0.0.1']));
$c = new AMQPConnection(['uri' => 'amqp://u:p%40ss%00w@h']);
var_dump($c->getPassword() === "p@ss\0w");

echo "-- parameters\n";
show(new AMQPConnection(['uri' => 'amqps://h?heartbeat=30&connection_timeout=2500&channel_max=100'
    . '&frame_max=65536&auth_mechanism=EXTERNAL&cacertfile=%2Fetc%2Fca.pem&certfile=/c.pem'
    . '&keyfile=/k.pem&verify=verify_none&server_name_indication=rabbit.example']));
show(new AMQPConnection(['uri' => 'amqp://h?channel_max=0&frame_max=0&verify=true&auth_mechanism=plain']));

echo "-- explicit keys win, whatever their order\n";
$c = new AMQPConnection(['host' => 'explicit-host', 'port' => 2, 'login' => 'explicit-login',
    'uri' => 'amqp://u:uripw@urihost:1/urivhost?heartbeat=5&channel_max=7&verify=false',
    'vhost' => 'explicit-vhost', 'heartbeat' => 9, 'verify' => true]);
show($c);
var_dump($c->getPassword());
// null, false and "" are "not given" (the constructor falls back for them)
show(new AMQPConnection(['uri' => 'amqp://u@urihost/v', 'host' => '', 'login' => null, 'vhost' => false]));

echo "-- ini amqp.uri\n";
var_dump(ini_get('amqp.uri'));
ini_set('amqp.uri', 'amqp://iniuser:inisecret@inihost:5999/inivhost?heartbeat=3');
show(new AMQPConnection());
show(new AMQPConnection(['host' => 'explicit-host']));
show(new AMQPConnection(['uri' => 'amqp://keyhost']));   // the key replaces the ini URI
show(new AMQPConnection(['uri' => '']));                 // "" falls back to the ini URI
ob_start();
phpinfo(INFO_MODULES);
foreach (explode("\n", ob_get_clean()) as $line) {
    if (str_starts_with($line, 'amqp.uri ')) {
        echo $line, "\n";
    }
}
var_dump(ini_set('amqp.uri', 'amqp://in valid'), ini_get('amqp.uri') === 'amqp://iniuser:inisecret@inihost:5999/inivhost?heartbeat=3');
ini_restore('amqp.uri');
var_dump(ini_get('amqp.uri'));
// an invalid amqp.uri in php.ini is kept, and the constructor says why
$cmd = escapeshellarg(PHP_BINARY) . ' -n -d extension_dir=' . escapeshellarg(ini_get('extension_dir'))
    . ' -d extension=amqp -d ' . escapeshellarg('amqp.uri=amqp://u:s3cr3t@h:99999')
    . ' -r ' . escapeshellarg('try { new AMQPConnection(); } catch (AMQPConnectionException $e) { echo $e->getMessage(); }');
echo shell_exec($cmd), "\n";

echo "-- a second __construct forgets the first URI's TLS\n";
$c = new AMQPConnection(['uri' => 'amqps://localhost:' . mq_test_env('MQ_TEST_PORT') . '?verify=false']);
$c->__construct(mq_test_credentials());
$c->connect();
var_dump($c->isConnected());
$c->disconnect();

echo "-- bad URIs\n";
$secret = 's3cr3t%2Fpw';
$bad = [
    'http://u:@PW@@h', 'amqp:/u:@PW@@h', 'amqp://u:@PW@@h:0', 'amqp://u:@PW@@h:65536',
    'amqp://u:@PW@@h:5x', 'amqp://u:@PW@@h/a/b', 'amqp://u:@PW@@h/%zz', 'amqp://u%4:@PW@@h',
    'amqp://u:@PW@%4@h', 'amqp://u:@PW@/x@h', 'amqp://u:@PW@@x@h', 'amqp://u:@PW@@[::1',
    'amqp://u:@PW@@[zz::1]', 'amqp://u:@PW@@a%00b', 'amqp://u:@PW@@h?x=1',
    'amqp://u:@PW@@h?heartbeat=1&heartbeat=2', 'amqp://u:@PW@@h?heartbeat=65536',
    'amqp://u:@PW@@h?heartbeat', 'amqp://u:@PW@@h?verify=maybe', 'amqp://u:@PW@@h?auth_mechanism=amqplain',
    'amqp://u:@PW@@h?channel_max=257', 'amqp://u:@PW@@h?frame_max=2147483648',
    'amqp://u:@PW@@h#top', 'amqp://u:' . str_repeat('p', 1025) . '@h',
];
foreach ($bad as $uri) {
    $uri = str_replace('@PW@', $secret, $uri);
    try {
        $c = new AMQPConnection(['uri' => $uri, 'password' => 'not-it']);
        echo "accepted: $uri\n";
    } catch (AMQPConnectionException $e) {
        echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n";
        foreach ([$e->getMessage(), $e->getTraceAsString(), (string) $e, print_r($e->getTrace(), true)] as $text) {
            if (str_contains($text, 's3cr3t') || str_contains($text, 'ppppp')) {
                echo "PASSWORD LEAKED\n";
            }
        }
    }
}
$c = new AMQPConnection(['uri' => "amqp://u:$secret@h"]);
var_dump(str_contains(print_r($c, true), 's3cr3t'), str_contains(var_export($c, true), 's3cr3t'));
try {
    new AMQPConnection(['uri' => []]);
} catch (AMQPConnectionException $e) {
    echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n";
}

echo "-- connect to the private broker\n";
$user = mq_test_env('MQ_TEST_USER');
$pass = mq_test_env('MQ_TEST_PASSWORD');
$auth = rawurlencode($user) . ':' . rawurlencode($pass);
$plain = 'amqp://' . $auth . '@' . mq_test_env('MQ_TEST_HOST') . ':' . mq_test_env('MQ_TEST_PORT');
$c = new AMQPConnection(['uri' => $plain . '/%2F?heartbeat=10&channel_max=20&connection_timeout=5000']);
$c->connect();
var_dump($c->isConnected(), $c->getHeartbeatInterval(), $c->getMaxChannels(), $c->getConnectTimeout());
$q = new AMQPQueue(new AMQPChannel($c));
$q->setFlags(AMQP_EXCLUSIVE | AMQP_AUTODELETE);
$q->setName(mq_test_name('uri-'));
var_dump($q->declareQueue());
$c->disconnect();

$c = new AMQPConnection(['uri' => $plain . '/' . rawurlencode(mq_test_env('MQ_TEST_VHOST2'))]);
$c->connect();
var_dump($c->isConnected(), $c->getVhost() === mq_test_env('MQ_TEST_VHOST2'));
$c->disconnect();

$c = new AMQPConnection(['uri' => 'amqp://' . rawurlencode($user) . ':wrong-s3cr3t@'
    . mq_test_env('MQ_TEST_HOST') . ':' . mq_test_env('MQ_TEST_PORT')]);
try {
    $c->connect();
} catch (AMQPConnectionException $e) {
    echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n";
    var_dump(str_contains((string) $e, 's3cr3t'));
}

echo "-- TLS through amqps://\n";
$tls = 'amqps://' . $auth . '@localhost:' . mq_test_env('MQ_TEST_TLS_PORT') . '/';
$files = '?cacertfile=' . rawurlencode(mq_test_env('MQ_TEST_CA'))
    . '&certfile=' . rawurlencode(mq_test_env('MQ_TEST_CLIENT_CERT'))
    . '&keyfile=' . rawurlencode(mq_test_env('MQ_TEST_CLIENT_KEY'));
$c = new AMQPConnection(['uri' => $tls . '%2f' . $files . '&verify=verify_peer']);
$c->connect();
var_dump($c->isConnected(), $c->getPort() === (int) mq_test_env('MQ_TEST_TLS_PORT'));
$c->disconnect();

// amqps:// without cacertfile: TLS with the system's CA paths, which do not
// know the test CA: verification fails, and succeeds once it is off
$c = new AMQPConnection(['uri' => $tls . '%2f']);
try {
    $c->connect();
    echo "connected without the CA?\n";
} catch (AMQPConnectionException $e) {
    echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n";
}
$c = new AMQPConnection(['uri' => $tls . '%2f?verify=verify_none']);
$c->connect();
var_dump($c->isConnected(), $c->getCACert());
$c->disconnect();

// the SNI names the host to verify: a wrong one fails
$c = new AMQPConnection(['uri' => $tls . '%2f' . $files . '&server_name_indication=wrong.example']);
try {
    $c->connect();
    echo "connected with a wrong server name?\n";
} catch (AMQPConnectionException $e) {
    echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n";
}

// SASL EXTERNAL with the client certificate
$c = new AMQPConnection(['uri' => 'amqps://' . rawurlencode(mq_test_env('MQ_TEST_EXTERNAL_USER'))
    . ':@localhost:' . mq_test_env('MQ_TEST_TLS_PORT') . '/%2f' . $files . '&auth_mechanism=external']);
$c->connect();
var_dump($c->isConnected(), $c->getSaslMethod() === AMQP_SASL_METHOD_EXTERNAL);
$c->disconnect();
?>
--EXPECTF--
-- parts and defaults
{"login":"guest","host":"localhost","port":5672,"vhost":"/","heartbeat":0,"connect_timeout":0,"channel_max":256,"frame_max":131072,"sasl":0,"cacert":null,"cert":null,"key":null,"verify":true}
{"login":"guest","host":"localhost","port":5671,"vhost":"/","heartbeat":0,"connect_timeout":0,"channel_max":256,"frame_max":131072,"sasl":0,"cacert":null,"cert":null,"key":null,"verify":true}
{"login":"user","host":"host","port":10000,"vhost":"vhost","heartbeat":0,"connect_timeout":0,"channel_max":256,"frame_max":131072,"sasl":0,"cacert":null,"cert":null,"key":null,"verify":true}
{"login":"usera","host":"hoast","port":10000,"vhost":"v/host","heartbeat":0,"connect_timeout":0,"channel_max":256,"frame_max":131072,"sasl":0,"cacert":null,"cert":null,"key":null,"verify":true}
{"login":"guest","host":"rabbit","port":5672,"vhost":"","heartbeat":0,"connect_timeout":0,"channel_max":256,"frame_max":131072,"sasl":0,"cacert":null,"cert":null,"key":null,"verify":true}
{"login":"guest","host":"rabbit","port":5672,"vhost":"/","heartbeat":0,"connect_timeout":0,"channel_max":256,"frame_max":131072,"sasl":0,"cacert":null,"cert":null,"key":null,"verify":true}
{"login":"guest","host":"::1","port":5673,"vhost":"/","heartbeat":0,"connect_timeout":0,"channel_max":256,"frame_max":131072,"sasl":0,"cacert":null,"cert":null,"key":null,"verify":true}
{"login":"user","host":"127.0.0.1","port":5672,"vhost":"/","heartbeat":0,"connect_timeout":0,"channel_max":256,"frame_max":131072,"sasl":0,"cacert":null,"cert":null,"key":null,"verify":true}
bool(true)
-- parameters
{"login":"guest","host":"h","port":5671,"vhost":"/","heartbeat":30,"connect_timeout":2.5,"channel_max":100,"frame_max":65536,"sasl":1,"cacert":"/etc/ca.pem","cert":"/c.pem","key":"/k.pem","verify":false}
{"login":"guest","host":"h","port":5672,"vhost":"/","heartbeat":0,"connect_timeout":0,"channel_max":256,"frame_max":131072,"sasl":0,"cacert":null,"cert":null,"key":null,"verify":true}
-- explicit keys win, whatever their order
{"login":"explicit-login","host":"explicit-host","port":2,"vhost":"explicit-vhost","heartbeat":9,"connect_timeout":0,"channel_max":7,"frame_max":131072,"sasl":0,"cacert":null,"cert":null,"key":null,"verify":true}
string(5) "uripw"
{"login":"u","host":"urihost","port":5672,"vhost":"v","heartbeat":0,"connect_timeout":0,"channel_max":256,"frame_max":131072,"sasl":0,"cacert":null,"cert":null,"key":null,"verify":true}
-- ini amqp.uri
string(0) ""
{"login":"iniuser","host":"inihost","port":5999,"vhost":"inivhost","heartbeat":3,"connect_timeout":0,"channel_max":256,"frame_max":131072,"sasl":0,"cacert":null,"cert":null,"key":null,"verify":true}
{"login":"iniuser","host":"explicit-host","port":5999,"vhost":"inivhost","heartbeat":3,"connect_timeout":0,"channel_max":256,"frame_max":131072,"sasl":0,"cacert":null,"cert":null,"key":null,"verify":true}
{"login":"guest","host":"keyhost","port":5672,"vhost":"/","heartbeat":0,"connect_timeout":0,"channel_max":256,"frame_max":131072,"sasl":0,"cacert":null,"cert":null,"key":null,"verify":true}
{"login":"iniuser","host":"inihost","port":5999,"vhost":"inivhost","heartbeat":3,"connect_timeout":0,"channel_max":256,"frame_max":131072,"sasl":0,"cacert":null,"cert":null,"key":null,"verify":true}
amqp.uri => amqp://iniuser:********@inihost:5999/inivhost?heartbeat=3 => no value
bool(false)
bool(true)
string(0) ""
Invalid URI: invalid port in URI
-- a second __construct forgets the first URI's TLS
bool(true)
-- bad URIs
AMQPConnectionException(0): Invalid URI: invalid URI scheme (expected amqp:// or amqps://)
AMQPConnectionException(0): Invalid URI: invalid URI scheme (expected amqp:// or amqps://)
AMQPConnectionException(0): Invalid URI: invalid port in URI
AMQPConnectionException(0): Invalid URI: invalid port in URI
AMQPConnectionException(0): Invalid URI: invalid port in URI
AMQPConnectionException(0): Invalid URI: invalid vhost in URI: more than one path segment (write a '/' in the vhost as %2F)
AMQPConnectionException(0): Invalid URI: invalid percent-encoding in the vhost
AMQPConnectionException(0): Invalid URI: invalid percent-encoding in the user name
AMQPConnectionException(0): Invalid URI: invalid percent-encoding in the password
AMQPConnectionException(0): Invalid URI: unexpected '@' after the host in URI (percent-encode '@', '/', '?', '#' in the user name and password as %40, %2F, %3F, %23)
AMQPConnectionException(0): Invalid URI: more than one '@' in URI (percent-encode '@' in the user name or password as %40)
AMQPConnectionException(0): Invalid URI: invalid IPv6 address in URI (no closing ']')
AMQPConnectionException(0): Invalid URI: invalid IPv6 address in URI
AMQPConnectionException(0): Invalid URI: NUL byte in the host
AMQPConnectionException(0): Invalid URI: unknown URI parameter 'x'
AMQPConnectionException(0): Invalid URI: duplicate URI parameter 'heartbeat'
AMQPConnectionException(0): Invalid URI: invalid value for URI parameter 'heartbeat'
AMQPConnectionException(0): Invalid URI: URI parameter 'heartbeat' has no value
AMQPConnectionException(0): Invalid URI: invalid value for URI parameter 'verify'
AMQPConnectionException(0): Invalid URI: invalid value for URI parameter 'auth_mechanism'
AMQPConnectionException(0): Invalid URI: URI parameter 'channel_max' is out of range (0 to 256)
AMQPConnectionException(0): Invalid URI: URI parameter 'frame_max' is out of range (0 to 2147483647)
AMQPConnectionException(0): Invalid URI: fragment ('#') not allowed in URI
AMQPConnectionException(0): Invalid URI: the password exceeds 1024 characters
bool(false)
bool(false)

Warning: Array to string conversion in %s on line %d
AMQPConnectionException(0): Invalid URI: invalid URI scheme (expected amqp:// or amqps://)
-- connect to the private broker
bool(true)
int(10)
int(20)
float(5)
int(0)
bool(true)
bool(true)
AMQPConnectionException(403): %s
bool(false)
-- TLS through amqps://
bool(true)
bool(true)
AMQPConnectionException(0): Socket error: could not connect to host, SSL handshake failed: %scertificate verify failed%s
bool(true)
NULL
AMQPConnectionException(0): Socket error: could not connect to host, SSL handshake failed: %scertificate verify failed (hostname mismatch)
bool(true)
bool(true)

--TEST--
AMQPConnection::connect(): broker refusals: wrong password (403), missing vhost and vhost without permission (530); the password is in no message or trace
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';
$secret = 'wrong-' . bin2hex(random_bytes(6));
// no user function around connect(): a user function's own arguments would
// show in the trace
$cases = [
    ['password' => $secret],
    ['login' => 'nobody', 'password' => $secret],
    ['vhost' => 'nope-vhost', 'password' => $secret . 'x'],
    ['vhost' => mq_test_env('MQ_TEST_VHOST2'), 'login' => mq_test_env('MQ_TEST_LIMITED_USER'),
     'password' => mq_test_env('MQ_TEST_LIMITED_PASSWORD')],
];
$conns = [];
foreach ($cases as $cred) {
    $cred = mq_test_credentials($cred);
    if ($cred['password'] === $secret . 'x') {
        $cred['password'] = mq_test_env('MQ_TEST_PASSWORD');
    }
    $c = new AMQPConnection($cred);
    unset($cred);
    $conns[] = $c;
    try {
        $c->connect();
        echo "connected\n";
    } catch (AMQPConnectionException $e) {
        echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n";
        foreach ([$e->getMessage(), $e->getTraceAsString(), (string) $e, print_r($e->getTrace(), true)] as $text) {
            if (str_contains($text, $secret)) {
                echo "PASSWORD LEAKED\n";
            }
        }
    }
    var_dump($c->isConnected());
}
$c = $conns[0];

echo "-- the same object connects once the password is right\n";
$c->setPassword(mq_test_env('MQ_TEST_PASSWORD'));
$c->connect();
var_dump($c->isConnected());
$ch = new AMQPChannel($c);
var_dump($ch->isConnected());
?>
--EXPECT--
AMQPConnectionException(403): Server connection error: 403, message: ACCESS_REFUSED - Login was refused using authentication mechanism PLAIN. For details see the broker logfile.
bool(false)
AMQPConnectionException(403): Server connection error: 403, message: ACCESS_REFUSED - Login was refused using authentication mechanism PLAIN. For details see the broker logfile.
bool(false)
AMQPConnectionException(530): Server connection error: 530, message: NOT_ALLOWED - vhost nope-vhost not found
bool(false)
AMQPConnectionException(530): Server connection error: 530, message: NOT_ALLOWED - access to vhost 'mqtest' refused for user 'limited'
bool(false)
-- the same object connects once the password is right
bool(true)
bool(true)

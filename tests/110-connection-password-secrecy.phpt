--TEST--
AMQPConnection: the password never shows in var_dump/print_r/var_export/(array)/serialize/json, nor in stack traces of the constructor or setPassword()
--EXTENSIONS--
amqp
--FILE--
<?php
$secret = 'S3cr3t-' . bin2hex(random_bytes(4));
$c = new AMQPConnection(['password' => $secret]);
$c->setPassword($secret . 'x');
$c->setPassword($secret);
$dumps = [];
ob_start();
var_dump($c);
print_r($c);
echo "\n";
var_export($c);
echo "\n";
$dumps[] = ob_get_clean();
$dumps[] = print_r((array) $c, true);
$dumps[] = serialize($c);
$dumps[] = json_encode((array) $c);
$dumps[] = print_r(get_mangled_object_vars($c), true);
$dumps[] = (new ReflectionProperty(AMQPConnection::class, 'password'))->getValue($c);
foreach ($dumps as $i => $d) {
    echo $i, ': ', str_contains($d, $secret) ? 'LEAKED' : 'hidden', ', mask ', str_contains($d, '********') ? 'shown' : 'absent', "\n";
}
var_dump($c->getPassword() === $secret);

try {
    new AMQPConnection(['password' => $secret, 'port' => 0]);
} catch (AMQPConnectionException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
    echo str_contains($e->getTraceAsString(), $secret) ? 'LEAKED' : 'hidden', "\n";
    echo str_contains(print_r($e->getTrace(), true), $secret) ? 'LEAKED' : 'hidden', "\n";
    echo str_contains((string) $e, $secret) ? 'LEAKED' : 'hidden', "\n";
}
function setpw($c, $pw) { $c->setPassword($pw); }
try {
    setpw($c, str_repeat($secret, 200));
} catch (AMQPConnectionException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
    $t = $e->getTrace();
    var_dump($t[0]['function'], $t[0]['args'][0] instanceof SensitiveParameterValue);
}
?>
--EXPECT--
0: hidden, mask shown
1: hidden, mask shown
2: hidden, mask shown
3: hidden, mask shown
4: hidden, mask shown
5: hidden, mask shown
bool(true)
AMQPConnectionException: Parameter 'port' must be a valid port number between 1 and 65535.
hidden
hidden
hidden
AMQPConnectionException: Parameter 'password' exceeds 1024 character limit.
string(11) "setPassword"
bool(true)

--TEST--
the password is never shown: phpinfo()/php --ri mask amqp.password (and amqp.uri), var_dump/print_r/var_export of a connection mask it, exceptions of a refused login or an unreachable URI do not contain it
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--INI--
amqp.password=ini-Secret-1
amqp.uri=amqp://guest:uri-Secret-2@127.0.0.1:1/
--FILE--
<?php
require __DIR__ . '/_broker.inc';
$secrets = ['ini-Secret-1', 'uri-Secret-2', 'ctor-Secret-3', 'set-Secret-4'];
function check(string $what, string $out): void {
    global $secrets;
    $found = array_filter($secrets, fn($s) => str_contains($out, $s));
    echo $what, ': ', $found ? 'SHOWS ' . implode(', ', $found) : 'masked', "\n";
}

ob_start();
phpinfo(INFO_MODULES);
$info = ob_get_clean();
check('phpinfo()', $info);
preg_match('/^amqp\.password => .*$/m', $info, $m);
echo $m[0], "\n";
ini_set('amqp.password', 'set-Secret-4');
ob_start();
phpinfo(INFO_MODULES);
$info = ob_get_clean();
check('phpinfo() after ini_set', $info);
preg_match('/^amqp\.password => .*$/m', $info, $m);
echo $m[0], "\n";
ini_restore('amqp.password');

$c = new AMQPConnection(mq_test_credentials(['password' => 'ctor-Secret-3']));
check('var_dump', (function () use ($c) { ob_start(); var_dump($c); return ob_get_clean(); })());
check('print_r', print_r($c, true));
check('var_export', var_export($c, true));
try {
    $c->connect();
} catch (AMQPException $e) {
    check('refused login: ' . get_class($e), (string) $e);
}
$c->setPassword('set-Secret-4');
try {
    $c->connect();
} catch (AMQPException $e) {
    check('refused login after setPassword: ' . get_class($e), (string) $e);
}
$u = new AMQPConnection(); // amqp.uri from the ini: port 1, nothing listens
check('var_dump (ini uri)', (function () use ($u) { ob_start(); var_dump($u); return ob_get_clean(); })());
try {
    $u->connect();
} catch (AMQPException $e) {
    check('unreachable uri: ' . get_class($e), (string) $e);
}
?>
--EXPECT--
phpinfo(): masked
amqp.password => ******** => ********
phpinfo() after ini_set: masked
amqp.password => ******** => ********
var_dump: masked
print_r: masked
var_export: masked
refused login: AMQPConnectionException: masked
refused login after setPassword: AMQPConnectionException: masked
var_dump (ini uri): masked
unreachable uri: AMQPConnectionException: masked

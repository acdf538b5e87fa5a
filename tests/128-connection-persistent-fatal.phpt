--TEST--
AMQPConnection::pconnect(): a request that ends in a fatal error (engine bailout) drops its pooled connection, an uncaught exception does not; checked with requests of one php-cgi process
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc';
require_once __DIR__ . '/_fastcgi.inc';
if (!mq_cgi_binary()) echo 'skip php-cgi not available';
elseif (!mq_cgi_extension_path()) echo 'skip cannot locate the loaded mq.so (/proc/self/maps)';
?>
--EXTENSIONS--
amqp
--INI--
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/_broker.inc';
require __DIR__ . '/_fastcgi.inc';
$cname = mq_test_name('mq-fcgi-fatal-');
$dir = sys_get_temp_dir() . '/' . $cname;
mkdir($dir);
$script = "$dir/request.php";
file_put_contents($script, '<?php
$c = new AMQPConnection(' . var_export(mq_test_credentials(['connection_name' => $cname]), true) . ');
$c->pconnect();
$ch = new AMQPChannel($c);
echo "request ", $_SERVER["MQ_REQUEST"], ": persistent ", var_export($c->isPersistent(), true), "\n";
if ($_SERVER["MQ_REQUEST"] === "fatal") {
    trigger_error("fatal on purpose", E_USER_ERROR);
}
if ($_SERVER["MQ_REQUEST"] === "exception") {
    throw new LogicException("uncaught on purpose");
}
');
function server_conns(string $cname): array {
    $pids = [];
    foreach (explode("\n", mq_test_ctl('list_connections', '-q', 'pid', 'state', 'client_properties')) as $row) {
        $f = explode("\t", $row);
        if (count($f) === 3 && $f[1] === 'running' && str_contains($f[2], '{"connection_name","' . $cname . '"}')) {
            $pids[] = $f[0];
        }
    }
    return $pids;
}
$cgi = mq_cgi_start();
try {
    $out = mq_cgi_request($cgi, $script, ['MQ_REQUEST' => 'exception']);
    echo trim(explode("\n", trim(strip_tags($out)))[0]), "\n";
    usleep(300000);
    $after0 = server_conns($cname);
    var_dump(count($after0));

    $out = mq_cgi_request($cgi, $script, ['MQ_REQUEST' => 'fatal']);
    echo preg_replace("/\n+/", "\n", trim(preg_replace('/ in \S+ on line \d+/', '', strip_tags($out)))), "\n";
    usleep(300000);
    $after1 = server_conns($cname);
    var_dump(count($after1));

    echo mq_cgi_request($cgi, $script, ['MQ_REQUEST' => 'next']);
    usleep(300000);
    $after2 = server_conns($cname);
    var_dump(count($after2), $after2 !== $after0);
} finally {
    mq_cgi_stop($cgi);
    unlink($script);
    rmdir($dir);
}
?>
--EXPECTF--
request exception: persistent true
int(1)
request fatal: persistent true
Fatal error:%sfatal on purpose
int(0)
request next: persistent true
int(1)
bool(true)

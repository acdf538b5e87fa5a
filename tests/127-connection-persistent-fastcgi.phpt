--TEST--
AMQPConnection::pconnect() across two FastCGI requests of one php-cgi process: the second request reuses the same broker connection, its channels were closed at the end of the first
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc';
require_once __DIR__ . '/_fastcgi.inc';
if (!mq_cgi_binary()) echo 'skip php-cgi not available';
elseif (!mq_cgi_extension_path()) echo 'skip cannot locate the loaded mq.so (/proc/self/maps)';
?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';
require __DIR__ . '/_fastcgi.inc';
$cname = mq_test_name('mq-fcgi-');
$dir = sys_get_temp_dir() . '/' . $cname;
mkdir($dir);
$script = "$dir/request.php";
file_put_contents($script, '<?php
$c = new AMQPConnection(' . var_export(mq_test_credentials(['connection_name' => $cname]), true) . ');
$c->pconnect();
$ch = new AMQPChannel($c);
echo json_encode([
    "request" => $_SERVER["MQ_REQUEST"],
    "persistent" => $c->isPersistent(),
    "channel" => $ch->getChannelId(),
    "used" => $c->getUsedChannels(),
]), "\n";
// no disconnect: the channel is closed and the connection pooled at request end
');
function server_conns(string $cname): array {
    $pids = [];
    foreach (explode("\n", mq_test_ctl('list_connections', '-q', 'pid', 'state', 'channels', 'client_properties')) as $row) {
        $f = explode("\t", $row);
        if (count($f) === 4 && $f[1] === 'running' && str_contains($f[3], '{"connection_name","' . $cname . '"}')) {
            $pids[$f[0]] = (int) $f[2];
        }
    }
    return $pids;
}
$cgi = mq_cgi_start();
try {
    echo mq_cgi_request($cgi, $script, ['MQ_REQUEST' => '1']);
    usleep(300000);
    $after1 = server_conns($cname);
    var_dump(count($after1), array_values($after1));
    echo mq_cgi_request($cgi, $script, ['MQ_REQUEST' => '2']);
    usleep(300000);
    $after2 = server_conns($cname);
    var_dump(count($after2), array_keys($after1) === array_keys($after2));
} finally {
    mq_cgi_stop($cgi);
    unlink($script);
    rmdir($dir);
}
usleep(500000);
var_dump(count(server_conns($cname)));
?>
--EXPECT--
{"request":"1","persistent":true,"channel":1,"used":1}
int(1)
array(1) {
  [0]=>
  int(0)
}
{"request":"2","persistent":true,"channel":1,"used":1}
int(1)
bool(true)
int(0)

--TEST--
AMQPConnection: connection_name and the connection type reach the broker's client properties (rabbitmqctl list_connections)
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';
function props_of(string $name): ?string {
    foreach (explode("\n", mq_test_ctl('list_connections', '-q', 'client_properties')) as $row) {
        if (str_contains($row, '{"connection_name","' . $name . '"}')) {
            return $row;
        }
    }
    return null;
}
$name = mq_test_name('mq-name-');
$c = mq_test_connection(['connection_name' => $name]);
$row = props_of($name);
var_dump($row !== null);
var_dump(str_contains($row, '{"connection type","transient"}'), str_contains($row, '{"product","mq"}'));
var_dump(str_contains($row, '{"authentication_failure_close",true}'));
$c->disconnect();

echo "-- set by setConnectionName(), persistent\n";
$name2 = mq_test_name('mq-pname-');
$p = new AMQPConnection(mq_test_credentials());
$p->setConnectionName($name2);
$p->pconnect();
$row = props_of($name2);
var_dump($row !== null, str_contains($row, '{"connection type","persistent"}'));
$p->pdisconnect();
var_dump(props_of($name2));

echo "-- an empty name is no name\n";
$c = mq_test_connection(['connection_name' => '']);
var_dump($c->getConnectionName());
$c->setConnectionName('');
$c->reconnect();
var_dump(props_of(''));
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
-- set by setConnectionName(), persistent
bool(true)
bool(true)
NULL
-- an empty name is no name
NULL
NULL

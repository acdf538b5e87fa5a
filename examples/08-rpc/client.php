<?php
// Makes RPC calls given as METHOD:ARG or METHOD:ARG/TIMEOUT, one after the
// other:  php client.php fib:10 sleep:2/0.5
declare(strict_types=1);
require __DIR__ . '/config.php';
require __DIR__ . '/RpcClient.php';

$conn = connect('rpc client');
$rpc = new RpcClient($conn);
foreach (array_slice($argv, 1) as $spec) {
    [$call, $timeout] = array_pad(explode('/', $spec, 2), 2, '5');
    [$method, $arg] = explode(':', $call, 2);
    try {
        $result = $rpc->call($method, is_numeric($arg) ? $arg + 0 : $arg, (float) $timeout);
        printf("client: %s(%s) -> %s\n", $method, $arg, json_encode($result));
    } catch (RpcTimeout $e) {
        printf("client: timeout: %s\n", $e->getMessage());
    }
}
$conn->disconnect();

--TEST--
AMQPQueue: php-amqp's declared signatures with mq's extra arguments beyond them (a connection for the constructor, the optional name of declareQueue()/declare())
--DESCRIPTION--
The arginfo is php-amqp's (tests/300, tests/715), the implementations accept
more: a php-amqp-style subclass works on a channel and on a connection; the
undeclared name is taken as a declared ?string would be (null, coercion in
weak mode, call_user_func(), spread), but not as a named argument; a wrong
type or a second argument throws before anything is sent.  The seed example
(new AMQPQueue($conn), passive declare('jobs'), 404 with the connection left
usable) is pinned by tests/304.
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
require __DIR__ . '/_broker.inc';
function ex(Throwable $e) { echo get_class($e), '(', $e->getCode(), '): ', $e->getMessage(), "\n"; }

class TracingQueue extends AMQPQueue
{
    public function declareQueue(): int { echo "traced\n"; return parent::declareQueue(); }
    public function declare(): int { return $this->declareQueue(); }
}
class Name
{
    public function __construct(private string $name) {}
    public function __toString(): string { return $this->name; }
}

$conn = mq_test_connection();
$ch = new AMQPChannel($conn);

echo "-- a php-amqp-style subclass on a channel and (mq extension) on a connection\n";
foreach ([$ch, $conn] as $arg) {
    $t = new TracingQueue($arg);
    $t->setFlags(AMQP_EXCLUSIVE);
    var_dump($t->declare(), strncmp($t->getName(), 'amq.gen-', 8) === 0,
             $t->getChannel()->isConnected(), ($t->getChannel() === $ch) === ($arg === $ch));
}
try { new AMQPQueue($ch, 1); } catch (ArgumentCountError $e) { ex($e); }

echo "-- the undeclared name: string, null, call_user_func(), spread, Stringable (weak mode)\n";
$q = new AMQPQueue($conn);
$q->setFlags(AMQP_EXCLUSIVE);
$n1 = mq_test_name('mq-extra-');
var_dump($q->declareQueue($n1), $q->getName() === $n1);
var_dump($q->declare(null), $q->getName() === $n1);
$n2 = mq_test_name('mq-extra-');
var_dump(call_user_func([$q, 'declare'], $n2), $q->getName() === $n2);
$n3 = mq_test_name('mq-extra-');
var_dump($q->declareQueue(...[$n3]), $q->getName() === $n3);
$n4 = mq_test_name('mq-extra-');
var_dump($q->declare(new Name($n4)), $q->getName() === $n4);

echo "-- wrong arguments throw before anything is sent\n";
try { $q->declare([]); } catch (TypeError $e) { ex($e); }
try { $q->declareQueue(new stdClass()); } catch (TypeError $e) { ex($e); }
try { $q->declare($n1, 'x'); } catch (ArgumentCountError $e) { ex($e); }
try { $q->declareQueue(name: $n1); } catch (Error $e) { ex($e); }
eval('declare(strict_types=1);
try { $q->declare(5); } catch (TypeError $e) { ex($e); }
try { $q->declareQueue(new Name("x")); } catch (TypeError $e) { ex($e); }
var_dump($q->declareQueue(null));');
var_dump($q->getName() === $n4, $q->getChannel()->isConnected(), $q->declare(), $q->getName() === $n4);
$conn->disconnect();
?>
--EXPECT--
-- a php-amqp-style subclass on a channel and (mq extension) on a connection
traced
int(0)
bool(true)
bool(true)
bool(true)
traced
int(0)
bool(true)
bool(true)
bool(true)
ArgumentCountError(0): AMQPQueue::__construct() expects exactly 1 argument, 2 given
-- the undeclared name: string, null, call_user_func(), spread, Stringable (weak mode)
int(0)
bool(true)
int(0)
bool(true)
int(0)
bool(true)
int(0)
bool(true)
int(0)
bool(true)
-- wrong arguments throw before anything is sent
TypeError(0): AMQPQueue::declare(): Argument #1 ($name) must be of type ?string, array given
TypeError(0): AMQPQueue::declareQueue(): Argument #1 ($name) must be of type ?string, stdClass given
ArgumentCountError(0): AMQPQueue::declare() expects at most 1 argument, 2 given
Error(0): Unknown named parameter $name
TypeError(0): AMQPQueue::declare(): Argument #1 ($name) must be of type ?string, int given
TypeError(0): AMQPQueue::declareQueue(): Argument #1 ($name) must be of type ?string, Name given
int(0)
bool(true)
bool(true)
int(0)
bool(true)

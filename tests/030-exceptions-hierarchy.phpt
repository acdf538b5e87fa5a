--TEST--
exceptions: class hierarchy, Exception's constructor (message, code, previous), catchable as AMQPException
--EXTENSIONS--
amqp
--FILE--
<?php
$classes = ['AMQPException', 'AMQPConnectionException', 'AMQPChannelException', 'AMQPQueueException',
            'AMQPExchangeException', 'AMQPValueException', 'AMQPEnvelopeException'];
foreach ($classes as $c) {
    $r = new ReflectionClass($c);
    echo $c, ': parent ', $r->getParentClass()->getName(),
        ', ctor ', $r->getConstructor()->getDeclaringClass()->getName(),
        $r->isFinal() ? ', final' : '', "\n";
}
$prev = new RuntimeException('inner');
foreach ($classes as $c) {
    try {
        throw new $c("text of $c", 404, $prev);
    } catch (AMQPException $e) {
        printf("%s(%d): %s, previous %s\n", get_class($e), $e->getCode(), $e->getMessage(),
            get_class($e->getPrevious()));
    }
}
// what test doubles do
$e = new AMQPQueueException('Consumer timeout exceed');
var_dump($e->getMessage(), $e->getCode(), $e->getPrevious());
$e = new AMQPConnectionException();
var_dump($e->getMessage(), $e->getCode());
// named arguments of Exception::__construct
$e = new AMQPChannelException(code: 7, message: 'm');
var_dump($e->getMessage(), $e->getCode());
// user subclasses are allowed (no class is final)
class MyQueueException extends AMQPQueueException {}
var_dump(new MyQueueException('x') instanceof AMQPException);
try {
    new AMQPException('x', 'not a number');
} catch (TypeError $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
?>
--EXPECT--
AMQPException: parent Exception, ctor Exception
AMQPConnectionException: parent AMQPException, ctor Exception
AMQPChannelException: parent AMQPException, ctor Exception
AMQPQueueException: parent AMQPException, ctor Exception
AMQPExchangeException: parent AMQPException, ctor Exception
AMQPValueException: parent AMQPException, ctor Exception
AMQPEnvelopeException: parent AMQPException, ctor Exception
AMQPException(404): text of AMQPException, previous RuntimeException
AMQPConnectionException(404): text of AMQPConnectionException, previous RuntimeException
AMQPChannelException(404): text of AMQPChannelException, previous RuntimeException
AMQPQueueException(404): text of AMQPQueueException, previous RuntimeException
AMQPExchangeException(404): text of AMQPExchangeException, previous RuntimeException
AMQPValueException(404): text of AMQPValueException, previous RuntimeException
AMQPEnvelopeException(404): text of AMQPEnvelopeException, previous RuntimeException
string(23) "Consumer timeout exceed"
int(0)
NULL
string(0) ""
int(0)
string(1) "m"
int(7)
bool(true)
TypeError: Exception::__construct(): Argument #2 ($code) must be of type int, string given

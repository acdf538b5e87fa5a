--TEST--
php-amqp 2.x compat: AMQPConnection::getUsedChannels() drops as soon as a channel object is destroyed
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--EXTENSIONS--
amqp
--FILE--
<?php
/* php-amqp 2.x compatibility: getUsedChannels() after channel objects are
 * destroyed.  php-amqp closes a channel synchronously when its object goes
 * away, so the count drops at once (php-amqp's channel slot tests print
 * these numbers); mq closes without blocking (§7.8) but must not count a
 * channel whose close-ok is merely pending. */
require __DIR__ . '/_broker.inc';
$cnn = mq_test_connection();
echo 'Used channels: ', $cnn->getUsedChannels(), PHP_EOL;
$ch = new AMQPChannel($cnn);
echo 'Used channels: ', $cnn->getUsedChannels(), PHP_EOL;
$ch = new AMQPChannel($cnn);           // the first channel object is destroyed here
echo 'Used channels: ', $cnn->getUsedChannels(), PHP_EOL;
$ch = null;
echo 'Used channels: ', $cnn->getUsedChannels(), PHP_EOL;
for ($i = 0; $i < 10; $i++) {
    $ch = new AMQPChannel($cnn);
}
echo 'Used channels: ', $cnn->getUsedChannels(), PHP_EOL;
$ch->close();
echo 'Used channels: ', $cnn->getUsedChannels(), PHP_EOL;
$ch = null;
echo 'Used channels: ', $cnn->getUsedChannels(), PHP_EOL;
--EXPECT--
Used channels: 0
Used channels: 1
Used channels: 1
Used channels: 0
Used channels: 1
Used channels: 0
Used channels: 0

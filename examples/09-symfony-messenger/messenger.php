<?php
// Symfony Messenger over AMQP: the "amqp" transport of symfony/messenger
// (Debian: php-symfony-amqp-messenger) runs on top of the amqp extension's
// classes, so it works unchanged with mq.
//
//   php messenger.php send EMAIL...   dispatch one SendWelcomeEmail per address
//   php messenger.php consume         handle what is queued, then stop
//
// No framework, no container configuration: a message bus built by hand
// with the two middlewares that matter here -- "send" (routes a message to
// the transport) and "handle" (calls the handler for a received message).
declare(strict_types=1);

require '/usr/share/php/Symfony/Component/Messenger/autoload.php';
require '/usr/share/php/Symfony/Component/Messenger/Bridge/Amqp/autoload.php';

use Psr\Container\ContainerInterface;
use Symfony\Component\Messenger\Bridge\Amqp\Transport\AmqpTransport;
use Symfony\Component\Messenger\Bridge\Amqp\Transport\Connection;
use Symfony\Component\Messenger\Handler\HandlersLocator;
use Symfony\Component\Messenger\MessageBus;
use Symfony\Component\Messenger\Middleware\HandleMessageMiddleware;
use Symfony\Component\Messenger\Middleware\SendMessageMiddleware;
use Symfony\Component\Messenger\Stamp\ReceivedStamp;
use Symfony\Component\Messenger\Transport\Sender\SendersLocator;
use Symfony\Component\Messenger\Transport\Serialization\PhpSerializer;

/** The message: a plain PHP object. */
final class SendWelcomeEmail
{
    public function __construct(public readonly string $email)
    {
    }
}

/** Its handler: any callable. */
$handler = static function (SendWelcomeEmail $message): void {
    echo "handler: welcome e-mail sent to {$message->email}\n";
};

// The transport: a DSN like a framework's MESSENGER_TRANSPORT_DSN.  Symfony
// declares the exchange "symfony.messages" (fanout) and the durable queue
// below, publishes with publisher confirms, and acks after handling.
$dsn = sprintf('amqp://%s:%s@%s:%d/%%2f/symfony.messages',
    rawurlencode(getenv('MQ_TEST_USER') ?: 'guest'), rawurlencode(getenv('MQ_TEST_PASSWORD') ?: 'guest'),
    getenv('MQ_TEST_HOST') ?: 'localhost', (int) (getenv('MQ_TEST_PORT') ?: 5672));
$connection = Connection::fromDsn($dsn, [
    'queues' => ['symfony.welcome' => []],
    'read_timeout' => 5,          // never hang
    'write_timeout' => 5,
    'connect_timeout' => 5,
    'confirm_timeout' => 5,
]);
$transport = new AmqpTransport($connection, new PhpSerializer());

// Routing "SendWelcomeEmail goes to the transport named amqp".
$transports = new class(['amqp' => $transport]) implements ContainerInterface {
    public function __construct(private array $services)
    {
    }

    public function get(string $id): mixed
    {
        return $this->services[$id];
    }

    public function has(string $id): bool
    {
        return isset($this->services[$id]);
    }
};
$bus = new MessageBus([
    new SendMessageMiddleware(new SendersLocator([SendWelcomeEmail::class => ['amqp']], $transports)),
    new HandleMessageMiddleware(new HandlersLocator([SendWelcomeEmail::class => [$handler]])),
]);

switch ($argv[1] ?? '') {
    case 'send':
        foreach (array_slice($argv, 2) as $email) {
            $bus->dispatch(new SendWelcomeEmail($email));   // goes to RabbitMQ, not to the handler
            echo "sent: SendWelcomeEmail($email)\n";
        }
        break;

    case 'consume':
        // What `bin/console messenger:consume amqp` does, reduced: fetch,
        // handle through the bus (the ReceivedStamp stops it from sending
        // the message again), ack.
        $handled = 0;
        while (true) {
            $envelopes = iterator_to_array($transport->get());
            if ($envelopes === []) {
                break;                                       // the queue is empty
            }
            foreach ($envelopes as $envelope) {
                $bus->dispatch($envelope->with(new ReceivedStamp('amqp')));
                $transport->ack($envelope);
                $handled++;
            }
        }
        echo "consumer: $handled message(s) handled, queue empty\n";
        break;

    case 'cleanup':
        // Remove what Symfony's auto-setup declared (for repeated runs).
        $conn = new AMQPConnection(['host' => getenv('MQ_TEST_HOST') ?: 'localhost',
            'port' => (int) (getenv('MQ_TEST_PORT') ?: 5672),
            'login' => getenv('MQ_TEST_USER') ?: 'guest', 'password' => getenv('MQ_TEST_PASSWORD') ?: 'guest',
            'connect_timeout' => 5, 'read_timeout' => 5]);
        $conn->connect();
        $ch = new AMQPChannel($conn);
        $q = new AMQPQueue($ch);
        $q->setName('symfony.welcome');
        $q->delete();
        (new AMQPExchange($ch))->delete('symfony.messages');
        $conn->disconnect();
        break;

    default:
        fwrite(STDERR, "usage: php messenger.php send EMAIL... | consume | cleanup\n");
        exit(2);
}

<?php
// A tiny chat built from two routing patterns:
//
//  * private messages: one durable queue per user ("inbox"), bound to the
//    direct exchange chat.private with the user name as binding key.  The
//    inbox exists while the user is offline, so messages wait for them.
//  * rooms: one fanout exchange per room.  Every member who is online binds
//    an exclusive, auto-delete, server-named queue to it: a fanout copies
//    each message to all of them.  The queue belongs to the member's
//    connection and disappears when they go offline, so there is no
//    history: you see what is said while you are in the room.
declare(strict_types=1);

const PRIVATE_EXCHANGE = 'chat.private';

function connect(string $name): AMQPConnection
{
    $conn = new AMQPConnection([
        'host' => getenv('MQ_TEST_HOST') ?: 'localhost',
        'port' => (int) (getenv('MQ_TEST_PORT') ?: 5672),
        'login' => getenv('MQ_TEST_USER') ?: 'guest',
        'password' => getenv('MQ_TEST_PASSWORD') ?: 'guest',
        'connection_name' => $name,
        'connect_timeout' => 5,   // never hang: every wait has a limit
        'read_timeout' => 5,
        'write_timeout' => 5,
    ]);
    $conn->connect();
    return $conn;
}

function inbox_name(string $user): string
{
    return "chat.inbox.$user";
}

function room_exchange(string $room): string
{
    return "chat.room.$room";
}

/** Creates a user's account: their private inbox, bound by their name. */
function register_user(AMQPChannel $ch, string $user): void
{
    $ex = new AMQPExchange($ch);
    $ex->setName(PRIVATE_EXCHANGE);
    $ex->setType(AMQP_EX_TYPE_DIRECT);
    $ex->setFlags(AMQP_DURABLE);
    $ex->declareExchange();

    $q = new AMQPQueue($ch);
    $q->setName(inbox_name($user));
    $q->setFlags(AMQP_DURABLE);              // survives the user being offline
    $q->declareQueue();
    $q->bind(PRIVATE_EXCHANGE, $user);       // direct: routing key == user name
}

/** One user who is online: a connection, a channel and their consumers. */
final class ChatClient
{
    private AMQPConnection $conn;
    private AMQPChannel $ch;
    /** @var array<string, string> queue name => where its messages come from */
    private array $sources = [];
    private ?AMQPQueue $anyQueue = null;

    public function __construct(public readonly string $user)
    {
        $this->conn = connect("chat $user");
        $this->ch = new AMQPChannel($this->conn);
        // Start consuming the private inbox (consume() without a callback
        // only registers the consumer; poll() receives).
        $inbox = new AMQPQueue($this->ch);
        $inbox->setName(inbox_name($user));
        $this->listen($inbox, 'private');
        printf("%s is online\n", $user);
    }

    public function join(string $room): void
    {
        $ex = new AMQPExchange($this->ch);
        $ex->setName(room_exchange($room));
        $ex->setType(AMQP_EX_TYPE_FANOUT);
        $ex->declareExchange();

        $q = new AMQPQueue($this->ch);       // no name: the broker makes one up
        $q->setFlags(AMQP_EXCLUSIVE | AMQP_AUTODELETE);
        $q->declareQueue();
        $q->bind(room_exchange($room));      // fanout ignores routing keys
        $this->listen($q, $room);
        printf("%s joined #%s\n", $this->user, $room);
    }

    /** The name of this member's queue in a room (for the demo's check). */
    public function roomQueue(string $room): string
    {
        return (string) array_search($room, $this->sources, true);
    }

    public function say(string $room, string $text): void
    {
        $this->send(room_exchange($room), '', $text);
    }

    public function tell(string $user, string $text): void
    {
        $this->send(PRIVATE_EXCHANGE, $user, $text);
    }

    /** Prints what arrived (private and room messages) until 0.3 s pass without one. */
    public function poll(): void
    {
        $this->conn->setReadTimeout(0.3);
        try {
            // AMQP_JUST_CONSUME: no new consumer, just receive for all of
            // this connection's consumers.
            $this->anyQueue->consume(function (AMQPEnvelope $msg, AMQPQueue $q): bool {
                $from = $msg->getHeader('from');
                $where = $this->sources[$q->getName()];
                printf("  %s sees %s: %s\n", $this->user,
                    $where === 'private' ? "private message from $from" : "#$where $from",
                    $msg->getBody());
                $q->ack($msg->getDeliveryTag());
                return true;
            }, AMQP_JUST_CONSUME);
        } catch (AMQPQueueException $e) {
            if ($e->getMessage() !== 'Consumer timeout exceed') {
                throw $e;
            }
        }
        $this->conn->setReadTimeout(5);
    }

    /** Going offline: the room queues (exclusive) are deleted by the broker. */
    public function quit(): void
    {
        $this->conn->disconnect();
        printf("%s went offline\n", $this->user);
    }

    private function listen(AMQPQueue $q, string $source): void
    {
        $q->consume(null);                   // register only
        $this->sources[$q->getName()] = $source;
        $this->anyQueue ??= $q;
    }

    private function send(string $exchange, string $routingKey, string $text): void
    {
        $ex = new AMQPExchange($this->ch);
        $ex->setName($exchange);
        // Fire and forget (chat messages need no publisher confirms; with
        // php-amqp, waitForConfirm() would also trip over deliveries that
        // arrive on the same connection meanwhile).
        $ex->publish($text, $routingKey, AMQP_NOPARAM, ['headers' => ['from' => $this->user]]);
    }
}

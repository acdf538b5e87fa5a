<?php
// A small RPC client over AMQP: call() publishes a request with reply_to
// (the client's own exclusive reply queue) and a fresh correlation_id, then
// waits for the reply with that id -- at most $timeout seconds.
declare(strict_types=1);

final class RpcTimeout extends RuntimeException
{
}

final class RpcClient
{
    private AMQPChannel $ch;
    private AMQPExchange $ex;
    private AMQPQueue $replies;
    private bool $consuming = false;

    public function __construct(private AMQPConnection $conn)
    {
        $this->ch = new AMQPChannel($conn);
        $this->ex = new AMQPExchange($this->ch);
        // One reply queue for all calls of this client: server-named,
        // exclusive to this connection, deleted when it closes.
        $this->replies = new AMQPQueue($this->ch);
        $this->replies->setFlags(AMQP_EXCLUSIVE | AMQP_AUTODELETE);
        $this->replies->declareQueue();
    }

    public function call(string $method, mixed $arg, float $timeout = 5.0): mixed
    {
        $id = bin2hex(random_bytes(8));
        $this->ex->publish(json_encode(['method' => $method, 'arg' => $arg]), REQUESTS_QUEUE, AMQP_NOPARAM, [
            'reply_to' => $this->replies->getName(),
            'correlation_id' => $id,
            'content_type' => 'application/json',
            // If no server takes the request within the timeout, the broker
            // drops it: nobody would read the answer anyway.
            'expiration' => (string) (int) ceil($timeout * 1000),
        ]);

        $deadline = microtime(true) + $timeout;
        $result = null;
        $answered = false;
        $onReply = function (AMQPEnvelope $reply) use ($id, &$result, &$answered): bool {
            if ($reply->getCorrelationId() !== $id) {
                // The answer to an earlier call that timed out: drop it.
                echo "client: discarding a late reply\n";
                return true;                        // keep waiting
            }
            $result = json_decode($reply->getBody(), true)['result'];
            $answered = true;
            return false;                           // got it: leave consume()
        };
        while (!$answered) {
            $left = $deadline - microtime(true);
            if ($left <= 0) {
                throw new RpcTimeout(sprintf('%s(%s): no reply within %.1f s', $method, json_encode($arg), $timeout));
            }
            $this->conn->setReadTimeout($left);     // consume() gives up after that
            try {
                // The first call registers the consumer (auto-ack: a reply
                // needs no ack), later ones only receive.
                $this->replies->consume($onReply, $this->consuming ? AMQP_JUST_CONSUME : AMQP_AUTOACK);
                $this->consuming = true;
            } catch (AMQPQueueException $e) {
                $this->consuming = true;
                if ($e->getMessage() !== 'Consumer timeout exceed') {
                    throw $e;
                }
            }
        }
        return $result;
    }
}

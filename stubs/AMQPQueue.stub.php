<?php

/**
 * @generate-class-entries
 * @generate-legacy-arginfo 80200
 */

/**
 * A queue on an AMQP channel: declare, bind, get, consume, acknowledge,
 * purge and delete.  Creating the object sends nothing to the broker.
 *
 * Broker errors are thrown as AMQPQueueException with the reply code
 * (channel-level errors: the channel is closed, the connection stays up) or
 * as AMQPConnectionException (connection-level errors).
 *
 * mq improvement: names, routing keys and consumer tags are binary-safe;
 * one longer than 255 bytes is refused with AMQPQueueException ("... must
 * not be longer than 255 bytes.") instead of being cut.
 */
class AMQPQueue
{
    private AMQPConnection $connection;
    private AMQPChannel $channel;
    private ?string $name = null;
    private ?string $consumerTag = null;
    private bool $passive = false;
    private bool $durable = false;
    private bool $exclusive = false;
    private bool $autoDelete = true;
    private array $arguments = [];

    /**
     * Creates a queue object on a channel (no wire traffic).
     *
     * mq extension: an AMQPConnection is accepted as well, although the
     * declared type is php-amqp's AMQPChannel; a new AMQPChannel is then
     * opened on it and used by this queue (getChannel()).  The declaration
     * stays php-amqp's so that reflection and the TypeError of any other
     * argument ("must be of type AMQPChannel, stdClass given") are the
     * same.  PHP debug builds (ZEND_DEBUG) report "Arginfo / zpp mismatch"
     * for an argument outside the declaration; release builds accept it.
     *
     * @param AMQPChannel|AMQPConnection $channel
     * @throws AMQPChannelException "Could not create queue. No channel available." and the
     *         other precondition errors.
     * @throws AMQPConnectionException when the connection is not connected.
     */
    public function __construct(AMQPChannel $channel) {}

    /** The queue name; null when unset or empty.  After declare(), the name the broker confirmed. */
    public function getName(): ?string {}

    /**
     * Sets the queue name (1 to 255 bytes).
     *
     * @throws AMQPQueueException "Invalid queue name given, must be between 1 and 255 characters long."
     */
    public function setName(string $name): void {}

    /** AMQP_PASSIVE | AMQP_DURABLE | AMQP_EXCLUSIVE | AMQP_AUTODELETE as set; AMQP_AUTODELETE by default. */
    public function getFlags(): int {}

    /**
     * Replaces the flags; only AMQP_PASSIVE, AMQP_DURABLE, AMQP_EXCLUSIVE and
     * AMQP_AUTODELETE are kept, null means none.
     */
    public function setFlags(?int $flags): void {}

    /**
     * The value of one argument.
     *
     * @return mixed
     * @throws AMQPQueueException 'The argument "<name>" does not exist'
     */
    public function getArgument(string $argumentName) {}

    /** All arguments (used by declare() and consume()). */
    public function getArguments(): array {}

    /**
     * Sets (or overwrites) one argument.
     *
     * @param mixed $argumentValue null, bool, int, float, string, array, AMQPTimestamp, AMQPDecimal or AMQPValue
     * @throws AMQPQueueException for any other value type
     */
    public function setArgument(string $argumentName, $argumentValue): void {}

    /** Removes one argument; nothing happens if it is not set. */
    public function removeArgument(string $argumentName): void {}

    /** Replaces all arguments; the values are converted when used. */
    public function setArguments(array $arguments): void {}

    /** Whether the argument is set (also when its value is null). */
    public function hasArgument(string $argumentName): bool {}

    /**
     * Declares the queue (queue.declare) and returns the number of ready
     * messages; the name becomes the one the broker confirmed.
     *
     * mq extension: one optional argument, a queue name (string or null),
     * is accepted although it is not declared: declareQueue('jobs') sets
     * the name first (with setName()'s validation); null or no argument
     * declares under the current name.  A name of another type is a
     * TypeError ("Argument #1 ($name) must be of type ?string"), two or
     * more arguments an ArgumentCountError.  The declaration stays
     * php-amqp's declareQueue(): int so that subclasses written for
     * php-amqp (declareQueue(): int overridden) still compile.  Being
     * undeclared, the name cannot be passed as a named argument, and PHP
     * debug builds (ZEND_DEBUG) report "Arginfo / zpp mismatch" when it is
     * passed; release builds accept it.
     *
     * @throws AMQPQueueException e.g. 404 on a passive declare of a missing queue
     * @throws AMQPChannelException|AMQPConnectionException
     */
    public function declareQueue(): int {}

    /**
     * Alias of declareQueue(), with the same undeclared optional name
     * (mq extension): declare('jobs').
     *
     * @throws AMQPQueueException|AMQPChannelException|AMQPConnectionException
     */
    public function declare(): int {}

    /**
     * Binds the queue to an exchange (queue.bind).
     *
     * @throws AMQPQueueException|AMQPChannelException|AMQPConnectionException
     */
    public function bind(string $exchangeName, ?string $routingKey = null, array $arguments = []): void {}

    /**
     * Fetches one message (basic.get); null when the queue is empty.
     *
     * Without $flags, AMQP_AUTOACK applies when the ini setting amqp.auto_ack
     * is on; an explicit null means no flags.
     *
     * @throws AMQPQueueException|AMQPChannelException|AMQPConnectionException
     */
    public function get(?int $flags = null): ?AMQPEnvelope {}

    /**
     * Starts a consumer (basic.consume) unless $flags has AMQP_JUST_CONSUME,
     * then, if $callback is given, runs the delivery loop for every consumer
     * of the connection: $callback(AMQPEnvelope $envelope, AMQPQueue $queue)
     * is called for each message, with the queue object that registered the
     * consumer; returning false ends the loop.
     *
     * The loop waits up to the connection's read timeout for each message
     * (0: forever) and then throws AMQPQueueException "Consumer timeout
     * exceed"; everything stays usable and consume(..., AMQP_JUST_CONSUME)
     * resumes.  Confirms and returns arriving meanwhile go to their channel's
     * callbacks.
     *
     * mq improvements: a broker channel error inside the loop is thrown as
     * AMQPQueueException with its real code and text and closes only that
     * channel; a consumer cancelled by the broker (basic.cancel, e.g. its
     * queue was deleted) is removed and reported as AMQPQueueException
     * "Consumer '<tag>' was cancelled by the server.".
     *
     * @throws AMQPQueueException|AMQPEnvelopeException|AMQPChannelException|AMQPConnectionException
     */
    public function consume(?callable $callback = null, ?int $flags = null, ?string $consumerTag = null): void {}

    /**
     * Acknowledges a message (basic.ack); AMQP_MULTIPLE acknowledges all up to
     * the tag.  Asynchronous: broker-side errors show up at the next
     * synchronous call on the channel.
     *
     * @throws AMQPChannelException|AMQPConnectionException
     */
    public function ack(int $deliveryTag, ?int $flags = null): void {}

    /**
     * Rejects one or more messages (basic.nack); flags AMQP_MULTIPLE and
     * AMQP_REQUEUE.
     *
     * @throws AMQPChannelException|AMQPConnectionException
     */
    public function nack(int $deliveryTag, ?int $flags = null): void {}

    /**
     * Rejects one message (basic.reject); flag AMQP_REQUEUE.
     *
     * @throws AMQPChannelException|AMQPConnectionException
     */
    public function reject(int $deliveryTag, ?int $flags = null): void {}

    /**
     * Redelivers unacknowledged messages (basic.recover).
     *
     * @throws AMQPQueueException|AMQPChannelException|AMQPConnectionException
     */
    public function recover(bool $requeue = true): void {}

    /**
     * Removes all ready messages (queue.purge); returns how many.
     *
     * @throws AMQPQueueException|AMQPChannelException|AMQPConnectionException
     */
    public function purge(): int {}

    /**
     * Cancels a consumer (basic.cancel): $consumerTag, or this queue's own
     * consumer when empty; does nothing when there is neither.
     *
     * @throws AMQPQueueException|AMQPChannelException|AMQPConnectionException
     */
    public function cancel(string $consumerTag = ""): void {}

    /**
     * Deletes the queue (queue.delete; flags AMQP_IFUNUSED, AMQP_IFEMPTY) and
     * returns the number of messages it held.
     *
     * @throws AMQPQueueException|AMQPChannelException|AMQPConnectionException
     */
    public function delete(?int $flags = null): int {}

    /**
     * Removes a binding (queue.unbind).
     *
     * @throws AMQPQueueException|AMQPChannelException|AMQPConnectionException
     */
    public function unbind(string $exchangeName, ?string $routingKey = null, array $arguments = []): void {}

    /** The channel of this queue. */
    public function getChannel(): AMQPChannel {}

    /** The connection of this queue's channel. */
    public function getConnection(): AMQPConnection {}

    /** The tag of the latest consumer started by this object; null before consume() and after cancel(). */
    public function getConsumerTag(): ?string {}

    /**
     * mq extension: the consumer count reported by the latest declare of
     * this object; null before any declare.
     */
    public function getConsumerCount(): ?int {}

    /**
     * mq extension: non-blocking consume for event loops.  Dispatches every
     * delivery already buffered or readable now, of every consumer on this
     * queue's connection (started with consume(), e.g. consume(null) which
     * only registers the consumer), to $callback(AMQPEnvelope $envelope,
     * AMQPQueue $queue) exactly like consume() does, along with confirms
     * and returns (to their channel's callbacks), blocked notifications
     * (AMQPConnection::setBlockedCallback()) and server cancels
     * (setCancelCallback()); it services heartbeats, and returns the number
     * of deliveries dispatched as soon as nothing more is there (0: nothing
     * was there) — never waits, never throws a timeout.  The callback
     * returning false stops it early: call it again before waiting on the
     * stream, the rest is still buffered.  Errors are thrown as by
     * consume().  See AMQPConnection::getStream() for the drain-then-select
     * pattern.
     *
     * @throws AMQPQueueException|AMQPChannelException|AMQPConnectionException|AMQPEnvelopeException
     */
    public function consumeNonBlocking(callable $callback): int {}

    /**
     * mq extension: sets (or with null removes) the callback run when the
     * broker cancels a consumer this queue object started (basic.cancel:
     * the queue was deleted, or a quorum queue's leader moved):
     * $callback(string $consumerTag, AMQPQueue $queue).  The consumer is
     * forgotten first (getConsumerTag() returns null, the channel's
     * getConsumers() no longer lists it); the channel stays open and
     * usable.  Inside consume() the loop goes on after the callback unless
     * it returns false (consume() then returns) or throws.  Without a
     * callback, consume() and consumeNonBlocking() throw
     * AMQPQueueException "Consumer '<tag>' was cancelled by the server."
     */
    public function setCancelCallback(?callable $callback): void {}
}

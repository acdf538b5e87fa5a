<?php

/**
 * @generate-class-entries
 * @generate-legacy-arginfo 80200
 */

/**
 * An exchange on an AMQP channel: declare, delete, bind to other exchanges
 * and publish.  Creating the object sends nothing to the broker.
 *
 * Broker errors are thrown as AMQPExchangeException with the reply code
 * (channel-level errors: the channel is closed) or as
 * AMQPConnectionException (connection-level errors).
 *
 * mq improvement: names, routing keys and property strings are
 * binary-safe; one longer than 255 bytes is refused with
 * AMQPExchangeException ("... must not be longer than 255 bytes.") instead
 * of being cut.
 */
class AMQPExchange
{
    private AMQPConnection $connection;
    private AMQPChannel $channel;
    private ?string $name = null;
    private ?string $type = null;
    private bool $passive = false;
    private bool $durable = false;
    private bool $autoDelete = false;
    private bool $internal = false;
    private array $arguments = [];

    /**
     * Creates an exchange object on a channel (no wire traffic).
     *
     * @throws AMQPChannelException "Could not create exchange. No channel available." and the
     *         other precondition errors.
     * @throws AMQPConnectionException when the connection is not connected.
     */
    public function __construct(AMQPChannel $channel) {}

    /** The exchange name; null when unset or "" (the default exchange). */
    public function getName(): ?string {}

    /**
     * Sets the name (at most 255 bytes); null and "" mean the default exchange.
     *
     * @throws AMQPExchangeException "Invalid exchange name given, must be less than 255 characters long."
     */
    public function setName(?string $exchangeName): void {}

    /** AMQP_PASSIVE | AMQP_DURABLE | AMQP_AUTODELETE | AMQP_INTERNAL as set; 0 by default. */
    public function getFlags(): int {}

    /**
     * Replaces the flags; only AMQP_PASSIVE, AMQP_DURABLE, AMQP_AUTODELETE and
     * AMQP_INTERNAL are kept, null means none.
     */
    public function setFlags(?int $flags): void {}

    /** The exchange type; null when unset or "". */
    public function getType(): ?string {}

    /** Sets the type (AMQP_EX_TYPE_DIRECT, ..._FANOUT, ..._TOPIC, ..._HEADERS or a plugin's type). */
    public function setType(?string $exchangeType): void {}

    /**
     * The value of one argument.
     *
     * @return mixed
     * @throws AMQPExchangeException 'The argument "<name>" does not exist'
     */
    public function getArgument(string $argumentName) {}

    /** All arguments (used by declare()). */
    public function getArguments(): array {}

    /**
     * Sets (or overwrites) one argument.
     *
     * @param mixed $argumentValue null, bool, int, float or string
     * @throws AMQPExchangeException "The value parameter must be of type NULL, int, double or string."
     */
    public function setArgument(string $argumentName, $argumentValue): void {}

    /** Removes one argument; nothing happens if it is not set. */
    public function removeArgument(string $argumentName): void {}

    /** Replaces all arguments; the values are converted at declare time. */
    public function setArguments(array $arguments): void {}

    /** Whether the argument is set (also when its value is null). */
    public function hasArgument(string $argumentName): bool {}

    /**
     * Declares the exchange (exchange.declare).
     *
     * @throws AMQPExchangeException "Could not declare exchange. Exchanges must have a name." /
     *         "... must have a type.", or a broker channel error (e.g. 406, 404, 403)
     * @throws AMQPChannelException|AMQPConnectionException
     */
    public function declareExchange(): void {}

    /**
     * Alias of declareExchange().
     *
     * @throws AMQPExchangeException|AMQPChannelException|AMQPConnectionException
     */
    public function declare(): void {}

    /**
     * Binds this exchange (destination) to the exchange $exchangeName
     * (source) (exchange.bind).
     *
     * @throws AMQPExchangeException|AMQPChannelException|AMQPConnectionException
     */
    public function bind(string $exchangeName, ?string $routingKey = null, array $arguments = []): void {}

    /**
     * Removes an exchange-to-exchange binding (exchange.unbind).
     *
     * @throws AMQPExchangeException|AMQPChannelException|AMQPConnectionException
     */
    public function unbind(string $exchangeName, ?string $routingKey = null, array $arguments = []): void {}

    /**
     * Deletes $exchangeName, or this exchange when it is null or ""
     * (exchange.delete; flag AMQP_IFUNUSED).
     *
     * @throws AMQPExchangeException|AMQPChannelException|AMQPConnectionException
     */
    public function delete(?string $exchangeName = null, ?int $flags = null): void {}

    /**
     * Publishes a message (basic.publish; flags AMQP_MANDATORY and
     * AMQP_IMMEDIATE).  $headers holds the message properties: content_type
     * (default "text/plain"), content_encoding, message_id, user_id, app_id,
     * delivery_mode, priority, timestamp, expiration, type, reply_to,
     * correlation_id, headers (array) and, as an mq extension, cluster_id.
     * Unknown keys are ignored; null and "" values leave a property unset.
     *
     * Fire-and-forget: broker-side failures show up at the next synchronous
     * call on the channel (or in AMQPChannel::waitForConfirm()).
     *
     * mq improvements: nothing is sent when the headers cannot be converted;
     * a property string or routing key longer than 255 bytes is an error
     * (AMQPExchangeException) instead of being cut.
     *
     * @throws AMQPExchangeException|AMQPChannelException|AMQPConnectionException|AMQPException
     */
    public function publish(string $message, ?string $routingKey = null, ?int $flags = null, array $headers = []): void {}

    /** The channel of this exchange. */
    public function getChannel(): AMQPChannel {}

    /** The connection of this exchange's channel. */
    public function getConnection(): AMQPConnection {}
}

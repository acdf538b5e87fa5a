<?php

/**
 * @generate-class-entries
 * @generate-legacy-arginfo 80200
 */

/**
 * An AMQP channel on a connection.  Constructing it opens the channel
 * (channel.open) and sets its prefetch (basic.qos).  A closed channel cannot
 * be reopened: create a new AMQPChannel (and new AMQPQueue/AMQPExchange
 * objects on it).
 */
class AMQPChannel
{
    private AMQPConnection $connection;
    private ?int $prefetchCount = null;
    private ?int $prefetchSize = null;
    private ?int $globalPrefetchCount = null;
    private ?int $globalPrefetchSize = null;
    private array $consumers = [];

    /**
     * Opens a channel on a connected connection.
     *
     * The initial prefetch values come from the amqp.prefetch_count,
     * amqp.prefetch_size, amqp.global_prefetch_count and
     * amqp.global_prefetch_size ini settings.
     *
     * @throws AMQPChannelException when the argument is not an AMQPConnection
     *         or no channel id is free.
     * @throws AMQPConnectionException when the connection is not connected.
     */
    public function __construct(AMQPConnection $connection) {}

    /** Whether the channel is open (false after close(), a channel error or a connection loss). */
    public function isConnected(): bool {}

    /**
     * Closes the channel (channel.close); nothing happens when it is not open.
     *
     * @throws AMQPChannelException
     */
    public function close(): void {}

    /** The channel id (kept after close()). */
    public function getChannelId(): int {}

    /**
     * Sets the per-consumer prefetch window in bytes (basic.qos) and resets
     * the prefetch count to 0.  RabbitMQ does not implement a non-zero size.
     *
     * @throws AMQPConnectionException when not between 0 and 4294967295.
     */
    public function setPrefetchSize(int $size): void {}

    /** The per-consumer prefetch size. */
    public function getPrefetchSize(): int {}

    /**
     * Sets the per-consumer prefetch count (basic.qos) and resets the
     * prefetch size to 0.
     *
     * @throws AMQPConnectionException when not between 0 and 65535.
     */
    public function setPrefetchCount(int $count): void {}

    /** The per-consumer prefetch count. */
    public function getPrefetchCount(): int {}

    /**
     * Sets the per-channel prefetch window in bytes (basic.qos, global) and
     * resets the global prefetch count to 0.
     *
     * @throws AMQPConnectionException when not between 0 and 4294967295.
     */
    public function setGlobalPrefetchSize(int $size): void {}

    /** The per-channel prefetch size. */
    public function getGlobalPrefetchSize(): int {}

    /**
     * Sets the per-channel prefetch count (basic.qos, global) and resets the
     * global prefetch size to 0.
     *
     * @throws AMQPConnectionException when not between 0 and 65535.
     */
    public function setGlobalPrefetchCount(int $count): void {}

    /** The per-channel prefetch count. */
    public function getGlobalPrefetchCount(): int {}

    /**
     * Stores a prefetch size and count (per channel when $global is true,
     * else per consumer) and sends them (basic.qos).
     *
     * @throws AMQPConnectionException when $size is not between 0 and
     *         4294967295 or $count not between 0 and 65535.
     */
    public function qos(int $size, int $count, bool $global = false): void {}

    /**
     * Puts the channel in transaction mode (tx.select).
     *
     * @throws AMQPChannelException
     */
    public function startTransaction(): void {}

    /**
     * Commits the current transaction (tx.commit).
     *
     * @throws AMQPChannelException
     */
    public function commitTransaction(): void {}

    /**
     * Rolls back the current transaction (tx.rollback).
     *
     * @throws AMQPChannelException
     */
    public function rollbackTransaction(): void {}

    /** The connection this channel was opened on. */
    public function getConnection(): AMQPConnection {}

    /**
     * Redelivers the unacknowledged messages of this channel (basic.recover).
     *
     * @throws AMQPChannelException
     */
    public function basicRecover(bool $requeue = true): void {}

    /**
     * Puts the channel in publisher-confirm mode (confirm.select).
     *
     * @throws AMQPChannelException
     */
    public function confirmSelect(): void {}

    /**
     * Waits for publisher confirms (basic.ack/basic.nack) and returned
     * messages (basic.return) and hands them to the callbacks, until a
     * callback returns false or throws, or an event has no callback.
     *
     * @param float $timeout seconds for each wait (0: forever)
     * @throws AMQPChannelException
     * @throws AMQPQueueException "Wait timeout exceed" when nothing arrived in time.
     */
    public function waitForConfirm(float $timeout = 0.0): void {}

    /**
     * Sets (or with null, clears) both confirm callbacks:
     * fn(int $deliveryTag, bool $multiple) and
     * fn(int $deliveryTag, bool $multiple, bool $requeue).
     * A callback returning false ends the wait.
     */
    public function setConfirmCallback(?callable $ackCallback, ?callable $nackCallback = null): void {}

    /**
     * Sets (or with null, clears) the callback for returned messages:
     * fn(int $replyCode, string $replyText, string $exchange,
     *    string $routingKey, AMQPBasicProperties $properties, string $body).
     * A callback returning false ends the wait.
     */
    public function setReturnCallback(?callable $returnCallback): void {}

    /**
     * Waits for returned messages (basic.return) and hands them to the
     * return callback.
     *
     * @param float $timeout seconds for each wait (0: forever)
     * @throws AMQPQueueException
     */
    public function waitForBasicReturn(float $timeout = 0.0): void {}

    /**
     * The consumers registered on this channel: consumer tag => AMQPQueue.
     *
     * @return array<string, AMQPQueue>
     */
    public function getConsumers(): array {}
}

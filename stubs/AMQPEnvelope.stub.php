<?php

/**
 * @generate-class-entries
 * @generate-legacy-arginfo 80200
 */

/**
 * A received message: its properties, body and delivery information, as
 * returned by AMQPQueue::get() and passed to AMQPQueue::consume() callbacks.
 */
class AMQPEnvelope extends AMQPBasicProperties
{
    private string $body = "";
    private ?string $consumerTag = null;
    private ?int $deliveryTag = null;
    private bool $isRedelivery = false;
    private ?string $exchangeName = null;
    private string $routingKey = "";

    public function __construct() {}

    /** The message body (binary-safe; "" when empty). */
    public function getBody(): string {}

    public function getRoutingKey(): string {}

    /** The consumer tag for consume(); "" for get(). */
    public function getConsumerTag(): ?string {}

    /** Delivery tag, per channel, for ack()/nack()/reject(). */
    public function getDeliveryTag(): ?int {}

    /** The exchange the message was published to ("" = default exchange). */
    public function getExchangeName(): ?string {}

    public function isRedelivery(): bool {}

    /** The value of header $headerName, or null when there is none. */
    public function getHeader(string $headerName): mixed {}

    /** Whether header $headerName exists (also when its value is null). */
    public function hasHeader(string $headerName): bool {}
}

<?php

/**
 * @generate-class-entries
 * @generate-legacy-arginfo 80200
 */

/**
 * The properties of an AMQP message (content header).  A value holder: the
 * constructor stores its arguments without validation.  Objects built by
 * the extension (received messages, returned messages) carry the values from
 * the wire; an absent string property is null, an absent delivery mode 1,
 * priority 0, timestamp 0 and headers [].
 */
class AMQPBasicProperties
{
    private ?string $contentType = null;
    private ?string $contentEncoding = null;
    private array $headers = [];
    private int $deliveryMode = 1;
    private int $priority = 0;
    private ?string $correlationId = null;
    private ?string $replyTo = null;
    private ?string $expiration = null;
    private ?string $messageId = null;
    private ?int $timestamp = null;
    private ?string $type = null;
    private ?string $userId = null;
    private ?string $appId = null;
    private ?string $clusterId = null;

    public function __construct(
        ?string $contentType = null,
        ?string $contentEncoding = null,
        array $headers = [],
        int $deliveryMode = AMQP_DELIVERY_MODE_TRANSIENT,
        int $priority = 0,
        ?string $correlationId = null,
        ?string $replyTo = null,
        ?string $expiration = null,
        ?string $messageId = null,
        ?int $timestamp = null,
        ?string $type = null,
        ?string $userId = null,
        ?string $appId = null,
        ?string $clusterId = null
    ) {}

    /** MIME content type, e.g. "text/plain". */
    public function getContentType(): ?string {}

    /** MIME content encoding, e.g. "gzip". */
    public function getContentEncoding(): ?string {}

    /** The application headers (AMQP field table, see AMQPValue). */
    public function getHeaders(): array {}

    /** AMQP_DELIVERY_MODE_TRANSIENT (1) or AMQP_DELIVERY_MODE_PERSISTENT (2). */
    public function getDeliveryMode(): int {}

    /** Message priority, 0 to 9. */
    public function getPriority(): int {}

    public function getCorrelationId(): ?string {}

    public function getReplyTo(): ?string {}

    /** Per-message TTL in milliseconds, as a string. */
    public function getExpiration(): ?string {}

    public function getMessageId(): ?string {}

    /** Seconds since the Unix epoch. */
    public function getTimestamp(): ?int {}

    public function getType(): ?string {}

    public function getUserId(): ?string {}

    public function getAppId(): ?string {}

    public function getClusterId(): ?string {}
}

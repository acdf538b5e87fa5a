<?php

/**
 * @generate-class-entries
 * @generate-legacy-arginfo 80200
 */

/**
 * An AMQP timestamp field value ('T'): whole seconds since the Unix epoch,
 * unsigned 64-bit on the wire.
 */
final readonly class AMQPTimestamp implements AMQPValue, Stringable
{
    /**
     * 2 ** 64 as a float.
     * @var float
     */
    public const MAX = 18446744073709551616.0;
    /** @var float */
    public const MIN = 0.0;

    private float $timestamp;

    /**
     * Stores floor($timestamp).
     *
     * @throws AMQPValueException when the value is below MIN or above MAX
     */
    public function __construct(float $timestamp) {}

    public function getTimestamp(): float {}

    /** The integer seconds, without decimals ("1700000000"). */
    public function __toString(): string {}

    /**
     * @return AMQPTimestamp this object
     */
    public function toAmqpValue() {}
}

<?php

/**
 * @generate-class-entries
 * @generate-legacy-arginfo 80200
 */

/**
 * An AMQP decimal field value ('D'): significand / 10 ** exponent, with an
 * unsigned 8-bit exponent (scale) and an unsigned 32-bit significand.
 */
final readonly class AMQPDecimal implements AMQPValue
{
    /** @var int */
    public const EXPONENT_MIN = 0;
    /** @var int */
    public const EXPONENT_MAX = 255;
    /** @var int */
    public const SIGNIFICAND_MIN = 0;
    /** @var int */
    public const SIGNIFICAND_MAX = 4294967295;

    private int $exponent;
    private int $significand;

    /**
     * @throws AMQPValueException when a value is out of range
     */
    public function __construct(int $exponent, int $significand) {}

    public function getExponent(): int {}

    public function getSignificand(): int {}

    /**
     * @return AMQPDecimal this object
     */
    public function toAmqpValue() {}
}

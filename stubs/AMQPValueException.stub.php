<?php

/**
 * @generate-class-entries
 * @generate-legacy-arginfo 80200
 */

/**
 * Invalid value given to AMQPDecimal or AMQPTimestamp.
 */
class AMQPValueException extends AMQPException
{
}

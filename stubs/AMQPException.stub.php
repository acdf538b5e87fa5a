<?php

/**
 * @generate-class-entries
 * @generate-legacy-arginfo 80200
 */

/**
 * Base class of every exception the amqp extension throws.  Server errors carry
 * the AMQP reply code as the exception code.
 */
class AMQPException extends Exception
{
}

<?php

/**
 * @generate-class-entries
 * @generate-legacy-arginfo 80200
 */

/**
 * Failure of an AMQPExchange method, including server channel errors caused
 * by it (code = reply code).
 */
class AMQPExchangeException extends AMQPException
{
}

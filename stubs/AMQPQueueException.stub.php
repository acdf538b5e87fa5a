<?php

/**
 * @generate-class-entries
 * @generate-legacy-arginfo 80200
 */

/**
 * Failure of an AMQPQueue method, including server channel errors caused by
 * it (code = reply code) and the "Consumer timeout exceed" /
 * "Wait timeout exceed" timeouts.
 */
class AMQPQueueException extends AMQPException
{
}

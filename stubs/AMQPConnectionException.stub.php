<?php

/**
 * @generate-class-entries
 * @generate-legacy-arginfo 80200
 */

/**
 * Connection level failure: transport errors, server connection.close
 * (code = reply code), connection preconditions and configuration errors.
 */
class AMQPConnectionException extends AMQPException
{
}

<?php

/**
 * @generate-class-entries
 * @generate-legacy-arginfo 80200
 */

/**
 * Channel level failure of an AMQPChannel method (server channel.close:
 * code = reply code) or a channel precondition ("No channel available.").
 */
class AMQPChannelException extends AMQPException
{
}

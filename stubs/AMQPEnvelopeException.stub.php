<?php

/**
 * @generate-class-entries
 * @generate-legacy-arginfo 80200
 */

/**
 * Thrown by AMQPQueue::consume() for a delivery that no consumer of this
 * connection owns ("Orphaned envelope"); the message is available through
 * getEnvelope() and has not been acknowledged.
 */
class AMQPEnvelopeException extends AMQPException
{
    /** The orphaned message; uninitialised unless the extension set it. */
    private AMQPEnvelope $envelope;

    /**
     * The message that could not be dispatched.  On an exception the
     * extension did not create, this throws the engine's "must not be
     * accessed before initialization" Error.
     */
    public function getEnvelope(): AMQPEnvelope {}
}

<?php

/**
 * @generate-class-entries
 * @generate-legacy-arginfo 80200
 */

/**
 * A value with its own AMQP field-table representation.  User classes may
 * implement it: when such an object appears in headers or arguments, the
 * value returned by toAmqpValue() is converted instead (recursively; each
 * indirection counts one level of amqp.serialization_depth).
 */
interface AMQPValue
{
    /**
     * The value to put into the field table: a scalar, null, an array or
     * another AMQPValue.
     *
     * @return mixed
     */
    public function toAmqpValue();
}

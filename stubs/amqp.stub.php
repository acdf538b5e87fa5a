<?php

/**
 * Global constants of the amqp extension (mq, a drop-in replacement for
 * PECL amqp 2.x).  The extension defines no functions.
 *
 * @generate-class-entries
 * @generate-legacy-arginfo 80200
 */

/**
 * Version of php-amqp that this extension is compatible with; the same
 * string as phpversion('amqp').
 * @var string
 * @cvalue PHP_MQ_VERSION
 */
const AMQP_EXTENSION_VERSION = "2.1.2";
/** @var int */
const AMQP_EXTENSION_VERSION_MAJOR = 2;
/** @var int */
const AMQP_EXTENSION_VERSION_MINOR = 1;
/** @var int */
const AMQP_EXTENSION_VERSION_PATCH = 2;
/** @var string */
const AMQP_EXTENSION_VERSION_EXTRA = "";
/**
 * MAJOR * 10000 + MINOR * 100 + PATCH.
 * @var int
 */
const AMQP_EXTENSION_VERSION_ID = 20102;

/**
 * No flags.  Passed explicitly to AMQPQueue::get()/consume() it also
 * overrides the amqp.auto_ack ini setting.
 * @var int
 */
const AMQP_NOPARAM = 0;
/**
 * AMQPQueue::consume(): do not send basic.consume, only run the delivery
 * loop for consumers registered earlier.
 * @var int
 */
const AMQP_JUST_CONSUME = 1;
/**
 * Queue/exchange flag: survive a broker restart.
 * @var int
 */
const AMQP_DURABLE = 2;
/**
 * Queue/exchange flag: only check that it exists when declaring.
 * @var int
 */
const AMQP_PASSIVE = 4;
/**
 * Queue flag: exclusive to this connection (declare and consume).
 * @var int
 */
const AMQP_EXCLUSIVE = 8;
/**
 * Queue/exchange flag: deleted when no longer used.
 * @var int
 */
const AMQP_AUTODELETE = 16;
/**
 * Exchange flag: cannot be published to directly.
 * @var int
 */
const AMQP_INTERNAL = 32;
/**
 * AMQPQueue::consume(): do not deliver messages published on this
 * connection.
 * @var int
 */
const AMQP_NOLOCAL = 64;
/**
 * AMQPQueue::get()/consume(): messages are acknowledged on delivery.
 * @var int
 */
const AMQP_AUTOACK = 128;
/**
 * AMQPQueue::delete(): only delete an empty queue.
 * @var int
 */
const AMQP_IFEMPTY = 256;
/**
 * AMQPQueue::delete()/AMQPExchange::delete(): only delete when unused.
 * @var int
 */
const AMQP_IFUNUSED = 512;
/**
 * AMQPExchange::publish(): return unroutable messages (basic.return).
 * @var int
 */
const AMQP_MANDATORY = 1024;
/**
 * AMQPExchange::publish(): immediate delivery (RabbitMQ closes the
 * connection with 540 NOT_IMPLEMENTED).
 * @var int
 */
const AMQP_IMMEDIATE = 2048;
/**
 * ack()/nack(): up to and including the given delivery tag.
 * @var int
 */
const AMQP_MULTIPLE = 4096;
/**
 * Defined for compatibility; no method uses it.
 * @var int
 */
const AMQP_NOWAIT = 8192;
/**
 * nack()/reject(): put the message back into the queue.
 * @var int
 */
const AMQP_REQUEUE = 16384;

/** @var string */
const AMQP_EX_TYPE_DIRECT = "direct";
/** @var string */
const AMQP_EX_TYPE_FANOUT = "fanout";
/** @var string */
const AMQP_EX_TYPE_TOPIC = "topic";
/** @var string */
const AMQP_EX_TYPE_HEADERS = "headers";

/**
 * (1 << 29) | EAGAIN (informational; never used by the extension).
 * @var int
 * @cvalue PHP_MQ_OS_SOCKET_TIMEOUT_ERRNO
 */
const AMQP_OS_SOCKET_TIMEOUT_ERRNO = UNKNOWN;
/**
 * Highest channel_max (and its default).
 * @var int
 */
const PHP_AMQP_MAX_CHANNELS = 256;
/**
 * SASL PLAIN: login and password.
 * @var int
 */
const AMQP_SASL_METHOD_PLAIN = 0;
/**
 * SASL EXTERNAL: identity from the TLS client certificate.
 * @var int
 */
const AMQP_SASL_METHOD_EXTERNAL = 1;
/** @var int */
const AMQP_DELIVERY_MODE_TRANSIENT = 1;
/** @var int */
const AMQP_DELIVERY_MODE_PERSISTENT = 2;

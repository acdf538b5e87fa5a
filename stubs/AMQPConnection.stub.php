<?php

/**
 * @generate-class-entries
 * @generate-legacy-arginfo 80200
 */

/**
 * A connection to an AMQP 0-9-1 broker (one TCP or TLS socket).
 *
 * The constructor only stores the configuration; connect() or pconnect()
 * opens the connection.  Channels (AMQPChannel) are opened on a connected
 * connection.  Setters change the stored configuration that the next
 * connect() uses, except the read, write and RPC timeouts, which also apply
 * at once to an open connection.
 *
 * mq: the password is never kept in a property (var_dump() shows
 * "********") and never appears in exception messages or traces.
 */
class AMQPConnection
{
    private string $login;
    private string $password;
    private string $host;
    private string $vhost;
    private int $port;
    private float $readTimeout;
    private float $writeTimeout;
    private float $connectTimeout;
    private float $rpcTimeout;
    private int $frameMax;
    private int $channelMax;
    private int $heartbeat;
    private ?string $cacert = null;
    private ?string $key = null;
    private ?string $cert = null;
    private bool $verify = true;
    private int $saslMethod = 0;
    private ?string $connectionName = null;

    /**
     * Stores the connection parameters; it never connects.
     *
     * Recognised keys (others are ignored, whatever their type): login,
     * password, host, vhost, port, read_timeout, timeout (deprecated),
     * write_timeout, rpc_timeout, connect_timeout, channel_max (0: 256),
     * frame_max (0: 131072), heartbeat, sasl_method, cacert, key, cert,
     * verify (bool or "true"/"false"/"on"/"off"/"yes"/"no"/"1"/"0") and
     * connection_name.  Missing keys take their amqp.* ini defaults.
     *
     * mq extension: heartbeat_thread (the values verify takes; default
     * amqp.heartbeat_thread, off).  When on and heartbeat > 0, a background
     * thread sends heartbeat frames while PHP runs long code between calls
     * (a slow consume callback, a request doing other work), so the broker
     * does not drop the connection; it only writes heartbeats, never reads,
     * and a persistent connection keeps it while pooled.  Without it,
     * heartbeats are only sent and checked inside calls: more than about
     * 2 x heartbeat seconds outside the extension and the broker closes the
     * connection (the next call throws AMQPConnectionException).  A broker
     * that goes silent is detected within 2 x heartbeat seconds either way.
     * Not a property: var_dump() shows what php-amqp shows.
     *
     * mq extension: hosts, a non-empty list of nodes to fail over, each
     * "host", "host:port", "[v6addr]:port" (a bare IPv6 address takes no
     * port) or ['host' => string, 'port' => int]; a missing port is the
     * connection's port (the port key, URI or amqp.port).  shuffle_hosts
     * (bool, default false) shuffles the list once, here, like shuffle()
     * (mt_srand() makes the order reproducible).  With a list, the host and
     * port keys do not choose the node: the host/port properties (getHost(),
     * getPort(), var_dump()) hold the current node, at first the list's
     * first.  connect()/pconnect() try the nodes in turn from the current
     * one, each within connect_timeout (set one: without it a node that
     * does not answer blocks for the system's TCP timeout); the first that
     * opens becomes the current node.  When all fail, the last attempt's
     * exception is thrown and the current node stays.  A refusal by the
     * broker (wrong login 403, vhost 530) stops at that node.
     * reconnect()/preconnect() after a lost connection start with the node
     * after the current one (wrapping around); after disconnect(), or on an
     * open connection, with the current one.  setHost()/setPort() change
     * the current node only.  Persistent connections are pooled per set of
     * nodes (any order): pconnect() takes the pooled one, on whichever node
     * it is.  Invalid entries: AMQPConnectionException naming the entry
     * ("Parameter 'hosts' entry 2 has an invalid port: 70000.").  Without
     * hosts (or with null) nothing changes.
     *
     * mq extension: recovery (bool, default false) turns on automatic
     * recovery of a connection made with connect(): after a network
     * failure, a broker restart or a forced close it reconnects with
     * backoff (recovery_interval, the first delay, default 0.5 s, doubling
     * up to recovery_max_interval, default 8 s; giving up after
     * recovery_timeout, default 60 s, 0 = never: AMQPConnectionException
     * "Could not recover the connection after N attempts: ..."), reopens
     * the channels with their prefetch and confirm mode, redeclares the
     * exchanges, queues and bindings declared on it and re-registers its
     * consumers.  consume() goes on; other calls recover first when the
     * connection was lost before them (the call in flight at the failure
     * throws).  See setRecoveryCallback() and README "mq extensions".
     * Negative values: AMQPConnectionException "Parameter
     * 'recovery_interval' must be greater than or equal to zero.".
     *
     * @param array $credentials
     * @throws AMQPConnectionException when a value is out of range.
     */
    public function __construct(#[\SensitiveParameter] array $credentials = []) {}

    /**
     * Whether the connection is open.  It never probes the socket: a dead
     * peer only shows up at the next I/O.
     */
    public function isConnected(): bool {}

    /**
     * Opens a transient connection; does nothing when already connected.
     *
     * @throws AMQPConnectionException when the connection cannot be
     *         established or a persistent one is already open.
     */
    public function connect(): void {}

    /**
     * Opens a persistent connection, or reuses a pooled one with the same
     * parameters (checked for liveness first).
     *
     * @throws AMQPConnectionException
     */
    public function pconnect(): void {}

    /**
     * Closes a persistent connection and removes it from the pool.
     *
     * @throws AMQPConnectionException when a transient connection is open.
     */
    public function pdisconnect(): void {}

    /**
     * Closes a transient connection (its channels first).
     *
     * @throws AMQPConnectionException when a persistent connection is open.
     */
    public function disconnect(): void {}

    /**
     * Closes a transient connection, if open, and connects again.
     *
     * @throws AMQPConnectionException
     */
    public function reconnect(): void {}

    /**
     * Closes a persistent connection, if open (dropping it from the pool),
     * and pconnects again.
     *
     * @throws AMQPConnectionException
     */
    public function preconnect(): void {}

    /** The login used by the next connect(). */
    public function getLogin(): string {}

    /**
     * @throws AMQPConnectionException when longer than 1024 bytes.
     */
    public function setLogin(string $login): void {}

    /** The password used by the next connect(). */
    public function getPassword(): string {}

    /**
     * @throws AMQPConnectionException when longer than 1024 bytes.
     */
    public function setPassword(#[\SensitiveParameter] string $password): void {}

    /** The host name or address used by the next connect(). */
    public function getHost(): string {}

    /**
     * @throws AMQPConnectionException when longer than 512 bytes.
     */
    public function setHost(string $host): void {}

    /** The port used by the next connect(). */
    public function getPort(): int {}

    /**
     * @throws AMQPConnectionException when not between 1 and 65535.
     */
    public function setPort(int $port): void {}

    /** The virtual host used by the next connect(). */
    public function getVhost(): string {}

    /**
     * @throws AMQPConnectionException when longer than 512 bytes.
     */
    public function setVhost(string $vhost): void {}

    /**
     * Deprecated alias of getReadTimeout() (raises E_DEPRECATED).
     */
    public function getTimeout(): float {}

    /**
     * Deprecated alias of setReadTimeout() (raises E_DEPRECATED).
     *
     * @throws AMQPConnectionException when negative.
     */
    public function setTimeout(float $timeout): void {}

    /** Seconds to wait for a frame in consume() (0: forever). */
    public function getReadTimeout(): float {}

    /**
     * Sets the read timeout; applied at once to an open connection.
     *
     * @throws AMQPConnectionException when negative.
     */
    public function setReadTimeout(float $timeout): void {}

    /** Seconds allowed for each write (0: no limit). */
    public function getWriteTimeout(): float {}

    /**
     * Sets the write timeout; applied at once to an open connection.
     *
     * @throws AMQPConnectionException when negative.
     */
    public function setWriteTimeout(float $timeout): void {}

    /** Seconds allowed for the TCP connect (0: the system's default). */
    public function getConnectTimeout(): float {}

    /** Seconds allowed for each synchronous method (0: no limit). */
    public function getRpcTimeout(): float {}

    /**
     * Sets the RPC timeout; applied at once to an open connection (0 clears
     * it).
     *
     * @throws AMQPConnectionException when negative.
     */
    public function setRpcTimeout(float $timeout): void {}

    /**
     * The number of channel ids in use.  Raises a warning and returns 0 when
     * not connected.
     */
    public function getUsedChannels(): int {}

    /** The negotiated channel limit while connected, else the configured one. */
    public function getMaxChannels(): int {}

    /** Whether a persistent connection is open. */
    public function isPersistent(): bool {}

    /** The negotiated heartbeat (seconds) while connected, else the configured one. */
    public function getHeartbeatInterval(): int {}

    /** The negotiated frame size limit while connected, else the configured one. */
    public function getMaxFrameSize(): int {}

    /** The CA certificate file; TLS is used when it is set. */
    public function getCACert(): ?string {}

    public function setCACert(?string $cacert): void {}

    /** The client certificate file (used with setKey()). */
    public function getCert(): ?string {}

    public function setCert(?string $cert): void {}

    /** The client key file (used with setCert()). */
    public function getKey(): ?string {}

    public function setKey(?string $key): void {}

    /** Whether the server certificate and host name are verified. */
    public function getVerify(): bool {}

    public function setVerify(bool $verify): void {}

    /** AMQP_SASL_METHOD_PLAIN or AMQP_SASL_METHOD_EXTERNAL. */
    public function getSaslMethod(): int {}

    /**
     * @throws AMQPConnectionException when not AMQP_SASL_METHOD_PLAIN or
     *         AMQP_SASL_METHOD_EXTERNAL.
     */
    public function setSaslMethod(int $saslMethod): void {}

    /** The connection name shown by the broker (client property connection_name). */
    public function getConnectionName(): ?string {}

    public function setConnectionName(?string $connectionName): void {}

    /**
     * mq extension: whether the broker has blocked this connection
     * (connection.blocked, sent during a memory or disk alarm to connections
     * that publish; RabbitMQ then stops reading from them until
     * connection.unblocked).  Reads what has arrived without blocking first,
     * so the answer is current, and runs the blocked callback for the
     * notifications read (see setBlockedCallback()).  false when not
     * connected.
     *
     * While blocked, AMQPExchange::publish() waits for connection.unblocked
     * up to the write timeout and then throws AMQPExchangeException "Could
     * not publish to exchange. Connection blocked by the server: <reason>"
     * (the connection stays open; nothing was sent).  With a write timeout
     * of 0 (the default, "no limit") publish() does not wait: the message
     * is written to the socket and the broker reads it once it unblocks
     * (like php-amqp; once the socket buffers are full, publish() waits
     * without limit).
     */
    public function isBlocked(): bool {}

    /**
     * mq extension: sets (or with null removes) the callback run for every
     * connection.blocked / connection.unblocked notification the broker
     * sends: $callback(bool $blocked, string $reason), $reason being the
     * broker's text (e.g. "low on memory"), "" for unblocked.
     *
     * Notifications are read inside any call that reads from the connection,
     * but the callback runs only where application code may run: inside
     * AMQPQueue::consume(), AMQPQueue::consumeNonBlocking(),
     * AMQPChannel::waitForConfirm() and AMQPChannel::waitForBasicReturn()
     * (at once, also while they wait) and isBlocked(); notifications read elsewhere (e.g.
     * by publish()) are kept (the latest 8) and delivered at the next of
     * these calls.  Its return value is ignored; an exception it throws
     * ends the call that ran it.
     */
    public function setBlockedCallback(?callable $callback): void {}

    /**
     * mq extension: the callback that observes automatic recovery (enabled
     * with the credentials key 'recovery' => true; see README "Automatic
     * recovery").  $callback(string $event, array $info) is called for each
     * step, in this order:
     *
     *  - "lost"      ['error' => what failed]
     *  - "retry"     ['attempt' => n, 'error' => why it failed, 'delay' => seconds until the next]
     *  - "connected" ['attempt' => n, 'host' => ..., 'port' => ...]
     *  - "channel"   ['channel' => id]                     (each reopened channel)
     *  - "exchange"  ['exchange' => name]                  (each redeclared exchange)
     *  - "queue"     ['queue' => name, 'previous' => name] (a server-named queue gets a new name)
     *  - "binding"   ['type' => 'queue'|'exchange', 'destination', 'source', 'routing_key']
     *  - "consumer"  ['channel' => id, 'consumer_tag' => tag, 'queue' => name]
     *  - "recovered" ['attempts' => n, 'seconds' => duration]
     *  - "failed"    ['error' => message, 'code' => code] (recovery gave up; the exception follows)
     *
     * Its return value is ignored; an exception it throws stops the
     * recovery (the next call on the connection's channels tries again).
     * Null removes it.
     *
     * @throws AMQPConnectionException when recovery is not enabled.
     */
    public function setRecoveryCallback(?callable $callback): void {}

    /** mq extension: whether automatic recovery is enabled ('recovery' credentials key). */
    public function isRecoveryEnabled(): bool {}

    /**
     * mq extension: a PHP stream for the connection's socket, for readiness
     * only: pass it to stream_select() (read set) or to an event loop's
     * readable watcher (ReactPHP, Revolt/AMPHP, ext-event/ev), TLS
     * connections included.  Never read from it or write to it (both are
     * refused with a warning: the bytes belong to the AMQP engine); it
     * cannot be made blocking.  It is a duplicate of the socket descriptor:
     * closing it does not close the connection; fetch a new one after
     * reconnecting.
     *
     * The pattern (drain, then select): call AMQPQueue::consumeNonBlocking()
     * before every wait on the stream, because deliveries may already be
     * buffered in the connection (read by another call, or decrypted by
     * TLS) without the socket being readable; then wait for the stream with
     * a timeout of at most half the heartbeat interval, so that heartbeats
     * keep flowing while the loop idles:
     *
     *     $queue->consume(null);                 // basic.consume only
     *     $amqp = $connection->getStream();
     *     for (;;) {
     *         $queue->consumeNonBlocking($handler);   // drain
     *         $r = [$amqp, $other]; $w = $e = null;
     *         stream_select($r, $w, $e, 0, 500000);    // then wait
     *         // ... handle $other if it is in $r
     *     }
     *
     * @return resource
     * @throws AMQPConnectionException "Could not get stream. No connection available."
     *         when not connected.
     */
    public function getStream() {}
}

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
}

/* SPDX-License-Identifier: MIT */
/*
 * RabbitMQ connection URIs (https://www.rabbitmq.com/uri-spec.html and
 * https://www.rabbitmq.com/uri-query-parameters.html), parsed without I/O:
 *
 *     amqp[s]://[user[:password]@][host][:port][/vhost][?key=value&...]
 *
 * - scheme amqp (port 5672) or amqps (TLS, port 5671), case-insensitive;
 * - user name and password are percent-decoded and binary-safe (%00 kept);
 *   an absent one is different from an empty one ("amqp://:@h": both "");
 * - host: a reg-name (percent-decoded, no NUL), an IPv4 address or an IPv6
 *   literal in brackets ("[::1]", zone as "%25eth0"); stored without the
 *   brackets, ready for getaddrinfo;
 * - port: decimal 1..65535; "host:" (empty port) means the default;
 * - vhost: no path means the default vhost "/"; "amqp://h/" is the vhost ""
 *   (empty); "%2f" is "/"; a path of more than one segment ("/a/b") is an
 *   error (a '/' inside a vhost must be written %2F);
 * - query parameters: heartbeat (seconds, 0..65535), connection_timeout
 *   (milliseconds in the URI, 0..4294967295, stored as seconds),
 *   channel_max (0..65535),
 *   frame_max (0..4294967295), auth_mechanism (plain or external, any
 *   case), cacertfile, certfile, keyfile, server_name_indication (non-empty,
 *   no NUL), verify (verify_peer, verify_none, true/false, on/off, yes/no,
 *   1/0, any case).  Names and values are percent-decoded; '+' is a plain
 *   '+' (RFC 3986, not form encoding).  An unknown parameter, a repeated
 *   one, or one without "=value" is an error (a typo must not silently
 *   drop a TLS or timeout setting); empty pairs ("?&a=1&&") are skipped.
 *
 * Strict about syntax: every character must be allowed in its part by RFC
 * 3986 (raw spaces, controls, non-ASCII bytes, '[' ']' outside an IPv6
 * literal are errors: percent-encode them); a '@' anywhere after the host
 * part is an error, because it almost always means a user name or password
 * with an unencoded '/', '?', '#' or '@'; a fragment ("#...") is an error.
 *
 * Errors: MQ_E_INVALID (MQ_E_NOMEM when out of memory) with mq_error.text
 * naming the bad part ("invalid port in URI", "invalid percent-encoding in
 * the user name", "unknown URI parameter 'x'").  No error text ever holds
 * any byte of the user info or of the host and port: only parameter names
 * are quoted (non-printable bytes shown as '?', cut after 40 bytes), and a
 * stray '@' after the host is reported before anything else, so a password
 * that leaked into the path or query is never quoted either.
 */
#ifndef MQ_URI_H
#define MQ_URI_H

#include "mq_conn.h" /* MQ_SASL_* */

#ifdef __cplusplus
extern "C" {
#endif

#define MQ_URI_PORT_AMQP 5672
#define MQ_URI_PORT_AMQPS 5671

/* Bits of mq_uri.set: which parts and parameters the URI gave. */
enum {
    MQ_URI_USER = 1 << 0,
    MQ_URI_PASSWORD = 1 << 1,
    MQ_URI_HOST = 1 << 2,
    MQ_URI_PORT = 1 << 3,
    MQ_URI_VHOST = 1 << 4,
    MQ_URI_HEARTBEAT = 1 << 5,
    MQ_URI_CONNECTION_TIMEOUT = 1 << 6,
    MQ_URI_CHANNEL_MAX = 1 << 7,
    MQ_URI_FRAME_MAX = 1 << 8,
    MQ_URI_AUTH_MECHANISM = 1 << 9,
    MQ_URI_CACERTFILE = 1 << 10,
    MQ_URI_CERTFILE = 1 << 11,
    MQ_URI_KEYFILE = 1 << 12,
    MQ_URI_VERIFY = 1 << 13,
    MQ_URI_SERVER_NAME_INDICATION = 1 << 14
};

/* A parsed URI.  The user/password/host/vhost fields always hold the
 * effective value, the spec's default where the URI gave none ("guest",
 * "guest", "localhost", the scheme's port, "/"); `set` says what the URI
 * itself gave.  Parameters the URI did not give are 0 / false / NULL.
 * Every string points into one block owned by the struct (or to a static
 * default) and is NUL-terminated after its `len` bytes; it stays valid
 * until mq_uri_free(). */
typedef struct mq_uri {
    uint32_t set;                 /* MQ_URI_* bits */
    bool tls;                     /* amqps:// */
    bool host_is_ipv6;            /* host came from an [IPv6] literal */
    mq_bytes user;                /* decoded, may contain NUL bytes */
    mq_bytes password;            /* decoded, may contain NUL bytes */
    const char *host;             /* decoded; no NUL inside; IPv6 without brackets */
    uint16_t port;                /* explicit, else 5672 / 5671 by scheme */
    mq_bytes vhost;               /* decoded, may contain NUL bytes */
    uint16_t heartbeat;           /* seconds */
    double connection_timeout;    /* seconds (the URI gives milliseconds) */
    uint16_t channel_max;
    uint32_t frame_max;
    int auth_mechanism;           /* MQ_SASL_PLAIN (0) / MQ_SASL_EXTERNAL (1) */
    const char *cacertfile;       /* NULL when absent */
    const char *certfile;
    const char *keyfile;
    const char *server_name_indication;
    bool verify;                  /* verify the peer (meaningful when MQ_URI_VERIFY is set) */
    char *block;                  /* the malloc'd storage (internal) */
} mq_uri;

/* Parses uri[0..len) (binary-safe: a raw NUL byte is just an invalid
 * character).  On success returns MQ_OK and *out must later go to
 * mq_uri_free(); on failure *out is left empty (nothing to free, though
 * mq_uri_free() on it is harmless) and err (may be NULL) says why. */
int mq_uri_parse(const char *uri, size_t len, mq_uri *out, mq_error *err);

/* Releases what mq_uri_parse() allocated and empties *u (NULL is fine). */
void mq_uri_free(mq_uri *u);

/* For display (phpinfo(), logs): copies uri[0..len) into out with the
 * password replaced by "********".  The user info is taken to end at the
 * last '@' after "scheme://" (or after the start when there is none) and
 * the password to start after its first ':', so that a malformed URI is
 * over-masked rather than leaked.  out gets at most outsize - 1 bytes and
 * a NUL (nothing when outsize is 0; out may then be NULL).  Returns the
 * length of the whole masked text (call with outsize 0 to size a buffer). */
size_t mq_uri_mask(const char *uri, size_t len, char *out, size_t outsize);

#ifdef __cplusplus
}
#endif
#endif

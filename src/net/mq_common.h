/* SPDX-License-Identifier: MIT */
/*
 * Shared basics of the mq protocol cores and their transport: byte views,
 * the growable write buffer, error codes and the per-connection error
 * record.  Plain C99, no PHP headers: everything under src/net/, src/amqp/
 * and src/amqp1/ builds and is tested on its own.
 *
 * Not all of it is protocol-neutral yet: MQ_E_UNKNOWN_METHOD,
 * MQ_E_CONNECTION_CLOSED, MQ_E_CHANNEL_CLOSED, MQ_E_NO_CHANNEL, MQ_E_AUTH
 * and MQ_E_BLOCKED, and the reply_code/class_id/method_id/channel fields
 * of mq_error, are AMQP 0-9-1's (src/amqp) and stay here until the error
 * record is split by protocol.
 */
#ifndef MQ_COMMON_H
#define MQ_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <string.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A borrowed, binary-safe byte range.  It never owns its memory: who hands
 * one out says how long it stays valid. */
typedef struct mq_bytes {
    const char *ptr; /* first byte (may be NULL when len == 0) */
    size_t len;      /* number of bytes */
} mq_bytes;

static inline mq_bytes mq_bytes_of(const char *p, size_t n)
{
    mq_bytes b;
    b.ptr = p;
    b.len = n;
    return b;
}

static inline mq_bytes mq_cstr(const char *s)
{
    return mq_bytes_of(s, s ? strlen(s) : 0);
}

/* Return codes: 0 (MQ_OK) or a negative MQ_E_*.  Functions that can also
 * answer "nothing yet" return 1 for "got one" and 0 for "none". */
enum {
    MQ_OK = 0,
    MQ_E_NOMEM = -1,            /* allocation failed */
    MQ_E_TRUNCATED = -2,        /* decode: fewer bytes than the data claims */
    MQ_E_BAD_DATA = -3,         /* decode: malformed value (unknown type, bad bit) */
    MQ_E_TOO_DEEP = -4,         /* nesting of tables/arrays beyond the limit */
    MQ_E_TOO_LONG = -5,         /* encode: shortstr > 255, table > 4 GiB, ... */
    MQ_E_UNKNOWN_METHOD = -6,   /* method id not in the spec */
    MQ_E_FRAME = -7,            /* frame: bad end byte, bad type, size > frame_max */
    MQ_E_SOCKET = -8,           /* transport error (errno in mq_error.sys_errno) */
    MQ_E_CLOSED = -9,           /* peer closed the TCP/TLS stream */
    MQ_E_TIMEOUT = -10,         /* a deadline passed (read, write, rpc, connect) */
    MQ_E_HEARTBEAT = -11,       /* nothing read for two heartbeat intervals */
    MQ_E_RESOLVE = -12,         /* host name lookup failed */
    MQ_E_CONNECT = -13,         /* TCP connect failed */
    MQ_E_TLS = -14,             /* TLS setup/handshake/verification failed */
    MQ_E_PROTOCOL = -15,        /* peer broke the protocol (unexpected frame/method) */
    MQ_E_CONNECTION_CLOSED = -16, /* server sent connection.close (see mq_error) */
    MQ_E_CHANNEL_CLOSED = -17,  /* server sent channel.close (see mq_error) */
    MQ_E_NO_CHANNEL = -18,      /* no free channel id / channel not open */
    MQ_E_NOT_CONNECTED = -19,   /* connection is not open */
    MQ_E_INTERRUPTED = -20,     /* the interrupt hook asked to stop waiting */
    MQ_E_AUTH = -21,            /* no usable SASL mechanism */
    MQ_E_INVALID = -22,         /* bad argument from the caller */
    MQ_E_BLOCKED = -23          /* publish refused: connection.blocked past the write timeout */
};

/* A short English text for an MQ_E_* code ("a socket error occurred", ...). */
const char *mq_strerror(int code);

/* What went wrong, kept per connection (never global).  Filled by the core
 * whenever a function returns an error. */
typedef struct mq_error {
    int code;            /* the MQ_E_* that was returned (0: no error) */
    uint16_t reply_code; /* AMQP reply code of a server close, else 0 */
    uint16_t class_id;   /* class/method that the server's close names */
    uint16_t method_id;
    uint16_t channel;    /* channel of a channel.close; 0 for connection level */
    int sys_errno;       /* errno captured where a system call failed, else 0 */
    char text[256];      /* reply text, or a readable description; NUL-terminated */
} mq_error;

void mq_error_clear(mq_error *e);
/* Sets code and a printf-style text; returns code so callers can
 * `return mq_error_set(...)`. */
int mq_error_set(mq_error *e, int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Growable output buffer.  All encoders append to one of these. */
typedef struct mq_wbuf {
    uint8_t *data; /* malloc'd storage (NULL until the first reserve) */
    size_t len;    /* bytes written */
    size_t cap;    /* bytes allocated */
} mq_wbuf;

void mq_wbuf_init(mq_wbuf *w);
void mq_wbuf_free(mq_wbuf *w);
/* Makes room for n more bytes; MQ_E_NOMEM on failure (buffer unchanged). */
int mq_wbuf_grow(mq_wbuf *w, size_t n);
static inline int mq_wbuf_reserve(mq_wbuf *w, size_t n)
{
    /* written as cap - len >= n so the check cannot overflow */
    return (w->cap - w->len >= n) ? MQ_OK : mq_wbuf_grow(w, n);
}
static inline void mq_wbuf_reset(mq_wbuf *w) { w->len = 0; }

/* Unchecked big-endian stores; reserve first. */
static inline void mq_put8(uint8_t *p, uint8_t v) { p[0] = v; }
static inline void mq_put16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)(v >> 8);
    p[1] = (uint8_t)v;
}
static inline void mq_put32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}
static inline void mq_put64(uint8_t *p, uint64_t v)
{
    mq_put32(p, (uint32_t)(v >> 32));
    mq_put32(p + 4, (uint32_t)v);
}
static inline uint16_t mq_get16(const uint8_t *p) { return (uint16_t)((p[0] << 8) | p[1]); }
static inline uint32_t mq_get32(const uint8_t *p)
{
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}
static inline uint64_t mq_get64(const uint8_t *p)
{
    return ((uint64_t)mq_get32(p) << 32) | mq_get32(p + 4);
}

#ifdef __cplusplus
}
#endif
#endif

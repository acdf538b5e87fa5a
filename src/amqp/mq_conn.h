/* SPDX-License-Identifier: MIT */
/*
 * An AMQP 0-9-1 connection: transport (TCP or TLS), handshake, channels,
 * synchronous methods, asynchronous events, heartbeats and deadlines.
 *
 * Contract for every function here: it returns 0 (or 1/0 where it says so)
 * or a negative MQ_E_*; on error mq_conn_error() says what happened.  A
 * connection-level failure (transport error, timeout of a synchronous
 * method, heartbeat loss, connection.close from the server, protocol
 * violation) leaves the connection closed: mq_conn_is_open() turns false.
 * A channel.close from the server (MQ_E_CHANNEL_CLOSED) closes only that
 * channel; the connection stays usable.
 *
 * Borrowed views (mq_bytes) returned by a call stay valid until the next
 * call on the same connection.  Message bodies are owned (see mq_hooks).
 *
 * Single-threaded: one thread drives a connection.  The only exception is
 * the optional heartbeat thread started by mq_conn_heartbeat_thread(), which
 * takes the connection's write lock and writes heartbeat frames only.
 */
#ifndef MQ_CONN_H
#define MQ_CONN_H

#include "mq_codec.h"
#include "mq_net.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct mq_conn mq_conn;

enum { MQ_SASL_PLAIN = 0, MQ_SASL_EXTERNAL = 1 };

/* Everything mq_conn_open() needs.  Strings are borrowed for the duration
 * of the call only. */
typedef struct mq_conn_params {
    const char *host;          /* name, IPv4 or IPv6 literal */
    uint16_t port;
    mq_bytes vhost;
    mq_bytes login;
    mq_bytes password;         /* never copied into errors or logs */
    int sasl;                  /* MQ_SASL_* */
    uint16_t channel_max;      /* proposed; 0 = take the server's */
    uint32_t frame_max;        /* proposed; 0 = take the server's */
    uint16_t heartbeat;        /* seconds; 0 = off (the server's value is not taken) */
    double connect_timeout;    /* seconds, the whole open; 0 = no limit for the TCP connect,
                                * and the TLS + AMQP handshake is bounded by 12 s (or
                                * rpc_timeout when larger) */
    double read_timeout;       /* per wait in mq_conn_wait_event(); 0 = forever */
    double write_timeout;      /* per write; 0 = forever */
    double rpc_timeout;        /* per synchronous method; 0 = forever */
    /* TLS is used when `tls` is true. */
    bool tls;
    const char *cacert;        /* CA file (PEM); NULL = system default paths */
    const char *cert;          /* client certificate (PEM) or NULL */
    const char *key;           /* client key (PEM) or NULL */
    bool verify;               /* verify peer certificate and host name */
    const char *sni;           /* server name to send/verify; NULL = host */
    /* client-properties */
    mq_bytes connection_name;  /* sent as connection_name when len > 0 */
    const char *product;       /* e.g. "mq" */
    const char *version;       /* e.g. "2.1.2" */
    const char *platform;      /* e.g. "PHP 8.2.36" */
    const char *connection_type; /* e.g. "transient" / "persistent", or NULL */
} mq_conn_params;

/* mq_hooks.interrupt returns the levels MQ_INTR_* (mq_net.h). */

/* Hooks the embedding layer may set (all optional). */
typedef struct mq_hooks {
    /* Allocates storage for a message body of len bytes; returns an opaque
     * handle and sets *data to len writable bytes (+1 spare byte for a
     * terminator).  Default: malloc. */
    void *(*body_alloc)(void *ud, size_t len, char **data);
    void (*body_free)(void *ud, void *handle);
    /* Asked when a wait was interrupted by a signal (EINTR) and at least
     * every 100 ms of a long wait.  It must only look (never run the
     * embedder's own code: the core is in the middle of an operation) and
     * return an MQ_INTR_* level.  MQ_INTR_PENDING (code such as a signal
     * handler waits to run) stops only event waits (mq_conn_wait_event),
     * with MQ_E_INTERRUPTED: a safe point, where a partial frame stays
     * buffered and the next call goes on from it, so the embedder runs its
     * code there and calls again.  RPC replies, writes, connects and
     * closes carry on to their end (or their timeout): the embedder runs
     * its code after the call.  MQ_INTR_ABORT stops every wait (an RPC or
     * a write cut short fails the connection). */
    int (*interrupt)(void *ud);
    void *ud;
} mq_hooks;

/* ---- lifecycle --------------------------------------------------------- */
mq_conn *mq_conn_new(void);                    /* NULL on out of memory */
void mq_conn_set_hooks(mq_conn *c, const mq_hooks *h);
/* Connects, negotiates and opens the vhost.  On failure the connection is
 * closed and the error record says why (reply code 403/530 for a server
 * refusal, MQ_E_RESOLVE/CONNECT/TLS/TIMEOUT for transport failures). */
int mq_conn_open(mq_conn *c, const mq_conn_params *p);
/* Graceful close: every open channel gets channel.close (errors ignored),
 * then connection.close(200) and its close-ok, bounded by the rpc/write
 * timeouts; the socket is shut down (also for duplicates of its
 * descriptor) and closed in every case.  No-op when not open. */
int mq_conn_close(mq_conn *c);
/* Drops the socket at once, without protocol. */
void mq_conn_abort(mq_conn *c);

/* Suspended writes.  A publish (mq_basic_publish) whose socket takes no
 * more bytes while the embedder's code waits to run (the interrupt hook
 * says MQ_INTR_PENDING) does not wait on: the rest of the message is
 * copied into the connection and the call returns MQ_E_INTERRUPTED, a safe
 * point like an event wait's.  The message counts as published (its
 * confirm tag is taken); its frame is half written, so the stream belongs
 * to it until it is out:
 *  - the embedder runs its code and calls mq_conn_resume_write() until it
 *    returns MQ_OK (all written) or an error (the connection failed);
 *  - any write meanwhile (code run at the safe point publishing or acking
 *    on the same connection) first writes the rest, then its own bytes;
 *    the heartbeat thread writes nothing;
 *  - mq_conn_close() cannot close gracefully behind a half-written frame:
 *    it drops the socket at once, the error record says
 *    MQ_ABANDONED_WRITE_TEXT and the next mq_conn_resume_write() fails
 *    with MQ_E_NOT_CONNECTED and that text;
 *  - mq_conn_abandon_write() does the same for an embedder that unwinds
 *    instead (its code threw): the message is never completed.
 * MQ_INTR_ABORT fails the write and the connection as before. */
bool mq_conn_write_suspended(const mq_conn *c);
int mq_conn_resume_write(mq_conn *c);
/* MQ_E_NOT_CONNECTED after dropping the socket when a write is suspended
 * (error record: MQ_ABANDONED_WRITE_TEXT, mq_net.h); MQ_OK when none is. */
int mq_conn_abandon_write(mq_conn *c);

/* Fork safety.  A connection belongs to the process that opened it.  In
 * any other process (a child forked meanwhile) it is never read or written:
 * the first call that would touch the stream (every write, read, wait and
 * close, mq_conn_check_process()) instead closes the child's own copy of
 * the descriptor (no close/close-ok, no shutdown(), no TLS close_notify, no
 * heartbeat thread join) and fails with MQ_E_NOT_CONNECTED and
 * MQ_FOREIGN_PROCESS_TEXT (mq_net.h) in the error record.  The parent's
 * connection is unaffected.
 * MQ_OK, or (in another process) the above: MQ_E_NOT_CONNECTED after the
 * silent close.  No system call in the process that opened it. */
int mq_conn_check_process(mq_conn *c);
void mq_conn_free(mq_conn *c);                 /* aborts if still open */

const mq_error *mq_conn_error(const mq_conn *c);
bool mq_conn_is_open(const mq_conn *c);
uint16_t mq_conn_channel_max(const mq_conn *c); /* negotiated (0 before open) */
uint32_t mq_conn_frame_max(const mq_conn *c);
uint16_t mq_conn_heartbeat(const mq_conn *c);
int mq_conn_fd(const mq_conn *c);              /* -1 when closed */
/* The server-properties table of connection.start (content bytes). */
mq_bytes mq_conn_server_properties(const mq_conn *c);
/* Changes timeouts of an open (or not yet open) connection; 0 = none. */
void mq_conn_set_timeouts(mq_conn *c, double read, double write, double rpc);
bool mq_conn_is_blocked(const mq_conn *c);     /* connection.blocked in force */
/* The reason of the server's last connection.blocked ("" before any). */
const char *mq_conn_blocked_reason(const mq_conn *c);
/* Blocked/unblocked notices.  Every connection.blocked/unblocked the frame
 * pump reads (inside any call) is also recorded as a notice, so that the
 * embedder can tell the application about it after that call returned
 * (a callback from inside the pump could re-enter the connection).  Takes
 * the oldest notice not yet taken (a wait for MQ_EV_BLOCKED events takes
 * them too, and returns as soon as one is read): 1 with *blocked (true for
 * connection.blocked) and *reason (the server's text, "" for unblocked;
 * valid until the next call on the connection) set, or 0 when there is
 * none.  At most MQ_BLOCKED_NOTICES are kept (the oldest is dropped when
 * more arrive untaken); a failed or closed connection forgets them. */
#define MQ_BLOCKED_NOTICES 8
int mq_conn_take_blocked_notice(mq_conn *c, bool *blocked, const char **reason);

/* Reads and handles whatever has arrived without blocking (heartbeats,
 * closes, async events, which are queued), sends a heartbeat when one is
 * due and flushes pending output.  For use between API calls. */
int mq_conn_service(mq_conn *c);
/* mq_conn_service() when nothing was read for `idle` seconds and no such
 * look was taken for as long (publish takes one every 100 ms too), and
 * the connection is not corked: so that a connection lost while idle is
 * noticed before the next request is sent.  Costs no system call
 * otherwise. */
int mq_conn_service_if_idle(mq_conn *c, double idle);
/* Writes buffered output (e.g. coalesced acks). */
int mq_conn_flush(mq_conn *c);
/* While corked (counter > 0), acks/nacks/rejects are buffered instead of
 * written at once; every blocking wait, publish, synchronous method, close
 * and the final uncork flush them. */
void mq_conn_cork(mq_conn *c);
int mq_conn_uncork(mq_conn *c);
/* True when complete frames or queued events are already buffered (no read
 * needed: an event loop should not poll the fd before waiting). */
bool mq_conn_has_buffered(const mq_conn *c);

/* Optional background heartbeat sender (opt-in).  Sends heartbeat frames
 * when nothing was written for half the interval; never reads, never calls
 * hooks, blocks every signal (they reach the calling thread).  A no-op when
 * heartbeats are off; stopped by on=false, close, abort, failure and free.
 * A child forked meanwhile has no thread: it neither locks nor joins. */
int mq_conn_heartbeat_thread(mq_conn *c, bool on);

/* ---- channels ---------------------------------------------------------- */
/* Allocates the lowest free id and opens it (channel.open/open-ok).
 * MQ_E_NO_CHANNEL when all ids up to channel_max are in use. */
int mq_channel_open(mq_conn *c, uint16_t *id);
/* mq_channel_open() that also sets the channel's prefetch in the same round
 * trip: channel.open and the nqos basic.qos methods leave in one write and
 * their replies are read in order.  *id is set as soon as open-ok came, so
 * a failure with *id still 0 means the channel did not open, and one with
 * *id set means a basic.qos failed (the channel is then closed by the
 * server: mq_channel_error()). */
int mq_channel_open_qos(mq_conn *c, uint16_t *id, const mq_basic_qos_t *qos, int nqos);
/* Opens the given id (which must be free): for reopening a channel under
 * the id it had on an earlier connection (recovery).  MQ_E_NO_CHANNEL when
 * the id is beyond channel_max or in use. */
int mq_channel_open_id(mq_conn *c, uint16_t id);
/* channel.close(200) and wait for close-ok; frees the id.  No-op (0) if the
 * channel is not open. */
int mq_channel_close(mq_conn *c, uint16_t id);
/* Sends channel.close without waiting; the id is freed when close-ok
 * arrives (frames for it are dropped meanwhile).  Never blocks on the
 * network beyond the write. */
void mq_channel_close_async(mq_conn *c, uint16_t id);
bool mq_channel_is_open(const mq_conn *c, uint16_t id);
/* Number of channels in use: open ones (ids of channels we closed stay
 * reserved until their close-ok, but are not counted). */
int mq_conn_channels_used(const mq_conn *c);
/* The server's channel.close that closed channel id, if any (reply_code 0
 * if it was closed by us or is open). */
const mq_error *mq_channel_error(const mq_conn *c, uint16_t id);

/* ---- synchronous methods (send, wait for -ok on the same channel) ------- */
/* Generic: sends method `id` with `args` on channel ch and waits for one of
 * the reply ids in `replies` (0-terminated).  *reply_id/out get the reply;
 * views in *out are valid until the next call. */
int mq_rpc(mq_conn *c, uint16_t ch, uint32_t id, const void *args,
           const uint32_t *replies, uint32_t *reply_id, union mq_method_args *out);

int mq_basic_qos(mq_conn *c, uint16_t ch, uint32_t prefetch_size, uint16_t prefetch_count,
                 bool global);
int mq_exchange_declare(mq_conn *c, uint16_t ch, mq_bytes name, mq_bytes type, bool passive,
                        bool durable, bool auto_delete, bool internal, mq_bytes args);
int mq_exchange_delete(mq_conn *c, uint16_t ch, mq_bytes name, bool if_unused);
int mq_exchange_bind(mq_conn *c, uint16_t ch, mq_bytes destination, mq_bytes source,
                     mq_bytes routing_key, mq_bytes args);
int mq_exchange_unbind(mq_conn *c, uint16_t ch, mq_bytes destination, mq_bytes source,
                       mq_bytes routing_key, mq_bytes args);
/* *name_out (view) is the queue name the server confirmed. */
int mq_queue_declare(mq_conn *c, uint16_t ch, mq_bytes name, bool passive, bool durable,
                     bool exclusive, bool auto_delete, mq_bytes args, mq_bytes *name_out,
                     uint32_t *message_count, uint32_t *consumer_count);
int mq_queue_bind(mq_conn *c, uint16_t ch, mq_bytes queue, mq_bytes exchange,
                  mq_bytes routing_key, mq_bytes args);
int mq_queue_unbind(mq_conn *c, uint16_t ch, mq_bytes queue, mq_bytes exchange,
                    mq_bytes routing_key, mq_bytes args);
int mq_queue_purge(mq_conn *c, uint16_t ch, mq_bytes queue, uint32_t *message_count);
int mq_queue_delete(mq_conn *c, uint16_t ch, mq_bytes queue, bool if_unused, bool if_empty,
                    uint32_t *message_count);
/* *tag_out (view) is the consumer tag the server confirmed. */
int mq_basic_consume(mq_conn *c, uint16_t ch, mq_bytes queue, mq_bytes tag, bool no_local,
                     bool no_ack, bool exclusive, mq_bytes args, mq_bytes *tag_out);
int mq_basic_cancel(mq_conn *c, uint16_t ch, mq_bytes tag, mq_bytes *tag_out);
int mq_basic_recover(mq_conn *c, uint16_t ch, bool requeue);
int mq_tx_select(mq_conn *c, uint16_t ch);
int mq_tx_commit(mq_conn *c, uint16_t ch);
int mq_tx_rollback(mq_conn *c, uint16_t ch);
int mq_confirm_select(mq_conn *c, uint16_t ch);
/* Channel's next publish sequence number in confirm mode (1 after select). */
uint64_t mq_channel_next_publish_seq(const mq_conn *c, uint16_t ch);

/* ---- messages ---------------------------------------------------------- */
/* A received message (deliver, get-ok or return).  String fields are views
 * (valid until the next call on the connection); the body is owned by the
 * message until taken with mq_message_take_body() or released with
 * mq_message_release(). */
typedef struct mq_message {
    uint16_t channel;
    uint32_t method;              /* MQ_BASIC_DELIVER, MQ_BASIC_GET_OK or MQ_BASIC_RETURN */
    mq_bytes consumer_tag;        /* deliver */
    uint64_t delivery_tag;        /* deliver, get-ok */
    bool redelivered;             /* deliver, get-ok */
    mq_bytes exchange;
    mq_bytes routing_key;
    uint32_t message_count;       /* get-ok */
    uint16_t reply_code;          /* return */
    mq_bytes reply_text;          /* return */
    mq_basic_properties_t props;  /* views */
    void *body_handle;            /* from mq_hooks.body_alloc (NULL if taken) */
    char *body;                   /* body bytes (body_len of them) */
    size_t body_len;
} mq_message;

void *mq_message_take_body(mq_message *m); /* caller now owns the handle */
void mq_message_release(mq_conn *c, mq_message *m);

/* basic.get: 1 and *m filled, 0 for get-empty. */
int mq_basic_get(mq_conn *c, uint16_t ch, mq_bytes queue, bool no_ack, mq_message *m);

/* basic.publish + content header + body frames split at frame_max, encoded
 * into one buffer (small bodies) or an iovec (large ones) and written with
 * one send; pending acks go out in the same write.  props may be NULL.
 * While the server has the connection blocked (connection.blocked) it first
 * waits for connection.unblocked up to the write timeout, then fails with
 * MQ_E_BLOCKED ("connection blocked by the server: <reason>"; the
 * connection stays open, nothing was sent).  With no write timeout (0) it
 * does not wait: the frames are written (the server reads them once it
 * unblocks; a write that cannot complete waits like any other).
 * MQ_E_INTERRUPTED: the write was suspended (see mq_conn_resume_write()). */
int mq_basic_publish(mq_conn *c, uint16_t ch, mq_bytes exchange, mq_bytes routing_key,
                     bool mandatory, bool immediate, const mq_basic_properties_t *props,
                     const char *body, size_t body_len);
/* Asynchronous acknowledgements (buffered while corked). */
int mq_basic_ack(mq_conn *c, uint16_t ch, uint64_t tag, bool multiple);
int mq_basic_nack(mq_conn *c, uint16_t ch, uint64_t tag, bool multiple, bool requeue);
int mq_basic_reject(mq_conn *c, uint16_t ch, uint64_t tag, bool requeue);

/* ---- asynchronous events ----------------------------------------------- */
enum {
    MQ_EV_DELIVER = 1 << 0, /* basic.deliver + content (ev->msg) */
    MQ_EV_RETURN = 1 << 1,  /* basic.return + content (ev->msg) */
    MQ_EV_ACK = 1 << 2,     /* basic.ack from the server (confirm mode) */
    MQ_EV_NACK = 1 << 3,    /* basic.nack from the server */
    MQ_EV_CANCEL = 1 << 4,  /* basic.cancel from the server (consumer_tag) */
    MQ_EV_ANY = 0x1f,
    /* connection.blocked/unblocked (ev->blocked, ev->reason; channel 0),
     * taken from the notices (see mq_conn_take_blocked_notice()); matches
     * a waiter on any channel.  Only when asked for: not in MQ_EV_ANY. */
    MQ_EV_BLOCKED = 1 << 5
};

typedef struct mq_event {
    int kind;              /* one MQ_EV_* */
    uint16_t channel;
    uint64_t delivery_tag; /* ack/nack */
    bool multiple;         /* ack/nack */
    bool requeue;          /* nack */
    mq_bytes consumer_tag; /* cancel */
    mq_message msg;        /* deliver/return */
    bool blocked;          /* blocked: true for connection.blocked, false for unblocked */
    mq_bytes reason;       /* blocked: the server's reason (empty for unblocked) */
} mq_event;

/* Waits for the next event whose kind is in `kinds` and whose channel is
 * `ch` (0: any channel).  Events that arrive meanwhile and do not match are
 * queued in arrival order, never dropped; queued matching events come
 * first (MQ_EV_BLOCKED notices before them).  timeout: seconds, 0 = the connection's read timeout (which itself
 * is 0 = wait forever), < 0 = do not block (only buffered/readable data).
 * Returns 1 with *ev filled, 0 on timeout, or an
 * error; MQ_E_CHANNEL_CLOSED (error record names the channel) when the
 * server closed channel ch (for ch == 0: any channel) during the wait.
 * Heartbeats are sent and checked throughout. */
int mq_conn_wait_event(mq_conn *c, uint16_t ch, int kinds, double timeout, mq_event *ev);
/* Frees queued events of channel ch (0: all), e.g. when a channel object
 * goes away. */
void mq_conn_drop_events(mq_conn *c, uint16_t ch);
/* The confirm/return kinds: what a publisher receives without asking. */
#define MQ_EV_ASYNC (MQ_EV_ACK | MQ_EV_NACK | MQ_EV_RETURN)
/* Number of MQ_EV_ASYNC events queued (read, not yet taken), all channels
 * together.  O(1), no I/O: an embedder can check it at the start of every
 * call and take them (mq_conn_wait_event(c, 0, MQ_EV_ASYNC, -1, ...) while
 * it is > 0 takes only queued ones, oldest first, without reading). */
size_t mq_conn_queued_async(const mq_conn *c);
/* Bound of the queue: at most this many MQ_EV_ASYNC events are kept per
 * channel.  When one more arrives for a channel that has as many queued,
 * its oldest one is dropped (a return's body freed) and counted.  A
 * program that waits for its confirms and returns never holds that many;
 * one that never waits keeps the newest ones in bounded memory. */
#define MQ_ASYNC_QUEUE_MAX 4096
/* True when a channel dropped events that mq_channel_take_dropped() has
 * not reported yet.  O(1): for a check at the start of every call. */
bool mq_conn_has_dropped(const mq_conn *c);
/* The number of events channel ch dropped since it was opened, reported
 * once: the first call after its first drop returns it, every later call
 * 0 until the id is opened again. */
size_t mq_channel_take_dropped(mq_conn *c, uint16_t ch);

#ifdef __cplusplus
}
#endif
#endif

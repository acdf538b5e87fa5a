/* SPDX-License-Identifier: MIT */
/*
 * Internals shared by the connection's source files: the mq_conn and
 * per-channel structs, the queued-event node, the "waiter" that tells the
 * frame pump what the current call is waiting for, and the helpers each
 * file exports to the others.  The socket, the read buffer, the write path
 * and the heartbeat thread are the transport's (src/net/mq_transport.h),
 * which the connection embeds as c->tr.
 *
 * The files are layers; each calls only the ones below it:
 *
 *   mq_conn.c, mq_channel.c   operations: open/close and the handshake;
 *                 channels, synchronous methods, publish, get, acks
 *   mq_event.c    the wait: the pump (mq_conn_pump), dispatch of the
 *                 reader's items, queueing, mq_conn_wait_event()
 *   mq_output.c   the output path: c->out, writes, corking, heartbeats
 *   mq_state.c    lifecycle and failure, channel table, queue storage
 *   mq_reader.c   frames → decoded items (no I/O; knows only the codec)
 *
 * Ownership: the connection owns its transport, output buffer, channel
 * table, queued events (and their bodies) and the server-properties copy.
 * A body handed to the caller in an mq_message belongs to that message.
 */
#ifndef MQ_CONN_INTERNAL_H
#define MQ_CONN_INTERNAL_H

#include "mq_conn.h"
#include "mq_reader.h"
#include "mq_transport.h"

/* frame_max assumed before connection.tune has been negotiated */
#define MQ_PRE_TUNE_FRAME_MAX (128 * 1024)
/* Bodies up to this size are copied into the output buffer; larger ones are
 * sent from the caller's memory with a gathering write. */
#define MQ_PUBLISH_COPY_MAX (64 * 1024)
/* Bound of closing steps when no rpc timeout is set (seconds). */
#define MQ_CLOSE_FALLBACK 1.0

enum { MQ_CH_FREE = 0, MQ_CH_OPEN, MQ_CH_CLOSING, MQ_CH_CLOSED };

/* One channel id's state.  Allocated on first use of the id and kept until
 * the connection is freed (the error record outlives a server close). */
typedef struct mq_chan {
    uint8_t state;         /* MQ_CH_*: FREE/CLOSED ids are allocatable */
    bool confirm;          /* confirm.select done */
    uint64_t next_seq;     /* next publish sequence number in confirm mode */
    mq_error err;          /* the server's channel.close, reply_code 0 if none */
    size_t nasync;         /* queued events of MQ_EV_ASYNC kinds on this id */
    size_t dropped;        /* of those, dropped by the bound since the id was opened */
    bool drop_untold;      /* dropped > 0, not yet taken by mq_channel_take_dropped() */
    bool drop_told;        /* taken: no further report until the id is opened again */
} mq_chan;

/* A queued event: decoded once, its views moved onto a private copy of the
 * method (+ header) payload; owns its body (ev.msg.body_handle). */
typedef struct mq_qev {
    struct mq_qev *next;   /* FIFO link */
    int kind;              /* MQ_EV_* */
    uint16_t channel;      /* channel it arrived on */
    mq_event ev;           /* the decoded event, views into raw */
    uint8_t raw[];         /* method payload, then header payload */
} mq_qev;

/* What the current call waits for; the pump stops when `done` is set. */
enum {
    MQ_W_NONE = 0,   /* nothing: service/drain until no data (or deadline) */
    MQ_W_RPC,        /* a reply id in `replies` on channel `ch` */
    MQ_W_GET,        /* basic.get-ok (assembled) or get-empty on `ch` */
    MQ_W_EVENT,      /* an event of `kinds` on `ch` (0 = any) */
    MQ_W_UNBLOCK,    /* connection.unblocked */
    MQ_W_CLOSED_ALL  /* every CLOSING channel got its close-ok */
};

typedef struct mq_waiter {
    int type;                  /* MQ_W_* */
    uint16_t ch;               /* channel of interest (0: connection / any) */
    const uint32_t *replies;   /* RPC: acceptable reply ids, 0-terminated */
    int kinds;                 /* EVENT: MQ_EV_* mask */
    uint32_t reply_id;         /* RPC/GET: the reply that came */
    union mq_method_args *out; /* RPC: decoded reply (views into the read buffer) */
    mq_event *ev;              /* EVENT: filled on success */
    mq_message *msg;           /* GET: filled on get-ok */
    bool done;                 /* satisfied */
} mq_waiter;

struct mq_conn {
    mq_transport tr;           /* socket, read buffer, write path, heartbeat thread;
                                * tr.io is NULL when closed */
    mq_reader rd;              /* frames → decoded methods and assembled messages */
    bool open;                 /* handshake completed and not closed since */
    mq_error err;              /* last error of any call */
    mq_error no_err;           /* all-zero record for mq_channel_error() misses */
    mq_hooks hooks;            /* embedder's hooks (defaults filled in) */
    double read_timeout;       /* seconds, 0 = none */
    double write_timeout;
    double rpc_timeout;
    uint16_t channel_max;      /* negotiated; ids 1..channel_max */
    uint32_t frame_max;        /* negotiated (0 = no limit) */
    uint16_t heartbeat;        /* negotiated seconds, 0 = off */
    uint8_t *server_props;     /* copy of connection.start server-properties */
    size_t server_props_len;
    bool blocked;              /* connection.blocked in force */
    char blocked_reason[256];  /* reason of the last connection.blocked */
    struct {
        bool blocked;          /* connection.blocked (else unblocked) */
        char reason[256];      /* its reason ("" for unblocked) */
    } notices[MQ_BLOCKED_NOTICES]; /* ring of untaken blocked/unblocked notices */
    unsigned notice_first;     /* ring index of the oldest */
    unsigned notice_count;     /* untaken notices */
    /* write side */
    mq_wbuf out;               /* buffered output (corked acks, frames being built) */
    int cork;                  /* cork depth */
    int64_t last_service;      /* when publish last looked at incoming frames */
    /* channels */
    mq_chan **chans;           /* [channel_max + 1], entries allocated lazily */
    uint64_t *used;            /* bitmap of allocated ids (OPEN or CLOSING) */
    int nused;                 /* number of bits set in `used` */
    int nclosing;              /* channels in MQ_CH_CLOSING */
    uint16_t chans_hi;         /* highest id with an entry in `chans` (0: none): the
                                * table walks stop there */
    /* events */
    mq_qev *qhead, *qtail;     /* FIFO of events nobody waited for */
    size_t nasync;             /* queued events of MQ_EV_ASYNC kinds (ack, nack, return) */
    int drop_untold;           /* channels with drop_untold set */
    mq_qev *held;              /* dequeued event whose bytes back the caller's views */
};

/* ---- mq_state.c ----------------------------------------------------------- */
/* Fails the connection: stops the heartbeat thread, closes the socket, resets
 * channels and queued events.  Keeps c->err.  Returns c->err.code. */
int mq_conn_fail(mq_conn *c, int code);
/* Fills *e from a server close (code MQ_E_CONNECTION_CLOSED or
 * MQ_E_CHANNEL_CLOSED; channel 0 for the connection). */
void mq_error_from_close(mq_error *e, int code, uint16_t channel, uint16_t reply_code,
                         mq_bytes reply_text, uint16_t class_id, uint16_t method_id);
/* Frees and resets the held event (start of a call that hands out views). */
void mq_conn_release_held(mq_conn *c);
/* Deadline for an rpc step: now + rpc_timeout (0 = none). */
int64_t mq_conn_rpc_deadline(const mq_conn *c);
/* The channel struct of an id, NULL when out of range or never used. */
static inline mq_chan *mq_conn_chan(const mq_conn *c, uint16_t id)
{
    return (c->chans && id >= 1 && id <= c->channel_max) ? c->chans[id] : NULL;
}
/* Is id allocated (OPEN or CLOSING)? */
static inline bool mq_chan_id_used(const mq_conn *c, uint16_t id)
{
    return (c->used[id / 64] >> (id % 64)) & 1u;
}
/* The id a new channel gets (php-amqp's order), 0 when every id is open. */
uint16_t mq_chan_next_free(const mq_conn *c);
/* Marks id as no longer allocated (bitmap, counters). */
void mq_chan_release_id(mq_conn *c, uint16_t id);
/* Frees the whole channel table. */
void mq_chans_free(mq_conn *c);
/* Closes every channel without protocol (connection failed/closed). */
void mq_chans_reset(mq_conn *c);
/* Frees a queued event and its body. */
void mq_qev_free(mq_conn *c, mq_qev *q);
/* Counts a queued async event of channel ch in (+1) or out (-1). */
void mq_conn_count_async(mq_conn *c, uint16_t ch, int delta);
/* Frees all queued events. */
void mq_conn_queue_clear(mq_conn *c);

/* ---- mq_output.c ---------------------------------------------------------- */
/* Writes iov[0..cnt) completely within the write timeout (iov is consumed
 * in place), then resets c->out (which the iovec may point into).  Errors
 * fail the connection: a frame may have been half written.  A suspended
 * write (c->tr.pend) goes out first. */
int mq_conn_writev(mq_conn *c, struct iovec *iov, int cnt);
/* mq_conn_writev() for a message: when the socket takes no more bytes and
 * the embedder's code waits to run (MQ_INTR_PENDING), copies what is left
 * to c->tr.pend and returns MQ_E_INTERRUPTED instead of waiting on (see
 * mq_conn_resume_write()). */
int mq_conn_writev_suspendable(mq_conn *c, struct iovec *iov, int cnt);
/* mq_conn_writev() of c->out alone. */
int mq_conn_send(mq_conn *c);
/* Appends a method frame to c->out. */
int mq_conn_put_method(mq_conn *c, uint16_t ch, uint32_t id, const void *args);
/* Sends a heartbeat if nothing was written for heartbeat/2 (non-blocking
 * apart from the write itself). */
int mq_conn_heartbeat_due(mq_conn *c, int64_t now);
static inline int64_t mq_conn_last_write(const mq_conn *c)
{
    return mq_transport_last_write(&c->tr);
}

/* ---- mq_event.c ----------------------------------------------------------- */
/* Reads and dispatches frames until w->done (1), the deadline (0), or an
 * error (< 0).  block=false: only what is buffered or readable now (returns
 * 0 when that is exhausted).  Sends/checks heartbeats. */
int mq_conn_pump(mq_conn *c, mq_waiter *w, int64_t deadline, bool block);
/* mq_conn_pump() that blocks until w is done: 1, or MQ_E_TIMEOUT ("request
 * timed out") when the deadline passed first, or the pump's error. */
static inline int mq_conn_wait_reply(mq_conn *c, mq_waiter *w, int64_t deadline)
{
    int r = mq_conn_pump(c, w, deadline, true);
    return r == 0 ? mq_error_set(&c->err, MQ_E_TIMEOUT, "request timed out") : r;
}

#endif

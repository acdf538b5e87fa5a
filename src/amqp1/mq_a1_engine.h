/* SPDX-License-Identifier: MIT */
/*
 * The AMQP 1.0 connection engine: a pure, I/O-free state machine over the
 * frame layer (mq_a1_frame.h).  The caller feeds it the bytes it received
 * and the current time (monotonic nanoseconds), pulls decoded events, calls
 * the operations (begin, attach, flow, send, settle, detach, end, close), and
 * writes out what the engine appended to its output buffer.  The engine
 * never reads, writes, sleeps or looks at a clock.
 *
 * It covers the protocol header exchange, SASL (PLAIN, ANONYMOUS, EXTERNAL),
 * open with max-frame-size, channel-max and idle-time-out, sessions with
 * their windows, sender and receiver links with credit and drain, transfers
 * split and reassembled, dispositions in ranges, and close; a small server
 * mode answers the protocol headers, SASL and open so that two engines can
 * talk to each other in tests.  docs/amqp1.md describes the design.
 *
 * Returns: MQ_OK (0) or a negative MQ_E_* / MQ_A1_E_* code; the engine's
 * last error, with a text, is mq_a1_engine_error().  Everything is bounded:
 * sessions (channel-max), links per session (handle-max), unsettled sent
 * deliveries per session, received message size.
 */
#ifndef MQ_A1_ENGINE_H
#define MQ_A1_ENGINE_H

#include "mq_a1_frame.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Error codes of the engine (after the codec's, mq_a1_codec.h). */
enum {
    MQ_A1_E_NO_CREDIT = -80,  /* send: the link has no credit; wait for MQ_A1_EV_FLOW */
    MQ_A1_E_WINDOW = -81,     /* send: the peer's session incoming window is too small; wait for a flow */
    MQ_A1_E_UNSETTLED = -82,  /* send: the session's unsettled map is full; wait for dispositions */
    MQ_A1_E_STATE = -83       /* an operation that the session, link or connection state forbids */
};

enum { MQ_A1_SASL_NONE = 0, MQ_A1_SASL_PLAIN = 1, MQ_A1_SASL_ANONYMOUS = 2, MQ_A1_SASL_EXTERNAL = 4 };

/* Limits: defaults for a 0 in the options, and the largest accepted. */
#define MQ_A1_DEF_MAX_FRAME 65536u
#define MQ_A1_DEF_CHANNEL_MAX 15u       /* 16 sessions */
#define MQ_A1_MAX_CHANNEL_MAX 255u
#define MQ_A1_DEF_HANDLE_MAX 63u        /* 64 links per session */
#define MQ_A1_MAX_HANDLE_MAX 1023u
#define MQ_A1_DEF_MAX_MESSAGE (16u << 20)
#define MQ_A1_DEF_WINDOW 2048u          /* session incoming window, in transfer frames */
#define MQ_A1_DEF_UNSETTLED 4096u       /* unsettled sent deliveries per session */
#define MQ_A1_MAX_UNSETTLED 65536u

/* The engine's options (mq_bytes are copied at init). */
typedef struct mq_a1_engine_opts {
    bool server;              /* answer headers, SASL and open instead of starting them */
    int sasl;                 /* client: one MQ_A1_SASL_* (NONE: no SASL layer);
                               * server: a mask of the mechanisms offered (0: no SASL) */
    mq_bytes user, password;  /* PLAIN (server: the credentials accepted) */
    mq_bytes authzid;         /* PLAIN and EXTERNAL: the authorization identity (may be empty) */
    mq_bytes container_id;    /* ours (empty: "mq") */
    mq_bytes hostname;        /* open's and sasl-init's hostname (empty: absent) */
    uint32_t max_frame_size;  /* ours, at least 512 (0: MQ_A1_DEF_MAX_FRAME) */
    uint16_t channel_max;     /* 0: MQ_A1_DEF_CHANNEL_MAX; at most MQ_A1_MAX_CHANNEL_MAX */
    uint32_t handle_max;      /* 0: MQ_A1_DEF_HANDLE_MAX; at most MQ_A1_MAX_HANDLE_MAX */
    uint32_t idle_timeout_ms; /* ours, announced in open (0: none) */
    uint64_t max_message_size;/* largest message received (0: MQ_A1_DEF_MAX_MESSAGE) */
    uint32_t incoming_window; /* 0: MQ_A1_DEF_WINDOW */
    uint32_t max_unsettled;   /* 0: MQ_A1_DEF_UNSETTLED; at most MQ_A1_MAX_UNSETTLED */
} mq_a1_engine_opts;

/* Outcomes (delivery states) of a disposition. */
enum {
    MQ_A1_OUT_NONE = 0,   /* no state */
    MQ_A1_OUT_ACCEPTED,
    MQ_A1_OUT_REJECTED,   /* condition, description: the error, when the peer gave one */
    MQ_A1_OUT_RELEASED,
    MQ_A1_OUT_MODIFIED,   /* delivery_failed, undeliverable_here */
    MQ_A1_OUT_RECEIVED,   /* a non-terminal state */
    MQ_A1_OUT_OTHER       /* another described state (transactional, ...) */
};

typedef struct mq_a1_outcome {
    int kind;                 /* MQ_A1_OUT_* */
    bool delivery_failed, undeliverable_here;
    mq_bytes condition, description;
} mq_a1_outcome;

/* Events (mq_a1_engine_next()). */
enum {
    MQ_A1_EV_OPEN = 1,    /* the peer's open (frame->perf.open); the connection is open */
    MQ_A1_EV_BEGIN,       /* a session is mapped (ours answered, or the peer's, answered by the engine) */
    MQ_A1_EV_ATTACH,      /* the peer's attach (frame->perf.attach): an answer, or remote_initiated */
    MQ_A1_EV_FLOW,        /* a flow: link (or MQ_A1_NO_LINK for a session flow), credit, drain */
    MQ_A1_EV_DELIVERY,    /* a whole received message on a receiver link */
    MQ_A1_EV_DISPOSITION, /* the peer's disposition of our sent deliveries first..last */
    MQ_A1_EV_DETACH,      /* a link is gone: the peer's detach (answer or its own, answered) */
    MQ_A1_EV_LINK_ERROR,  /* the engine detached a link for its peer's fault (condition) */
    MQ_A1_EV_END,         /* a session is gone */
    MQ_A1_EV_CLOSE        /* the peer's close (answer or its own, answered): the connection is over */
};

#define MQ_A1_NO_LINK UINT32_MAX

/* Views are valid until the next mq_a1_engine_next() or _feed(). */
typedef struct mq_a1_event {
    int type;                 /* MQ_A1_EV_* */
    uint16_t session;         /* our channel */
    uint32_t link;            /* our handle, or MQ_A1_NO_LINK */
    bool remote_initiated;    /* BEGIN, ATTACH, DETACH, END, CLOSE: the peer started it */
    bool closed;              /* DETACH: closed */
    const mq_a1_frame *frame; /* the frame (OPEN, BEGIN, ATTACH, FLOW, DETACH, END, CLOSE) */
    mq_bytes condition;       /* DETACH, LINK_ERROR, END, CLOSE: the error (len 0: none) */
    mq_bytes description;
    /* DELIVERY */
    uint32_t delivery_id;
    mq_bytes tag;
    mq_bytes payload;         /* the message's bytes, reassembled (mq_a1_message_decode()) */
    bool settled;             /* DELIVERY: the sender settled it; DISPOSITION: settled */
    uint32_t message_format;
    /* DISPOSITION */
    uint32_t first, last;
    uint32_t matched;         /* how many of our unsettled deliveries it named */
    mq_a1_outcome outcome;
    /* FLOW (link): our view after it */
    uint32_t credit;
    uint32_t delivery_count;
    bool drain;
} mq_a1_event;

/* A link to attach (mq_a1_link_attach()).  Strings are copied. */
typedef struct mq_a1_link_opts {
    mq_bytes name;            /* unique per connection (empty: "mq-link-<handle>") */
    bool receiver;            /* our role: false sender, true receiver */
    uint8_t snd_settle_mode;  /* 0 unsettled, 1 settled, 2 mixed (default 2 when has_snd_settle_mode false) */
    bool has_snd_settle_mode;
    uint8_t rcv_settle_mode;  /* 0 first (the only one the engine settles in) */
    mq_bytes source;          /* source address (a receiver's: where from) */
    mq_bytes target;          /* target address (a sender's: where to) */
    uint32_t durable;         /* terminus durability: 0 none, 1 configuration, 2 unsettled-state */
    mq_bytes expiry_policy;   /* "link-detach", "session-end", "connection-close", "never" (empty: default) */
    const mq_bytes *capabilities; /* our terminus's capabilities (the source of a receiver, the target of a sender) */
    size_t ncapabilities;
} mq_a1_link_opts;

/* --------------------------------------------------------- the engine state */

enum { A1_LINK_FREE = 0, A1_LINK_ATTACH_SENT, A1_LINK_ATTACH_RCVD, A1_LINK_ATTACHED,
       A1_LINK_DETACH_SENT };
enum { A1_SES_FREE = 0, A1_SES_BEGIN_SENT, A1_SES_MAPPED, A1_SES_END_SENT };

typedef struct mq_a1_link {
    uint8_t state;
    bool receiver;
    bool has_remote;
    bool drain;
    uint8_t snd_settle_mode, rcv_settle_mode;
    uint32_t remote_handle;
    char *name;
    size_t name_len;
    uint32_t delivery_count;  /* sender: ours; receiver: the sender's as last known */
    uint32_t credit;          /* sender: what we may send; receiver: what we granted and is left */
    uint64_t peer_max_message;/* sender: the peer's max-message-size (0: none) */
    uint64_t next_tag;        /* sender: the next delivery tag */
    /* receiver: the delivery being reassembled */
    bool in_delivery, discard, cur_settled;
    uint32_t cur_id, cur_format;
    uint8_t cur_tag[32];
    uint8_t cur_tag_len;
    mq_wbuf msg;
} mq_a1_link;

typedef struct a1_unsettled {
    uint32_t id;
    uint32_t handle;
} a1_unsettled;

/* A settlement waiting to be written, extended while ids are consecutive. */
typedef struct a1_pending_disp {
    bool active;
    uint32_t first, last;
    int kind;
    bool delivery_failed, undeliverable_here;
    char condition[128], description[256];
    uint8_t cond_len;
    uint16_t desc_len;
} a1_pending_disp;

typedef struct mq_a1_session {
    uint8_t state;
    bool has_remote;
    uint16_t remote_channel;
    uint32_t remote_handle_max;
    /* the session's flow control (specification 2.5.6) */
    uint32_t next_outgoing_id;      /* transfer-id of our next transfer frame */
    uint32_t next_incoming_id;      /* the peer's next transfer-id we expect */
    uint32_t incoming_window;       /* transfer frames we still accept */
    uint32_t remote_incoming_window;/* transfer frames the peer still accepts */
    uint32_t remote_outgoing_window;
    uint32_t next_delivery_id;      /* ours, for sends */
    bool has_last_in_id;
    uint32_t last_in_id;            /* the peer's last delivery-id */
    mq_a1_link *links;              /* handle_max + 1 */
    uint32_t *rhandle;              /* the peer's handle -> ours + 1 (0: none) */
    a1_unsettled *unsettled;        /* our unsettled sends, ids increasing */
    uint32_t nunsettled;
    a1_pending_disp pending;
} mq_a1_session;

enum { A1_CONN_START = 0, A1_CONN_SASL, A1_CONN_AMQP_HDR, A1_CONN_OPEN_SENT, A1_CONN_OPEN,
       A1_CONN_CLOSE_SENT, A1_CONN_CLOSED };

typedef struct mq_a1_engine {
    mq_a1_engine_opts o;       /* the options, defaults filled, strings owned */
    mq_wbuf *out;              /* the caller's output buffer */
    mq_a1_reader rd;
    mq_a1_frame frame;         /* the frame of the current event */
    mq_error err;              /* the last error */
    int fail;                  /* sticky error code (0: none) */
    uint8_t state;             /* A1_CONN_* */
    bool got_amqp_hdr, got_open, sasl_done, sent_open;
    uint32_t send_max_frame;   /* min(ours, peer's) once the peer's open is here; 512 before */
    uint16_t remote_channel_max;
    uint32_t remote_idle_ms;
    uint64_t now, last_in, last_out;
    uint32_t npending;         /* sessions with a batched disposition */
    bool refill_due;           /* a session's incoming window is down to half */
    mq_a1_session *sessions;   /* channel_max + 1 */
    uint16_t *rchannel;        /* the peer's channel -> ours + 1 (0: none) */
    mq_wbuf scratch;           /* encoded termini for attach */
    char *owned;               /* the copied option strings */
} mq_a1_engine;

/* ------------------------------------------------------------ the operations */

/* Sets the engine up (out: where frames are appended; the caller writes and
 * empties it) and, for a client, appends the first protocol header (and,
 * without SASL, the open).  now: the monotonic time in ns. */
int mq_a1_engine_init(mq_a1_engine *e, const mq_a1_engine_opts *o, mq_wbuf *out, uint64_t now);
void mq_a1_engine_free(mq_a1_engine *e);

/* Received bytes (n may be 0: just the time). */
int mq_a1_engine_feed(mq_a1_engine *e, const void *p, size_t n, uint64_t now);
/* The next event: 1 with *ev, 0 when it needs more bytes, or the sticky
 * error (the close the engine sent for a peer's fault, SASL failures, the
 * peer's close after the event that reported it: MQ_E_CONNECTION_CLOSED). */
int mq_a1_engine_next(mq_a1_engine *e, mq_a1_event *ev);
/* The timer: appends an empty frame when half the peer's idle-time-out
 * passed since we last sent something; MQ_E_HEARTBEAT (and a close with
 * amqp:resource-limit-exceeded) when nothing came for twice ours. */
int mq_a1_engine_tick(mq_a1_engine *e, uint64_t now);
/* When tick() must run next (UINT64_MAX: never). */
uint64_t mq_a1_engine_deadline(const mq_a1_engine *e);
uint64_t mq_a1_engine_heartbeat_due(const mq_a1_engine *e);
uint64_t mq_a1_engine_peer_dead_at(const mq_a1_engine *e);
/* Writes the batched dispositions; call before writing the output out. */
int mq_a1_engine_flush(mq_a1_engine *e);
const mq_error *mq_a1_engine_error(const mq_a1_engine *e);
/* 1 when the connection is open (our open sent, the peer's received). */
int mq_a1_engine_is_open(const mq_a1_engine *e);

/* Our close, with an error when condition is not empty. */
int mq_a1_engine_close(mq_a1_engine *e, mq_bytes condition, mq_bytes description);

/* A new session: *channel gets our channel; MQ_A1_EV_BEGIN follows. */
int mq_a1_session_begin(mq_a1_engine *e, uint16_t *channel);
int mq_a1_session_end(mq_a1_engine *e, uint16_t channel, mq_bytes condition,
                      mq_bytes description);

/* A new link (*handle gets ours); MQ_A1_EV_ATTACH with the peer's attach
 * follows.  For a peer-initiated attach (MQ_A1_EV_ATTACH with
 * remote_initiated), mq_a1_link_answer() answers it on ev->link. */
int mq_a1_link_attach(mq_a1_engine *e, uint16_t channel, const mq_a1_link_opts *lo,
                      uint32_t *handle);
int mq_a1_link_answer(mq_a1_engine *e, uint16_t channel, uint32_t handle,
                      const mq_a1_link_opts *lo);
int mq_a1_link_detach(mq_a1_engine *e, uint16_t channel, uint32_t handle, bool closed,
                      mq_bytes condition, mq_bytes description);

/* A receiver's credit: sets the link-credit to credit (the refill policy is
 * the caller's), with drain. */
int mq_a1_link_flow(mq_a1_engine *e, uint16_t channel, uint32_t handle, uint32_t credit,
                    bool drain);
/* A sender that was asked to drain and has nothing more: uses up the
 * credit (delivery-count advanced) and tells the receiver. */
int mq_a1_link_drained(mq_a1_engine *e, uint16_t channel, uint32_t handle);

/* Sends the message bytes payload[0..len) on a sender link (split into
 * frames of the negotiated max-frame-size).  tag: the delivery tag (len 0:
 * the engine assigns an 8-byte counter).  *delivery_id (when not NULL) gets
 * the delivery-id the disposition will name.  MQ_A1_E_NO_CREDIT,
 * MQ_A1_E_WINDOW, MQ_A1_E_UNSETTLED: nothing written, wait for an event;
 * MQ_E_TOO_LONG: larger than the peer's max-message-size. */
int mq_a1_link_send(mq_a1_engine *e, uint16_t channel, uint32_t handle, mq_bytes tag,
                    const void *payload, size_t len, bool settled, uint32_t *delivery_id);

/* Settles a received delivery with an outcome (MQ_A1_OUT_ACCEPTED,
 * _REJECTED with condition/description, _RELEASED, _MODIFIED).  Consecutive
 * ids with the same outcome are batched into one disposition range,
 * written by the next call that writes another frame or by
 * mq_a1_engine_flush(). */
int mq_a1_delivery_settle(mq_a1_engine *e, uint16_t channel, uint32_t delivery_id,
                          const mq_a1_outcome *out);

/* A link's state, for callers and tests (NULL when there is none). */
const mq_a1_link *mq_a1_link_get(const mq_a1_engine *e, uint16_t channel, uint32_t handle);
const mq_a1_session *mq_a1_session_get(const mq_a1_engine *e, uint16_t channel);

#ifdef __cplusplus
}
#endif
#endif

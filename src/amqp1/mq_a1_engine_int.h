/* SPDX-License-Identifier: MIT */
/*
 * Internals shared by the engine's files: mq_a1_engine.c (connection,
 * protocol headers, SASL, open, close, time), mq_a1_session.c (begin, end,
 * session flow control, dispositions) and mq_a1_link.c (attach, detach,
 * link flow, transfers).  Not part of the API.
 */
#ifndef MQ_A1_ENGINE_INT_H
#define MQ_A1_ENGINE_INT_H

#include "mq_a1_engine.h"

/* Error conditions (specification 2.8.15 - 2.8.18). */
#define A1_C_DECODE "amqp:decode-error"
#define A1_C_NOT_ALLOWED "amqp:not-allowed"
#define A1_C_INVALID_FIELD "amqp:invalid-field"
#define A1_C_RESOURCE_LIMIT "amqp:resource-limit-exceeded"
#define A1_C_INTERNAL "amqp:internal-error"
#define A1_C_FRAMING "amqp:connection:framing-error"
#define A1_C_WINDOW "amqp:session:window-violation"
#define A1_C_UNATTACHED "amqp:session:unattached-handle"
#define A1_C_HANDLE_IN_USE "amqp:session:handle-in-use"
#define A1_C_ERRANT_LINK "amqp:session:errant-link"
#define A1_C_TRANSFER_LIMIT "amqp:link:transfer-limit-exceeded"
#define A1_C_MESSAGE_SIZE "amqp:link:message-size-exceeded"

/* Serial number comparison (RFC 1982, 32 bits): a before b. */
static inline bool a1_before(uint32_t a, uint32_t b) { return (int32_t)(a - b) < 0; }

/* Records the error, closes the connection with condition cond (when not
 * NULL and a close may still be sent) and makes it sticky; returns code. */
int a1_fail(mq_a1_engine *e, int code, const char *cond, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
/* Records an error of an operation (not sticky); returns code. */
int a1_err(mq_a1_engine *e, int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* Appends an AMQP frame on channel (batched dispositions first). */
int a1_put(mq_a1_engine *e, uint16_t channel, const mq_a1_composite_info *ci, const void *perf);
/* An error composite from a condition and a description (views). */
void a1_error_of(mq_a1_error *er, mq_bytes condition, mq_bytes description);

/* Our session on channel ch, or NULL. */
mq_a1_session *a1_session(mq_a1_engine *e, uint16_t ch);
/* Our session for the peer's channel, or NULL. */
mq_a1_session *a1_rsession(mq_a1_engine *e, uint16_t rch);
uint16_t a1_channel_of(const mq_a1_engine *e, const mq_a1_session *s);
void a1_sessions_free(mq_a1_engine *e);
void a1_session_free(mq_a1_engine *e, mq_a1_session *s);
/* Writes s's batched disposition. */
int a1_flush_pending(mq_a1_engine *e, mq_a1_session *s);

/* Frame handlers: each fills ev (ev->type 0: no event) or fails. */
int a1_on_begin(mq_a1_engine *e, const mq_a1_frame *f, mq_a1_event *ev);
int a1_on_end(mq_a1_engine *e, mq_a1_session *s, const mq_a1_frame *f, mq_a1_event *ev);
int a1_on_flow(mq_a1_engine *e, mq_a1_session *s, const mq_a1_frame *f, mq_a1_event *ev);
int a1_on_disposition(mq_a1_engine *e, mq_a1_session *s, const mq_a1_frame *f, mq_a1_event *ev);
int a1_on_attach(mq_a1_engine *e, mq_a1_session *s, const mq_a1_frame *f, mq_a1_event *ev);
int a1_on_detach(mq_a1_engine *e, mq_a1_session *s, const mq_a1_frame *f, mq_a1_event *ev);
int a1_on_transfer(mq_a1_engine *e, mq_a1_session *s, const mq_a1_frame *f, mq_a1_event *ev);
/* A session flow, with link l's state when l is not NULL. */
int a1_send_flow(mq_a1_engine *e, mq_a1_session *s, const mq_a1_link *l, bool echo);
/* The peer's flow for one of s's links. */
int a1_link_on_flow(mq_a1_engine *e, mq_a1_session *s, const mq_a1_flow *fl, mq_a1_event *ev);
/* Reopens the sessions' incoming windows that are down to half. */
int a1_refill_windows(mq_a1_engine *e);
/* Forgets the links of a session that ended. */
void a1_links_free(mq_a1_session *s, uint32_t n);

#endif

/* SPDX-License-Identifier: MIT */
/*
 * AMQP 1.0 frames (specification part 2, "Transport", and part 5.3, SASL):
 * the protocol headers, an I/O-free frame reader that is fed bytes and
 * yields protocol headers, frames with their performative decoded, and
 * heartbeats, and a frame writer (with a transfer splitter for messages
 * larger than a frame).  No I/O; docs/amqp1.md describes the checks.
 *
 * A frame: size (4 bytes, the whole frame), doff (1 byte, the header size
 * in 4-byte words, at least 2), type (1 byte: 0 AMQP, 1 SASL), channel (2
 * bytes; unused in SASL frames), the extended header (doff * 4 - 8 bytes),
 * then the body: empty (a heartbeat) or a performative and, for a
 * transfer, the message payload.
 */
#ifndef MQ_A1_FRAME_H
#define MQ_A1_FRAME_H

#include "mq_a1_types.h"

#ifdef __cplusplus
extern "C" {
#endif

#define MQ_A1_FRAME_HEADER_SIZE 8
enum { MQ_A1_FRAME_AMQP = 0, MQ_A1_FRAME_SASL = 1 };
/* Protocol ids of the protocol header "AMQP" id 1 0 0. */
enum { MQ_A1_PROTO_AMQP = 0, MQ_A1_PROTO_TLS = 2, MQ_A1_PROTO_SASL = 3 };

/* What mq_a1_reader_next() found (0: it needs more bytes). */
enum {
    MQ_A1_READ_MORE = 0,
    MQ_A1_READ_PROTO = 1,     /* a protocol header: frame.proto */
    MQ_A1_READ_FRAME = 2,     /* a frame with a performative */
    MQ_A1_READ_HEARTBEAT = 3  /* a frame with an empty body */
};

typedef struct mq_a1_frame {
    uint8_t proto;        /* MQ_A1_READ_PROTO: the protocol id */
    uint8_t type;         /* MQ_A1_FRAME_AMQP or MQ_A1_FRAME_SASL */
    uint16_t channel;
    uint32_t size;        /* the whole frame, header included */
    mq_bytes ext;         /* the extended header (ignored by AMQP 1.0) */
    const mq_a1_composite_info *ci; /* the performative's type; NULL: heartbeat */
    mq_a1_performative perf;        /* the member named after ci */
    mq_bytes payload;     /* after the performative: a transfer's message bytes */
} mq_a1_frame;

/* Appends the protocol header "AMQP" id 1 0 0. */
int mq_a1_proto_header_put(mq_wbuf *w, uint8_t id);
/* The protocol id of the protocol header at p, MQ_E_TRUNCATED when len < 8
 * and the bytes so far match, MQ_E_PROTOCOL when they do not (for example
 * an AMQP 0-9-1 header "AMQP" 0 0 9 1). */
int mq_a1_proto_header_parse(const uint8_t *p, size_t len);

/* One frame at the start of p: MQ_A1_READ_FRAME or _HEARTBEAT with *f
 * filled (f->size bytes used; views into p), MQ_A1_READ_MORE with *need
 * the number of bytes (from p) needed to go on, or an error:
 * MQ_E_FRAME for a size below 8 or above max_frame, a doff below 2 or past
 * the size, a type other than 0 and 1, or a payload after a performative
 * other than transfer; MQ_A1_E_NOT_COMPOSITE when the body does not start
 * with a performative of the frame's type; the decode errors of the
 * performative. */
int mq_a1_frame_parse(const uint8_t *p, size_t len, uint32_t max_frame, mq_a1_frame *f,
                      size_t *need);

/* A buffering reader over a byte stream. */
typedef struct mq_a1_reader {
    mq_wbuf buf;        /* unread bytes are buf.data[pos .. buf.len) */
    size_t pos;
    uint32_t max_frame;
    bool want_proto;    /* the next 8 bytes are a protocol header */
    int err;            /* the first error, returned again by every next() */
} mq_a1_reader;

/* max_frame: the largest frame accepted (at least MQ_A1_MIN_MAX_FRAME_SIZE,
 * 512: the size every peer accepts before open).  The reader starts
 * expecting a protocol header. */
void mq_a1_reader_init(mq_a1_reader *r, uint32_t max_frame);
void mq_a1_reader_free(mq_a1_reader *r);
/* After open: the max-frame-size this side announced (at least 512). */
void mq_a1_reader_set_max_frame(mq_a1_reader *r, uint32_t max_frame);
/* The next 8 bytes are a protocol header again (after a SASL exchange). */
void mq_a1_reader_expect_proto(mq_a1_reader *r);
/* Copies n bytes in.  Views of frames returned before become invalid. */
int mq_a1_reader_feed(mq_a1_reader *r, const void *p, size_t n);
/* MQ_A1_READ_* or an error (see mq_a1_frame_parse; MQ_E_PROTOCOL for a
 * bad protocol header).  The first error sticks. */
int mq_a1_reader_next(mq_a1_reader *r, mq_a1_frame *f);

/* Appends a frame: the composite perf of type ci (a performative) and
 * payload.  MQ_E_TOO_LONG, w unchanged, when the frame would exceed
 * max_frame (0: only the 4 GiB limit of the size field). */
int mq_a1_frame_put(mq_wbuf *w, uint8_t type, uint16_t channel, const mq_a1_composite_info *ci,
                    const void *perf, const void *payload, size_t len, uint32_t max_frame);
/* Appends an empty frame (a heartbeat): 00 00 00 08 02 00 00 00. */
int mq_a1_heartbeat_put(mq_wbuf *w);

/* Appends the transfer t with len bytes of payload as one or more frames
 * of at most max_frame bytes.  Every frame but the last has more = true;
 * the last has t's more.  The first frame carries t; the others carry
 * only the handle and more (the specification lets continuation frames
 * omit the other fields).  *nframes (when not NULL) gets the count.
 * MQ_E_TOO_LONG, w unchanged, when a frame cannot hold a byte of payload. */
int mq_a1_transfer_frames(mq_wbuf *w, uint16_t channel, const mq_a1_transfer *t, const void *payload,
                     size_t len, uint32_t max_frame, size_t *nframes);

#ifdef __cplusplus
}
#endif
#endif

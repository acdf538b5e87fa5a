/* SPDX-License-Identifier: MIT */
/*
 * The AMQP 0-9-1 reader: fed the bytes a connection received, it yields
 * what they mean, one item at a time, and does no I/O.  It parses frames,
 * decodes each method once, and assembles content (a basic.deliver,
 * basic.return or basic.get-ok method, its content header and its body
 * frames, possibly interleaved with other channels' frames and with
 * heartbeats) into one message whose fields are decoded once.  It knows
 * nothing of waiters, replies or sockets: the connection (mq_event.c)
 * feeds it the transport's read buffer and acts on the items, and
 * tests/c/test_reader.c and fuzz/fuzz_reader.c feed it byte sequences.
 *
 * What a channel accepts is the connection's knowledge, asked through the
 * `mode` callback: MQ_RD_OFF (not open: any frame on it is a protocol
 * error), MQ_RD_OPEN (methods decoded, content assembled), MQ_RD_DROP
 * (closing or closed by the server: methods are handed up undecoded,
 * content frames are skipped).  When a channel's state changes the
 * connection calls mq_reader_reset() to drop a half-assembled message.
 *
 * Lifetimes: a METHOD item's views point into the buffer that was fed (valid
 * until the caller moves or overwrites those bytes); a CONTENT item's views
 * point into the reader's per-channel copies (valid until the next frame of
 * that channel is fed or the channel is reset), and its body storage comes
 * from body_alloc and now belongs to the caller.
 */
#ifndef MQ_READER_H
#define MQ_READER_H

#include "mq_codec.h"

/* What a channel accepts (the mode callback's answers). */
enum { MQ_RD_OFF = 0, MQ_RD_OPEN, MQ_RD_DROP };

/* Item types. */
enum {
    MQ_RD_METHOD = 1, /* a method without content (or any method on a MQ_RD_DROP channel) */
    MQ_RD_CONTENT     /* deliver/return/get-ok with its properties and whole body */
};

typedef struct mq_rd_item {
    int type;                     /* MQ_RD_METHOD or MQ_RD_CONTENT */
    uint16_t channel;
    uint32_t id;                  /* method id */
    bool decoded;                 /* args points to the decoded method (false on
                                   * a MQ_RD_DROP channel: only id and raw) */
    mq_bytes raw;                 /* the method payload (from its class id on) */
    const union mq_method_args *args; /* the decoded method, views into raw: a
                                   * METHOD item's own `margs`, a CONTENT item's
                                   * in the reader (no copy; do not copy an item) */
    union mq_method_args margs;   /* where a METHOD item is decoded */
    /* MQ_RD_CONTENT only: */
    mq_bytes hraw;                /* the content header payload */
    const mq_basic_properties_t *props; /* views into hraw, in the reader */
    void *body_handle;            /* from body_alloc; the caller's now */
    char *body;                   /* body_len bytes plus a terminating NUL */
    size_t body_len;
} mq_rd_item;

struct mq_rd_chan;

typedef struct mq_reader {
    /* set by the owner before use */
    int (*mode)(void *ud, uint16_t ch);                      /* MQ_RD_* of channel ch >= 1 */
    void *(*body_alloc)(void *ud, size_t len, char **data);  /* as mq_hooks.body_alloc */
    void (*body_free)(void *ud, void *handle);
    void *ud;
    mq_error *err;                /* where errors are described */
    /* the reader's own */
    struct mq_rd_chan **chans;    /* per channel id, allocated on the first content */
    size_t nchans;                /* entries in chans */
    uint64_t refused;             /* body size body_alloc refused (see MQ_E_NOMEM below) */
} mq_reader;

/* Sets the callbacks and the error record; no allocation. */
void mq_reader_init(mq_reader *r, int (*mode)(void *, uint16_t),
                    void *(*body_alloc)(void *, size_t, char **),
                    void (*body_free)(void *, void *), void *ud, mq_error *err);
/* Frees every channel's assembly state (bodies via body_free). */
void mq_reader_free(mq_reader *r);
/* Drops channel ch's half-assembled message, if any (keeps its buffers). */
void mq_reader_reset(mq_reader *r, uint16_t ch);
/* Drops every channel's half-assembled message. */
void mq_reader_reset_all(mq_reader *r);

/* Consumes whole frames from buf[0..len) until one completes an item.
 * frame_max: the largest frame accepted (0 = no limit).  Returns
 *   1   *it is filled; *used bytes of buf were consumed;
 *   0   no item in the complete frames there: *used bytes were consumed
 *       and the next frame needs *need bytes from buf + *used on;
 *   < 0 the peer broke the protocol (MQ_E_FRAME for framing, MQ_E_PROTOCOL
 *       for the rest; *err says what and, where one is to blame, names the
 *       channel) or memory ran out (MQ_E_NOMEM; r->refused != 0 when it was
 *       body_alloc refusing a body of that many bytes).  The connection
 *       cannot go on after an error.
 * Heartbeat frames are consumed without an item. */
int mq_reader_next(mq_reader *r, const uint8_t *buf, size_t len, uint32_t frame_max,
                   size_t *used, size_t *need, mq_rd_item *it);

/* Moves a view that points into from[0..n) to the same offset in to[]
 * (for a copy of those bytes); an empty view is pointed at to. */
static inline void mq_rd_rebase(mq_bytes *v, const uint8_t *from, size_t n, const uint8_t *to)
{
    const uint8_t *p = (const uint8_t *)v->ptr;
    if (v->len == 0)
        v->ptr = (const char *)to;
    else if (p >= from && p < from + n)
        v->ptr = (const char *)to + (p - from);
}
/* mq_rd_rebase() of every view in a properties struct. */
void mq_rd_rebase_props(mq_basic_properties_t *p, const uint8_t *from, size_t n,
                        const uint8_t *to);

#endif

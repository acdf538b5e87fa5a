/* SPDX-License-Identifier: MIT */
/*
 * AMQP 1.0 frames (src/amqp1/mq_a1_frame.c): protocol headers, the reader
 * fed whole and in pieces, every truncation of a frame, lying sizes, doff,
 * frame types, wrong descriptors, missing mandatory fields, payload after
 * a performative other than transfer, max-frame-size and its minimum, and
 * transfers split into frames and reassembled across payload sizes and
 * frame sizes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mq_a1_frame.h"
#include "hex.h"
#include "tap.h"

/* (TAP_EQ_INT evaluates its arguments twice.) */
static void eq(long got, long want, const char *what)
{
    tap_ok(got == want, "%s (got %ld, want %ld)", what, got, want);
}

/* The input of the last parse_hex(), kept until the next one so that the
 * views of the frame can be checked. */
static uint8_t *last_copy;

/* mq_a1_frame_parse on an exact-size copy of hex (ASan sees overreads). */
static int parse_hex(const char *hex, uint32_t max_frame, mq_a1_frame *f)
{
    uint8_t buf[512];
    size_t n = unhex(hex, buf, sizeof buf), need;
    free(last_copy);
    last_copy = malloc(n ? n : 1);
    memcpy(last_copy, buf, n);
    return mq_a1_frame_parse(last_copy, n, max_frame, f, &need);
}

#define OPEN_C "00 53 10 c0 04 01 a1 01 63"

static void t_proto(void)
{
    mq_a1_reader r;
    mq_a1_frame f;
    eq(mq_a1_proto_header_parse((const uint8_t *)"AMQP\0\1\0\0", 8), MQ_A1_PROTO_AMQP, "AMQP header");
    eq(mq_a1_proto_header_parse((const uint8_t *)"AMQP\3\1\0\0", 8), MQ_A1_PROTO_SASL, "SASL header");
    eq(mq_a1_proto_header_parse((const uint8_t *)"AMQP\0\0\x09\1", 8), MQ_E_PROTOCOL,
               "AMQP 0-9-1 header refused");
    eq(mq_a1_proto_header_parse((const uint8_t *)"AMQ", 3), MQ_E_TRUNCATED, "header prefix: more");
    eq(mq_a1_proto_header_parse((const uint8_t *)"HTTP", 4), MQ_E_PROTOCOL, "HTTP refused early");
    mq_a1_reader_init(&r, 0);
    mq_a1_reader_feed(&r, "AMQP\3\1", 6);
    eq(mq_a1_reader_next(&r, &f), MQ_A1_READ_MORE, "reader: 6 header bytes, more");
    mq_a1_reader_feed(&r, "\0\0\0\0\0\x08\2\0\0\0", 10);
    TAP_OK(mq_a1_reader_next(&r, &f) == MQ_A1_READ_PROTO && f.proto == 3, "reader: SASL header");
    eq(mq_a1_reader_next(&r, &f), MQ_A1_READ_HEARTBEAT, "reader: then an empty frame");
    eq(mq_a1_reader_next(&r, &f), MQ_A1_READ_MORE, "reader: then more");
    mq_a1_reader_expect_proto(&r);
    mq_a1_reader_feed(&r, "AMQP\1\0\0\0", 8);
    eq(mq_a1_reader_next(&r, &f), MQ_E_PROTOCOL, "reader: bad header");
    mq_a1_reader_feed(&r, "AMQP\0\1\0\0", 8);
    eq(mq_a1_reader_next(&r, &f), MQ_E_PROTOCOL, "reader: the error sticks");
    mq_a1_reader_free(&r);
}

static void t_parse(void)
{
    mq_a1_frame f;
    eq(parse_hex("00 00 00 11 02 00 00 05 " OPEN_C, 512, &f), MQ_A1_READ_FRAME, "open frame");
    TAP_OK(f.ci == &mq_a1_ci_open && f.channel == 5 && f.size == 17 && f.perf.open.container_id.len == 1 &&
           f.payload.len == 0 && f.ext.len == 0, "open frame: channel 5, container-id, no payload");
    eq(parse_hex("00 00 00 15 03 00 00 00 aa bb cc dd " OPEN_C, 512, &f), MQ_A1_READ_FRAME,
               "doff 3: an extended header");
    TAP_OK(f.ext.len == 4 && (uint8_t)f.ext.ptr[0] == 0xaa, "extended header view");
    eq(parse_hex("00 00 00 0c 03 00 00 00 00 00 00 00", 512, &f), MQ_A1_READ_HEARTBEAT,
               "doff 3 and no body: a heartbeat");
    eq(parse_hex("00 00 00 11 01 00 00 00 " OPEN_C, 512, &f), MQ_E_FRAME, "doff 1");
    eq(parse_hex("00 00 00 11 00 00 00 00 " OPEN_C, 512, &f), MQ_E_FRAME, "doff 0");
    eq(parse_hex("00 00 00 11 05 00 00 00 " OPEN_C, 512, &f), MQ_E_FRAME, "doff past the size");
    eq(parse_hex("00 00 00 07 02 00 00 00", 512, &f), MQ_E_FRAME, "size 7");
    eq(parse_hex("00 00 00 00 02 00 00 00", 512, &f), MQ_E_FRAME, "size 0");
    eq(parse_hex("00 00 02 01 02 00 00 00", 512, &f), MQ_E_FRAME, "size 513 over max 512");
    eq(parse_hex("ff ff ff ff 02 00 00 00", 512, &f), MQ_E_FRAME, "size 4 GiB over max");
    eq(parse_hex("00 00 00 11 02 02 00 00 " OPEN_C, 512, &f), MQ_E_FRAME, "frame type 2");
    eq(parse_hex("00 00 00 11 02 01 00 00 " OPEN_C, 512, &f), MQ_A1_E_NOT_COMPOSITE,
               "open in a SASL frame");
    eq(parse_hex("00 00 00 0c 02 00 00 00 00 53 44 45", 512, &f), MQ_A1_E_NOT_COMPOSITE,
               "sasl-outcome in an AMQP frame");
    eq(parse_hex("00 00 00 0c 02 00 00 00 00 53 70 45", 512, &f), MQ_A1_E_NOT_COMPOSITE,
               "a message header as a performative");
    eq(parse_hex("00 00 00 0c 02 00 00 00 00 53 99 45", 512, &f), MQ_A1_E_NOT_COMPOSITE,
               "an unknown descriptor");
    eq(parse_hex("00 00 00 0e 02 00 00 00 c0 04 01 a1 01 63", 512, &f), MQ_A1_E_NOT_COMPOSITE,
               "an undescribed list");
    eq(parse_hex("00 00 00 0c 02 00 00 00 00 53 10 45", 512, &f), MQ_A1_E_MISSING_FIELD,
               "open without container-id");
    eq(parse_hex("00 00 00 0c 02 00 00 00 00 53 14 45", 512, &f), MQ_A1_E_MISSING_FIELD,
               "transfer without handle");
    eq(parse_hex("00 00 00 12 02 00 00 00 " OPEN_C " 00", 512, &f), MQ_E_FRAME,
               "a payload after an open");
    eq(parse_hex("00 00 00 10 02 00 00 00 " OPEN_C, 512, &f), MQ_E_TRUNCATED,
               "size one short of the performative");
    eq(parse_hex("00 00 00 11 02 00 00 00 00 53 14 c0 02 01 43 61 62", 512, &f), MQ_A1_READ_FRAME,
               "transfer with a 2-byte payload");
    TAP_OK(f.ci == &mq_a1_ci_transfer && f.payload.len == 2 && !memcmp(f.payload.ptr, "ab", 2),
           "transfer payload view");
}

/* Every proper prefix of a valid frame asks for more, with a need larger
 * than the prefix; the whole frame parses. */
static void t_truncations(void)
{
    uint8_t whole[64];
    size_t n = unhex("00 00 00 1a 02 00 00 07 00 53 11 c0 0d 04 40 43 70 00 00 08 00 70 00 00 08 00",
                     whole, sizeof whole), i, need;
    mq_a1_frame f;
    int bad = 0;
    for (i = 0; i < n; i++) {
        uint8_t *copy = malloc(i ? i : 1);
        memcpy(copy, whole, i);
        if (mq_a1_frame_parse(copy, i, 512, &f, &need) != MQ_A1_READ_MORE || need <= i || need > n)
            bad++;
        free(copy);
    }
    TAP_OK(!bad, "each of the %zu prefixes of a begin frame asks for more (%d wrong)", n, bad);
    eq(mq_a1_frame_parse(whole, n, 512, &f, &need), MQ_A1_READ_FRAME, "the whole begin frame");
    /* the frame size lies: every size between 8 and the real one cuts the
     * performative */
    for (i = 9, bad = 0; i < n; i++) {
        whole[3] = (uint8_t)i;
        if (mq_a1_frame_parse(whole, n, 512, &f, &need) >= 0)
            bad++;
    }
    TAP_OK(!bad, "every size that cuts the performative is an error (%d accepted)", bad);
}

static void t_max_frame(void)
{
    mq_a1_reader r;
    mq_a1_frame f;
    mq_wbuf w;
    mq_a1_transfer t;
    static uint8_t payload[600];
    mq_wbuf_init(&w);
    mq_a1_transfer_init(&t);
    mq_a1_frame_put(&w, MQ_A1_FRAME_AMQP, 0, &mq_a1_ci_transfer, &t, payload, 512 - 8 - 7, 0); /* 00 53 14 c0 02 01 43 */
    eq(w.len, 512, "a 512-byte transfer frame");
    mq_a1_reader_init(&r, 100); /* below the minimum: 512 */
    mq_a1_reader_feed(&r, "AMQP\0\1\0\0", 8);
    mq_a1_reader_feed(&r, w.data, w.len);
    eq(mq_a1_reader_next(&r, &f), MQ_A1_READ_PROTO, "header");
    eq(mq_a1_reader_next(&r, &f), MQ_A1_READ_FRAME, "max-frame-size 100 still takes 512 bytes");
    w.len = 0;
    mq_a1_frame_put(&w, MQ_A1_FRAME_AMQP, 0, &mq_a1_ci_transfer, &t, payload, 513 - 8 - 7, 0);
    mq_a1_reader_feed(&r, w.data, 8); /* the header alone is enough to refuse */
    eq(mq_a1_reader_next(&r, &f), MQ_E_FRAME, "but not 513");
    mq_a1_reader_free(&r);
    eq(mq_a1_frame_put(&w, MQ_A1_FRAME_AMQP, 0, &mq_a1_ci_transfer, &t, payload, 600, 512),
               MQ_E_TOO_LONG, "frame_put over max_frame");
    eq(w.len, 513, "frame_put left the buffer as it was");
    mq_wbuf_free(&w);
}

/* ------------------------------------------------------ split, reassemble */

static void fill(uint8_t *p, size_t n, uint32_t seed)
{
    size_t i;
    for (i = 0; i < n; i++) {
        seed = seed * 1103515245u + 12345u;
        p[i] = (uint8_t)(seed >> 16);
    }
}

typedef struct check {
    int bad;
    const char *why;
} check;

static void fail(check *k, const char *why)
{
    if (!k->bad++)
        k->why = why;
}

/* Reads the frames of w through a reader fed chunk bytes at a time and
 * reassembles the transfer; checks it against t and payload. */
static void reassemble(const mq_wbuf *w, size_t chunk, uint32_t max_frame, const mq_a1_transfer *t,
                       const uint8_t *payload, size_t len, size_t nframes, check *k)
{
    mq_a1_reader r;
    mq_a1_frame f;
    mq_wbuf got;
    size_t off = 0, frames = 0;
    int rc;
    bool last_seen = false;
    mq_wbuf_init(&got);
    mq_a1_reader_init(&r, max_frame);
    r.want_proto = false;
    for (;;) {
        if ((rc = mq_a1_reader_next(&r, &f)) == MQ_A1_READ_MORE) {
            size_t n = w->len - off < chunk ? w->len - off : chunk;
            if (!n)
                break;
            mq_a1_reader_feed(&r, w->data + off, n);
            off += n;
            continue;
        }
        if (rc != MQ_A1_READ_FRAME || f.ci != &mq_a1_ci_transfer) {
            fail(k, "not a transfer frame");
            break;
        }
        frames++;
        if (last_seen || f.size > max_frame || f.perf.transfer.handle != t->handle)
            fail(k, "frame after the last, too large, or wrong handle");
        if (frames > 1 && f.perf.transfer.has_delivery_id)
            fail(k, "continuation frame repeats the delivery-id");
        if (frames == 1 && (f.perf.transfer.delivery_id != t->delivery_id ||
                            f.perf.transfer.delivery_tag.len != t->delivery_tag.len))
            fail(k, "first frame lost the delivery-id or tag");
        if (f.perf.transfer.more != (frames < nframes))
            fail(k, "more flag wrong");
        if (frames < nframes && f.size != max_frame)
            fail(k, "a frame before the last is not full");
        last_seen = !f.perf.transfer.more;
        mq_wbuf_reserve(&got, f.payload.len);
        if (f.payload.len)
            memcpy(got.data + got.len, f.payload.ptr, f.payload.len);
        got.len += f.payload.len;
    }
    if (frames != nframes || got.len != len || (len && memcmp(got.data, payload, len)))
        fail(k, "reassembled payload differs");
    mq_a1_reader_free(&r);
    mq_wbuf_free(&got);
}

static void t_split(void)
{
    static const size_t lens[] = {0, 1, 100, 483, 484, 485, 1000, 5000, 70000};
    static const uint32_t maxes[] = {512, 513, 600, 1024, 4096, 65536};
    static const size_t chunks[] = {1, 7, 512, 1u << 20};
    static uint8_t payload[70000];
    mq_a1_transfer t;
    mq_wbuf w;
    size_t i, j, c, nframes;
    check k = {0, NULL};
    int cases = 0;
    fill(payload, sizeof payload, 42);
    mq_wbuf_init(&w);
    mq_a1_transfer_init(&t);
    t.handle = 3;
    t.has_delivery_id = t.has_delivery_tag = t.has_message_format = true;
    t.delivery_id = 77;
    t.delivery_tag = mq_bytes_of("tag-1", 5);
    for (i = 0; i < sizeof lens / sizeof lens[0]; i++) {
        for (j = 0; j < sizeof maxes / sizeof maxes[0]; j++) {
            w.len = 0;
            if (mq_a1_transfer_frames(&w, 1, &t, payload, lens[i], maxes[j], &nframes) < 0) {
                fail(&k, "split failed");
                continue;
            }
            for (c = 0; c < sizeof chunks / sizeof chunks[0]; c++) {
                if (chunks[c] == 1 && lens[i] > 5000)
                    continue; /* (byte by byte is slow under ASan; 7 covers it) */
                reassemble(&w, chunks[c], maxes[j], &t, payload, lens[i], nframes, &k);
                cases++;
            }
        }
    }
    TAP_OK(!k.bad, "%d split/reassembly cases (payload 0-70000 bytes, max-frame-size 512-65536, "
           "fed 1 to 1 MiB at a time): %d bad (%s)", cases, k.bad, k.why ? k.why : "none");
    /* The room for payload is measured with more=true: this performative
     * takes 20 bytes then (18 without more), so 484 bytes fit one 512-byte
     * frame (510 bytes long) and 485 need two. */
    w.len = 0;
    mq_a1_transfer_frames(&w, 1, &t, payload, 484, 512, &nframes);
    TAP_OK(nframes == 1 && w.len == 510, "484 bytes: one frame (%zu frames, %zu bytes)", nframes, w.len);
    w.len = 0;
    mq_a1_transfer_frames(&w, 1, &t, payload, 485, 512, &nframes);
    TAP_OK(nframes == 2 && mq_get32(w.data) == 512, "485 bytes: two frames, the first full (%zu)", nframes);
    t.has_more = t.more = true;
    w.len = 0;
    mq_a1_transfer_frames(&w, 1, &t, payload, 10, 512, &nframes);
    {
        mq_a1_frame f;
        size_t need;
        TAP_OK(nframes == 1 && mq_a1_frame_parse(w.data, w.len, 512, &f, &need) == MQ_A1_READ_FRAME &&
               f.perf.transfer.has_more && f.perf.transfer.more, "a caller's more=true stays on the last frame");
    }
    t.has_more = t.more = false;
    t.has_state = true;
    t.state = mq_bytes_of("\x00\x53\x24\xd0\x00\x00\x01\xf4\x00\x00\x00\x01\x40", 13); /* list32 */
    w.len = 5;
    eq(mq_a1_transfer_frames(&w, 1, &t, payload, 10, 512, &nframes), MQ_E_INVALID,
               "a state that is not one valid value");
    eq(w.len, 5, "the buffer is as it was");
    mq_wbuf_free(&w);
}

int main(void)
{
    t_proto();
    t_parse();
    t_truncations();
    t_max_frame();
    t_split();
    free(last_copy);
    return tap_done();
}

/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target: the AMQP 1.0 frame reader (src/amqp1) over frame
 * sequences.  Input: 2 bytes that pick max-frame-size, 4 bytes that seed
 * the chunk sizes, then the stream (protocol header expected first).  The
 * reader is fed the stream in chunks of 1 to 4096 bytes; every frame's
 * views must lie in the reader's buffer and its size within
 * max-frame-size; every performative decoded is encoded again and must
 * decode again; every transfer payload is decoded as a message and each
 * of its sections read through.
 */
#include <stdlib.h>
#include <string.h>

#include "mq_a1_frame.h"
#include "mq_a1_message.h"

#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_view(const mq_a1_reader *r, mq_bytes b)
{
    if (b.len)
        FUZZ_CHECK((const uint8_t *)b.ptr >= r->buf.data &&
                   (const uint8_t *)b.ptr + b.len <= r->buf.data + r->buf.len);
}

/* The performative re-encoded decodes again. */
static void reencode(const mq_a1_frame *f)
{
    mq_wbuf w;
    mq_a1_writer wr;
    char again[sizeof(mq_a1_performative)];
    int rc;
    mq_wbuf_init(&w);
    mq_a1_writer_init(&wr, &w);
    mq_a1_composite_put(&wr, f->ci, &f->perf);
    rc = mq_a1_writer_finish(&wr);
    /* an encoded field that the decoder took but is not exactly one value
     * of its type cannot happen: the decoder checked the same */
    FUZZ_CHECK(rc == MQ_OK);
    FUZZ_CHECK(mq_a1_composite_decode_bytes(f->ci, w.data, w.len, again) == MQ_OK);
    mq_wbuf_free(&w);
}

static void message(mq_bytes payload)
{
    mq_a1_message m;
    mq_a1_cursor c;
    uint64_t code;
    mq_bytes content;
    if (mq_a1_message_decode(payload.ptr, payload.len, &m) < 0)
        return;
    mq_a1_validate(m.delivery_annotations.ptr, m.delivery_annotations.len, NULL);
    mq_a1_validate(m.message_annotations.ptr, m.message_annotations.len, NULL);
    mq_a1_validate(m.application_properties.ptr, m.application_properties.len, NULL);
    mq_a1_validate(m.footer.ptr, m.footer.len, NULL);
    mq_a1_cursor_init(&c, m.body.ptr, m.body.len);
    while (mq_a1_section_next(&c, &code, &content) == 1)
        if (code != MQ_A1_D_DATA)
            mq_a1_validate(content.ptr, content.len, NULL);
}

static void on_frame(const mq_a1_reader *r, const mq_a1_frame *f)
{
    FUZZ_CHECK(f->size >= 8 && f->size <= r->max_frame);
    check_view(r, f->ext);
    check_view(r, f->payload);
    reencode(f);
    if (f->ci == &mq_a1_ci_transfer)
        message(f->payload);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    mq_a1_reader r;
    mq_a1_frame f;
    uint32_t seed, max_frame;
    size_t off = 6;
    int rc;
    if (size < 6)
        return 0;
    max_frame = 512u + (uint32_t)((data[0] << 8) | data[1]) * 4u;
    seed = ((uint32_t)data[2] << 24) | ((uint32_t)data[3] << 16) | ((uint32_t)data[4] << 8) | data[5];
    mq_a1_reader_init(&r, max_frame);
    for (;;) {
        rc = mq_a1_reader_next(&r, &f);
        if (rc == MQ_A1_READ_MORE) {
            size_t n;
            if (off == size)
                break;
            seed = seed * 1103515245u + 12345u;
            n = 1 + (seed >> 16) % 4096;
            if (n > size - off)
                n = size - off;
            FUZZ_CHECK(mq_a1_reader_feed(&r, data + off, n) == MQ_OK);
            off += n;
        } else if (rc == MQ_A1_READ_FRAME) {
            on_frame(&r, &f);
        } else if (rc < 0) {
            FUZZ_CHECK(mq_a1_reader_next(&r, &f) == rc); /* sticks */
            break;
        }
    }
    mq_a1_reader_free(&r);
    return 0;
}

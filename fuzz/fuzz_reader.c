/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target: the AMQP 0-9-1 reader (src/amqp/mq_reader.c) over
 * whole frame sequences: content assembly across method, header and body
 * frames, channels interleaved, heartbeats, channels that close (their
 * frames dropped) or reset in the middle of a message.
 *
 * Input: 2 bytes of channel modes (2 bits for each of channels 1..7, plus
 * what channel 0 never uses), 1 byte that picks the chunk size (0: whole),
 * 1 byte that picks after which item a channel is reset, 1 byte whose low
 * bits cap the body size the owner accepts, then the byte stream.  The
 * stream is fed twice, whole and in chunks, each call on a fresh copy of
 * the unconsumed bytes (freed after it, as a transport's compaction moves
 * them), and both runs must yield the same items and the same end.
 * Checked: no crash, no leak (every body freed), every view of an item
 * readable, bodies NUL-terminated, consumed bytes within the input.
 */
#include <stdlib.h>
#include <string.h>

#include "mq_reader.h"

#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static uint16_t g_modes;
static size_t g_cap;
static int g_live; /* bodies allocated and not yet freed */

static int mode_cb(void *ud, uint16_t ch)
{
    (void)ud;
    static const int modes[4] = {MQ_RD_OFF, MQ_RD_OPEN, MQ_RD_DROP, MQ_RD_OPEN};
    if (ch == 0 || ch > 7) return MQ_RD_OFF;
    return modes[(g_modes >> (2 * (ch - 1))) & 3];
}

static void *alloc_cb(void *ud, size_t len, char **d)
{
    (void)ud;
    if (len > g_cap) return NULL;
    char *p = malloc(len + 1);
    if (p) g_live++;
    *d = p;
    return p;
}

static void free_cb(void *ud, void *h)
{
    (void)ud;
    g_live--;
    free(h);
}

/* Reads every byte of a view (ASan reports one that is not readable) and
 * folds it into a checksum. */
static uint32_t touch(uint32_t h, mq_bytes b)
{
    const unsigned char *p = (const unsigned char *)b.ptr;
    for (size_t i = 0; i < b.len; i++) h = h * 31 + p[i];
    return h;
}

static uint32_t digest(const mq_rd_item *it)
{
    uint32_t h = (uint32_t)it->type * 7919u + it->channel * 131u + it->id;
    h = touch(h, it->raw);
    if (it->decoded && it->id == MQ_BASIC_ACK) h = h * 31 + (uint32_t)it->args->basic_ack.delivery_tag;
    if (it->type == MQ_RD_CONTENT) {
        const mq_basic_properties_t *p = it->props;
        h = touch(h, it->hraw);
        h = touch(h, p->content_type);
        h = touch(h, p->headers);
        h = touch(h, p->cluster_id);
        if (it->id == MQ_BASIC_DELIVER) h = touch(h, it->args->basic_deliver.routing_key);
        FUZZ_CHECK(it->body[it->body_len] == '\0');
        h = touch(h, mq_bytes_of(it->body, it->body_len));
    }
    return h;
}

#define MAXI 64

typedef struct run {
    int rc;            /* the final return */
    int n;             /* items */
    uint32_t d[MAXI];  /* their digests */
} run;

static void feed(const uint8_t *in, size_t n, size_t step, int reset_after, run *out)
{
    mq_reader r;
    mq_error err;
    mq_error_clear(&err);
    mq_reader_init(&r, mode_cb, alloc_cb, free_cb, NULL, &err);
    uint8_t *buf = NULL;
    size_t have = 0, pos = 0;
    int rc = 0;
    out->n = 0;
    for (;;) {
        size_t add = step ? (n - pos < step ? n - pos : step) : n - pos;
        uint8_t *nb = malloc(have + add + 1);
        if (!nb) abort();
        if (have) memcpy(nb, buf, have);
        if (add) memcpy(nb + have, in + pos, add);
        free(buf);
        buf = nb;
        have += add;
        pos += add;
        size_t off = 0;
        for (;;) {
            mq_rd_item it;
            size_t used = 0, need = 0;
            rc = mq_reader_next(&r, buf + off, have - off, 4096, &used, &need, &it);
            FUZZ_CHECK(used <= have - off);
            off += used;
            if (rc == 0) FUZZ_CHECK(need >= 7 && need > have - off);
            if (rc <= 0) break;
            if (out->n < MAXI) out->d[out->n] = digest(&it);
            out->n++;
            if (it.type == MQ_RD_CONTENT) free_cb(NULL, it.body_handle);
            if (out->n == reset_after) mq_reader_reset(&r, (uint16_t)(reset_after % 8));
        }
        memmove(buf, buf + off, have - off);
        have -= off;
        if (rc < 0) {
            FUZZ_CHECK(err.code == rc && (rc == MQ_E_FRAME || rc == MQ_E_PROTOCOL || rc == MQ_E_NOMEM));
            break;
        }
        if (pos == n) break;
    }
    free(buf);
    out->rc = rc;
    mq_reader_free(&r);
    FUZZ_CHECK(g_live == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static run a, b;
    if (size < 5) return 0;
    g_modes = (uint16_t)mq_get16(data);
    size_t step = data[2] % 17;
    int reset_after = data[3] ? data[3] % 16 : -1;
    g_cap = (size_t)1 << (data[4] % 24);
    data += 5;
    size -= 5;
    feed(data, size, 0, reset_after, &a);
    feed(data, size, step, reset_after, &b);
    /* whole or in chunks: the same items and the same end (an error found
     * whole is found in chunks too, after the same items) */
    FUZZ_CHECK(a.rc == b.rc && a.n == b.n);
    for (int i = 0; i < a.n && i < MAXI; i++) FUZZ_CHECK(a.d[i] == b.d[i]);
    return 0;
}

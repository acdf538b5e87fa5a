/* SPDX-License-Identifier: MIT */
/*
 * Frames and content headers.  The frame parser reads one frame from a byte
 * range without copying; the frame writer brackets a payload that the
 * caller appends.  Method encode/decode dispatch and the per-method codec
 * are generated (mq_spec.c); this file adds the content header around the
 * generated basic properties codec and the whole-method-frame helper.
 */
#include "mq_codec.h"
#include "mq_table.h"

int mq_frame_parse(const uint8_t *p, size_t n, uint32_t frame_max, mq_frame *f, size_t *used)
{
    uint32_t size;
    uint64_t need;

    if (n < 7) {
        *used = 7; /* the frame header */
        return 0;
    }
    switch (p[0]) {
    case MQ_FRAME_METHOD:
    case MQ_FRAME_HEADER:
    case MQ_FRAME_BODY:
    case MQ_FRAME_HEARTBEAT:
        break;
    default:
        return MQ_E_FRAME;
    }
    size = mq_get32(p + 3);
    need = (uint64_t)size + MQ_FRAME_OVERHEAD; /* cannot wrap in 64 bits */
    if (frame_max != 0 && need > frame_max)
        return MQ_E_FRAME; /* payload larger than frame_max - 8 */
    if (need > SIZE_MAX)
        return MQ_E_FRAME; /* cannot be buffered on this platform */
    if ((uint64_t)n < need) {
        *used = (size_t)need;
        return 0;
    }
    if (p[7 + (size_t)size] != MQ_FRAME_END) /* 7 + size < need <= n */
        return MQ_E_FRAME;
    f->type = p[0];
    f->channel = mq_get16(p + 1);
    f->size = size;
    f->payload = p + 7;
    *used = (size_t)need;
    return 1;
}

int mq_frame_begin(mq_wbuf *w, uint8_t type, uint16_t channel, size_t *mark)
{
    uint8_t *p;

    if (mq_wbuf_reserve(w, 7) != MQ_OK)
        return MQ_E_NOMEM;
    *mark = w->len;
    p = w->data + w->len; /* 7 bytes reserved */
    p[0] = type;
    mq_put16(p + 1, channel);
    mq_put32(p + 3, 0); /* patched by mq_frame_end */
    w->len += 7;
    return MQ_OK;
}

int mq_frame_end(mq_wbuf *w, size_t mark)
{
    size_t size;

    if (mark > w->len || w->len - mark < 7)
        return MQ_E_INVALID; /* not a mark from mq_frame_begin on this buffer */
    size = w->len - mark - 7;
    if ((uint64_t)size > UINT32_MAX)
        return MQ_E_TOO_LONG; /* the size field is a u32 */
    if (mq_wbuf_reserve(w, 1) != MQ_OK)
        return MQ_E_NOMEM;
    mq_put32(w->data + mark + 3, (uint32_t)size);
    w->data[w->len++] = MQ_FRAME_END;
    return MQ_OK;
}

int mq_frame_heartbeat(mq_wbuf *w)
{
    static const uint8_t hb[8] = {MQ_FRAME_HEARTBEAT, 0, 0, 0, 0, 0, 0, MQ_FRAME_END};

    if (mq_wbuf_reserve(w, sizeof hb) != MQ_OK)
        return MQ_E_NOMEM;
    memcpy(w->data + w->len, hb, sizeof hb);
    w->len += sizeof hb;
    return MQ_OK;
}

int mq_header_encode(mq_wbuf *w, uint16_t class_id, uint64_t body_size,
                     const mq_basic_properties_t *props)
{
    size_t start = w->len;
    uint8_t *p;
    int rc;

    if (mq_wbuf_reserve(w, 14) != MQ_OK)
        return MQ_E_NOMEM;
    p = w->data + w->len; /* 14 bytes reserved: 12 fixed + an empty flags word */
    mq_put16(p, class_id);
    mq_put16(p + 2, 0); /* weight */
    mq_put64(p + 4, body_size);
    if (class_id != MQ_BASIC_CLASS || !props) {
        /* only basic has properties in 0-9-1: an empty flags word */
        mq_put16(p + 12, 0);
        w->len += 14;
        return MQ_OK;
    }
    w->len += 12;
    rc = mq_encode_basic_properties(w, props);
    if (rc != MQ_OK)
        w->len = start; /* nothing appended on error */
    return rc;
}

int mq_header_decode(const uint8_t *p, size_t n, uint16_t *class_id, uint64_t *body_size,
                     mq_basic_properties_t *props)
{
    if (n < 14) {
        memset(props, 0, sizeof *props);
        return MQ_E_TRUNCATED; /* class, weight, body size and flags */
    }
    *class_id = mq_get16(p);
    *body_size = mq_get64(p + 4); /* weight (p + 2) is unused and ignored */
    if (*class_id != MQ_BASIC_CLASS) {
        memset(props, 0, sizeof *props);
        /* other classes have no properties: any flag bit is malformed */
        return mq_get16(p + 12) == 0 ? MQ_OK : MQ_E_BAD_DATA;
    }
    return mq_decode_basic_properties(p + 12, n - 12, props);
}

int mq_method_frame(mq_wbuf *w, uint16_t channel, uint32_t id, const void *args)
{
    size_t start = w->len, mark;
    int rc;

    rc = mq_frame_begin(w, MQ_FRAME_METHOD, channel, &mark);
    if (rc == MQ_OK)
        rc = mq_method_encode(w, id, args);
    if (rc == MQ_OK)
        rc = mq_frame_end(w, mark);
    if (rc != MQ_OK)
        w->len = start; /* nothing appended on error */
    return rc;
}

/* SPDX-License-Identifier: MIT */
/*
 * Frame, method and content-header codec.  No I/O: encoders append to an
 * mq_wbuf, decoders read a byte range and hand back views into it.
 *
 * Method layouts come from the generated mq_spec.h (tools/gen_spec.py, from
 * Debian's amqp-specs plus tools/rabbitmq-extensions.xml).  Conventions of
 * the generated code:
 *   - method ids: MQ_<CLASS>_<METHOD> = (class_id << 16) | method_id, e.g.
 *     MQ_BASIC_PUBLISH = 0x003C0028; names upper-cased, '-' -> '_'.
 *   - one struct per method: mq_<class>_<method>_t, fields named after the
 *     spec with '-' -> '_' (reserved fields included, as reserved_1 ...);
 *     octet -> uint8_t, short -> uint16_t, long -> uint32_t,
 *     longlong/timestamp -> uint64_t, bit -> bool, shortstr/longstr ->
 *     mq_bytes, table -> mq_bytes holding the encoded table *content*
 *     (without its u32 length; empty = no entries).
 *   - union mq_method_args holds any of them.
 *   - per method: int mq_encode_<class>_<method>(mq_wbuf *w, const T *m)
 *     (appends class id, method id and the arguments) and
 *     int mq_decode_<class>_<method>(const uint8_t *p, size_t n, T *m)
 *     (p = the arguments, after the 4 id bytes).
 *   - basic properties: mq_basic_properties_t with `uint16_t flags` and one
 *     field per property, flag constants MQ_BASIC_CONTENT_TYPE_FLAG ...
 *     (bit 15 downwards), headers as table content like above.
 */
#ifndef MQ_CODEC_H
#define MQ_CODEC_H

#include "mq_common.h"
#include "mq_spec.h"

#ifdef __cplusplus
extern "C" {
#endif

#define MQ_FRAME_METHOD 1
#define MQ_FRAME_HEADER 2
#define MQ_FRAME_BODY 3
#define MQ_FRAME_HEARTBEAT 8
#define MQ_FRAME_END 0xCE
#define MQ_FRAME_OVERHEAD 8 /* 7-byte frame header + end octet */
#define MQ_FRAME_MIN_SIZE 4096

/* One parsed frame; payload points into the parsed bytes. */
typedef struct mq_frame {
    uint8_t type;           /* MQ_FRAME_* */
    uint16_t channel;       /* channel number */
    uint32_t size;          /* payload length */
    const uint8_t *payload; /* size bytes */
} mq_frame;

/* Parses the frame at the start of p[0..n).  Returns 1 with *f and *used
 * (bytes consumed, size + 8) set, 0 if more bytes are needed (nothing
 * consumed; *used holds how many bytes the whole frame needs when its header
 * was readable, else 7), or MQ_E_FRAME for a bad end octet, an unknown type,
 * or a payload larger than frame_max - 8 (frame_max 0: no limit). */
int mq_frame_parse(const uint8_t *p, size_t n, uint32_t frame_max, mq_frame *f, size_t *used);

/* Appends a frame header (type, channel, size) for a payload that the caller
 * writes next, then mq_frame_end(); or the whole heartbeat frame. */
int mq_frame_begin(mq_wbuf *w, uint8_t type, uint16_t channel, size_t *mark);
int mq_frame_end(mq_wbuf *w, size_t mark); /* patches size, appends 0xCE */
int mq_frame_heartbeat(mq_wbuf *w);

/* Methods, generic entry points (switch over the generated functions). */
int mq_method_encode(mq_wbuf *w, uint32_t id, const void *args);
/* p/n: a method frame's whole payload.  Sets *id and fills *out. */
int mq_method_decode(const uint8_t *p, size_t n, uint32_t *id, union mq_method_args *out);
const char *mq_method_name(uint32_t id); /* "basic.publish"; NULL if unknown */
bool mq_method_has_content(uint32_t id);  /* publish, return, deliver, get-ok */

/* Content header: class id, weight 0, body size, property flags and values.
 * Only class 60 (basic) carries properties in 0-9-1. */
int mq_header_encode(mq_wbuf *w, uint16_t class_id, uint64_t body_size,
                     const mq_basic_properties_t *props);
/* p/n: a header frame's payload. */
int mq_header_decode(const uint8_t *p, size_t n, uint16_t *class_id, uint64_t *body_size,
                     mq_basic_properties_t *props);

/* Whole-method frame helper: frame header + encoded method + end octet. */
int mq_method_frame(mq_wbuf *w, uint16_t channel, uint32_t id, const void *args);

#ifdef __cplusplus
}
#endif
#endif

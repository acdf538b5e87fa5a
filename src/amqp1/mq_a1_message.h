/* SPDX-License-Identifier: MIT */
/*
 * AMQP 1.0 messages (specification part 3.2): the sections header,
 * delivery-annotations, message-annotations, properties,
 * application-properties, the body (one or more data sections, one or
 * more amqp-sequence sections, or one amqp-value section) and footer, in
 * that order, each at most once except the body's data and amqp-sequence.
 */
#ifndef MQ_A1_MESSAGE_H
#define MQ_A1_MESSAGE_H

#include "mq_a1_types.h"

#ifdef __cplusplus
extern "C" {
#endif

enum { MQ_A1_BODY_NONE = 0, MQ_A1_BODY_DATA, MQ_A1_BODY_SEQUENCE, MQ_A1_BODY_VALUE };

/* A message.  The map sections are encoded maps (without their section
 * descriptor; len 0: absent).  body is the encoded body sections, with
 * their descriptors, read with mq_a1_section_next(). */
typedef struct mq_a1_message {
    bool has_header;
    bool has_properties;
    uint8_t body_kind;            /* MQ_A1_BODY_* */
    uint32_t body_count;          /* number of body sections */
    mq_a1_header header;
    mq_bytes delivery_annotations;
    mq_bytes message_annotations;
    mq_a1_properties properties;
    mq_bytes application_properties;
    mq_bytes body;
    mq_bytes footer;
} mq_a1_message;

/* Clears m (no section; header and properties at their defaults). */
void mq_a1_message_init(mq_a1_message *m);

/* Decodes the len bytes at p (a transfer's payload, reassembled) into m,
 * views into p.  MQ_A1_E_SECTION for a value that is not a section, a
 * section out of order or repeated, body sections of two kinds or more
 * than one amqp-value, and a section of the wrong type (a map section
 * that is not a map, data that is not binary, amqp-sequence not a list);
 * the decode errors of header and properties.  The insides of the map
 * sections and of the body are read on demand. */
int mq_a1_message_decode(const void *p, size_t len, mq_a1_message *m);

/* Writes m's sections in order (the encoded ones copied value by value;
 * MQ_E_INVALID when one is not what its section holds, or when body is not
 * body_count sections of body_kind). */
int mq_a1_message_put(mq_a1_writer *wr, const mq_a1_message *m);

/* The next section of c (a cursor over sections): 1 with its descriptor
 * code and its content (data: the binary's bytes; other sections: the
 * encoded value without the descriptor), 0 at the end, or an error
 * (MQ_A1_E_SECTION for a value that is not a section). */
int mq_a1_section_next(mq_a1_cursor *c, uint64_t *code, mq_bytes *content);

/* Body sections, for a body being built: one data section, and the
 * descriptor that makes the next value an amqp-value or amqp-sequence. */
int mq_a1_data_put(mq_a1_writer *wr, const void *p, size_t len);
int mq_a1_section_begin(mq_a1_writer *wr, uint64_t code);

#ifdef __cplusplus
}
#endif
#endif

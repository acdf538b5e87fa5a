/* SPDX-License-Identifier: MIT */
/*
 * AMQP 1.0 composite types (performatives, SASL frames, error, source,
 * target, delivery states, message header and properties, ...) as C
 * structs.  tools/gen_amqp1.py generates one struct per composite type of
 * the specification and a table that describes its fields
 * (mq_a1_types.h, mq_a1_types.c); the two functions below encode and
 * decode any of them by that table.
 *
 * Field representation, by the field's type once restricted types are
 * resolved to their source:
 *   boolean, ubyte, ushort, uint, ulong, timestamp  a C number
 *   binary, string, symbol     mq_bytes: the content, a view into the input
 *   map (fields, annotations, filter-set, ...), "*" (any type, for example
 *   source, target, delivery-state, message-id) and multiple="true" fields
 *                              mq_bytes: the whole encoded value (with its
 *                              constructor and descriptor), a view into the
 *                              input, read on demand with mq_a1_cursor_init()
 *                              (mq_a1_multi_open() for multiple fields)
 *   a composite (error)        the embedded struct
 * Every optional field has a has_<name> flag.  A decoded absent field holds
 * the specification's default (or zero) with has_<name> false.
 */
#ifndef MQ_A1_COMPOSITE_H
#define MQ_A1_COMPOSITE_H

#include "mq_a1_codec.h"

#ifdef __cplusplus
extern "C" {
#endif

/* How a field is held (see above). */
enum mq_a1_kind {
    MQ_A1_K_BOOL = 1,
    MQ_A1_K_UBYTE,
    MQ_A1_K_USHORT,
    MQ_A1_K_UINT,
    MQ_A1_K_ULONG,
    MQ_A1_K_TIMESTAMP,
    MQ_A1_K_BINARY,
    MQ_A1_K_STRING,
    MQ_A1_K_SYMBOL,
    MQ_A1_K_MAP,       /* encoded map (mq_bytes) */
    MQ_A1_K_ANY,       /* encoded value of the types in `types` (mq_bytes) */
    MQ_A1_K_MULTI,     /* encoded value of type `elem`, or an array of them (mq_bytes) */
    MQ_A1_K_COMPOSITE  /* embedded struct of composite `sub` */
};

/* Bit of an mq_a1_type in a field's `types` mask. */
#define MQ_A1_TBIT(t) (1u << (t))
/* In `types`: a described value (a composite, any descriptor). */
#define MQ_A1_TBIT_DESCRIBED 1u
/* has_off of a mandatory field (no flag). */
#define MQ_A1_NO_FLAG 0xffff

struct mq_a1_composite_info;

typedef struct mq_a1_field_info {
    const char *name;   /* the specification's name: "container-id" */
    uint8_t kind;       /* enum mq_a1_kind */
    uint8_t mandatory;
    uint8_t elem;       /* MQ_A1_K_MULTI: the element type (MQ_A1_T_*) */
    uint16_t off;       /* offset of the value in the struct */
    uint16_t has_off;   /* offset of the bool has_<name>, MQ_A1_NO_FLAG when mandatory */
    uint32_t types;     /* MQ_A1_K_ANY: allowed types (MQ_A1_TBIT), 0: any */
    const struct mq_a1_composite_info *sub; /* MQ_A1_K_COMPOSITE */
    uint64_t def;       /* numeric default when absent */
    const char *def_sym; /* symbol default when absent, or NULL */
} mq_a1_field_info;

typedef struct mq_a1_composite_info {
    const char *name;   /* "open" */
    const char *symbol; /* "amqp:open:list" */
    uint64_t code;      /* 0x10 */
    uint16_t size;      /* sizeof the struct */
    uint8_t nfields;
    const mq_a1_field_info *fields;
} mq_a1_composite_info;

/* Writes the composite at s (a struct of ci) as a described list, trailing
 * absent fields omitted and the others null.  A mandatory mq_bytes field
 * that is empty where an encoded value is wanted, and an encoded field that
 * is not exactly one valid value of its field's type, are MQ_E_INVALID.
 * Encoded fields are copied value by value (re-encoded by the writer). */
int mq_a1_composite_put(mq_a1_writer *wr, const mq_a1_composite_info *ci, const void *s);

/* Decodes the value v (that c's next() returned) into s (a struct of ci,
 * cleared first).  v must be a list described by ci's numeric or symbolic
 * descriptor (else MQ_A1_E_NOT_COMPOSITE).  Fields past the ones the
 * specification defines are read (they must be well-formed) and ignored.
 * Views point into the input of c. */
int mq_a1_composite_decode(const mq_a1_composite_info *ci, const mq_a1_cursor *c,
                           const mq_a1_value *v, void *s);

/* Decodes the len bytes at p, which must hold exactly one value, into s. */
int mq_a1_composite_decode_bytes(const mq_a1_composite_info *ci, const void *p, size_t len,
                                 void *s);

/* Clears s and sets the defaults of every field (has_ flags false). */
void mq_a1_composite_init(const mq_a1_composite_info *ci, void *s);

/* The composite whose numeric descriptor is code, or NULL. */
const mq_a1_composite_info *mq_a1_composite_find(uint64_t code);

/* A cursor over the values of a multiple="true" field (a single value, or
 * an array's elements); empty when raw is empty or null. */
int mq_a1_multi_open(mq_bytes raw, mq_a1_cursor *c);

/* Encodes n symbols as an array of symbols into w (appended), for a
 * multiple symbol field. */
int mq_a1_symbols_encode(mq_wbuf *w, const mq_bytes *syms, size_t n);

/* The raw encoded range of the value that c's last next() returned, given
 * the cursor position before that next() (c is not at an array). */
static inline mq_bytes mq_a1_raw_since(const mq_a1_cursor *c, const uint8_t *before)
{
    return mq_bytes_of((const char *)before, (size_t)(c->p - before));
}

#ifdef __cplusplus
}
#endif
#endif

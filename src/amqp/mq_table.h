/* SPDX-License-Identifier: MIT */
/*
 * AMQP field tables and field arrays (RabbitMQ's dialect): a streaming
 * writer that appends to an mq_wbuf, and a bounded reader that walks encoded
 * bytes in place.  The reader allocates nothing: keys, strings and nested
 * tables come back as views into the bytes being read, valid as long as
 * those bytes are.
 *
 * Encoded form: a table is a u32 byte length followed by entries
 * (shortstr key, u8 type, value); an array is a u32 byte length followed by
 * (u8 type, value) items.  Types: t bool, b i8, B u8, s i16, u u16, I i32,
 * i u32, l i64, L u64 (decoded only, librabbitmq's), f float, d double,
 * D decimal (u8 scale, u32 value), S longstr, x byte array (longstr), T
 * timestamp (u64), F table, A array, V void.
 */
#ifndef MQ_TABLE_H
#define MQ_TABLE_H

#include "mq_common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Nesting limit of the reader's validation and of mq_table_validate().  It
 * only protects the C stack (validation recurses, a few hundred bytes per
 * level): RabbitMQ relays whatever nesting a publisher sent, so the limit is
 * far above what applications use, and the PHP binding applies its own,
 * configurable limit (amqp.deserialization_depth) leniently below it. */
#define MQ_TABLE_MAX_DEPTH 1000

/* One decoded field value.  For 'F' and 'A' `bytes` is the *content* of the
 * nested table/array (without its u32 length) and is iterated with
 * mq_table_iter_init()/mq_array_iter_init(); for 'S' and 'x' it is the
 * string. */
typedef struct mq_field {
    char kind; /* the type octet: 't','b','B','s','u','I','i','l','L','f','d','D','S','x','T','F','A','V' */
    union {
        bool b;        /* t */
        int64_t i;     /* b s I l (sign-extended) */
        uint64_t u;    /* B u i L T (zero-extended) */
        float f;       /* f */
        double d;      /* d */
        struct {
            uint8_t scale;  /* D: number of decimal places */
            uint32_t value; /* D: unscaled value */
        } dec;
        mq_bytes bytes; /* S x F A */
    } v;
} mq_field;

/* Cursor over table or array content. */
typedef struct mq_table_iter {
    const uint8_t *pos; /* next unread byte */
    const uint8_t *end; /* one past the last byte of the content */
} mq_table_iter;

/* content/len: the bytes after the u32 length prefix. */
void mq_table_iter_init(mq_table_iter *it, const void *content, size_t len);
#define mq_array_iter_init mq_table_iter_init

/* Next table entry: 1 and *key, *val filled, 0 at the end, or MQ_E_TRUNCATED /
 * MQ_E_BAD_DATA.  Nested F/A values are bounds-checked (their length fits)
 * but not descended into. */
int mq_table_next(mq_table_iter *it, mq_bytes *key, mq_field *val);
/* Next array item, same contract. */
int mq_array_next(mq_table_iter *it, mq_field *val);

/* Walks a whole table (content without prefix) recursively and checks every
 * length, type and the nesting depth (max_depth nested F/A levels below the
 * top; MQ_E_TOO_DEEP past it).  0 when well formed. */
int mq_table_validate(const void *content, size_t len, int max_depth);

/* ---- writer ----------------------------------------------------------
 * Usage:
 *     size_t t = mq_table_open(w);          // u32 placeholder
 *     mq_table_key(w, "x-max-length", 12);
 *     mq_field_i64(w, 10);
 *     rc = mq_table_close(w, t);             // patches the length
 * Arrays are the same with mq_array_open/close and no keys.  Every function
 * returns 0 or MQ_E_NOMEM / MQ_E_TOO_LONG; after an error the buffer holds a
 * partial table and must be discarded (reset to the length before open). */
int mq_table_open(mq_wbuf *w, size_t *mark);
int mq_table_close(mq_wbuf *w, size_t mark);
#define mq_array_open mq_table_open
#define mq_array_close mq_table_close
int mq_table_key(mq_wbuf *w, const char *key, size_t len); /* MQ_E_TOO_LONG if len > 255 */

int mq_field_bool(mq_wbuf *w, bool v);   /* t */
int mq_field_i8(mq_wbuf *w, int8_t v);   /* b */
int mq_field_u8(mq_wbuf *w, uint8_t v);  /* B */
int mq_field_i16(mq_wbuf *w, int16_t v); /* s */
int mq_field_u16(mq_wbuf *w, uint16_t v); /* u */
int mq_field_i32(mq_wbuf *w, int32_t v); /* I */
int mq_field_u32(mq_wbuf *w, uint32_t v); /* i */
int mq_field_i64(mq_wbuf *w, int64_t v); /* l */
int mq_field_float(mq_wbuf *w, float v); /* f */
int mq_field_double(mq_wbuf *w, double v); /* d */
int mq_field_decimal(mq_wbuf *w, uint8_t scale, uint32_t value); /* D */
int mq_field_longstr(mq_wbuf *w, const char *s, size_t len); /* S */
int mq_field_bytes(mq_wbuf *w, const char *s, size_t len);   /* x */
int mq_field_timestamp(mq_wbuf *w, uint64_t v); /* T */
int mq_field_void(mq_wbuf *w);                  /* V */
/* F / A: write the type octet, then open/close the nested container. */
int mq_field_table_open(mq_wbuf *w, size_t *mark);
int mq_field_array_open(mq_wbuf *w, size_t *mark);
/* Copies an already encoded value (e.g. one read with mq_table_next). */
int mq_field_copy(mq_wbuf *w, const mq_field *f);

#ifdef __cplusplus
}
#endif
#endif

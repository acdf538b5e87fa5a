/* SPDX-License-Identifier: MIT */
/*
 * The AMQP 1.0 type codec (specification part 1, "Types"): a writer that
 * appends values to an mq_wbuf in their most compact legal encoding, and a
 * bounded pull reader over a byte range.  Plain C99, no I/O, no PHP.  The
 * design and the encoding choices are described in docs/amqp1.md.
 *
 * Conventions: functions return MQ_OK (0) or a negative error code, the
 * reader's next() returns 1 for "a value", 0 for "no more values".  Errors
 * are the MQ_E_* codes of mq_common.h plus the MQ_A1_E_* codes below (which
 * start at -64 so that they never collide with mq_common.h's).
 */
#ifndef MQ_A1_CODEC_H
#define MQ_A1_CODEC_H

#include "mq_common.h"
#include "mq_a1_spec.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Nesting limit of lists, maps and arrays, for the reader (a cursor at this
 * depth cannot be entered) and the writer (no begin beyond it). */
#define MQ_A1_MAX_DEPTH 64
/* An array of zero-width elements (null, true, false, uint0, ulong0, list0)
 * holds no bytes per element, so its count is not bounded by its size: the
 * reader accepts at most this many such elements and the writer writes no
 * more. */
#define MQ_A1_ZERO_WIDTH_MAX 255

enum {
    MQ_A1_E_BAD_CODE = -64,       /* decode: not a constructor code here */
    MQ_A1_E_BAD_COUNT = -65,      /* decode: count impossible for the size (or odd in a map) */
    MQ_A1_E_BAD_SIZE = -66,       /* decode: size smaller than its fields, or not filled exactly */
    MQ_A1_E_BAD_DESCRIPTOR = -67, /* decode: descriptor not a ulong or symbol, or described twice */
    MQ_A1_E_WRONG_TYPE = -68,     /* encode: value type differs from the array's element type */
    /* The composite types, frames and messages (mq_a1_composite.h,
     * mq_a1_frame.h, mq_a1_message.h): */
    MQ_A1_E_FIELD_TYPE = -69,     /* decode: a field's value has a type its field does not allow */
    MQ_A1_E_MISSING_FIELD = -70,  /* decode: a mandatory field is absent or null */
    MQ_A1_E_NOT_COMPOSITE = -71,  /* decode: not a list with the expected descriptor (or no performative) */
    MQ_A1_E_SECTION = -72         /* decode: a message section unknown, out of order, repeated or mistyped */
};

/* A short English text for an MQ_A1_E_* or MQ_E_* code. */
const char *mq_a1_strerror(int code);

/* A descriptor: numeric (code MQ_A1_C_ULONG/SMALLULONG/ULONG0, value in
 * num) or symbolic (code MQ_A1_C_SYM8/SYM32, name in sym).  code 0: none. */
typedef struct mq_a1_desc {
    uint8_t code;
    uint64_t num;
    mq_bytes sym;
} mq_a1_desc;

static inline mq_a1_desc mq_a1_desc_num(uint64_t num)
{
    mq_a1_desc d;
    d.code = MQ_A1_C_ULONG;
    d.num = num;
    d.sym = mq_bytes_of(NULL, 0);
    return d;
}

static inline mq_a1_desc mq_a1_desc_sym(mq_bytes sym)
{
    mq_a1_desc d;
    d.code = MQ_A1_C_SYM32;
    d.num = 0;
    d.sym = sym;
    return d;
}

static inline bool mq_a1_desc_is_sym(const mq_a1_desc *d)
{
    return d->code == MQ_A1_C_SYM8 || d->code == MQ_A1_C_SYM32;
}

/* ------------------------------------------------------------------ reader */

/* A list, map or array as the reader found it: count values in body.  For
 * an array, elem_code is the element constructor and elem_desc its
 * descriptor (code 0 when the elements are not described); body starts at
 * the first element. */
typedef struct mq_a1_compound {
    uint32_t count;
    mq_bytes body;
    uint8_t elem_code;
    mq_a1_desc elem_desc;
} mq_a1_compound;

/* One decoded value.  Numbers are decoded; binary, string, symbol, uuid
 * and decimal128 are views into the input (string: UTF-8 not validated);
 * decimal32/64 are their raw bits in v.u; char is its UTF-32 code point
 * (not checked to be a valid scalar value). */
typedef struct mq_a1_value {
    uint8_t code;    /* constructor code (for array elements: the array's) */
    uint8_t type;    /* enum mq_a1_type */
    mq_a1_desc desc; /* desc.code != 0: a described value */
    union {
        bool b;          /* boolean */
        uint64_t u;      /* ubyte, ushort, uint, ulong, char, decimal32/64 bits */
        int64_t i;       /* byte, short, int, long, timestamp (ms since the epoch) */
        float f;
        double d;
        mq_bytes bytes;  /* binary, string, symbol, uuid (16), decimal128 (16) */
        mq_a1_compound c; /* list, map, array */
    } v;
} mq_a1_value;

/* A cursor over a sequence of encoded values: the top level of a buffer, or
 * the elements of a list, map or array (mq_a1_enter()). */
typedef struct mq_a1_cursor {
    const uint8_t *p, *end;
    uint32_t left;       /* values left; MQ_A1_UNCOUNTED: until the end */
    uint8_t depth;       /* 0 at the top level */
    uint8_t elem_code;   /* array: the elements' constructor; 0 otherwise */
    mq_a1_desc elem_desc;
    int err;             /* the first error, returned again by every next() */
} mq_a1_cursor;

/* (No list, map or array can count this many: a count is checked against
 * the bytes of its body, which are fewer.) */
#define MQ_A1_UNCOUNTED UINT32_MAX

/* A cursor over len bytes at p holding any number of values one after the
 * other (a frame body, a message payload).  Nothing is read yet. */
void mq_a1_cursor_init(mq_a1_cursor *c, const void *p, size_t len);

/* The next value: 1 and *v filled, 0 at the end, or a negative error (also
 * kept in c->err).  Every size and count is checked against the bytes that
 * remain: MQ_E_TRUNCATED when a value runs past them.  A list, map or array
 * is checked as a whole only when its elements are read. */
int mq_a1_next(mq_a1_cursor *c, mq_a1_value *v);

/* A cursor over the elements of the list, map or array v that c's next()
 * returned; MQ_E_TOO_DEEP beyond MQ_A1_MAX_DEPTH, MQ_E_INVALID when v is no
 * compound.  A map's elements are its keys and values in turn. */
int mq_a1_enter(const mq_a1_cursor *c, const mq_a1_value *v, mq_a1_cursor *sub);

/* Reads every value (recursively) of the len bytes at p; 0 or the first
 * error.  *count (when not NULL) gets the number of values at all depths. */
int mq_a1_validate(const void *p, size_t len, size_t *count);

/* ------------------------------------------------------------------ writer */

typedef struct mq_a1_wopen {
    size_t start;       /* offset of the constructor (or, in an array, of the size) */
    size_t elems;       /* offset of the first element */
    uint32_t count;
    uint8_t type;       /* MQ_A1_T_LIST, _MAP or _ARRAY */
    uint8_t fixed;      /* 1: the header width is fixed by an enclosing array */
    uint8_t elem_type;  /* array: element type */
    uint8_t elem_code;  /* array: element constructor written so far */
} mq_a1_wopen;

/* Appends to buf.  Open lists, maps and arrays are kept on a stack of their
 * own (no allocation); each put counts towards the innermost one. */
typedef struct mq_a1_writer {
    mq_wbuf *buf;
    int depth;
    int err;            /* the first error; every later call returns it */
    bool described;     /* a descriptor was written, its value comes next */
    mq_a1_wopen open[MQ_A1_MAX_DEPTH];
} mq_a1_writer;

void mq_a1_writer_init(mq_a1_writer *wr, mq_wbuf *buf);
/* MQ_OK when every begin had its end and no call failed. */
int mq_a1_writer_finish(mq_a1_writer *wr);

int mq_a1_put_null(mq_a1_writer *wr);
int mq_a1_put_bool(mq_a1_writer *wr, bool v);
int mq_a1_put_ubyte(mq_a1_writer *wr, uint8_t v);
int mq_a1_put_ushort(mq_a1_writer *wr, uint16_t v);
int mq_a1_put_uint(mq_a1_writer *wr, uint32_t v);
int mq_a1_put_ulong(mq_a1_writer *wr, uint64_t v);
int mq_a1_put_byte(mq_a1_writer *wr, int8_t v);
int mq_a1_put_short(mq_a1_writer *wr, int16_t v);
int mq_a1_put_int(mq_a1_writer *wr, int32_t v);
int mq_a1_put_long(mq_a1_writer *wr, int64_t v);
int mq_a1_put_float(mq_a1_writer *wr, float v);
int mq_a1_put_double(mq_a1_writer *wr, double v);
int mq_a1_put_decimal32(mq_a1_writer *wr, uint32_t bits);
int mq_a1_put_decimal64(mq_a1_writer *wr, uint64_t bits);
int mq_a1_put_decimal128(mq_a1_writer *wr, const uint8_t bytes[16]);
int mq_a1_put_char(mq_a1_writer *wr, uint32_t code_point);
int mq_a1_put_timestamp(mq_a1_writer *wr, int64_t ms);
int mq_a1_put_uuid(mq_a1_writer *wr, const uint8_t bytes[16]);
/* len > UINT32_MAX: MQ_E_TOO_LONG.  A string is written as given (UTF-8
 * is the caller's business). */
int mq_a1_put_binary(mq_a1_writer *wr, const void *p, size_t len);
int mq_a1_put_string(mq_a1_writer *wr, const void *p, size_t len);
int mq_a1_put_symbol(mq_a1_writer *wr, const void *p, size_t len);

/* Makes the next value a described one (not inside an array: an array's
 * elements share the descriptor given to mq_a1_array_begin()). */
int mq_a1_put_descriptor(mq_a1_writer *wr, const mq_a1_desc *d);

/* list0 when empty, list8/map8 when size and count fit a byte, else the
 * 32-bit form; an odd number of map entries is MQ_E_INVALID at the end. */
int mq_a1_list_begin(mq_a1_writer *wr);
int mq_a1_list_end(mq_a1_writer *wr);
int mq_a1_map_begin(mq_a1_writer *wr);
int mq_a1_map_end(mq_a1_writer *wr);
/* An array of elem_type (MQ_A1_T_*), described by desc when not NULL;
 * array8 when it fits.  The element constructor is the narrowest one all
 * elements fit (smalluint, str8, ...; lists, maps and arrays: the 32-bit
 * form); a wider element widens the ones written before it. */
int mq_a1_array_begin(mq_a1_writer *wr, uint8_t elem_type, const mq_a1_desc *desc);
int mq_a1_array_end(mq_a1_writer *wr);

/* Copies one value that a reader returned (recursively), re-encoded by
 * this writer: the compact forms may differ from the input's. */
int mq_a1_put_value(mq_a1_writer *wr, const mq_a1_cursor *from, const mq_a1_value *v);

#ifdef __cplusplus
}
#endif
#endif

/* SPDX-License-Identifier: MIT */
/*
 * The AMQP 1.0 writer (see mq_a1_codec.h).  Standalone values take their
 * most compact encoding.  A list, map or array is opened with a 32-bit
 * header and shrunk to the 8-bit form (or list0) at its end when it fits,
 * which moves only that compound's own body, once.  An array's elements
 * start in the narrowest constructor of their type and are widened in
 * place, once, when an element does not fit.
 */
#include "mq_a1_codec.h"

static int fail(mq_a1_writer *wr, int rc)
{
    if (!wr->err)
        wr->err = rc;
    return rc;
}

void mq_a1_writer_init(mq_a1_writer *wr, mq_wbuf *buf)
{
    wr->buf = buf;
    wr->depth = 0;
    wr->err = 0;
    wr->described = false;
}

int mq_a1_writer_finish(mq_a1_writer *wr)
{
    if (!wr->err && (wr->depth || wr->described))
        wr->err = MQ_E_INVALID;
    return wr->err;
}

static mq_a1_wopen *top(mq_a1_writer *wr)
{
    return wr->depth ? &wr->open[wr->depth - 1] : NULL;
}

/* The narrowest array element constructor of a type, 0 for none. */
static uint8_t array_first_code(uint8_t type)
{
    static const uint8_t first[MQ_A1_TYPE_COUNT + 1] = {
        [MQ_A1_T_NULL] = MQ_A1_C_NULL, [MQ_A1_T_BOOLEAN] = MQ_A1_C_BOOLEAN,
        [MQ_A1_T_UBYTE] = MQ_A1_C_UBYTE, [MQ_A1_T_USHORT] = MQ_A1_C_USHORT,
        [MQ_A1_T_UINT] = MQ_A1_C_SMALLUINT, [MQ_A1_T_ULONG] = MQ_A1_C_SMALLULONG,
        [MQ_A1_T_BYTE] = MQ_A1_C_BYTE, [MQ_A1_T_SHORT] = MQ_A1_C_SHORT,
        [MQ_A1_T_INT] = MQ_A1_C_SMALLINT, [MQ_A1_T_LONG] = MQ_A1_C_SMALLLONG,
        [MQ_A1_T_FLOAT] = MQ_A1_C_FLOAT, [MQ_A1_T_DOUBLE] = MQ_A1_C_DOUBLE,
        [MQ_A1_T_DECIMAL32] = MQ_A1_C_DECIMAL32, [MQ_A1_T_DECIMAL64] = MQ_A1_C_DECIMAL64,
        [MQ_A1_T_DECIMAL128] = MQ_A1_C_DECIMAL128, [MQ_A1_T_CHAR] = MQ_A1_C_CHAR,
        [MQ_A1_T_TIMESTAMP] = MQ_A1_C_TIMESTAMP, [MQ_A1_T_UUID] = MQ_A1_C_UUID,
        [MQ_A1_T_BINARY] = MQ_A1_C_VBIN8, [MQ_A1_T_STRING] = MQ_A1_C_STR8_UTF8,
        [MQ_A1_T_SYMBOL] = MQ_A1_C_SYM8, [MQ_A1_T_LIST] = MQ_A1_C_LIST32,
        [MQ_A1_T_MAP] = MQ_A1_C_MAP32, [MQ_A1_T_ARRAY] = MQ_A1_C_ARRAY32,
    };
    return type <= MQ_A1_TYPE_COUNT ? first[type] : 0;
}

/* A standalone code as an array element code (zero-width forms have a
 * one-byte sibling: uint0 → smalluint, ulong0 → smallulong, true/false →
 * boolean). */
static uint8_t array_code(uint8_t code)
{
    switch (code) {
    case MQ_A1_C_UINT0: return MQ_A1_C_SMALLUINT;
    case MQ_A1_C_ULONG0: return MQ_A1_C_SMALLULONG;
    case MQ_A1_C_TRUE:
    case MQ_A1_C_FALSE: return MQ_A1_C_BOOLEAN;
    default: return code;
    }
}

static bool signed_code(uint8_t code)
{
    return code == MQ_A1_C_SMALLINT || code == MQ_A1_C_SMALLLONG;
}

/* Big-endian store of the low width bytes of v. */
static void put_be(uint8_t *p, uint64_t v, unsigned width)
{
    while (width--) {
        p[width] = (uint8_t)v;
        v >>= 8;
    }
}

static uint64_t get_be(const uint8_t *p, unsigned width)
{
    uint64_t v = 0;
    while (width--)
        v = (v << 8) | *p++;
    return v;
}

/* Rewrites the elements of array o from its element code to the wider
 * wide (same type): one pass, front to back, after moving them up. */
static int array_widen(mq_a1_writer *wr, mq_a1_wopen *o, uint8_t wide)
{
    mq_wbuf *b = wr->buf;
    const mq_a1_code_info *ni = &mq_a1_codes[o->elem_code], *wi = &mq_a1_codes[wide];
    size_t total = (size_t)o->count * (size_t)(wi->width - ni->width), src, dst;
    uint32_t i;
    if (mq_wbuf_reserve(b, total) < 0)
        return fail(wr, MQ_E_NOMEM);
    memmove(b->data + o->elems + total, b->data + o->elems, b->len - o->elems);
    src = o->elems + total;
    dst = o->elems;
    for (i = 0; i < o->count; i++) {
        uint64_t v = get_be(b->data + src, ni->width);
        if (signed_code(o->elem_code))
            v = (uint64_t)(int64_t)(int8_t)v;
        src += ni->width;
        put_be(b->data + dst, v, wi->width);
        dst += wi->width;
        if (ni->category == MQ_A1_CAT_VARIABLE) { /* v is the length */
            memmove(b->data + dst, b->data + src, (size_t)v);
            dst += (size_t)v;
            src += (size_t)v;
        }
    }
    b->len += total;
    b->data[o->elems - 1] = wide;
    o->elem_code = wide;
    return MQ_OK;
}

/* Before a value of type whose standalone code is *code: checks the
 * context.  Inside an array: *code becomes the array's element code (the
 * array widened first when *code needs more room) and *ctor false. */
static int value_start(mq_a1_writer *wr, uint8_t type, uint8_t *code, bool *ctor)
{
    mq_a1_wopen *o = top(wr);
    uint8_t want;
    int rc;
    *ctor = true;
    if (wr->err)
        return wr->err;
    if (o && o->count == UINT32_MAX)
        return fail(wr, MQ_E_TOO_LONG);
    if (!o || o->type != MQ_A1_T_ARRAY)
        return MQ_OK;
    if (type != o->elem_type)
        return fail(wr, MQ_A1_E_WRONG_TYPE);
    if (mq_a1_codes[o->elem_code].width == 0 && o->count >= MQ_A1_ZERO_WIDTH_MAX)
        return fail(wr, MQ_E_TOO_LONG);
    want = array_code(*code);
    if (mq_a1_codes[want].width > mq_a1_codes[o->elem_code].width &&
        (rc = array_widen(wr, o, want)) < 0)
        return rc;
    *code = o->elem_code;
    *ctor = false;
    return MQ_OK;
}

static int value_done(mq_a1_writer *wr)
{
    mq_a1_wopen *o = top(wr);
    if (o)
        o->count++;
    wr->described = false;
    return MQ_OK;
}

/* A fixed-width value: code's width low bytes of bits, big-endian. */
static int put_fixed(mq_a1_writer *wr, uint8_t type, uint8_t code, uint64_t bits)
{
    unsigned w;
    bool ctor;
    int rc;
    if ((rc = value_start(wr, type, &code, &ctor)) < 0)
        return rc;
    w = mq_a1_codes[code].width;
    if (mq_wbuf_reserve(wr->buf, 1 + w) < 0)
        return fail(wr, MQ_E_NOMEM);
    if (ctor)
        wr->buf->data[wr->buf->len++] = code;
    put_be(wr->buf->data + wr->buf->len, bits, w);
    wr->buf->len += w;
    return value_done(wr);
}

static int put_fixed16(mq_a1_writer *wr, uint8_t type, uint8_t code, const uint8_t bytes[16])
{
    bool ctor;
    int rc;
    if ((rc = value_start(wr, type, &code, &ctor)) < 0)
        return rc;
    if (mq_wbuf_reserve(wr->buf, 17) < 0)
        return fail(wr, MQ_E_NOMEM);
    if (ctor)
        wr->buf->data[wr->buf->len++] = code;
    memcpy(wr->buf->data + wr->buf->len, bytes, 16);
    wr->buf->len += 16;
    return value_done(wr);
}

static int put_var(mq_a1_writer *wr, uint8_t type, uint8_t code8, uint8_t code32,
                   const void *p, size_t len)
{
    uint8_t code = len <= 0xff ? code8 : code32;
    unsigned w;
    bool ctor;
    int rc;
    if (len > UINT32_MAX)
        return fail(wr, MQ_E_TOO_LONG);
    if ((rc = value_start(wr, type, &code, &ctor)) < 0)
        return rc;
    w = mq_a1_codes[code].width;
    if (mq_wbuf_reserve(wr->buf, 1 + w + len) < 0)
        return fail(wr, MQ_E_NOMEM);
    if (ctor)
        wr->buf->data[wr->buf->len++] = code;
    put_be(wr->buf->data + wr->buf->len, len, w);
    wr->buf->len += w;
    if (len)
        memcpy(wr->buf->data + wr->buf->len, p, len);
    wr->buf->len += len;
    return value_done(wr);
}

int mq_a1_put_null(mq_a1_writer *wr) { return put_fixed(wr, MQ_A1_T_NULL, MQ_A1_C_NULL, 0); }

int mq_a1_put_bool(mq_a1_writer *wr, bool v)
{
    return put_fixed(wr, MQ_A1_T_BOOLEAN, v ? MQ_A1_C_TRUE : MQ_A1_C_FALSE, v ? 1 : 0);
}

int mq_a1_put_ubyte(mq_a1_writer *wr, uint8_t v) { return put_fixed(wr, MQ_A1_T_UBYTE, MQ_A1_C_UBYTE, v); }
int mq_a1_put_ushort(mq_a1_writer *wr, uint16_t v) { return put_fixed(wr, MQ_A1_T_USHORT, MQ_A1_C_USHORT, v); }

int mq_a1_put_uint(mq_a1_writer *wr, uint32_t v)
{
    uint8_t code = v == 0 ? MQ_A1_C_UINT0 : v <= 0xff ? MQ_A1_C_SMALLUINT : MQ_A1_C_UINT;
    return put_fixed(wr, MQ_A1_T_UINT, code, v);
}

int mq_a1_put_ulong(mq_a1_writer *wr, uint64_t v)
{
    uint8_t code = v == 0 ? MQ_A1_C_ULONG0 : v <= 0xff ? MQ_A1_C_SMALLULONG : MQ_A1_C_ULONG;
    return put_fixed(wr, MQ_A1_T_ULONG, code, v);
}

int mq_a1_put_byte(mq_a1_writer *wr, int8_t v)
{
    return put_fixed(wr, MQ_A1_T_BYTE, MQ_A1_C_BYTE, (uint64_t)(int64_t)v);
}

int mq_a1_put_short(mq_a1_writer *wr, int16_t v)
{
    return put_fixed(wr, MQ_A1_T_SHORT, MQ_A1_C_SHORT, (uint64_t)(int64_t)v);
}

int mq_a1_put_int(mq_a1_writer *wr, int32_t v)
{
    uint8_t code = v >= -128 && v <= 127 ? MQ_A1_C_SMALLINT : MQ_A1_C_INT;
    return put_fixed(wr, MQ_A1_T_INT, code, (uint64_t)(int64_t)v);
}

int mq_a1_put_long(mq_a1_writer *wr, int64_t v)
{
    uint8_t code = v >= -128 && v <= 127 ? MQ_A1_C_SMALLLONG : MQ_A1_C_LONG;
    return put_fixed(wr, MQ_A1_T_LONG, code, (uint64_t)v);
}

int mq_a1_put_float(mq_a1_writer *wr, float v)
{
    uint32_t bits;
    memcpy(&bits, &v, sizeof bits);
    return put_fixed(wr, MQ_A1_T_FLOAT, MQ_A1_C_FLOAT, bits);
}

int mq_a1_put_double(mq_a1_writer *wr, double v)
{
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    return put_fixed(wr, MQ_A1_T_DOUBLE, MQ_A1_C_DOUBLE, bits);
}

int mq_a1_put_decimal32(mq_a1_writer *wr, uint32_t bits)
{
    return put_fixed(wr, MQ_A1_T_DECIMAL32, MQ_A1_C_DECIMAL32, bits);
}

int mq_a1_put_decimal64(mq_a1_writer *wr, uint64_t bits)
{
    return put_fixed(wr, MQ_A1_T_DECIMAL64, MQ_A1_C_DECIMAL64, bits);
}

int mq_a1_put_decimal128(mq_a1_writer *wr, const uint8_t bytes[16])
{
    return put_fixed16(wr, MQ_A1_T_DECIMAL128, MQ_A1_C_DECIMAL128, bytes);
}

int mq_a1_put_char(mq_a1_writer *wr, uint32_t code_point)
{
    return put_fixed(wr, MQ_A1_T_CHAR, MQ_A1_C_CHAR, code_point);
}

int mq_a1_put_timestamp(mq_a1_writer *wr, int64_t ms)
{
    return put_fixed(wr, MQ_A1_T_TIMESTAMP, MQ_A1_C_TIMESTAMP, (uint64_t)ms);
}

int mq_a1_put_uuid(mq_a1_writer *wr, const uint8_t bytes[16])
{
    return put_fixed16(wr, MQ_A1_T_UUID, MQ_A1_C_UUID, bytes);
}

int mq_a1_put_binary(mq_a1_writer *wr, const void *p, size_t len)
{
    return put_var(wr, MQ_A1_T_BINARY, MQ_A1_C_VBIN8, MQ_A1_C_VBIN32, p, len);
}

int mq_a1_put_string(mq_a1_writer *wr, const void *p, size_t len)
{
    return put_var(wr, MQ_A1_T_STRING, MQ_A1_C_STR8_UTF8, MQ_A1_C_STR32_UTF8, p, len);
}

int mq_a1_put_symbol(mq_a1_writer *wr, const void *p, size_t len)
{
    return put_var(wr, MQ_A1_T_SYMBOL, MQ_A1_C_SYM8, MQ_A1_C_SYM32, p, len);
}

/* 0x00 and the descriptor in its compact form (no context check). */
static int write_descriptor(mq_a1_writer *wr, const mq_a1_desc *d)
{
    mq_wbuf *b = wr->buf;
    bool sym = mq_a1_desc_is_sym(d);
    size_t n = sym ? d->sym.len : 0;
    uint8_t code;
    unsigned w;
    if (n > UINT32_MAX)
        return fail(wr, MQ_E_TOO_LONG);
    if (mq_wbuf_reserve(b, 10 + n) < 0)
        return fail(wr, MQ_E_NOMEM);
    if (sym)
        code = n <= 0xff ? MQ_A1_C_SYM8 : MQ_A1_C_SYM32;
    else
        code = d->num == 0 ? MQ_A1_C_ULONG0 : d->num <= 0xff ? MQ_A1_C_SMALLULONG : MQ_A1_C_ULONG;
    w = mq_a1_codes[code].width;
    b->data[b->len++] = MQ_A1_C_DESCRIBED;
    b->data[b->len++] = code;
    put_be(b->data + b->len, sym ? n : d->num, w);
    b->len += w;
    if (n)
        memcpy(b->data + b->len, d->sym.ptr, n);
    b->len += n;
    return MQ_OK;
}

int mq_a1_put_descriptor(mq_a1_writer *wr, const mq_a1_desc *d)
{
    mq_a1_wopen *o = top(wr);
    if (wr->err)
        return wr->err;
    if (wr->described || (o && o->type == MQ_A1_T_ARRAY) || !d->code)
        return fail(wr, MQ_E_INVALID);
    wr->described = true;
    return write_descriptor(wr, d);
}

/* Opens a list, map or array: constructor (unless an array's element),
 * 32-bit size and count placeholders. */
static int open_compound(mq_a1_writer *wr, uint8_t type, uint8_t code32)
{
    uint8_t code = code32;
    mq_a1_wopen *o;
    bool ctor;
    int rc;
    if ((rc = value_start(wr, type, &code, &ctor)) < 0)
        return rc;
    if (wr->depth >= MQ_A1_MAX_DEPTH)
        return fail(wr, MQ_E_TOO_DEEP);
    if (mq_wbuf_reserve(wr->buf, 9) < 0)
        return fail(wr, MQ_E_NOMEM);
    if (ctor)
        wr->buf->data[wr->buf->len++] = code;
    value_done(wr);
    o = &wr->open[wr->depth++];
    memset(o, 0, sizeof *o);
    o->type = type;
    o->fixed = !ctor;
    o->start = wr->buf->len;
    wr->buf->len += 8;
    o->elems = wr->buf->len;
    return MQ_OK;
}

/* Closes the innermost compound of type: patches size and count, and
 * shrinks it to the 8-bit form (or list0) when it fits. */
static int close_compound(mq_a1_writer *wr, uint8_t type, uint8_t code8, uint8_t code0)
{
    mq_a1_wopen *o = top(wr);
    mq_wbuf *b = wr->buf;
    size_t rest;
    if (wr->err)
        return wr->err;
    if (!o || o->type != type || wr->described)
        return fail(wr, MQ_E_INVALID);
    if (type == MQ_A1_T_MAP && (o->count & 1))
        return fail(wr, MQ_E_INVALID);
    rest = b->len - (o->start + 8); /* bytes after the count */
    if (rest > UINT32_MAX - 4)
        return fail(wr, MQ_E_TOO_LONG);
    wr->depth--;
    if (!o->fixed && code0 && o->count == 0) {
        b->data[o->start - 1] = code0;
        b->len = o->start;
    } else if (!o->fixed && rest <= 0xfe && o->count <= 0xff) {
        b->data[o->start - 1] = code8;
        b->data[o->start] = (uint8_t)(rest + 1);
        b->data[o->start + 1] = (uint8_t)o->count;
        memmove(b->data + o->start + 2, b->data + o->start + 8, rest);
        b->len -= 6;
    } else {
        mq_put32(b->data + o->start, (uint32_t)(rest + 4));
        mq_put32(b->data + o->start + 4, o->count);
    }
    return MQ_OK;
}

int mq_a1_list_begin(mq_a1_writer *wr) { return open_compound(wr, MQ_A1_T_LIST, MQ_A1_C_LIST32); }
int mq_a1_list_end(mq_a1_writer *wr) { return close_compound(wr, MQ_A1_T_LIST, MQ_A1_C_LIST8, MQ_A1_C_LIST0); }
int mq_a1_map_begin(mq_a1_writer *wr) { return open_compound(wr, MQ_A1_T_MAP, MQ_A1_C_MAP32); }
int mq_a1_map_end(mq_a1_writer *wr) { return close_compound(wr, MQ_A1_T_MAP, MQ_A1_C_MAP8, 0); }

int mq_a1_array_begin(mq_a1_writer *wr, uint8_t elem_type, const mq_a1_desc *desc)
{
    uint8_t code = array_first_code(elem_type);
    mq_a1_wopen *o;
    int rc;
    if (wr->err)
        return wr->err;
    if (!code || (desc && !desc->code))
        return fail(wr, MQ_E_INVALID);
    if ((rc = open_compound(wr, MQ_A1_T_ARRAY, MQ_A1_C_ARRAY32)) < 0)
        return rc;
    if (desc && (rc = write_descriptor(wr, desc)) < 0)
        return rc;
    if (mq_wbuf_reserve(wr->buf, 1) < 0)
        return fail(wr, MQ_E_NOMEM);
    wr->buf->data[wr->buf->len++] = code;
    o = top(wr);
    o->elem_type = elem_type;
    o->elem_code = code;
    o->elems = wr->buf->len;
    return MQ_OK;
}

int mq_a1_array_end(mq_a1_writer *wr) { return close_compound(wr, MQ_A1_T_ARRAY, MQ_A1_C_ARRAY8, 0); }

static int copy_elements(mq_a1_writer *wr, const mq_a1_cursor *from, const mq_a1_value *v)
{
    mq_a1_cursor sub;
    mq_a1_value e;
    int rc;
    if ((rc = mq_a1_enter(from, v, &sub)) < 0)
        return fail(wr, rc);
    while ((rc = mq_a1_next(&sub, &e)) == 1)
        if ((rc = mq_a1_put_value(wr, &sub, &e)) < 0)
            return rc;
    return rc < 0 ? fail(wr, rc) : MQ_OK;
}

static int copy_compound(mq_a1_writer *wr, const mq_a1_cursor *from, const mq_a1_value *v)
{
    const mq_a1_desc *ed = v->v.c.elem_desc.code ? &v->v.c.elem_desc : NULL;
    int rc;
    switch (v->type) {
    case MQ_A1_T_LIST: rc = mq_a1_list_begin(wr); break;
    case MQ_A1_T_MAP: rc = mq_a1_map_begin(wr); break;
    default: rc = mq_a1_array_begin(wr, mq_a1_codes[v->v.c.elem_code].type, ed); break;
    }
    if (rc < 0 || (rc = copy_elements(wr, from, v)) < 0)
        return rc;
    switch (v->type) {
    case MQ_A1_T_LIST: return mq_a1_list_end(wr);
    case MQ_A1_T_MAP: return mq_a1_map_end(wr);
    default: return mq_a1_array_end(wr);
    }
}

int mq_a1_put_value(mq_a1_writer *wr, const mq_a1_cursor *from, const mq_a1_value *v)
{
    int rc;
    if (v->desc.code && !from->elem_code && (rc = mq_a1_put_descriptor(wr, &v->desc)) < 0)
        return rc;
    switch (v->type) {
    case MQ_A1_T_NULL: return mq_a1_put_null(wr);
    case MQ_A1_T_BOOLEAN: return mq_a1_put_bool(wr, v->v.b);
    case MQ_A1_T_UBYTE: return mq_a1_put_ubyte(wr, (uint8_t)v->v.u);
    case MQ_A1_T_USHORT: return mq_a1_put_ushort(wr, (uint16_t)v->v.u);
    case MQ_A1_T_UINT: return mq_a1_put_uint(wr, (uint32_t)v->v.u);
    case MQ_A1_T_ULONG: return mq_a1_put_ulong(wr, v->v.u);
    case MQ_A1_T_BYTE: return mq_a1_put_byte(wr, (int8_t)v->v.i);
    case MQ_A1_T_SHORT: return mq_a1_put_short(wr, (int16_t)v->v.i);
    case MQ_A1_T_INT: return mq_a1_put_int(wr, (int32_t)v->v.i);
    case MQ_A1_T_LONG: return mq_a1_put_long(wr, v->v.i);
    case MQ_A1_T_FLOAT: return mq_a1_put_float(wr, v->v.f);
    case MQ_A1_T_DOUBLE: return mq_a1_put_double(wr, v->v.d);
    case MQ_A1_T_DECIMAL32: return mq_a1_put_decimal32(wr, (uint32_t)v->v.u);
    case MQ_A1_T_DECIMAL64: return mq_a1_put_decimal64(wr, v->v.u);
    case MQ_A1_T_DECIMAL128: return mq_a1_put_decimal128(wr, (const uint8_t *)v->v.bytes.ptr);
    case MQ_A1_T_CHAR: return mq_a1_put_char(wr, (uint32_t)v->v.u);
    case MQ_A1_T_TIMESTAMP: return mq_a1_put_timestamp(wr, v->v.i);
    case MQ_A1_T_UUID: return mq_a1_put_uuid(wr, (const uint8_t *)v->v.bytes.ptr);
    case MQ_A1_T_BINARY: return mq_a1_put_binary(wr, v->v.bytes.ptr, v->v.bytes.len);
    case MQ_A1_T_STRING: return mq_a1_put_string(wr, v->v.bytes.ptr, v->v.bytes.len);
    case MQ_A1_T_SYMBOL: return mq_a1_put_symbol(wr, v->v.bytes.ptr, v->v.bytes.len);
    case MQ_A1_T_LIST:
    case MQ_A1_T_MAP:
    case MQ_A1_T_ARRAY: return copy_compound(wr, from, v);
    default: return fail(wr, MQ_E_INVALID);
    }
}

/* SPDX-License-Identifier: MIT */
/*
 * The AMQP 1.0 pull reader (see mq_a1_codec.h).  It never recurses and
 * never allocates: a compound value is returned as a view of its body, and
 * mq_a1_enter() makes a cursor over it.  Every length, size and count is
 * checked against the bytes that remain before anything is read.
 */
#include "mq_a1_codec.h"

const char *mq_a1_strerror(int code)
{
    switch (code) {
    case MQ_A1_E_BAD_CODE: return "invalid AMQP 1.0 constructor code";
    case MQ_A1_E_BAD_COUNT: return "AMQP 1.0 element count does not fit the size";
    case MQ_A1_E_BAD_SIZE: return "AMQP 1.0 size does not match the encoded elements";
    case MQ_A1_E_BAD_DESCRIPTOR: return "AMQP 1.0 descriptor is not a ulong or a symbol";
    case MQ_A1_E_WRONG_TYPE: return "value type differs from the AMQP 1.0 array's element type";
    case MQ_A1_E_FIELD_TYPE: return "AMQP 1.0 field value of a type the field does not allow";
    case MQ_A1_E_MISSING_FIELD: return "AMQP 1.0 mandatory field missing";
    case MQ_A1_E_NOT_COMPOSITE: return "AMQP 1.0 value is not the expected composite type";
    case MQ_A1_E_SECTION: return "AMQP 1.0 message section unknown, out of order, repeated or mistyped";
    default: return mq_strerror(code);
    }
}

static uint32_t get_width(const uint8_t *p, unsigned width)
{
    return width == 1 ? p[0] : mq_get32(p);
}

/* A fixed-width value of code at p (width bytes are there). */
static int decode_fixed(uint8_t code, const uint8_t *p, mq_a1_value *v)
{
    uint32_t u32;
    uint64_t u64;
    switch (code) {
    case MQ_A1_C_NULL: break;
    case MQ_A1_C_TRUE: v->v.b = true; break;
    case MQ_A1_C_FALSE: v->v.b = false; break;
    case MQ_A1_C_BOOLEAN:
        if (p[0] > 1)
            return MQ_E_BAD_DATA;
        v->v.b = p[0] == 1;
        break;
    case MQ_A1_C_UINT0:
    case MQ_A1_C_ULONG0: v->v.u = 0; break;
    case MQ_A1_C_UBYTE:
    case MQ_A1_C_SMALLUINT:
    case MQ_A1_C_SMALLULONG: v->v.u = p[0]; break;
    case MQ_A1_C_USHORT: v->v.u = mq_get16(p); break;
    case MQ_A1_C_UINT:
    case MQ_A1_C_CHAR:
    case MQ_A1_C_DECIMAL32: v->v.u = mq_get32(p); break;
    case MQ_A1_C_ULONG:
    case MQ_A1_C_DECIMAL64: v->v.u = mq_get64(p); break;
    case MQ_A1_C_BYTE:
    case MQ_A1_C_SMALLINT:
    case MQ_A1_C_SMALLLONG: v->v.i = (int8_t)p[0]; break;
    case MQ_A1_C_SHORT: v->v.i = (int16_t)mq_get16(p); break;
    case MQ_A1_C_INT: v->v.i = (int32_t)mq_get32(p); break;
    case MQ_A1_C_LONG:
    case MQ_A1_C_TIMESTAMP: v->v.i = (int64_t)mq_get64(p); break;
    case MQ_A1_C_FLOAT:
        u32 = mq_get32(p);
        memcpy(&v->v.f, &u32, sizeof u32);
        break;
    case MQ_A1_C_DOUBLE:
        u64 = mq_get64(p);
        memcpy(&v->v.d, &u64, sizeof u64);
        break;
    case MQ_A1_C_UUID:
    case MQ_A1_C_DECIMAL128: v->v.bytes = mq_bytes_of((const char *)p, 16); break;
    case MQ_A1_C_LIST0:
        memset(&v->v.c, 0, sizeof v->v.c);
        break;
    default: return MQ_A1_E_BAD_CODE; /* (every fixed code is above) */
    }
    return MQ_OK;
}

/* The element count of an array against the bytes of its elements. */
static int check_array_count(uint8_t elem, uint32_t count, size_t avail)
{
    const mq_a1_code_info *ei = &mq_a1_codes[elem];
    if (ei->category != MQ_A1_CAT_FIXED)
        return count <= avail / ei->width ? MQ_OK : MQ_A1_E_BAD_COUNT;
    if (ei->width == 0) {
        if (avail != 0)
            return MQ_A1_E_BAD_SIZE;
        return count <= MQ_A1_ZERO_WIDTH_MAX ? MQ_OK : MQ_A1_E_BAD_COUNT;
    }
    return (uint64_t)count * ei->width == avail ? MQ_OK : MQ_A1_E_BAD_COUNT;
}

static int read_ctor(const uint8_t **pp, const uint8_t *end, uint8_t *code, mq_a1_desc *d);

/* A list, map or array of code (width: size/count bytes) at *pp. */
static int read_compound(const uint8_t **pp, const uint8_t *end, uint8_t code, unsigned width,
                         mq_a1_value *v)
{
    const uint8_t *p = *pp, *q, *body_end;
    uint32_t size, count;
    int rc;
    if ((size_t)(end - p) < width)
        return MQ_E_TRUNCATED;
    size = get_width(p, width);
    p += width;
    if (size > (size_t)(end - p))
        return MQ_E_TRUNCATED;
    if (size < width)
        return MQ_A1_E_BAD_SIZE;
    body_end = p + size;
    count = get_width(p, width);
    q = p + width;
    memset(&v->v.c, 0, sizeof v->v.c);
    if (mq_a1_codes[code].category == MQ_A1_CAT_ARRAY) {
        if ((rc = read_ctor(&q, body_end, &v->v.c.elem_code, &v->v.c.elem_desc)) < 0)
            return rc == MQ_E_TRUNCATED ? MQ_A1_E_BAD_SIZE : rc;
        if (!mq_a1_codes[v->v.c.elem_code].type)
            return MQ_A1_E_BAD_CODE;
        rc = check_array_count(v->v.c.elem_code, count, (size_t)(body_end - q));
        if (rc < 0)
            return rc;
    } else if (count > (size_t)(body_end - q)) {
        return MQ_A1_E_BAD_COUNT; /* every element takes at least one byte */
    } else if (mq_a1_codes[code].type == MQ_A1_T_MAP && (count & 1)) {
        return MQ_A1_E_BAD_COUNT;
    }
    v->v.c.count = count;
    v->v.c.body = mq_bytes_of((const char *)q, (size_t)(body_end - q));
    *pp = body_end;
    return MQ_OK;
}

/* The value of code at *pp (its constructor already read). */
static int read_body(const uint8_t **pp, const uint8_t *end, uint8_t code, mq_a1_value *v)
{
    const mq_a1_code_info *ci = &mq_a1_codes[code];
    const uint8_t *p = *pp;
    uint32_t len;
    int rc;
    if (!ci->type)
        return MQ_A1_E_BAD_CODE;
    v->code = code;
    v->type = ci->type;
    switch (ci->category) {
    case MQ_A1_CAT_FIXED:
        if ((size_t)(end - p) < ci->width)
            return MQ_E_TRUNCATED;
        if ((rc = decode_fixed(code, p, v)) < 0)
            return rc;
        *pp = p + ci->width;
        return MQ_OK;
    case MQ_A1_CAT_VARIABLE:
        if ((size_t)(end - p) < ci->width)
            return MQ_E_TRUNCATED;
        len = get_width(p, ci->width);
        p += ci->width;
        if (len > (size_t)(end - p))
            return MQ_E_TRUNCATED;
        v->v.bytes = mq_bytes_of((const char *)p, len);
        *pp = p + len;
        return MQ_OK;
    default:
        return read_compound(pp, end, code, ci->width, v);
    }
}

/* A constructor at *pp: a code, or 0x00, a ulong or symbol descriptor and
 * a code.  *d gets the descriptor (code 0: none). */
static int read_ctor(const uint8_t **pp, const uint8_t *end, uint8_t *code, mq_a1_desc *d)
{
    const uint8_t *p = *pp;
    mq_a1_value dv;
    int rc;
    memset(d, 0, sizeof *d);
    if (p == end)
        return MQ_E_TRUNCATED;
    if (*p != MQ_A1_C_DESCRIBED) {
        *code = *p;
        *pp = p + 1;
        return MQ_OK;
    }
    if (++p == end)
        return MQ_E_TRUNCATED;
    switch (*p) {
    case MQ_A1_C_ULONG: case MQ_A1_C_SMALLULONG: case MQ_A1_C_ULONG0:
    case MQ_A1_C_SYM8: case MQ_A1_C_SYM32:
        break;
    default: /* (0x00: a described descriptor) */
        return mq_a1_codes[*p].type || *p == MQ_A1_C_DESCRIBED ? MQ_A1_E_BAD_DESCRIPTOR
                                                                : MQ_A1_E_BAD_CODE;
    }
    d->code = *p++;
    if ((rc = read_body(&p, end, d->code, &dv)) < 0)
        return rc;
    if (mq_a1_desc_is_sym(d))
        d->sym = dv.v.bytes;
    else
        d->num = dv.v.u;
    if (p == end)
        return MQ_E_TRUNCATED;
    if (*p == MQ_A1_C_DESCRIBED)
        return MQ_A1_E_BAD_DESCRIPTOR; /* a described descriptor or value */
    *code = *p;
    *pp = p + 1;
    return MQ_OK;
}

void mq_a1_cursor_init(mq_a1_cursor *c, const void *p, size_t len)
{
    static const uint8_t empty[1];
    memset(c, 0, sizeof *c);
    /* (an empty range may come as NULL, which takes no arithmetic) */
    c->p = p ? (const uint8_t *)p : empty;
    c->end = c->p + (p ? len : 0);
    c->left = MQ_A1_UNCOUNTED;
}

static int cursor_fail(mq_a1_cursor *c, int rc)
{
    c->err = rc;
    return rc;
}

int mq_a1_next(mq_a1_cursor *c, mq_a1_value *v)
{
    uint8_t code;
    int rc;
    if (c->err)
        return c->err;
    if (c->left == 0)
        return c->p == c->end ? 0 : cursor_fail(c, MQ_A1_E_BAD_SIZE);
    if (c->left == MQ_A1_UNCOUNTED && c->p == c->end)
        return 0;
    if (c->elem_code) {
        code = c->elem_code;
        v->desc = c->elem_desc;
    } else if ((rc = read_ctor(&c->p, c->end, &code, &v->desc)) < 0) {
        return cursor_fail(c, rc);
    }
    if ((rc = read_body(&c->p, c->end, code, v)) < 0)
        return cursor_fail(c, rc);
    if (c->left != MQ_A1_UNCOUNTED)
        c->left--;
    return 1;
}

int mq_a1_enter(const mq_a1_cursor *c, const mq_a1_value *v, mq_a1_cursor *sub)
{
    if (v->type != MQ_A1_T_LIST && v->type != MQ_A1_T_MAP && v->type != MQ_A1_T_ARRAY)
        return MQ_E_INVALID;
    if (c->depth >= MQ_A1_MAX_DEPTH)
        return MQ_E_TOO_DEEP;
    mq_a1_cursor_init(sub, v->v.c.body.ptr, v->v.c.body.len);
    sub->left = v->v.c.count;
    sub->depth = (uint8_t)(c->depth + 1);
    if (v->type == MQ_A1_T_ARRAY) {
        sub->elem_code = v->v.c.elem_code;
        sub->elem_desc = v->v.c.elem_desc;
    }
    return MQ_OK;
}

int mq_a1_validate(const void *p, size_t len, size_t *count)
{
    mq_a1_cursor st[MQ_A1_MAX_DEPTH + 1];
    mq_a1_value v;
    size_t n = 0;
    int d = 0, rc;
    mq_a1_cursor_init(&st[0], p, len);
    for (;;) {
        rc = mq_a1_next(&st[d], &v);
        if (rc < 0)
            return rc;
        if (rc == 0) {
            if (d == 0)
                break;
            d--;
            continue;
        }
        n++;
        if (v.type == MQ_A1_T_LIST || v.type == MQ_A1_T_MAP || v.type == MQ_A1_T_ARRAY) {
            if ((rc = mq_a1_enter(&st[d], &v, &st[d + 1])) < 0)
                return rc;
            d++;
        }
    }
    if (count)
        *count = n;
    return MQ_OK;
}

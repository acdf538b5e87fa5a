/* SPDX-License-Identifier: MIT */
/*
 * AMQP field tables and arrays: a bounded reader that walks encoded bytes in
 * place (views, no allocation), a recursive depth-bounded validator, and a
 * streaming writer that appends to an mq_wbuf.  Binary safe: keys and
 * strings may contain NUL bytes.  See mq_table.h for the wire format.
 */
#include "mq_table.h"

/* ---- reader ----------------------------------------------------------- */

void mq_table_iter_init(mq_table_iter *it, const void *content, size_t len)
{
    if (len == 0) { /* no arithmetic on a possibly NULL pointer */
        it->pos = it->end = (const uint8_t *)content;
        return;
    }
    it->pos = (const uint8_t *)content;
    it->end = it->pos + len;
}

/* Bytes still unread; pos never passes end. */
static inline size_t mq_iter_left(const mq_table_iter *it)
{
    return (size_t)(it->end - it->pos);
}

/* Reads one typed value (type octet and value) at the cursor. */
static int mq_field_read(mq_table_iter *it, mq_field *val)
{
    const uint8_t *p;
    uint32_t u32;
    uint64_t u64;
    size_t len;

    if (mq_iter_left(it) < 1)
        return MQ_E_TRUNCATED; /* the type octet must be there */
    p = it->pos;
    val->kind = (char)p[0];
    p++;
    it->pos = p;
    switch (val->kind) {
    case 't':
    case 'b':
    case 'B':
        if (mq_iter_left(it) < 1)
            return MQ_E_TRUNCATED; /* 1-byte value */
        if (val->kind == 't')
            val->v.b = p[0] != 0;
        else if (val->kind == 'b')
            val->v.i = (int8_t)p[0];
        else
            val->v.u = p[0];
        it->pos = p + 1;
        return 1;
    case 's':
    case 'u':
        if (mq_iter_left(it) < 2)
            return MQ_E_TRUNCATED; /* 2-byte value */
        if (val->kind == 's')
            val->v.i = (int16_t)mq_get16(p);
        else
            val->v.u = mq_get16(p);
        it->pos = p + 2;
        return 1;
    case 'I':
    case 'i':
    case 'f':
        if (mq_iter_left(it) < 4)
            return MQ_E_TRUNCATED; /* 4-byte value */
        u32 = mq_get32(p);
        if (val->kind == 'I')
            val->v.i = (int32_t)u32;
        else if (val->kind == 'i')
            val->v.u = u32;
        else
            memcpy(&val->v.f, &u32, 4);
        it->pos = p + 4;
        return 1;
    case 'l':
    case 'L':
    case 'T':
    case 'd':
        if (mq_iter_left(it) < 8)
            return MQ_E_TRUNCATED; /* 8-byte value */
        u64 = mq_get64(p);
        if (val->kind == 'l')
            val->v.i = (int64_t)u64;
        else if (val->kind == 'd')
            memcpy(&val->v.d, &u64, 8);
        else
            val->v.u = u64;
        it->pos = p + 8;
        return 1;
    case 'D':
        if (mq_iter_left(it) < 5)
            return MQ_E_TRUNCATED; /* scale octet + u32 */
        val->v.dec.scale = p[0];
        val->v.dec.value = mq_get32(p + 1);
        it->pos = p + 5;
        return 1;
    case 'S':
    case 'x':
    case 'F':
    case 'A':
        if (mq_iter_left(it) < 4)
            return MQ_E_TRUNCATED; /* u32 length prefix */
        len = mq_get32(p);
        p += 4;
        it->pos = p;
        if (len > mq_iter_left(it))
            return MQ_E_TRUNCATED; /* the value must fit in what is left */
        val->v.bytes = mq_bytes_of((const char *)p, len);
        it->pos = p + len;
        return 1;
    case 'V':
        val->v.u = 0;
        return 1;
    default:
        return MQ_E_BAD_DATA;
    }
}

int mq_table_next(mq_table_iter *it, mq_bytes *key, mq_field *val)
{
    size_t klen;

    if (it->pos == it->end)
        return 0;
    klen = it->pos[0]; /* pos < end: at least one byte left */
    it->pos++;
    if (klen > mq_iter_left(it))
        return MQ_E_TRUNCATED; /* the key must fit in what is left */
    *key = mq_bytes_of((const char *)it->pos, klen);
    it->pos += klen;
    return mq_field_read(it, val);
}

int mq_array_next(mq_table_iter *it, mq_field *val)
{
    if (it->pos == it->end)
        return 0;
    return mq_field_read(it, val);
}

/* ---- validator -------------------------------------------------------- */

static int mq_container_validate(const void *content, size_t len, bool is_table, int depth,
                                 int max_depth);

/* Descends into a nested F/A value at nesting level depth + 1. */
static int mq_value_validate(const mq_field *f, int depth, int max_depth)
{
    if (f->kind != 'F' && f->kind != 'A')
        return MQ_OK;
    if (depth >= max_depth)
        return MQ_E_TOO_DEEP; /* the child would sit below max_depth levels */
    return mq_container_validate(f->v.bytes.ptr, f->v.bytes.len, f->kind == 'F', depth + 1,
                                 max_depth);
}

static int mq_container_validate(const void *content, size_t len, bool is_table, int depth,
                                 int max_depth)
{
    mq_table_iter it;
    mq_bytes key;
    mq_field f;
    int rc;

    mq_table_iter_init(&it, content, len);
    for (;;) {
        rc = is_table ? mq_table_next(&it, &key, &f) : mq_array_next(&it, &f);
        if (rc <= 0)
            return rc; /* 0: clean end; < 0: malformed */
        rc = mq_value_validate(&f, depth, max_depth);
        if (rc != MQ_OK)
            return rc;
    }
}

int mq_table_validate(const void *content, size_t len, int max_depth)
{
    return mq_container_validate(content, len, true, 0, max_depth);
}

/* ---- writer ----------------------------------------------------------- */

int mq_table_open(mq_wbuf *w, size_t *mark)
{
    if (mq_wbuf_reserve(w, 4) != MQ_OK)
        return MQ_E_NOMEM;
    *mark = w->len;
    mq_put32(w->data + w->len, 0); /* placeholder, patched by close */
    w->len += 4;
    return MQ_OK;
}

int mq_table_close(mq_wbuf *w, size_t mark)
{
    size_t len;

    if (mark > w->len || w->len - mark < 4)
        return MQ_E_INVALID; /* not a mark from mq_table_open on this buffer */
    len = w->len - mark - 4;
    if ((uint64_t)len > UINT32_MAX)
        return MQ_E_TOO_LONG; /* the length prefix is a u32 */
    mq_put32(w->data + mark, (uint32_t)len);
    return MQ_OK;
}

int mq_table_key(mq_wbuf *w, const char *key, size_t len)
{
    if (len > 255)
        return MQ_E_TOO_LONG; /* keys are shortstr */
    if (mq_wbuf_reserve(w, 1 + len) != MQ_OK)
        return MQ_E_NOMEM;
    w->data[w->len] = (uint8_t)len;
    if (len)
        memcpy(w->data + w->len + 1, key, len);
    w->len += 1 + len;
    return MQ_OK;
}

/* Appends the type octet and an n-byte big-endian integer. */
static int mq_field_int(mq_wbuf *w, char kind, uint64_t v, size_t n)
{
    uint8_t *p;
    size_t i;

    if (mq_wbuf_reserve(w, 1 + n) != MQ_OK)
        return MQ_E_NOMEM;
    p = w->data + w->len; /* 1 + n bytes reserved */
    p[0] = (uint8_t)kind;
    for (i = 0; i < n; i++)
        p[1 + i] = (uint8_t)(v >> (8 * (n - 1 - i)));
    w->len += 1 + n;
    return MQ_OK;
}

int mq_field_bool(mq_wbuf *w, bool v) { return mq_field_int(w, 't', v ? 1 : 0, 1); }
int mq_field_i8(mq_wbuf *w, int8_t v) { return mq_field_int(w, 'b', (uint8_t)v, 1); }
int mq_field_u8(mq_wbuf *w, uint8_t v) { return mq_field_int(w, 'B', v, 1); }
int mq_field_i16(mq_wbuf *w, int16_t v) { return mq_field_int(w, 's', (uint16_t)v, 2); }
int mq_field_u16(mq_wbuf *w, uint16_t v) { return mq_field_int(w, 'u', v, 2); }
int mq_field_i32(mq_wbuf *w, int32_t v) { return mq_field_int(w, 'I', (uint32_t)v, 4); }
int mq_field_u32(mq_wbuf *w, uint32_t v) { return mq_field_int(w, 'i', v, 4); }
int mq_field_i64(mq_wbuf *w, int64_t v) { return mq_field_int(w, 'l', (uint64_t)v, 8); }
int mq_field_timestamp(mq_wbuf *w, uint64_t v) { return mq_field_int(w, 'T', v, 8); }

int mq_field_float(mq_wbuf *w, float v)
{
    uint32_t u;
    memcpy(&u, &v, 4); /* bit pattern, NaN payloads kept */
    return mq_field_int(w, 'f', u, 4);
}

int mq_field_double(mq_wbuf *w, double v)
{
    uint64_t u;
    memcpy(&u, &v, 8);
    return mq_field_int(w, 'd', u, 8);
}

int mq_field_decimal(mq_wbuf *w, uint8_t scale, uint32_t value)
{
    return mq_field_int(w, 'D', ((uint64_t)scale << 32) | value, 5);
}

/* Type octet, u32 length, bytes. */
static int mq_field_blob(mq_wbuf *w, char kind, const char *s, size_t len)
{
    uint8_t *p;

    if ((uint64_t)len > UINT32_MAX || len > SIZE_MAX - 5)
        return MQ_E_TOO_LONG; /* u32 length prefix; 5 + len must not wrap */
    if (mq_wbuf_reserve(w, 5 + len) != MQ_OK)
        return MQ_E_NOMEM;
    p = w->data + w->len; /* 5 + len bytes reserved */
    p[0] = (uint8_t)kind;
    mq_put32(p + 1, (uint32_t)len);
    if (len)
        memcpy(p + 5, s, len);
    w->len += 5 + len;
    return MQ_OK;
}

int mq_field_longstr(mq_wbuf *w, const char *s, size_t len) { return mq_field_blob(w, 'S', s, len); }
int mq_field_bytes(mq_wbuf *w, const char *s, size_t len) { return mq_field_blob(w, 'x', s, len); }

int mq_field_void(mq_wbuf *w)
{
    if (mq_wbuf_reserve(w, 1) != MQ_OK)
        return MQ_E_NOMEM;
    w->data[w->len++] = 'V';
    return MQ_OK;
}

/* Type octet, then a u32 placeholder like mq_table_open. */
static int mq_field_container_open(mq_wbuf *w, char kind, size_t *mark)
{
    if (mq_wbuf_reserve(w, 5) != MQ_OK)
        return MQ_E_NOMEM;
    w->data[w->len++] = (uint8_t)kind;
    return mq_table_open(w, mark); /* cannot fail: 4 bytes still reserved */
}

int mq_field_table_open(mq_wbuf *w, size_t *mark) { return mq_field_container_open(w, 'F', mark); }
int mq_field_array_open(mq_wbuf *w, size_t *mark) { return mq_field_container_open(w, 'A', mark); }

int mq_field_copy(mq_wbuf *w, const mq_field *f)
{
    switch (f->kind) {
    case 't':
        return mq_field_bool(w, f->v.b);
    case 'b':
        return mq_field_int(w, 'b', (uint8_t)f->v.i, 1);
    case 'B':
        return mq_field_int(w, 'B', (uint8_t)f->v.u, 1);
    case 's':
        return mq_field_int(w, 's', (uint16_t)f->v.i, 2);
    case 'u':
        return mq_field_int(w, 'u', (uint16_t)f->v.u, 2);
    case 'I':
        return mq_field_int(w, 'I', (uint32_t)f->v.i, 4);
    case 'i':
        return mq_field_int(w, 'i', (uint32_t)f->v.u, 4);
    case 'l':
        return mq_field_int(w, 'l', (uint64_t)f->v.i, 8);
    case 'L':
        return mq_field_int(w, 'L', f->v.u, 8);
    case 'T':
        return mq_field_int(w, 'T', f->v.u, 8);
    case 'f':
        return mq_field_float(w, f->v.f);
    case 'd':
        return mq_field_double(w, f->v.d);
    case 'D':
        return mq_field_decimal(w, f->v.dec.scale, f->v.dec.value);
    case 'S':
    case 'x':
    case 'F':
    case 'A': /* nested content is copied as is, behind its u32 length */
        return mq_field_blob(w, f->kind, f->v.bytes.ptr, f->v.bytes.len);
    case 'V':
        return mq_field_void(w);
    default:
        return MQ_E_INVALID;
    }
}

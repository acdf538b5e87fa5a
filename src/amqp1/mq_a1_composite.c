/* SPDX-License-Identifier: MIT */
/*
 * Encoding and decoding of the composite types by their generated field
 * tables (mq_a1_types.c; see mq_a1_composite.h).
 */
#include "mq_a1_types.h"

#define AT(s, off, T) ((T *)((char *)(s) + (off)))
#define CAT(s, off, T) ((const T *)((const char *)(s) + (off)))

static bool is_present(const mq_a1_field_info *f, const void *s)
{
    return f->mandatory || *CAT(s, f->has_off, bool);
}

static bool kind_is_encoded(uint8_t kind)
{
    return kind == MQ_A1_K_MAP || kind == MQ_A1_K_ANY || kind == MQ_A1_K_MULTI;
}

/* ------------------------------------------------------------------ encode */

/* Whether v (a value read at the top of its own range) may be the value of
 * an encoded field f. */
static bool encoded_type_ok(const mq_a1_field_info *f, const mq_a1_value *v)
{
    switch (f->kind) {
    case MQ_A1_K_MAP:
        return v->type == MQ_A1_T_MAP && !v->desc.code;
    case MQ_A1_K_MULTI:
        if (v->type == MQ_A1_T_ARRAY)
            return !v->desc.code && !v->v.c.elem_desc.code &&
                   mq_a1_codes[v->v.c.elem_code].type == f->elem;
        return v->type == f->elem && !v->desc.code;
    default: /* MQ_A1_K_ANY */
        if (!f->types)
            return true;
        if (v->desc.code)
            return (f->types & MQ_A1_TBIT_DESCRIBED) != 0;
        return (f->types & MQ_A1_TBIT(v->type)) != 0;
    }
}

/* Copies the encoded value raw (exactly one value of f's type). */
static int put_encoded(mq_a1_writer *wr, const mq_a1_field_info *f, mq_bytes raw)
{
    mq_a1_cursor c;
    mq_a1_value v, extra;
    int rc;
    mq_a1_cursor_init(&c, raw.ptr, raw.len);
    if ((rc = mq_a1_next(&c, &v)) <= 0 || !encoded_type_ok(f, &v))
        return MQ_E_INVALID;
    if ((rc = mq_a1_put_value(wr, &c, &v)) < 0)
        return rc;
    return mq_a1_next(&c, &extra) == 0 ? MQ_OK : MQ_E_INVALID;
}

static int put_field(mq_a1_writer *wr, const mq_a1_field_info *f, const void *s)
{
    const void *p = (const char *)s + f->off;
    const mq_bytes *b = (const mq_bytes *)p;
    if (!is_present(f, s))
        return mq_a1_put_null(wr);
    switch (f->kind) {
    case MQ_A1_K_BOOL: return mq_a1_put_bool(wr, *(const bool *)p);
    case MQ_A1_K_UBYTE: return mq_a1_put_ubyte(wr, *(const uint8_t *)p);
    case MQ_A1_K_USHORT: return mq_a1_put_ushort(wr, *(const uint16_t *)p);
    case MQ_A1_K_UINT: return mq_a1_put_uint(wr, *(const uint32_t *)p);
    case MQ_A1_K_ULONG: return mq_a1_put_ulong(wr, *(const uint64_t *)p);
    case MQ_A1_K_TIMESTAMP: return mq_a1_put_timestamp(wr, *(const int64_t *)p);
    case MQ_A1_K_BINARY: return mq_a1_put_binary(wr, b->ptr, b->len);
    case MQ_A1_K_STRING: return mq_a1_put_string(wr, b->ptr, b->len);
    case MQ_A1_K_SYMBOL: return mq_a1_put_symbol(wr, b->ptr, b->len);
    case MQ_A1_K_COMPOSITE: return mq_a1_composite_put(wr, f->sub, p);
    default: return put_encoded(wr, f, *b);
    }
}

int mq_a1_composite_put(mq_a1_writer *wr, const mq_a1_composite_info *ci, const void *s)
{
    mq_a1_desc d = mq_a1_desc_num(ci->code);
    int n = ci->nfields, i, rc;
    while (n > 0 && !is_present(&ci->fields[n - 1], s))
        n--; /* trailing absent fields are omitted */
    if ((rc = mq_a1_put_descriptor(wr, &d)) < 0 || (rc = mq_a1_list_begin(wr)) < 0)
        return rc;
    for (i = 0; i < n; i++) {
        if ((rc = put_field(wr, &ci->fields[i], s)) < 0) {
            if (!wr->err)
                wr->err = rc; /* (an encoded field's own error) */
            return rc;
        }
    }
    return mq_a1_list_end(wr);
}

/* ------------------------------------------------------------------ decode */

static void set_default(const mq_a1_field_info *f, void *s)
{
    void *p = (char *)s + f->off;
    switch (f->kind) {
    case MQ_A1_K_BOOL: *(bool *)p = f->def != 0; break;
    case MQ_A1_K_UBYTE: *(uint8_t *)p = (uint8_t)f->def; break;
    case MQ_A1_K_USHORT: *(uint16_t *)p = (uint16_t)f->def; break;
    case MQ_A1_K_UINT: *(uint32_t *)p = (uint32_t)f->def; break;
    case MQ_A1_K_ULONG: *(uint64_t *)p = f->def; break;
    case MQ_A1_K_TIMESTAMP: *(int64_t *)p = (int64_t)f->def; break;
    case MQ_A1_K_COMPOSITE: mq_a1_composite_init(f->sub, p); break;
    default:
        if (f->def_sym)
            *(mq_bytes *)p = mq_cstr(f->def_sym);
        break;
    }
}

void mq_a1_composite_init(const mq_a1_composite_info *ci, void *s)
{
    int i;
    memset(s, 0, ci->size);
    for (i = 0; i < ci->nfields; i++)
        set_default(&ci->fields[i], s);
}

/* The primitive type a field of kind k holds, 0 for the encoded kinds. */
static uint8_t kind_type(uint8_t k)
{
    static const uint8_t t[] = {
        [MQ_A1_K_BOOL] = MQ_A1_T_BOOLEAN, [MQ_A1_K_UBYTE] = MQ_A1_T_UBYTE,
        [MQ_A1_K_USHORT] = MQ_A1_T_USHORT, [MQ_A1_K_UINT] = MQ_A1_T_UINT,
        [MQ_A1_K_ULONG] = MQ_A1_T_ULONG, [MQ_A1_K_TIMESTAMP] = MQ_A1_T_TIMESTAMP,
        [MQ_A1_K_BINARY] = MQ_A1_T_BINARY, [MQ_A1_K_STRING] = MQ_A1_T_STRING,
        [MQ_A1_K_SYMBOL] = MQ_A1_T_SYMBOL,
    };
    return k < sizeof t ? t[k] : 0;
}

static void store(const mq_a1_field_info *f, void *p, const mq_a1_value *v)
{
    switch (f->kind) {
    case MQ_A1_K_BOOL: *(bool *)p = v->v.b; break;
    case MQ_A1_K_UBYTE: *(uint8_t *)p = (uint8_t)v->v.u; break;
    case MQ_A1_K_USHORT: *(uint16_t *)p = (uint16_t)v->v.u; break;
    case MQ_A1_K_UINT: *(uint32_t *)p = (uint32_t)v->v.u; break;
    case MQ_A1_K_ULONG: *(uint64_t *)p = v->v.u; break;
    case MQ_A1_K_TIMESTAMP: *(int64_t *)p = v->v.i; break;
    default: *(mq_bytes *)p = v->v.bytes; break;
    }
}

/* One field's value v (not null), read by c from before. */
static int decode_field(const mq_a1_field_info *f, const mq_a1_cursor *c, const uint8_t *before,
                        const mq_a1_value *v, void *s)
{
    void *p = (char *)s + f->off;
    if (kind_is_encoded(f->kind)) {
        if (!encoded_type_ok(f, v))
            return MQ_A1_E_FIELD_TYPE;
        *(mq_bytes *)p = mq_a1_raw_since(c, before);
        return MQ_OK;
    }
    if (f->kind == MQ_A1_K_COMPOSITE)
        return mq_a1_composite_decode(f->sub, c, v, p);
    if (v->desc.code || v->type != kind_type(f->kind))
        return MQ_A1_E_FIELD_TYPE;
    store(f, p, v);
    return MQ_OK;
}

static bool descriptor_is(const mq_a1_composite_info *ci, const mq_a1_desc *d)
{
    if (mq_a1_desc_is_sym(d))
        return d->sym.len == strlen(ci->symbol) && !memcmp(d->sym.ptr, ci->symbol, d->sym.len);
    return d->code && d->num == ci->code;
}

/* The list's fields, then its extra elements (read, ignored). */
static int decode_fields(const mq_a1_composite_info *ci, mq_a1_cursor *lc, void *s)
{
    mq_a1_value fv;
    const uint8_t *before;
    int i, rc;
    for (i = 0; i < ci->nfields; i++) {
        const mq_a1_field_info *f = &ci->fields[i];
        before = lc->p;
        if ((rc = mq_a1_next(lc, &fv)) < 0)
            return rc;
        if (rc == 0 || (fv.type == MQ_A1_T_NULL && !fv.desc.code)) {
            if (f->mandatory)
                return MQ_A1_E_MISSING_FIELD;
            if (rc == 0)
                continue;
        } else {
            if ((rc = decode_field(f, lc, before, &fv, s)) < 0)
                return rc;
            if (!f->mandatory)
                *AT(s, f->has_off, bool) = true;
        }
    }
    while ((rc = mq_a1_next(lc, &fv)) == 1)
        ;
    return rc;
}

int mq_a1_composite_decode(const mq_a1_composite_info *ci, const mq_a1_cursor *c,
                           const mq_a1_value *v, void *s)
{
    mq_a1_cursor lc;
    int rc;
    mq_a1_composite_init(ci, s);
    if (v->type != MQ_A1_T_LIST || !descriptor_is(ci, &v->desc))
        return MQ_A1_E_NOT_COMPOSITE;
    if ((rc = mq_a1_enter(c, v, &lc)) < 0)
        return rc;
    return decode_fields(ci, &lc, s);
}

int mq_a1_composite_decode_bytes(const mq_a1_composite_info *ci, const void *p, size_t len,
                                 void *s)
{
    mq_a1_cursor c;
    mq_a1_value v;
    int rc;
    mq_a1_cursor_init(&c, p, len);
    if ((rc = mq_a1_next(&c, &v)) <= 0) {
        mq_a1_composite_init(ci, s);
        return rc == 0 ? MQ_A1_E_NOT_COMPOSITE : rc;
    }
    if ((rc = mq_a1_composite_decode(ci, &c, &v, s)) < 0)
        return rc;
    return mq_a1_next(&c, &v) == 0 ? MQ_OK : MQ_A1_E_BAD_SIZE;
}

const mq_a1_composite_info *mq_a1_composite_find(uint64_t code)
{
    size_t lo = 0, hi = MQ_A1_COMPOSITE_COUNT;
    while (lo < hi) { /* the table is sorted by code */
        size_t mid = lo + (hi - lo) / 2;
        if (mq_a1_composites[mid]->code == code)
            return mq_a1_composites[mid];
        if (mq_a1_composites[mid]->code < code)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* ------------------------------------------------------- multiple fields */

int mq_a1_multi_open(mq_bytes raw, mq_a1_cursor *c)
{
    mq_a1_cursor top;
    mq_a1_value v;
    int rc;
    mq_a1_cursor_init(&top, raw.ptr, raw.len);
    if ((rc = mq_a1_next(&top, &v)) <= 0 || v.type == MQ_A1_T_NULL) {
        mq_a1_cursor_init(c, NULL, 0);
        return rc;
    }
    if (v.type == MQ_A1_T_ARRAY)
        return mq_a1_enter(&top, &v, c);
    mq_a1_cursor_init(c, raw.ptr, raw.len);
    return MQ_OK;
}

int mq_a1_symbols_encode(mq_wbuf *w, const mq_bytes *syms, size_t n)
{
    mq_a1_writer wr;
    size_t i;
    mq_a1_writer_init(&wr, w);
    mq_a1_array_begin(&wr, MQ_A1_T_SYMBOL, NULL);
    for (i = 0; i < n; i++)
        mq_a1_put_symbol(&wr, syms[i].ptr, syms[i].len);
    mq_a1_array_end(&wr);
    return mq_a1_writer_finish(&wr);
}

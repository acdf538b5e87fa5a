/* SPDX-License-Identifier: MIT */
/*
 * AMQP 1.0 message sections (see mq_a1_message.h).
 */
#include "mq_a1_message.h"

void mq_a1_message_init(mq_a1_message *m)
{
    memset(m, 0, sizeof *m);
    mq_a1_header_init(&m->header);
    mq_a1_properties_init(&m->properties);
}

/* The bytes of a descriptor's encoding (0x00, its constructor, its value). */
static size_t desc_len(const mq_a1_desc *d)
{
    switch (d->code) {
    case MQ_A1_C_ULONG0: return 2;
    case MQ_A1_C_SMALLULONG: return 3;
    case MQ_A1_C_ULONG: return 10;
    case MQ_A1_C_SYM8: return 3 + d->sym.len;
    default: return 6 + d->sym.len; /* sym32 */
    }
}

/* A section's order (0 header ... 5 body, 6 footer), -1 if code is none. */
static int section_rank(uint64_t code)
{
    if (code < MQ_A1_D_HEADER || code > MQ_A1_D_FOOTER)
        return -1;
    if (code >= MQ_A1_D_DATA && code <= MQ_A1_D_AMQP_VALUE)
        return 5;
    return code == MQ_A1_D_FOOTER ? 6 : (int)(code - MQ_A1_D_HEADER);
}

static uint64_t section_code(const mq_a1_desc *d)
{
    size_t i;
    if (!mq_a1_desc_is_sym(d))
        return d->code ? d->num : 0;
    for (i = 0; i < MQ_A1_DESCRIPTOR_COUNT; i++) {
        const char *s = mq_a1_descriptors[i].symbol;
        if (strlen(s) == d->sym.len && !memcmp(s, d->sym.ptr, d->sym.len))
            return mq_a1_descriptors[i].code;
    }
    return 0;
}

/* Whether v, the value of section code, has the section's type. */
static bool section_type_ok(uint64_t code, const mq_a1_value *v)
{
    switch (code) {
    case MQ_A1_D_HEADER: case MQ_A1_D_PROPERTIES: case MQ_A1_D_AMQP_SEQUENCE:
        return v->type == MQ_A1_T_LIST;
    case MQ_A1_D_DATA:
        return v->type == MQ_A1_T_BINARY;
    case MQ_A1_D_AMQP_VALUE:
        return true;
    default: /* the annotations and application-properties */
        return v->type == MQ_A1_T_MAP;
    }
}

/* The next section: its value in *v, its code and content. */
static int next_section(mq_a1_cursor *c, mq_a1_value *v, uint64_t *code, mq_bytes *content)
{
    const uint8_t *before = c->p;
    int rc = mq_a1_next(c, v);
    if (rc <= 0)
        return rc;
    *code = section_code(&v->desc);
    if (section_rank(*code) < 0 || !section_type_ok(*code, v))
        return MQ_A1_E_SECTION;
    if (*code == MQ_A1_D_DATA)
        *content = v->v.bytes;
    else
        *content = mq_bytes_of((const char *)before + desc_len(&v->desc),
                               (size_t)(c->p - before) - desc_len(&v->desc));
    return 1;
}

int mq_a1_section_next(mq_a1_cursor *c, uint64_t *code, mq_bytes *content)
{
    mq_a1_value v;
    return next_section(c, &v, code, content);
}

/* Adds the body section code (content at raw) to m; raw spans it. */
static int add_body(mq_a1_message *m, uint64_t code, mq_bytes raw)
{
    uint8_t kind = (uint8_t)(MQ_A1_BODY_DATA + (code - MQ_A1_D_DATA));
    if (m->body_kind && (m->body_kind != kind || kind == MQ_A1_BODY_VALUE))
        return MQ_A1_E_SECTION;
    if (!m->body_kind)
        m->body = raw;
    else
        m->body.len = (size_t)(raw.ptr + raw.len - m->body.ptr);
    m->body_kind = kind;
    m->body_count++;
    return MQ_OK;
}

static int store_section(mq_a1_message *m, const mq_a1_cursor *c, const mq_a1_value *v,
                         uint64_t code, mq_bytes content, mq_bytes raw)
{
    switch (code) {
    case MQ_A1_D_HEADER:
        m->has_header = true;
        return mq_a1_header_decode(c, v, &m->header);
    case MQ_A1_D_PROPERTIES:
        m->has_properties = true;
        return mq_a1_properties_decode(c, v, &m->properties);
    case MQ_A1_D_DELIVERY_ANNOTATIONS: m->delivery_annotations = content; return MQ_OK;
    case MQ_A1_D_MESSAGE_ANNOTATIONS: m->message_annotations = content; return MQ_OK;
    case MQ_A1_D_APPLICATION_PROPERTIES: m->application_properties = content; return MQ_OK;
    case MQ_A1_D_FOOTER: m->footer = content; return MQ_OK;
    default: return add_body(m, code, raw);
    }
}

int mq_a1_message_decode(const void *p, size_t len, mq_a1_message *m)
{
    mq_a1_cursor c;
    mq_a1_value v;
    mq_bytes content;
    uint64_t code;
    const uint8_t *before;
    int rc, last = -1, rank;
    mq_a1_message_init(m);
    mq_a1_cursor_init(&c, p, len);
    for (;;) {
        before = c.p;
        if ((rc = next_section(&c, &v, &code, &content)) <= 0)
            return rc;
        rank = section_rank(code);
        if (rank < last || (rank == last && rank != 5))
            return MQ_A1_E_SECTION;
        last = rank;
        rc = store_section(m, &c, &v, code, content, mq_a1_raw_since(&c, before));
        if (rc < 0)
            return rc;
    }
}

/* ------------------------------------------------------------------ encode */

int mq_a1_section_begin(mq_a1_writer *wr, uint64_t code)
{
    mq_a1_desc d = mq_a1_desc_num(code);
    return mq_a1_put_descriptor(wr, &d);
}

int mq_a1_data_put(mq_a1_writer *wr, const void *p, size_t len)
{
    int rc = mq_a1_section_begin(wr, MQ_A1_D_DATA);
    return rc < 0 ? rc : mq_a1_put_binary(wr, p, len);
}

/* A map section: code and a copy of the encoded map raw (len 0: none). */
static int put_map_section(mq_a1_writer *wr, uint64_t code, mq_bytes raw)
{
    mq_a1_cursor c;
    mq_a1_value v;
    int rc;
    if (!raw.len)
        return MQ_OK;
    mq_a1_cursor_init(&c, raw.ptr, raw.len);
    if (mq_a1_next(&c, &v) != 1 || v.type != MQ_A1_T_MAP || v.desc.code || c.p != c.end)
        return MQ_E_INVALID;
    if ((rc = mq_a1_section_begin(wr, code)) < 0)
        return rc;
    return mq_a1_put_value(wr, &c, &v);
}

/* The body sections of m, checked against body_kind and body_count. */
static int put_body(mq_a1_writer *wr, const mq_a1_message *m)
{
    mq_a1_cursor c;
    mq_a1_value v;
    uint64_t code;
    mq_bytes content;
    uint32_t n = 0;
    int rc;
    mq_a1_cursor_init(&c, m->body.ptr, m->body.len);
    while ((rc = next_section(&c, &v, &code, &content)) == 1) {
        if (section_rank(code) != 5 || code - MQ_A1_D_DATA + MQ_A1_BODY_DATA != m->body_kind)
            return MQ_E_INVALID;
        if ((rc = mq_a1_put_value(wr, &c, &v)) < 0)
            return rc;
        n++;
    }
    if (rc < 0 || n != m->body_count || (m->body_kind == MQ_A1_BODY_VALUE && n > 1))
        return MQ_E_INVALID;
    return MQ_OK;
}

int mq_a1_message_put(mq_a1_writer *wr, const mq_a1_message *m)
{
    int rc = MQ_OK;
    if (m->has_header)
        rc = mq_a1_header_put(wr, &m->header);
    if (rc == MQ_OK)
        rc = put_map_section(wr, MQ_A1_D_DELIVERY_ANNOTATIONS, m->delivery_annotations);
    if (rc == MQ_OK)
        rc = put_map_section(wr, MQ_A1_D_MESSAGE_ANNOTATIONS, m->message_annotations);
    if (rc == MQ_OK && m->has_properties)
        rc = mq_a1_properties_put(wr, &m->properties);
    if (rc == MQ_OK)
        rc = put_map_section(wr, MQ_A1_D_APPLICATION_PROPERTIES, m->application_properties);
    if (rc == MQ_OK)
        rc = put_body(wr, m);
    if (rc == MQ_OK)
        rc = put_map_section(wr, MQ_A1_D_FOOTER, m->footer);
    if (rc < 0 && !wr->err)
        wr->err = rc;
    return rc;
}

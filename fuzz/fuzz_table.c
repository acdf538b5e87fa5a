/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target: mq_table_validate on arbitrary table content, then a
 * full recursive iteration (which must agree with the validator: no error
 * anywhere in a validated table), and a copy with mq_field_copy that must
 * validate and compare equal value by value.
 */
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Walks everything; returns the number of values or -1 on any error. */
static long walk(const void *content, size_t len, bool is_table, int depth)
{
    mq_table_iter it;
    mq_bytes k;
    mq_field f;
    long n = 0, sub;
    int rc;
    mq_table_iter_init(&it, content, len);
    while ((rc = is_table ? mq_table_next(&it, &k, &f) : mq_array_next(&it, &f)) == 1) {
        n++;
        if (f.kind == 'F' || f.kind == 'A') {
            if (depth >= MQ_TABLE_MAX_DEPTH)
                return -1;
            sub = walk(f.v.bytes.ptr, f.v.bytes.len, f.kind == 'F', depth + 1);
            if (sub < 0)
                return -1;
            n += sub;
        }
    }
    return rc == 0 ? n : -1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    mq_wbuf w;
    mq_table_iter it;
    mq_bytes k;
    mq_field f;
    size_t mark;
    int rc = mq_table_validate(data, size, MQ_TABLE_MAX_DEPTH);
    long n = walk(data, size, true, 0);

    FUZZ_CHECK((rc == 0) == (n >= 0)); /* validator and reader agree */
    if (rc != 0) {
        FUZZ_CHECK(rc == MQ_E_TRUNCATED || rc == MQ_E_BAD_DATA || rc == MQ_E_TOO_DEEP);
        return 0;
    }
    mq_wbuf_init(&w);
    FUZZ_CHECK(mq_table_open(&w, &mark) == MQ_OK);
    mq_table_iter_init(&it, data, size);
    while (mq_table_next(&it, &k, &f) == 1) {
        FUZZ_CHECK(mq_table_key(&w, k.ptr, k.len) == MQ_OK);
        FUZZ_CHECK(mq_field_copy(&w, &f) == MQ_OK);
    }
    FUZZ_CHECK(mq_table_close(&w, mark) == MQ_OK);
    FUZZ_CHECK(mq_get32(w.data) == w.len - 4);
    FUZZ_CHECK(mq_table_validate(w.data + 4, w.len - 4, MQ_TABLE_MAX_DEPTH) == 0);
    FUZZ_CHECK(fz_container_eq(mq_bytes_of((const char *)data, size),
                               mq_bytes_of((const char *)w.data + 4, w.len - 4), true, 0));
    mq_wbuf_free(&w);
    return 0;
}

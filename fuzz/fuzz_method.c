/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target: mq_method_decode on arbitrary method payloads.  When a
 * payload decodes, it is re-encoded, and the re-encoding must decode to the
 * same values (tables compared entry by entry) and re-encode to identical
 * bytes (the encoder is canonical).
 */
#include <stdlib.h>

#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    union mq_method_args a, b;
    uint32_t id, id2;
    mq_wbuf w1, w2;
    const mq_method_info *mi;
    int rc;

    rc = mq_method_decode(data, size, &id, &a);
    if (rc != MQ_OK) {
        FUZZ_CHECK(rc < 0);
        return 0;
    }
    mi = mq_method_info_get(id);
    FUZZ_CHECK(mi != NULL && mq_method_name(id) != NULL);
    mq_wbuf_init(&w1);
    mq_wbuf_init(&w2);
    FUZZ_CHECK(mq_method_encode(&w1, id, &a) == MQ_OK);
    FUZZ_CHECK(w1.len <= size); /* never longer than the input (trailing bytes dropped) */
    FUZZ_CHECK(mq_method_decode(w1.data, w1.len, &id2, &b) == MQ_OK && id2 == id);
    FUZZ_CHECK(fz_args_eq(mi->fields, mi->nfields, &a, &b));
    FUZZ_CHECK(mq_method_encode(&w2, id, &b) == MQ_OK);
    FUZZ_CHECK(w2.len == w1.len && memcmp(w1.data, w2.data, w1.len) == 0);
    /* the whole frame helper agrees */
    mq_wbuf_reset(&w2);
    FUZZ_CHECK(mq_method_frame(&w2, 1, id, &a) == MQ_OK && w2.len == w1.len + 8 &&
               memcmp(w2.data + 7, w1.data, w1.len) == 0);
    mq_wbuf_free(&w1);
    mq_wbuf_free(&w2);
    return 0;
}

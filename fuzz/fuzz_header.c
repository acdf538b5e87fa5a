/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target: mq_header_decode on arbitrary header payloads; what
 * decodes must re-encode to bytes that decode to the same class, body size
 * and properties.
 */
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    mq_basic_properties_t a, b;
    uint16_t cls, cls2;
    uint64_t body, body2;
    mq_wbuf w;
    int rc = mq_header_decode(data, size, &cls, &body, &a);

    if (rc != MQ_OK) {
        FUZZ_CHECK(rc < 0);
        return 0;
    }
    mq_wbuf_init(&w);
    FUZZ_CHECK(mq_header_encode(&w, cls, body, &a) == MQ_OK);
    FUZZ_CHECK(w.len <= size);
    FUZZ_CHECK(mq_header_decode(w.data, w.len, &cls2, &body2, &b) == MQ_OK);
    FUZZ_CHECK(cls2 == cls && body2 == body && fz_props_eq(&a, &b));
    mq_wbuf_free(&w);
    return 0;
}

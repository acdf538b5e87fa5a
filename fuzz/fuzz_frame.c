/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target: mq_frame_parse over a whole buffer, the way the
 * connection reads its input: parse frames back to back until one is
 * incomplete or broken; decode the payload of each method and header
 * frame.  The first two input bytes pick frame_max (0 = no limit).
 */
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint32_t frame_max;
    size_t off, used = 0;
    mq_frame f;
    int rc;

    if (size < 2)
        return 0;
    frame_max = (uint32_t)mq_get16(data) * 16u; /* 0 .. ~1 MiB */
    data += 2;
    size -= 2;
    for (off = 0;; off += used) {
        used = 0;
        rc = mq_frame_parse(data + off, size - off, frame_max, &f, &used);
        if (rc != 1) {
            FUZZ_CHECK(rc == 0 || rc == MQ_E_FRAME);
            if (rc == 0) /* incomplete: it asks for more than it has */
                FUZZ_CHECK(used > size - off);
            break;
        }
        FUZZ_CHECK(used == (size_t)f.size + 8 && used <= size - off);
        FUZZ_CHECK(f.payload == data + off + 7);
        FUZZ_CHECK(frame_max == 0 || used <= frame_max);
        if (f.type == MQ_FRAME_METHOD) {
            union mq_method_args a;
            uint32_t id;
            (void)mq_method_decode(f.payload, f.size, &id, &a);
        } else if (f.type == MQ_FRAME_HEADER) {
            mq_basic_properties_t p;
            uint16_t cls;
            uint64_t body;
            (void)mq_header_decode(f.payload, f.size, &cls, &body, &p);
        }
    }
    return 0;
}

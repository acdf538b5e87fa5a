/* SPDX-License-Identifier: MIT */
/*
 * The random value generators' source of the C tests: a xorshift64* PRNG
 * (deterministic from its seed, so a failing case can be replayed) and
 * pickers that favour the values where encodings change.
 */
#ifndef MQ_TEST_RAND_H
#define MQ_TEST_RAND_H

#include <stddef.h>
#include <stdint.h>

static inline uint64_t tr_next(uint64_t *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * 2685821657736338717ull;
}

/* An integer near an encoding threshold (3 times in 4), or random. */
static inline uint64_t tr_bits(uint64_t *s)
{
    static const uint64_t edge[] = {0, 1, 127, 128, 255, 256, 0x7fff, 0xffff, 0x10000, 0x7fffffff,
                                    0xffffffff, 0x100000000ull, UINT64_MAX, 0x8000000000000000ull,
                                    (uint64_t)-1 - 127, (uint64_t)-129};
    uint64_t r = tr_next(s);
    return (r & 3) ? edge[(r >> 8) % (sizeof edge / sizeof edge[0])] : tr_next(s);
}

/* A length at a str8/str32 or list8/list32 threshold (1 time in 2), or short. */
static inline size_t tr_len(uint64_t *s)
{
    static const size_t lens[] = {0, 1, 2, 254, 255, 256, 257, 1000, 66000};
    uint64_t r = tr_next(s);
    return (r & 1) ? lens[(r >> 8) % (sizeof lens / sizeof lens[0])] : (size_t)(tr_next(s) % 40);
}

#endif

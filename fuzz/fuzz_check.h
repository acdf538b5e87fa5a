/* SPDX-License-Identifier: MIT */
/*
 * The one check every libFuzzer target uses: a failed condition traps,
 * which libFuzzer records as a crash with the input that caused it.
 */
#ifndef MQ_FUZZ_CHECK_H
#define MQ_FUZZ_CHECK_H

#define FUZZ_CHECK(cond)           \
    do {                           \
        if (!(cond))               \
            __builtin_trap();      \
    } while (0)

#endif

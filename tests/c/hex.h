/* SPDX-License-Identifier: MIT */
/*
 * Hex helpers of the C tests: expected encodings are written as "52 01 ..."
 * and mismatches are printed the same way.
 */
#ifndef MQ_TEST_HEX_H
#define MQ_TEST_HEX_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Parses "52 01 ..." into out; returns the byte count. */
static inline size_t unhex(const char *hex, uint8_t *out, size_t cap)
{
    size_t n = 0;
    unsigned v;
    int k;
    while (n < cap && sscanf(hex, " %2x%n", &v, &k) == 1) {
        out[n++] = (uint8_t)v;
        hex += k;
    }
    return n;
}

/* Writes p[0..n) as "52 01 ..." into out (cap bytes, NUL-terminated); a
 * text that does not fit ends in "...". */
static inline void tohex(const uint8_t *p, size_t n, char *out, size_t cap)
{
    size_t i, o = 0;
    out[0] = 0;
    for (i = 0; i < n && o + 4 < cap; i++)
        o += (size_t)snprintf(out + o, cap - o, "%s%02x", i ? " " : "", p[i]);
    if (i < n && cap > 4)
        snprintf(out + cap - 4, 4, "...");
}

#endif

/* SPDX-License-Identifier: MIT */
/*
 * A minimal TAP-style harness for the core's C tests.  Each check prints
 * "ok N - what" or "not ok N - what"; tap_done() prints the plan and returns
 * the process exit code (non-zero when anything failed).  tests/run.sh
 * counts these lines.
 */
#ifndef MQ_TAP_H
#define MQ_TAP_H

#include <stdio.h>
#include <stdarg.h>

static int tap_n, tap_failed;

static inline int tap_ok(int cond, const char *fmt, ...)
{
    va_list ap;
    tap_n++;
    if (!cond) tap_failed++;
    printf("%sok %d - ", cond ? "" : "not ", tap_n);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
    fflush(stdout);
    return cond;
}

/* A diagnostic line that the runner ignores. */
static inline void tap_diag(const char *fmt, ...)
{
    va_list ap;
    printf("# ");
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
}

static inline int tap_done(void)
{
    printf("1..%d\n", tap_n);
    if (tap_failed) printf("# %d of %d failed\n", tap_failed, tap_n);
    return tap_failed ? 1 : 0;
}

#define TAP_OK(cond, ...) tap_ok(!!(cond), __VA_ARGS__)
#define TAP_EQ_INT(a, b, what) \
    tap_ok((long long)(a) == (long long)(b), "%s (got %lld, want %lld)", what, (long long)(a), (long long)(b))

#endif

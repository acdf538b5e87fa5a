/* SPDX-License-Identifier: MIT */
/*
 * Shared basics: error texts, the per-connection error record and the
 * growable write buffer that every encoder appends to.  The texts of the
 * transport/protocol errors follow librabbitmq's wording because PHP users
 * of the amqp extension see (and sometimes match on) them.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "mq_common.h"

const char *mq_strerror(int code)
{
    switch (code) {
    case MQ_OK:
        return "success";
    case MQ_E_NOMEM:
        return "out of memory";
    case MQ_E_TRUNCATED:
    case MQ_E_BAD_DATA:
    case MQ_E_FRAME:
        return "invalid AMQP data";
    case MQ_E_TOO_DEEP:
        return "field table nested too deeply";
    case MQ_E_TOO_LONG:
        return "value too long to encode";
    case MQ_E_UNKNOWN_METHOD:
        return "unknown AMQP method id";
    case MQ_E_SOCKET:
        return "a socket error occurred";
    case MQ_E_CLOSED:
        return "connection closed unexpectedly";
    case MQ_E_TIMEOUT:
        return "request timed out";
    case MQ_E_HEARTBEAT:
        return "heartbeat timeout, connection closed";
    case MQ_E_RESOLVE:
        return "hostname lookup failed";
    case MQ_E_CONNECT:
        return "could not connect to host";
    case MQ_E_TLS:
        return "a SSL error occurred";
    case MQ_E_PROTOCOL:
        return "unexpected method received";
    case MQ_E_CONNECTION_CLOSED:
        return "connection closed by the server";
    case MQ_E_CHANNEL_CLOSED:
        return "channel closed by the server";
    case MQ_E_NO_CHANNEL:
        return "no channel available";
    case MQ_E_NOT_CONNECTED:
        return "connection is not open";
    case MQ_E_INTERRUPTED:
        return "wait interrupted";
    case MQ_E_AUTH:
        return "no supported SASL authentication mechanism";
    case MQ_E_INVALID:
        return "invalid argument";
    case MQ_E_BLOCKED:
        return "connection blocked by the server";
    default:
        return "unknown error";
    }
}

void mq_error_clear(mq_error *e)
{
    memset(e, 0, sizeof *e);
}

int mq_error_set(mq_error *e, int code, const char *fmt, ...)
{
    va_list ap;
    int n;

    e->code = code;
    if (!fmt) {
        snprintf(e->text, sizeof e->text, "%s", mq_strerror(code));
        return code;
    }
    va_start(ap, fmt);
    n = vsnprintf(e->text, sizeof e->text, fmt, ap);
    va_end(ap);
    if (n < 0) /* encoding error: keep a defined, terminated text */
        snprintf(e->text, sizeof e->text, "%s", mq_strerror(code));
    e->text[sizeof e->text - 1] = '\0'; /* vsnprintf terminates; belt and braces */
    return code;
}

void mq_wbuf_init(mq_wbuf *w)
{
    w->data = NULL;
    w->len = 0;
    w->cap = 0;
}

void mq_wbuf_free(mq_wbuf *w)
{
    free(w->data);
    mq_wbuf_init(w);
}

int mq_wbuf_grow(mq_wbuf *w, size_t n)
{
    size_t need, cap;
    uint8_t *p;

    if (w->cap - w->len >= n) /* len <= cap always, so no wrap-around */
        return MQ_OK;
    if (n > SIZE_MAX - w->len) /* len + n would overflow */
        return MQ_E_NOMEM;
    need = w->len + n;
    cap = w->cap ? w->cap : 256;
    while (cap < need) {
        if (cap > SIZE_MAX / 2) { /* doubling would overflow: take exactly what is needed */
            cap = need;
            break;
        }
        cap *= 2;
    }
    p = realloc(w->data, cap);
    if (!p)
        return MQ_E_NOMEM; /* realloc failure leaves the old block intact */
    w->data = p;
    w->cap = cap;
    return MQ_OK;
}

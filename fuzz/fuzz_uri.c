/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target: mq_uri_parse on arbitrary bytes.  Beyond "no crash, no
 * leak, no out-of-bounds read" (ASan/UBSan) it checks that an error leaves
 * the output empty with a non-empty text, that every string of a parsed
 * URI is NUL-terminated where its length says and lies within what the
 * input allows, and that a parsed URI re-encoded in canonical form (every
 * byte outside the unreserved set percent-encoded) parses back to equal
 * values.  mq_uri_mask runs on the same input with a small and a large
 * buffer and must agree on the length.
 */
#include <stdio.h>
#include <stdlib.h>

#include "fuzz_util.h"
#include "mq_uri.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool unreserved(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
}

static void put(mq_wbuf *w, const char *s, size_t n)
{
    FUZZ_CHECK(mq_wbuf_reserve(w, n) == MQ_OK);
    if (n)
        memcpy(w->data + w->len, s, n);
    w->len += n;
}

static void put_str(mq_wbuf *w, const char *s)
{
    put(w, s, strlen(s));
}

/* Percent-encodes everything but unreserved characters. */
static void put_enc(mq_wbuf *w, const char *s, size_t n)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t i;
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (unreserved(c)) {
            put(w, (const char *)&c, 1);
        } else {
            char e[3] = {'%', hex[c >> 4], hex[c & 15]};
            put(w, e, 3);
        }
    }
}

static void put_param(mq_wbuf *w, const char *name, const char *value)
{
    put_str(w, "&");
    put_str(w, name);
    put_str(w, "=");
    put_enc(w, value, strlen(value));
}

static void put_num(mq_wbuf *w, const char *name, unsigned long long v)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%llu", v);
    put_param(w, name, buf);
}

static bool str_eq(const char *a, const char *b)
{
    return (a == NULL) == (b == NULL) && (!a || strcmp(a, b) == 0);
}

/* The canonical form of a parsed URI. */
static void encode(mq_wbuf *w, const mq_uri *u)
{
    put_str(w, u->tls ? "amqps://" : "amqp://");
    if (u->set & MQ_URI_USER) {
        put_enc(w, u->user.ptr, u->user.len);
        if (u->set & MQ_URI_PASSWORD) {
            put_str(w, ":");
            put_enc(w, u->password.ptr, u->password.len);
        }
        put_str(w, "@");
    }
    if (u->set & MQ_URI_HOST) {
        if (u->host_is_ipv6) {
            const char *pct = strchr(u->host, '%');
            size_t addr = pct ? (size_t)(pct - u->host) : strlen(u->host);
            put_str(w, "[");
            put(w, u->host, addr);
            if (pct) {
                put_str(w, "%25");
                put_enc(w, pct + 1, strlen(pct + 1));
            }
            put_str(w, "]");
        } else {
            put_enc(w, u->host, strlen(u->host));
        }
    }
    if (u->set & MQ_URI_PORT) {
        char buf[16];
        snprintf(buf, sizeof buf, ":%u", (unsigned)u->port);
        put_str(w, buf);
    }
    if (u->set & MQ_URI_VHOST) {
        put_str(w, "/");
        put_enc(w, u->vhost.ptr, u->vhost.len);
    }
    put_str(w, "?");
    if (u->set & MQ_URI_HEARTBEAT)
        put_num(w, "heartbeat", u->heartbeat);
    if (u->set & MQ_URI_CONNECTION_TIMEOUT)
        put_num(w, "connection_timeout", (unsigned long long)(u->connection_timeout * 1000.0 + 0.5));
    if (u->set & MQ_URI_CHANNEL_MAX)
        put_num(w, "channel_max", u->channel_max);
    if (u->set & MQ_URI_FRAME_MAX)
        put_num(w, "frame_max", u->frame_max);
    if (u->set & MQ_URI_AUTH_MECHANISM)
        put_param(w, "auth_mechanism", u->auth_mechanism ? "EXTERNAL" : "plain");
    if (u->set & MQ_URI_CACERTFILE)
        put_param(w, "cacertfile", u->cacertfile);
    if (u->set & MQ_URI_CERTFILE)
        put_param(w, "certfile", u->certfile);
    if (u->set & MQ_URI_KEYFILE)
        put_param(w, "keyfile", u->keyfile);
    if (u->set & MQ_URI_VERIFY)
        put_param(w, "verify", u->verify ? "verify_peer" : "false");
    if (u->set & MQ_URI_SERVER_NAME_INDICATION)
        put_param(w, "server_name_indication", u->server_name_indication);
}

static void check_strings(const mq_uri *u, size_t size)
{
    /* parts the URI gave are no longer than the input; defaults are fixed */
    FUZZ_CHECK(u->user.ptr && u->user.ptr[u->user.len] == '\0');
    FUZZ_CHECK((u->set & MQ_URI_USER) ? u->user.len <= size : fz_bytes_eq(u->user, mq_cstr("guest")));
    FUZZ_CHECK(u->password.ptr && u->password.ptr[u->password.len] == '\0');
    FUZZ_CHECK((u->set & MQ_URI_PASSWORD) ? u->password.len <= size
                                          : fz_bytes_eq(u->password, mq_cstr("guest")));
    FUZZ_CHECK(u->vhost.ptr && u->vhost.ptr[u->vhost.len] == '\0');
    FUZZ_CHECK((u->set & MQ_URI_VHOST) ? u->vhost.len <= size : fz_bytes_eq(u->vhost, mq_cstr("/")));
    FUZZ_CHECK(u->host && strlen(u->host) > 0);
    FUZZ_CHECK((u->set & MQ_URI_HOST) ? strlen(u->host) <= size : strcmp(u->host, "localhost") == 0);
    FUZZ_CHECK((u->set & MQ_URI_PORT) || u->port == (u->tls ? 5671 : 5672));
    FUZZ_CHECK(u->port > 0);
    FUZZ_CHECK(!u->cacertfile == !(u->set & MQ_URI_CACERTFILE));
    FUZZ_CHECK(!u->certfile == !(u->set & MQ_URI_CERTFILE));
    FUZZ_CHECK(!u->keyfile == !(u->set & MQ_URI_KEYFILE));
    FUZZ_CHECK(!u->server_name_indication == !(u->set & MQ_URI_SERVER_NAME_INDICATION));
    FUZZ_CHECK(!u->cacertfile || (*u->cacertfile && strlen(u->cacertfile) <= size));
    FUZZ_CHECK(u->auth_mechanism == MQ_SASL_PLAIN || u->auth_mechanism == MQ_SASL_EXTERNAL);
    FUZZ_CHECK(u->connection_timeout >= 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const mq_uri zero;
    const char *s = (const char *)data;
    mq_uri u, v;
    mq_error err;
    mq_wbuf w;
    char small[8], large[64];
    size_t n1, n2;
    int rc;

    n1 = mq_uri_mask(s, size, small, sizeof small);
    n2 = mq_uri_mask(s, size, large, sizeof large);
    FUZZ_CHECK(n1 == n2 && small[n1 < sizeof small ? n1 : sizeof small - 1] == '\0');
    FUZZ_CHECK(large[n2 < sizeof large ? n2 : sizeof large - 1] == '\0');
    FUZZ_CHECK(memcmp(small, large, n1 < sizeof small ? n1 : sizeof small - 1) == 0);

    rc = mq_uri_parse(s, size, &u, &err);
    if (rc != MQ_OK) {
        FUZZ_CHECK(rc == MQ_E_INVALID || rc == MQ_E_NOMEM);
        FUZZ_CHECK(err.code == rc && err.text[0] != '\0' && memchr(err.text, '\0', sizeof err.text));
        FUZZ_CHECK(memcmp(&u, &zero, sizeof u) == 0);
        return 0;
    }
    check_strings(&u, size);

    /* canonical form -> the same values */
    mq_wbuf_init(&w);
    encode(&w, &u);
    rc = mq_uri_parse((const char *)w.data, w.len, &v, &err);
    FUZZ_CHECK(rc == MQ_OK);
    FUZZ_CHECK(v.set == u.set && v.tls == u.tls && v.host_is_ipv6 == u.host_is_ipv6);
    FUZZ_CHECK(fz_bytes_eq(v.user, u.user) && fz_bytes_eq(v.password, u.password) &&
               fz_bytes_eq(v.vhost, u.vhost));
    FUZZ_CHECK(strcmp(v.host, u.host) == 0 && v.port == u.port);
    FUZZ_CHECK(v.heartbeat == u.heartbeat && v.channel_max == u.channel_max &&
               v.frame_max == u.frame_max && v.auth_mechanism == u.auth_mechanism &&
               v.verify == u.verify && v.connection_timeout == u.connection_timeout);
    FUZZ_CHECK(str_eq(v.cacertfile, u.cacertfile) && str_eq(v.certfile, u.certfile) &&
               str_eq(v.keyfile, u.keyfile) &&
               str_eq(v.server_name_indication, u.server_name_indication));
    mq_uri_free(&v);
    mq_wbuf_free(&w);
    mq_uri_free(&u);
    return 0;
}

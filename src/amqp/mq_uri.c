/* SPDX-License-Identifier: MIT */
/*
 * RabbitMQ connection URIs: the parser behind mq_uri.h.  One pass over the
 * input splits it into scheme, user info, host, port, path and query; each
 * part is checked against its RFC 3986 character set and percent-decoded
 * into one block allocated up front.  Decoding never makes a part longer,
 * so the block needs at most the input's length plus one terminator per
 * kept string (user, password, host, vhost and four string parameters);
 * query names and numeric values are decoded there too, then dropped again
 * (the cursor is rewound), so they never add up.  Error texts name the part
 * and never quote the user info, host or port (see mq_uri.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mq_uri.h"

/* Strings that the block may have to keep, each with its NUL terminator:
 * user, password, host, vhost, cacertfile, certfile, keyfile, SNI; plus one
 * temporary (a parameter name or value) at a time. */
#define URI_TERMINATORS 9

/* The output block: decoded parts are appended at len. */
typedef struct uri_out {
    char *base; /* malloc'd block */
    size_t len; /* bytes used */
    size_t cap; /* bytes allocated */
} uri_out;

/* ---- character classes (RFC 3986) ----------------------------------------- */

enum {
    CC_UNRESERVED = 1 << 0, /* ALPHA DIGIT - . _ ~ */
    CC_SUBDELIM = 1 << 1,   /* ! $ & ' ( ) * + , ; = */
    CC_COLON = 1 << 2,      /* : */
    CC_QUERY_EXTRA = 1 << 3 /* / ? (allowed in a query) */
};

/* What each part allows besides pct-encoded ('%' is handled separately). */
#define CLS_USERINFO (CC_UNRESERVED | CC_SUBDELIM | CC_COLON)
#define CLS_HOST (CC_UNRESERVED | CC_SUBDELIM)
#define CLS_PATH (CC_UNRESERVED | CC_SUBDELIM | CC_COLON) /* '@' refused earlier */
#define CLS_QUERY (CC_UNRESERVED | CC_SUBDELIM | CC_COLON | CC_QUERY_EXTRA)

static int char_class(unsigned char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~')
        return CC_UNRESERVED;
    switch (c) {
    case '!': case '$': case '&': case '\'': case '(': case ')':
    case '*': case '+': case ',': case ';': case '=':
        return CC_SUBDELIM;
    case ':':
        return CC_COLON;
    case '/': case '?':
        return CC_QUERY_EXTRA;
    default:
        return 0;
    }
}

static int hex_value(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static bool is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static unsigned char lower(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c - 'A' + 'a') : c;
}

/* Case-insensitive comparison of a byte range with a lower-case literal. */
static bool eq_nocase(mq_bytes b, const char *lit)
{
    size_t n = strlen(lit), i;
    if (b.len != n)
        return false;
    for (i = 0; i < n; i++)
        if (lower((unsigned char)b.ptr[i]) != (unsigned char)lit[i])
            return false;
    return true;
}

/* The first byte of [p, end) that is in `set` (never NUL), or end. */
static const char *find_any(const char *p, const char *end, const char *set)
{
    for (; p < end; p++)
        if (strchr(set, *p) && *p != '\0')
            return p;
    return end;
}

/* ---- errors ------------------------------------------------------------- */

static int fail(mq_error *err, const char *text)
{
    if (err)
        mq_error_set(err, MQ_E_INVALID, "%s", text);
    return MQ_E_INVALID;
}

/* "<fmt with %s>" with a parameter name made safe to show: printable ASCII
 * only ('?' for anything else, including '%' and quotes) and at most 40
 * bytes ("..." appended when cut).  Parameter names are never secret; the
 * '@' check has already ruled out a password spilled into the query. */
static int fail_param(mq_error *err, const char *fmt, mq_bytes name)
{
    char safe[48];
    size_t i, n = name.len > 40 ? 40 : name.len;

    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)name.ptr[i];
        safe[i] = (c >= 0x20 && c < 0x7f && c != '%' && c != '\'' && c != '"' && c != '\\')
                      ? (char)c : '?';
    }
    if (name.len > n) {
        memcpy(safe + n, "...", 3);
        n += 3;
    }
    safe[n] = '\0';
    if (err)
        mq_error_set(err, MQ_E_INVALID, fmt, safe);
    return MQ_E_INVALID;
}

/* ---- decoding --------------------------------------------------------------- */

/* Checks raw[0..n) against the character class `cls`, percent-decodes it
 * into the block and terminates it with NUL.  `what` names the part in
 * errors ("the user name").  *res views the decoded bytes. */
static int decode(uri_out *o, const char *raw, size_t n, int cls, const char *what, mq_bytes *res,
                  mq_error *err)
{
    char *dst;
    size_t i;
    char text[96];

    /* decoded length <= n, plus the terminator; cap - len cannot underflow */
    if (n + 1 > o->cap - o->len) {
        if (err)
            mq_error_set(err, MQ_E_NOMEM, "URI parser: block too small");
        return MQ_E_NOMEM; /* cannot happen: the block is sized for the input */
    }
    dst = o->base + o->len;
    *res = mq_bytes_of(dst, 0);
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)raw[i];
        if (c == '%') {
            int hi, lo;
            /* i + 2 < n written as n - i > 2: no overflow */
            if (n - i <= 2 || (hi = hex_value((unsigned char)raw[i + 1])) < 0 ||
                (lo = hex_value((unsigned char)raw[i + 2])) < 0) {
                snprintf(text, sizeof text, "invalid percent-encoding in %s", what);
                return fail(err, text);
            }
            *dst++ = (char)(hi * 16 + lo);
            i += 2;
        } else if (char_class(c) & cls) {
            *dst++ = (char)c;
        } else {
            snprintf(text, sizeof text, "invalid character in %s", what);
            return fail(err, text);
        }
    }
    *dst = '\0';
    res->len = (size_t)(dst - res->ptr);
    o->len += res->len + 1;
    return MQ_OK;
}

/* A decimal number of 1+ digits, at most max (no sign, no spaces). */
static bool parse_uint(mq_bytes b, uint64_t max, uint64_t *out)
{
    uint64_t v = 0;
    size_t i;

    if (b.len == 0)
        return false;
    for (i = 0; i < b.len; i++) {
        unsigned char c = (unsigned char)b.ptr[i];
        if (!is_digit(c))
            return false;
        /* v * 10 + d <= max, tested without overflow */
        if (v > (max - (uint64_t)(c - '0')) / 10)
            return false;
        v = v * 10 + (uint64_t)(c - '0');
    }
    *out = v;
    return true;
}

/* ---- host ------------------------------------------------------------------- */

/* A dotted-quad IPv4 address (RFC 3986 dec-octet: no leading zeros). */
static bool ipv4_valid(const char *s, size_t n)
{
    size_t i = 0;
    int part;

    for (part = 0; part < 4; part++) {
        size_t start = i;
        unsigned v = 0;
        if (part > 0) {
            if (i >= n || s[i] != '.')
                return false;
            start = ++i;
        }
        while (i < n && is_digit((unsigned char)s[i]) && i - start < 3)
            v = v * 10 + (unsigned)(s[i++] - '0');
        if (i == start || v > 255 || (i - start > 1 && s[start] == '0'))
            return false;
    }
    return i == n;
}

/* An IPv6 address (RFC 4291 text form, optional IPv4 tail). */
static bool ipv6_valid(const char *s, size_t n)
{
    size_t i = 0;
    int groups = 0;
    bool elided = false;

    if (n >= 2 && s[0] == ':' && s[1] == ':') {
        elided = true;
        i = 2;
        if (i == n)
            return true; /* "::" */
    } else if (n == 0 || s[0] == ':') {
        return false;
    }
    for (;;) {
        size_t start = i;
        while (i < n && hex_value((unsigned char)s[i]) >= 0 && i - start < 5)
            i++;
        if (i < n && s[i] == '.') {
            /* an IPv4 tail takes the place of the last two groups */
            if (!ipv4_valid(s + start, n - start))
                return false;
            groups += 2;
            break;
        }
        if (i == start || i - start > 4)
            return false;
        groups++;
        if (i == n)
            break;
        if (s[i] != ':')
            return false;
        i++;
        if (i < n && s[i] == ':') {
            if (elided)
                return false; /* only one "::" */
            elided = true;
            i++;
            if (i == n)
                break;
        } else if (i == n) {
            return false; /* trailing single ':' */
        }
        if (groups > 8)
            return false;
    }
    return elided ? groups <= 7 : groups == 8;
}

/* "[v6]" or "[v6%25zone]" (RFC 6874): raw is the text between the
 * brackets.  The host becomes "v6" or "v6%zone" (getaddrinfo's form). */
static int parse_ipv6(uri_out *o, const char *raw, size_t n, mq_uri *u, mq_error *err)
{
    const char *zone = NULL;
    size_t addr_len = n, i;
    mq_bytes zone_dec;
    char *host;

    for (i = 0; i < n; i++) {
        if (raw[i] == '%') {
            zone = raw + i;
            addr_len = i;
            break;
        }
    }
    if (!ipv6_valid(raw, addr_len))
        return fail(err, "invalid IPv6 address in URI");
    /* addr_len + '%' or NUL, then the zone (decode checks its own room) */
    if (addr_len + 1 > o->cap - o->len)
        return fail(err, "URI parser: block too small"); /* cannot happen */
    host = o->base + o->len;
    memcpy(host, raw, addr_len);
    o->len += addr_len;
    if (zone) {
        int rc;
        /* the zone must start with "%25" and be non-empty */
        if (n - addr_len < 4 || raw[addr_len + 1] != '2' || raw[addr_len + 2] != '5')
            return fail(err, "invalid IPv6 zone in URI (write it as %25zone)");
        o->base[o->len++] = '%';
        rc = decode(o, zone + 3, n - addr_len - 3, CC_UNRESERVED, "the IPv6 zone", &zone_dec, err);
        if (rc != MQ_OK)
            return rc;
        if (memchr(zone_dec.ptr, '\0', zone_dec.len))
            return fail(err, "NUL byte in the IPv6 zone");
    } else {
        o->base[o->len++] = '\0';
    }
    u->host = host;
    u->host_is_ipv6 = true;
    return MQ_OK;
}

/* host [":" port] */
static int parse_hostport(uri_out *o, const char *p, const char *end, mq_uri *u, mq_error *err)
{
    const char *host_end, *port = NULL;
    int rc;

    if (p < end && *p == '[') {
        const char *close = memchr(p, ']', (size_t)(end - p));
        if (!close)
            return fail(err, "invalid IPv6 address in URI (no closing ']')");
        if (close + 1 < end && close[1] != ':')
            return fail(err, "invalid host in URI (unexpected text after ']')");
        rc = parse_ipv6(o, p + 1, (size_t)(close - p - 1), u, err);
        if (rc != MQ_OK)
            return rc;
        u->set |= MQ_URI_HOST;
        host_end = close + 1;
    } else {
        mq_bytes h;
        host_end = memchr(p, ':', (size_t)(end - p));
        if (!host_end)
            host_end = end;
        if (host_end > p) {
            rc = decode(o, p, (size_t)(host_end - p), CLS_HOST, "the host", &h, err);
            if (rc != MQ_OK)
                return rc;
            if (memchr(h.ptr, '\0', h.len))
                return fail(err, "NUL byte in the host");
            if (h.len > 0) {
                u->host = h.ptr;
                u->set |= MQ_URI_HOST;
            }
        }
    }
    if (host_end < end) {
        uint64_t v;
        port = host_end + 1; /* after ':' */
        if (port < end) {
            if (!parse_uint(mq_bytes_of(port, (size_t)(end - port)), 65535, &v) || v == 0)
                return fail(err, "invalid port in URI");
            u->port = (uint16_t)v;
            u->set |= MQ_URI_PORT;
        }
        /* "host:" (empty port): the default, as RFC 3986 says */
    }
    return MQ_OK;
}

/* ---- query parameters ------------------------------------------------- */

/* The field of a string parameter (cacertfile, certfile, keyfile, SNI). */
static const char **param_string_field(mq_uri *u, uint32_t bit)
{
    switch (bit) {
    case MQ_URI_CACERTFILE: return &u->cacertfile;
    case MQ_URI_CERTFILE: return &u->certfile;
    case MQ_URI_KEYFILE: return &u->keyfile;
    default: return &u->server_name_indication;
    }
}

/* The known parameters; names are matched case-sensitively after decoding. */
static const struct uri_param {
    const char *name;
    uint32_t bit;
} uri_params[] = {
    {"heartbeat", MQ_URI_HEARTBEAT},
    {"connection_timeout", MQ_URI_CONNECTION_TIMEOUT},
    {"channel_max", MQ_URI_CHANNEL_MAX},
    {"frame_max", MQ_URI_FRAME_MAX},
    {"auth_mechanism", MQ_URI_AUTH_MECHANISM},
    {"cacertfile", MQ_URI_CACERTFILE},
    {"certfile", MQ_URI_CERTFILE},
    {"keyfile", MQ_URI_KEYFILE},
    {"verify", MQ_URI_VERIFY},
    {"server_name_indication", MQ_URI_SERVER_NAME_INDICATION},
};

/* One "name=value" pair (raw, non-empty).  The decoded name is checked
 * (unknown, duplicate, no '=') before the value, then dropped; numeric and
 * keyword values are dropped after parsing, file names and the SNI kept. */
static int parse_param(uri_out *o, const char *p, const char *end, mq_uri *u, mq_error *err)
{
    const char *eq = memchr(p, '=', (size_t)(end - p));
    const struct uri_param *def = NULL;
    size_t mark = o->len, i;
    mq_bytes name, value;
    uint64_t v;
    int rc;

    rc = decode(o, p, (size_t)((eq ? eq : end) - p), CLS_QUERY, "the URI parameters", &name, err);
    if (rc != MQ_OK)
        return rc;
    for (i = 0; i < sizeof uri_params / sizeof uri_params[0]; i++) {
        if (name.len == strlen(uri_params[i].name) &&
            memcmp(name.ptr, uri_params[i].name, name.len) == 0) {
            def = &uri_params[i];
            break;
        }
    }
    if (!def)
        return fail_param(err, "unknown URI parameter '%s'", name);
    if (u->set & def->bit)
        return fail_param(err, "duplicate URI parameter '%s'", name);
    if (!eq)
        return fail_param(err, "URI parameter '%s' has no value", name);
    o->len = mark; /* the name is not kept */
    rc = decode(o, eq + 1, (size_t)(end - eq - 1), CLS_QUERY, "the URI parameters", &value, err);
    if (rc != MQ_OK)
        return rc;
    u->set |= def->bit;
    switch (def->bit) {
    case MQ_URI_HEARTBEAT:
        if (!parse_uint(value, 65535, &v))
            break;
        u->heartbeat = (uint16_t)v;
        o->len = mark;
        return MQ_OK;
    case MQ_URI_CONNECTION_TIMEOUT:
        /* milliseconds, at most 2^32 - 1 (49.7 days): exact as a double
         * and turned back into the same milliseconds */
        if (!parse_uint(value, UINT32_MAX, &v))
            break;
        u->connection_timeout = (double)v / 1000.0;
        o->len = mark;
        return MQ_OK;
    case MQ_URI_CHANNEL_MAX:
        if (!parse_uint(value, 65535, &v))
            break;
        u->channel_max = (uint16_t)v;
        o->len = mark;
        return MQ_OK;
    case MQ_URI_FRAME_MAX:
        if (!parse_uint(value, UINT32_MAX, &v))
            break;
        u->frame_max = (uint32_t)v;
        o->len = mark;
        return MQ_OK;
    case MQ_URI_AUTH_MECHANISM:
        if (eq_nocase(value, "plain"))
            u->auth_mechanism = MQ_SASL_PLAIN;
        else if (eq_nocase(value, "external"))
            u->auth_mechanism = MQ_SASL_EXTERNAL;
        else
            break;
        o->len = mark;
        return MQ_OK;
    case MQ_URI_VERIFY:
        if (eq_nocase(value, "verify_peer") || eq_nocase(value, "true") ||
            eq_nocase(value, "on") || eq_nocase(value, "yes") || eq_nocase(value, "1"))
            u->verify = true;
        else if (eq_nocase(value, "verify_none") || eq_nocase(value, "false") ||
                 eq_nocase(value, "off") || eq_nocase(value, "no") || eq_nocase(value, "0"))
            u->verify = false;
        else
            break;
        o->len = mark;
        return MQ_OK;
    default: /* file names and the server name: kept */
        if (value.len == 0 || memchr(value.ptr, '\0', value.len))
            break;
        *param_string_field(u, def->bit) = value.ptr;
        return MQ_OK;
    }
    return fail_param(err, "invalid value for URI parameter '%s'", mq_cstr(def->name));
}

static int parse_query(uri_out *o, const char *p, const char *end, mq_uri *u, mq_error *err)
{
    while (p < end) {
        const char *amp = memchr(p, '&', (size_t)(end - p));
        if (!amp)
            amp = end;
        if (amp > p) {
            int rc = parse_param(o, p, amp, u, err);
            if (rc != MQ_OK)
                return rc;
        }
        p = amp + (amp < end);
    }
    return MQ_OK;
}

/* ---- the whole URI ---------------------------------------------------------- */

static int parse(const char *s, size_t len, uri_out *o, mq_uri *u, mq_error *err)
{
    const char *end = s + len, *p, *auth_end, *at, *path_end;
    mq_bytes b;
    int rc;

    /* scheme (case-insensitive) and "//" */
    if (len >= 8 && eq_nocase(mq_bytes_of(s, 8), "amqps://")) {
        u->tls = true;
        u->port = MQ_URI_PORT_AMQPS;
        p = s + 8;
    } else if (len >= 7 && eq_nocase(mq_bytes_of(s, 7), "amqp://")) {
        u->port = MQ_URI_PORT_AMQP;
        p = s + 7;
    } else {
        return fail(err, "invalid URI scheme (expected amqp:// or amqps://)");
    }

    /* The authority ends at the first '/', '?' or '#'.  A '@' after it
     * means a user name or password with an unencoded '/', '?', '#' (or a
     * second '@'): refuse it before anything could quote that text. */
    auth_end = find_any(p, end, "/?#");
    if (memchr(auth_end, '@', (size_t)(end - auth_end)))
        return fail(err, "unexpected '@' after the host in URI (percent-encode '@', '/', '?', '#' "
                         "in the user name and password as %40, %2F, %3F, %23)");
    if (memchr(auth_end, '#', (size_t)(end - auth_end)))
        return fail(err, "fragment ('#') not allowed in URI");

    /* user info */
    at = memchr(p, '@', (size_t)(auth_end - p));
    if (at) {
        const char *colon;
        if (memchr(at + 1, '@', (size_t)(auth_end - at - 1)))
            return fail(err, "more than one '@' in URI (percent-encode '@' in the user name or "
                             "password as %40)");
        colon = memchr(p, ':', (size_t)(at - p));
        rc = decode(o, p, (size_t)((colon ? colon : at) - p), CLS_USERINFO, "the user name", &b, err);
        if (rc != MQ_OK)
            return rc;
        u->user = b;
        u->set |= MQ_URI_USER;
        if (colon) {
            rc = decode(o, colon + 1, (size_t)(at - colon - 1), CLS_USERINFO, "the password", &b, err);
            if (rc != MQ_OK)
                return rc;
            u->password = b;
            u->set |= MQ_URI_PASSWORD;
        }
        p = at + 1;
    }

    rc = parse_hostport(o, p, auth_end, u, err);
    if (rc != MQ_OK)
        return rc;

    /* path: the vhost */
    p = auth_end;
    path_end = find_any(p, end, "?");
    if (p < path_end) { /* starts with '/' */
        if (memchr(p + 1, '/', (size_t)(path_end - p - 1)))
            return fail(err, "invalid vhost in URI: more than one path segment (write a '/' in "
                             "the vhost as %2F)");
        rc = decode(o, p + 1, (size_t)(path_end - p - 1), CLS_PATH, "the vhost", &b, err);
        if (rc != MQ_OK)
            return rc;
        u->vhost = b;
        u->set |= MQ_URI_VHOST;
    }

    /* query */
    if (path_end < end)
        return parse_query(o, path_end + 1, end, u, err);
    return MQ_OK;
}

int mq_uri_parse(const char *uri, size_t len, mq_uri *out, mq_error *err)
{
    uri_out o;
    mq_uri u;
    int rc;

    memset(out, 0, sizeof *out);
    if (err)
        mq_error_clear(err);
    if (!uri || len == 0)
        return fail(err, "empty URI");
    if (len > SIZE_MAX - URI_TERMINATORS)
        return fail(err, "URI too long");
    o.cap = len + URI_TERMINATORS;
    o.len = 0;
    o.base = malloc(o.cap);
    if (!o.base) {
        if (err)
            mq_error_set(err, MQ_E_NOMEM, "out of memory");
        return MQ_E_NOMEM;
    }
    memset(&u, 0, sizeof u);
    rc = parse(uri, len, &o, &u, err);
    if (rc != MQ_OK) {
        free(o.base);
        return rc;
    }
    /* the spec's defaults for what the URI left out */
    if (!(u.set & MQ_URI_USER))
        u.user = mq_cstr("guest");
    if (!(u.set & MQ_URI_PASSWORD))
        u.password = mq_cstr("guest");
    if (!(u.set & MQ_URI_HOST))
        u.host = "localhost";
    if (!(u.set & MQ_URI_VHOST))
        u.vhost = mq_cstr("/");
    u.block = o.base;
    *out = u;
    return MQ_OK;
}

void mq_uri_free(mq_uri *u)
{
    if (!u)
        return;
    free(u->block);
    memset(u, 0, sizeof *u);
}

/* ---- display ------------------------------------------------------------- */

/* Appends src[0..n) at out[pos..], keeping room for the terminator;
 * returns the new (untruncated) position. */
static size_t mask_put(char *out, size_t outsize, size_t pos, const char *src, size_t n)
{
    if (outsize > 0 && pos < outsize - 1) {
        size_t room = outsize - 1 - pos;
        if (n > 0)
            memcpy(out + pos, src, n < room ? n : room);
    }
    return pos + n;
}

size_t mq_uri_mask(const char *uri, size_t len, char *out, size_t outsize)
{
    static const char mask[] = "********";
    const char *start, *end, *at = NULL, *colon = NULL, *q;
    size_t n = 0;

    if (!uri || len == 0) {
        if (outsize > 0)
            out[0] = '\0';
        return 0;
    }
    end = uri + len;
    /* after "scheme://" when the text starts with one, else from the start */
    start = uri;
    for (q = uri; len >= 3 && q < end - 2; q++) {
        if (q[0] == ':' && q[1] == '/' && q[2] == '/') {
            start = q + 3;
            break;
        }
        if (q[0] == '/' || q[0] == '@')
            break;
    }
    /* the last '@' ends the user info (over-masks rather than leaks) */
    for (q = end; q > start; q--) {
        if (q[-1] == '@') {
            at = q - 1;
            break;
        }
    }
    if (at)
        colon = memchr(start, ':', (size_t)(at - start));
    if (colon) {
        /* uri[0..colon] "********" uri[at..len) */
        n = mask_put(out, outsize, n, uri, (size_t)(colon + 1 - uri));
        n = mask_put(out, outsize, n, mask, sizeof mask - 1);
        n = mask_put(out, outsize, n, at, (size_t)(end - at));
    } else {
        n = mask_put(out, outsize, n, uri, len);
    }
    if (outsize > 0)
        out[n < outsize ? n : outsize - 1] = '\0';
    return n;
}

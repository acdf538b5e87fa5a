/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of the URI parser (src/amqp/mq_uri.c): the examples of
 * RabbitMQ's URI spec, every default, every query parameter with its edge
 * values, IPv4 and IPv6 hosts, percent-decoding (NUL bytes, %2f), empty vs
 * absent parts, every kind of malformed input with its error text, the
 * rule that no error text ever shows the password, very long inputs and
 * the display mask.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mq_conn.h"
#include "mq_uri.h"
#include "tap.h"

/* ---- helpers ----------------------------------------------------------- */

static bool bytes_is(mq_bytes b, const char *p, size_t n)
{
    return b.len == n && (n == 0 || memcmp(b.ptr, p, n) == 0) && b.ptr && b.ptr[n] == '\0';
}

static bool str_is(mq_bytes b, const char *s)
{
    return bytes_is(b, s, strlen(s));
}

static bool cstr_is(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

static bool is_empty(const mq_uri *u)
{
    static const mq_uri zero;
    return memcmp(u, &zero, sizeof zero) == 0;
}

/* Parses a C string; reports a failure as a test line. */
static bool parse_ok(const char *s, mq_uri *u)
{
    mq_error err;
    int rc = mq_uri_parse(s, strlen(s), u, &err);
    if (rc != MQ_OK) {
        tap_ok(0, "parse %s (rc %d: %s)", s, rc, err.text);
        return false;
    }
    return true;
}

/* Expects MQ_E_INVALID with exactly `text` (or containing it when
 * `exact` is false); the output must be left empty. */
static void bad_len(const char *label, const char *s, size_t len, const char *text, bool exact)
{
    mq_uri u;
    mq_error err;
    int rc;

    memset(&u, 0x5a, sizeof u); /* must be emptied */
    rc = mq_uri_parse(s, len, &u, &err);
    tap_ok(rc == MQ_E_INVALID && err.code == MQ_E_INVALID &&
               (exact ? strcmp(err.text, text) == 0 : strstr(err.text, text) != NULL) &&
               is_empty(&u),
           "rejects %s: \"%s\" (rc %d)", label, err.text, rc);
    if (rc == MQ_OK)
        mq_uri_free(&u);
}

static void bad(const char *s, const char *text)
{
    bad_len(s, s, strlen(s), text, true);
}

static void bad_has(const char *s, const char *text)
{
    bad_len(s, s, strlen(s), text, false);
}

/* ---- the spec's examples and the defaults -------------------------------- */

static void test_defaults(void)
{
    mq_uri u;

    if (parse_ok("amqp://", &u)) {
        TAP_EQ_INT(u.set, 0, "amqp://: nothing set");
        TAP_OK(!u.tls && u.port == 5672, "amqp://: plain, port 5672");
        TAP_OK(str_is(u.user, "guest") && str_is(u.password, "guest"), "amqp://: guest/guest");
        TAP_OK(cstr_is(u.host, "localhost") && !u.host_is_ipv6, "amqp://: host localhost");
        TAP_OK(str_is(u.vhost, "/"), "amqp://: vhost /");
        TAP_OK(u.heartbeat == 0 && u.connection_timeout == 0 && u.channel_max == 0 &&
                   u.frame_max == 0 && u.auth_mechanism == MQ_SASL_PLAIN && !u.verify,
               "amqp://: numeric parameters 0");
        TAP_OK(!u.cacertfile && !u.certfile && !u.keyfile && !u.server_name_indication,
               "amqp://: string parameters NULL");
        mq_uri_free(&u);
        TAP_OK(is_empty(&u), "mq_uri_free empties the struct");
        mq_uri_free(&u);
        mq_uri_free(NULL);
        TAP_OK(is_empty(&u), "mq_uri_free twice (and on NULL) leaves the struct empty");
    }
    if (parse_ok("amqps://", &u)) {
        TAP_OK(u.tls && u.port == 5671 && u.set == 0, "amqps://: TLS, port 5671");
        mq_uri_free(&u);
    }
    if (parse_ok("AMQPS://H", &u)) {
        TAP_OK(u.tls && u.port == 5671 && cstr_is(u.host, "H"), "scheme is case-insensitive (AMQPS)");
        mq_uri_free(&u);
    }
    if (parse_ok("AmQp://h", &u)) {
        TAP_OK(!u.tls && u.port == 5672, "scheme is case-insensitive (AmQp)");
        mq_uri_free(&u);
    }
    if (parse_ok("amqps://h:5672", &u)) {
        TAP_OK(u.tls && u.port == 5672 && (u.set & MQ_URI_PORT), "amqps with explicit port 5672");
        mq_uri_free(&u);
    }
}

static void test_spec_examples(void)
{
    mq_uri u;

    if (parse_ok("amqp://user:pass@host:10000/vhost", &u)) {
        TAP_OK(str_is(u.user, "user") && str_is(u.password, "pass") && cstr_is(u.host, "host") &&
                   u.port == 10000 && str_is(u.vhost, "vhost"),
               "spec: amqp://user:pass@host:10000/vhost");
        TAP_EQ_INT(u.set, MQ_URI_USER | MQ_URI_PASSWORD | MQ_URI_HOST | MQ_URI_PORT | MQ_URI_VHOST,
                   "spec: all five parts set");
        mq_uri_free(&u);
    }
    if (parse_ok("amqp://user%61:%61pass@ho%61st:10000/v%2fhost", &u)) {
        TAP_OK(str_is(u.user, "usera") && str_is(u.password, "apass") && cstr_is(u.host, "hoast") &&
                   u.port == 10000 && str_is(u.vhost, "v/host"),
               "spec: percent-decoding of user, password, host, vhost");
        mq_uri_free(&u);
    }
    if (parse_ok("amqp://:@/", &u)) {
        TAP_OK(str_is(u.user, "") && str_is(u.password, "") && str_is(u.vhost, "") &&
                   cstr_is(u.host, "localhost"),
               "spec: amqp://:@/ -> empty user, password, vhost; default host");
        TAP_EQ_INT(u.set, MQ_URI_USER | MQ_URI_PASSWORD | MQ_URI_VHOST, "spec: amqp://:@/ set bits");
        mq_uri_free(&u);
    }
    if (parse_ok("amqp://user@", &u)) {
        TAP_OK(str_is(u.user, "user") && str_is(u.password, "guest") && u.set == MQ_URI_USER,
               "spec: amqp://user@ -> user only, password absent");
        mq_uri_free(&u);
    }
    if (parse_ok("amqp://user:pass@", &u)) {
        TAP_OK(str_is(u.user, "user") && str_is(u.password, "pass") &&
                   u.set == (MQ_URI_USER | MQ_URI_PASSWORD),
               "spec: amqp://user:pass@");
        mq_uri_free(&u);
    }
    if (parse_ok("amqp://host", &u)) {
        TAP_OK(cstr_is(u.host, "host") && u.set == MQ_URI_HOST && str_is(u.vhost, "/"),
               "spec: amqp://host -> default vhost /");
        mq_uri_free(&u);
    }
    if (parse_ok("amqp://:10000", &u)) {
        TAP_OK(u.port == 10000 && u.set == MQ_URI_PORT && cstr_is(u.host, "localhost"),
               "spec: amqp://:10000");
        mq_uri_free(&u);
    }
    if (parse_ok("amqp:///vhost", &u)) {
        TAP_OK(str_is(u.vhost, "vhost") && u.set == MQ_URI_VHOST, "spec: amqp:///vhost");
        mq_uri_free(&u);
    }
    if (parse_ok("amqp://host/", &u)) {
        TAP_OK(str_is(u.vhost, "") && (u.set & MQ_URI_VHOST), "spec: amqp://host/ -> vhost \"\" (empty)");
        mq_uri_free(&u);
    }
    if (parse_ok("amqp://host/%2f", &u)) {
        TAP_OK(str_is(u.vhost, "/"), "spec: amqp://host/%%2f -> vhost /");
        mq_uri_free(&u);
    }
    if (parse_ok("amqp://host/%2F", &u)) {
        TAP_OK(str_is(u.vhost, "/"), "amqp://host/%%2F -> vhost /");
        mq_uri_free(&u);
    }
    if (parse_ok("amqp://[::1]", &u)) {
        TAP_OK(cstr_is(u.host, "::1") && u.host_is_ipv6 && u.port == 5672, "spec: amqp://[::1]");
        mq_uri_free(&u);
    }
}

/* ---- hosts and ports ----------------------------------------------------- */

static void test_hosts(void)
{
    static const struct {
        const char *uri, *host;
    } v6[] = {
        {"amqp://[::1]:5673/v", "::1"},
        {"amqp://[::]", "::"},
        {"amqp://[1:2:3:4:5:6:7:8]", "1:2:3:4:5:6:7:8"},
        {"amqp://[2001:DB8::abcd]", "2001:DB8::abcd"},
        {"amqp://[1::]", "1::"},
        {"amqp://[::ffff:192.0.2.1]", "::ffff:192.0.2.1"},
        {"amqp://[1:2:3:4:5:6:1.2.3.4]", "1:2:3:4:5:6:1.2.3.4"},
        {"amqp://[fe80::1%25eth0]", "fe80::1%eth0"},
        {"amqp://[fe80::1%25en%30]:1", "fe80::1%en0"},
        {"amqp://[1:2:3::6:7:8]", "1:2:3::6:7:8"},
    };
    static const char *const bad_v6[] = {
        "amqp://[1:2:3:4:5:6:7:8:9]", "amqp://[:::1]", "amqp://[1::2::3]", "amqp://[12345::1]",
        "amqp://[]", "amqp://[g::1]", "amqp://[1:2:3:4:5:6:7]", "amqp://[:1::]",
        "amqp://[1:]", "amqp://[v1.fe]", "amqp://[1.2.3.4]", "amqp://[::1.2.3.256]",
        "amqp://[::01.2.3.4]", "amqp://[::1.2.3]", "amqp://[::1.2.3.4.5]",
        "amqp://[1:2:3:4:5:6:7:1.2.3.4]", "amqp://[::1 ]",
    };
    mq_uri u;
    size_t i;

    for (i = 0; i < sizeof v6 / sizeof v6[0]; i++) {
        if (parse_ok(v6[i].uri, &u)) {
            TAP_OK(cstr_is(u.host, v6[i].host) && u.host_is_ipv6 && (u.set & MQ_URI_HOST),
                   "IPv6 %s -> %s", v6[i].uri, u.host);
            mq_uri_free(&u);
        }
    }
    for (i = 0; i < sizeof bad_v6 / sizeof bad_v6[0]; i++)
        bad(bad_v6[i], "invalid IPv6 address in URI");
    bad("amqp://[::1", "invalid IPv6 address in URI (no closing ']')");
    bad("amqp://[::1]x", "invalid host in URI (unexpected text after ']')");
    bad("amqp://[::1]]", "invalid host in URI (unexpected text after ']')");
    bad("amqp://[::1%eth0]", "invalid IPv6 zone in URI (write it as %25zone)");
    bad("amqp://[::1%25]", "invalid IPv6 zone in URI (write it as %25zone)");
    bad("amqp://[::1%2]", "invalid IPv6 zone in URI (write it as %25zone)");
    bad("amqp://[::1%25a%00]", "NUL byte in the IPv6 zone");
    bad("amqp://[::1%25a:b]", "invalid character in the IPv6 zone");
    bad("amqp://[::1%25a%zz]", "invalid percent-encoding in the IPv6 zone");
    bad("amqp://h]", "invalid character in the host");
    bad("amqp://a[b", "invalid character in the host");

    if (parse_ok("amqp://127.0.0.1:5672", &u)) {
        TAP_OK(cstr_is(u.host, "127.0.0.1") && !u.host_is_ipv6 && u.port == 5672, "IPv4 host");
        mq_uri_free(&u);
    }
    if (parse_ok("amqp://rabbit-1.example.com_x~!$&'()*+,;=", &u)) {
        TAP_OK(cstr_is(u.host, "rabbit-1.example.com_x~!$&'()*+,;="), "reg-name with sub-delims");
        mq_uri_free(&u);
    }
    if (parse_ok("amqp://%68%6F%73%74", &u)) {
        TAP_OK(cstr_is(u.host, "host"), "percent-encoded host");
        mq_uri_free(&u);
    }
    bad("amqp://a%00b", "NUL byte in the host");
    bad("amqp://h%zz", "invalid percent-encoding in the host");
    bad("amqp://h%4", "invalid percent-encoding in the host");
    bad("amqp://h ost", "invalid character in the host");
    bad("amqp://h\"", "invalid character in the host");
}

static void test_ports(void)
{
    static const char *const bad_ports[] = {
        "amqp://h:0", "amqp://h:65536", "amqp://h:99999999999999999999999999", "amqp://h:12a",
        "amqp://h:-1", "amqp://h:+1", "amqp://h: 1", "amqp://h:1:2", "amqp://[::1]:x",
        "amqp://h:0x10", "amqp://h:18446744073709551617", "amqp://u:p@h:00000",
        "amqp://h:%35",
    };
    mq_uri u;
    size_t i;

    for (i = 0; i < sizeof bad_ports / sizeof bad_ports[0]; i++)
        bad(bad_ports[i], "invalid port in URI");
    if (parse_ok("amqp://h:65535", &u)) {
        TAP_OK(u.port == 65535 && (u.set & MQ_URI_PORT), "port 65535");
        mq_uri_free(&u);
    }
    if (parse_ok("amqp://h:1", &u)) {
        TAP_OK(u.port == 1, "port 1");
        mq_uri_free(&u);
    }
    if (parse_ok("amqp://h:000005672", &u)) {
        TAP_OK(u.port == 5672, "port with leading zeros");
        mq_uri_free(&u);
    }
    if (parse_ok("amqps://h:", &u)) {
        TAP_OK(u.port == 5671 && !(u.set & MQ_URI_PORT), "empty port means the default");
        mq_uri_free(&u);
    }
    if (parse_ok("amqp://[::1]:", &u)) {
        TAP_OK(u.port == 5672 && !(u.set & MQ_URI_PORT), "IPv6 with empty port");
        mq_uri_free(&u);
    }
}

/* ---- schemes, user info, vhost ------------------------------------------------ */

static void test_schemes(void)
{
    static const char *const bad_schemes[] = {
        "http://h", "amqp:/h", "amqp:h", "amqpx://h", "amqp", " amqp://h", "amqps:/",
        "amqp//h", "amq://h", "amqps", "AMQPS:", "://h", "h", "amqp\x00://", "amqp ://h",
    };
    size_t i;

    for (i = 0; i < sizeof bad_schemes / sizeof bad_schemes[0]; i++)
        bad(bad_schemes[i], "invalid URI scheme (expected amqp:// or amqps://)");
    bad_len("an empty string", "", 0, "empty URI", true);
    bad_len("a NULL pointer", NULL, 5, "empty URI", true);
    {
        /* err may be NULL */
        mq_uri u;
        TAP_EQ_INT(mq_uri_parse("nope", 4, &u, NULL), MQ_E_INVALID, "a NULL error record is allowed");
    }
}

static void test_userinfo(void)
{
    mq_uri u;

    if (parse_ok("amqp://a%00b:%00@h", &u)) {
        TAP_OK(bytes_is(u.user, "a\0b", 3) && bytes_is(u.password, "\0", 1),
               "NUL bytes in user and password are kept (binary-safe lengths)");
        mq_uri_free(&u);
    }
    if (parse_ok("amqp://us%3Aer:pa:ss@h", &u)) {
        TAP_OK(str_is(u.user, "us:er") && str_is(u.password, "pa:ss"),
               "user ends at the first ':'; the password may hold ':'");
        mq_uri_free(&u);
    }
    if (parse_ok("amqp://%40%2F%3F%23:%40%2F%3F%23%25@h", &u)) {
        TAP_OK(str_is(u.user, "@/?#") && str_is(u.password, "@/?#%"), "encoded delimiters");
        mq_uri_free(&u);
    }
    if (parse_ok("amqp://u-._~!$&'()*+,;=:p-._~!$&'()*+,;=@h", &u)) {
        TAP_OK(str_is(u.user, "u-._~!$&'()*+,;=") && str_is(u.password, "p-._~!$&'()*+,;="),
               "unreserved and sub-delims in user info");
        mq_uri_free(&u);
    }
    if (parse_ok("amqp://@h", &u)) {
        TAP_OK(str_is(u.user, "") && u.set == (MQ_URI_USER | MQ_URI_HOST), "amqp://@h: empty user");
        mq_uri_free(&u);
    }
    if (parse_ok("amqp://u:@h", &u)) {
        TAP_OK(str_is(u.password, "") && (u.set & MQ_URI_PASSWORD), "amqp://u:@h: empty password");
        mq_uri_free(&u);
    }
    bad("amqp://%zz@h", "invalid percent-encoding in the user name");
    bad("amqp://%4@h", "invalid percent-encoding in the user name");
    bad("amqp://%@h", "invalid percent-encoding in the user name");
    bad("amqp://%4g:p@h", "invalid percent-encoding in the user name");
    bad("amqp://u:%zz@h", "invalid percent-encoding in the password");
    bad("amqp://u:p%4@h", "invalid percent-encoding in the password");
    bad("amqp://u ser@h", "invalid character in the user name");
    bad("amqp://u:p w@h", "invalid character in the password");
    bad("amqp://u:p[w@h", "invalid character in the password");
    bad("amqp://u:p\x80w@h", "invalid character in the password");
    bad_has("amqp://u:p@ss@h", "more than one '@' in URI");
    bad_has("amqp://u:pa/ss@h", "unexpected '@' after the host in URI");
    bad_has("amqp://u:pa?ss@h", "unexpected '@' after the host in URI");
    bad_has("amqp://u:pa#ss@h", "unexpected '@' after the host in URI");
    bad_has("amqp://h/v@x", "unexpected '@' after the host in URI");
    bad_has("amqp://h?cacertfile=a@b", "unexpected '@' after the host in URI");
}

static void test_vhosts(void)
{
    mq_uri u;

    if (parse_ok("amqp://h/a%00b", &u)) {
        TAP_OK(bytes_is(u.vhost, "a\0b", 3), "NUL byte in the vhost is kept");
        mq_uri_free(&u);
    }
    if (parse_ok("amqp://h/%2Fa%2fb%2F", &u)) {
        TAP_OK(str_is(u.vhost, "/a/b/"), "%%2F in the vhost");
        mq_uri_free(&u);
    }
    if (parse_ok("amqp://h/v:h;x=1", &u)) {
        TAP_OK(str_is(u.vhost, "v:h;x=1"), "':' ';' '=' in the vhost");
        mq_uri_free(&u);
    }
    if (parse_ok("amqp://h/%C3%A9t%C3%A9", &u)) {
        TAP_OK(str_is(u.vhost, "\xc3\xa9t\xc3\xa9"), "UTF-8 vhost, percent-encoded");
        mq_uri_free(&u);
    }
    if (parse_ok("amqp://h?heartbeat=1", &u)) {
        TAP_OK(!(u.set & MQ_URI_VHOST) && str_is(u.vhost, "/") && u.heartbeat == 1,
               "no path before the query: default vhost");
        mq_uri_free(&u);
    }
    if (parse_ok("amqp://h/?heartbeat=1", &u)) {
        TAP_OK((u.set & MQ_URI_VHOST) && str_is(u.vhost, ""), "empty path before the query: vhost \"\"");
        mq_uri_free(&u);
    }
    bad("amqp://h/a/b", "invalid vhost in URI: more than one path segment (write a '/' in the vhost as %2F)");
    bad("amqp://h/a/", "invalid vhost in URI: more than one path segment (write a '/' in the vhost as %2F)");
    bad("amqp://h//", "invalid vhost in URI: more than one path segment (write a '/' in the vhost as %2F)");
    bad("amqp://h/%zz", "invalid percent-encoding in the vhost");
    bad("amqp://h/%4", "invalid percent-encoding in the vhost");
    bad("amqp://h/v h", "invalid character in the vhost");
    bad("amqp://h/\xc3\xa9", "invalid character in the vhost");
    bad("amqp://h/v[1]", "invalid character in the vhost");
    bad("amqp://h#frag", "fragment ('#') not allowed in URI");
    bad("amqp://h/v?heartbeat=1#frag", "fragment ('#') not allowed in URI");
    bad_len("a raw NUL byte", "amqp://h/a\0b", 12, "invalid character in the vhost", true);
    bad_len("a raw NUL byte in the host", "amqp://h\0", 9, "invalid character in the host", true);
    {
        /* len shorter than the string: only len bytes count */
        const char *s = "amqp://h/vhostXYZ";
        mq_error err;
        TAP_OK(mq_uri_parse(s, strlen(s) - 3, &u, &err) == MQ_OK && str_is(u.vhost, "vhost"),
               "only len bytes are parsed");
        mq_uri_free(&u);
    }
}

/* ---- query parameters ----------------------------------------------------- */

static void test_params(void)
{
    static const char *const verify_true[] = {"verify_peer", "VERIFY_PEER", "true", "True", "on", "yes", "1"};
    static const char *const verify_false[] = {"verify_none", "Verify_None", "false", "FALSE", "off", "no", "0"};
    char buf[256];
    mq_uri u;
    size_t i;

    if (parse_ok("amqps://u:p@h:1/v?heartbeat=30&connection_timeout=2500&channel_max=100"
                 "&frame_max=65536&auth_mechanism=external&cacertfile=%2Fetc%2Fca.pem"
                 "&certfile=/c/cert.pem&keyfile=key.pem&verify=verify_none"
                 "&server_name_indication=rabbit.example.com", &u)) {
        TAP_OK(u.heartbeat == 30, "heartbeat=30");
        TAP_OK(u.connection_timeout == 2.5, "connection_timeout=2500 ms -> 2.5 s");
        TAP_OK(u.channel_max == 100, "channel_max=100");
        TAP_OK(u.frame_max == 65536, "frame_max=65536");
        TAP_OK(u.auth_mechanism == MQ_SASL_EXTERNAL, "auth_mechanism=external");
        TAP_OK(cstr_is(u.cacertfile, "/etc/ca.pem"), "cacertfile decoded");
        TAP_OK(cstr_is(u.certfile, "/c/cert.pem"), "certfile with raw '/'");
        TAP_OK(cstr_is(u.keyfile, "key.pem"), "keyfile");
        TAP_OK(!u.verify && (u.set & MQ_URI_VERIFY), "verify=verify_none");
        TAP_OK(cstr_is(u.server_name_indication, "rabbit.example.com"), "server_name_indication");
        TAP_EQ_INT(u.set, 0x7fff, "every bit set");
        TAP_OK(u.tls && str_is(u.user, "u") && str_is(u.password, "p") && cstr_is(u.host, "h") &&
                   u.port == 1 && str_is(u.vhost, "v"),
               "the parts before the query are intact");
        mq_uri_free(&u);
    }
    /* edge values */
    if (parse_ok("amqp://?heartbeat=0&connection_timeout=0&channel_max=0&frame_max=0", &u)) {
        TAP_OK(u.heartbeat == 0 && u.connection_timeout == 0 && u.channel_max == 0 &&
                   u.frame_max == 0 &&
                   u.set == (MQ_URI_HEARTBEAT | MQ_URI_CONNECTION_TIMEOUT | MQ_URI_CHANNEL_MAX |
                             MQ_URI_FRAME_MAX),
               "zeros are given values (set bits on)");
        mq_uri_free(&u);
    }
    if (parse_ok("amqp://?heartbeat=65535&channel_max=65535&frame_max=4294967295"
                 "&connection_timeout=4294967295", &u)) {
        TAP_OK(u.heartbeat == 65535 && u.channel_max == 65535 && u.frame_max == 4294967295u &&
                   u.connection_timeout == 4294967.295,
               "maximum values");
        mq_uri_free(&u);
    }
    if (parse_ok("amqp://?connection_timeout=1", &u)) {
        TAP_OK(u.connection_timeout == 0.001, "connection_timeout=1 -> 0.001 s");
        mq_uri_free(&u);
    }
    if (parse_ok("amqp://?auth_mechanism=PLAIN", &u)) {
        TAP_OK(u.auth_mechanism == MQ_SASL_PLAIN && (u.set & MQ_URI_AUTH_MECHANISM), "auth_mechanism=PLAIN");
        mq_uri_free(&u);
    }
    if (parse_ok("amqp://?auth_mechanism=ExTeRnAl", &u)) {
        TAP_OK(u.auth_mechanism == MQ_SASL_EXTERNAL, "auth_mechanism=ExTeRnAl");
        mq_uri_free(&u);
    }
    for (i = 0; i < sizeof verify_true / sizeof verify_true[0]; i++) {
        snprintf(buf, sizeof buf, "amqps://h?verify=%s", verify_true[i]);
        if (parse_ok(buf, &u)) {
            TAP_OK(u.verify && (u.set & MQ_URI_VERIFY), "verify=%s -> true", verify_true[i]);
            mq_uri_free(&u);
        }
    }
    for (i = 0; i < sizeof verify_false / sizeof verify_false[0]; i++) {
        snprintf(buf, sizeof buf, "amqps://h?verify=%s", verify_false[i]);
        if (parse_ok(buf, &u)) {
            TAP_OK(!u.verify && (u.set & MQ_URI_VERIFY), "verify=%s -> false", verify_false[i]);
            mq_uri_free(&u);
        }
    }
    if (parse_ok("amqp://h?&&heartbeat=5&&", &u)) {
        TAP_OK(u.heartbeat == 5 && u.set == (MQ_URI_HOST | MQ_URI_HEARTBEAT), "empty pairs are skipped");
        mq_uri_free(&u);
    }
    if (parse_ok("amqp://h?", &u)) {
        TAP_OK(u.set == MQ_URI_HOST, "empty query");
        mq_uri_free(&u);
    }
    if (parse_ok("amqp://h?heart%62eat=%35&cacertfile=a+b%2Bc=d?e:f", &u)) {
        TAP_OK(u.heartbeat == 5, "percent-encoded parameter name and value");
        TAP_OK(cstr_is(u.cacertfile, "a+b+c=d?e:f"), "'+' stays '+', '=' '?' ':' in a value");
        mq_uri_free(&u);
    }
    if (parse_ok("amqp://h?heartbeat=0000000000000000000000000000000000000000000007", &u)) {
        TAP_OK(u.heartbeat == 7, "leading zeros in a number");
        mq_uri_free(&u);
    }

    bad("amqp://h?x=1", "unknown URI parameter 'x'");
    bad("amqp://h?Heartbeat=1", "unknown URI parameter 'Heartbeat'");
    bad("amqp://h?password=secret", "unknown URI parameter 'password'");
    bad("amqp://h?heartbeat=1&heartbeat=2", "duplicate URI parameter 'heartbeat'");
    bad("amqp://h?verify=true&verify=true", "duplicate URI parameter 'verify'");
    bad("amqp://h?cacertfile=a&cacert%66ile=b", "duplicate URI parameter 'cacertfile'");
    bad("amqp://h?heartbeat", "URI parameter 'heartbeat' has no value");
    bad("amqp://h?x", "unknown URI parameter 'x'");
    bad("amqp://h?%01%27%25=1", "unknown URI parameter '?" "?" "?'" /* (no trigraph) */);
    bad("amqp://h?%zz=1", "invalid percent-encoding in the URI parameters");
    bad("amqp://h?heartbeat=%4", "invalid percent-encoding in the URI parameters");
    bad("amqp://h?heartbeat=1 ", "invalid character in the URI parameters");
    bad("amqp://h?a[0]=1", "invalid character in the URI parameters");
    bad("amqp://h?heartbeat=\"", "invalid character in the URI parameters");
    bad("amqp://h?x=\"", "unknown URI parameter 'x'"); /* the name is checked first */
    bad("amqp://h?aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa=1",
        "unknown URI parameter 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...'");
    {
        static const char *const bad_values[][2] = {
            {"heartbeat=", "heartbeat"}, {"heartbeat=65536", "heartbeat"},
            {"heartbeat=-1", "heartbeat"}, {"heartbeat=1.5", "heartbeat"},
            {"heartbeat=abc", "heartbeat"}, {"heartbeat=%00", "heartbeat"},
            {"connection_timeout=", "connection_timeout"},
            {"connection_timeout=4294967296", "connection_timeout"},
            {"connection_timeout=1e3", "connection_timeout"},
            {"channel_max=65536", "channel_max"}, {"channel_max=x", "channel_max"},
            {"frame_max=4294967296", "frame_max"}, {"frame_max=", "frame_max"},
            {"auth_mechanism=amqplain", "auth_mechanism"}, {"auth_mechanism=", "auth_mechanism"},
            {"auth_mechanism=plain%00", "auth_mechanism"},
            {"cacertfile=", "cacertfile"}, {"cacertfile=a%00b", "cacertfile"},
            {"certfile=", "certfile"}, {"keyfile=%00", "keyfile"},
            {"server_name_indication=", "server_name_indication"},
            {"verify=", "verify"}, {"verify=maybe", "verify"}, {"verify=2", "verify"},
            {"verify=verify_peer_", "verify"},
        };
        for (i = 0; i < sizeof bad_values / sizeof bad_values[0]; i++) {
            char want[128];
            snprintf(buf, sizeof buf, "amqp://h?%s", bad_values[i][0]);
            snprintf(want, sizeof want, "invalid value for URI parameter '%s'", bad_values[i][1]);
            bad_len(buf, buf, strlen(buf), want, true);
        }
    }
}

/* ---- the password never shows ------------------------------------------------- */

/* Every error text of malformed URIs carrying the password "s3cr3t%2Fpw"
 * (decoded "s3cr3t/pw"), in every place a password may end up. */
static void test_password_secrecy(void)
{
    static const char *const forms[] = {
        /* a malformed part elsewhere */
        "amqp://user:@PW@@host:0/v", "amqp://user:@PW@@host:65536", "amqp://user:@PW@@host:x1",
        "amqp://user:@PW@@host:1:2", "amqp://user:@PW@@h%zz", "amqp://user:@PW@@h ost",
        "amqp://user:@PW@@[::1", "amqp://user:@PW@@[zz::1]", "amqp://user:@PW@@[::1]x",
        "amqp://user:@PW@@[::1%eth0]", "amqp://user:@PW@@a%00b", "amqp://user:@PW@@host/a/b",
        "amqp://user:@PW@@host/%zz", "amqp://user:@PW@@host/%4", "amqp://user:@PW@@host/v h",
        "amqp://user:@PW@@host?x=1", "amqp://user:@PW@@host?heartbeat=1&heartbeat=1",
        "amqp://user:@PW@@host?heartbeat", "amqp://user:@PW@@host?heartbeat=x",
        "amqp://user:@PW@@host?%zz", "amqp://user:@PW@@host#frag", "http://user:@PW@@host",
        "amqp:/user:@PW@@host", "amqp://us er:@PW@@host", "amqp://u%zz:@PW@@host",
        /* the password itself malformed */
        "amqp://user:@PW@%zz@host", "amqp://user:@PW@%4@host", "amqp://user:@PW@%@host",
        "amqp://user:@PW@ x@host", "amqp://user:@PW@[@host", "amqp://user:x%@PW@@host",
        /* the password with raw delimiters: it spills into other parts */
        "amqp://user:@PW@@@host", "amqp://user:@PW@/x@host", "amqp://user:@PW@?x@host",
        "amqp://user:@PW@#x@host", "amqp://user:@PW@/x/y@host:0", "amqp://user:@PW@?x=1@host",
        "amqp://user:@PW@?heartbeat=bad@host", "amqp://user:@PW@:99999@host",
        "amqp://user:@PW@/a/b?x=1", "amqp://user:s3cr3t/pw@host", "amqp://user:s3cr3t?pw@host",
        "amqp://user:s3cr3t#pw@host", "amqp://user:s3cr3t/pw/x@host", "amqp://user:s3cr3t@pw@host",
        "amqp://user:s3cr3t?pw=1@host", "amqp://user:s3cr3t%2Fpw", "amqp://s3cr3t%2Fpw@host:0",
        "amqp://user:s3cr3t/pw", "amqp://user:s3cr3t%2Fpw/a/b", "amqp://user:s3cr3t?x=1",
        "amqp://user:s3cr3t%2Fpw#", "amqp://user:s3cr3t%2Fpw%@host",
        /* no user name */
        "amqp://:@PW@@host:0", "amqp://:@PW@@host?zz=1",
    };
    static const char *const leaks[] = {"s3cr3t", "cr3t", "3t%", "2Fpw", "/pw"};
    size_t i, j;
    int tested = 0, clean = 0;

    for (i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        char uri[256], *o = uri;
        const char *f = forms[i];
        mq_uri u;
        mq_error err;
        bool leak = false;
        /* @PW@ -> the password */
        while (*f) {
            if (strncmp(f, "@PW@", 4) == 0) {
                memcpy(o, "s3cr3t%2Fpw", 11);
                o += 11;
                f += 4;
            } else {
                *o++ = *f++;
            }
        }
        *o = '\0';
        if (mq_uri_parse(uri, strlen(uri), &u, &err) == MQ_OK) {
            mq_uri_free(&u);
            continue; /* some forms are valid (the password spills into the host, say) */
        }
        tested++;
        for (j = 0; j < sizeof leaks / sizeof leaks[0]; j++)
            if (strstr(err.text, leaks[j]))
                leak = true;
        if (leak)
            tap_ok(0, "error text of %s leaks the password: %s", uri, err.text);
        else
            clean++;
    }
    TAP_OK(tested > 40 && clean == tested, "no password in %d of %d error texts", clean, tested);
}

/* ---- long inputs ------------------------------------------------------------- */

static void test_long(void)
{
    size_t n = 1u << 20, i;
    char *s = malloc(3 * n + 64), *p;
    mq_uri u;
    mq_error err;

    if (!s) {
        tap_ok(0, "malloc");
        return;
    }
    /* a 1 MiB vhost */
    p = s + sprintf(s, "amqp://h/");
    memset(p, 'v', n);
    TAP_OK(mq_uri_parse(s, (size_t)(p - s) + n, &u, &err) == MQ_OK && u.vhost.len == n &&
               u.vhost.ptr[0] == 'v' && u.vhost.ptr[n - 1] == 'v' && u.vhost.ptr[n] == '\0',
           "1 MiB vhost");
    mq_uri_free(&u);

    /* a user name of 1 Mi "%41" */
    p = s + sprintf(s, "amqp://");
    for (i = 0; i < n; i++, p += 3)
        memcpy(p, "%41", 3);
    p += sprintf(p, ":%%42@h");
    TAP_OK(mq_uri_parse(s, (size_t)(p - s), &u, &err) == MQ_OK && u.user.len == n &&
               u.user.ptr[n / 2] == 'A' && str_is(u.password, "B"),
           "user name of 1 Mi percent-encoded bytes");
    mq_uri_free(&u);

    /* a long host and a long certificate path */
    p = s + sprintf(s, "amqps://");
    memset(p, 'h', 70000);
    p += 70000;
    p += sprintf(p, "?cacertfile=");
    memset(p, 'c', 70000);
    p += 70000;
    TAP_OK(mq_uri_parse(s, (size_t)(p - s), &u, &err) == MQ_OK && strlen(u.host) == 70000 &&
               strlen(u.cacertfile) == 70000,
           "70000-byte host and cacertfile");
    mq_uri_free(&u);

    /* a huge unknown parameter name: the text is cut */
    p = s + sprintf(s, "amqp://h?");
    memset(p, 'x', n);
    p += n;
    TAP_OK(mq_uri_parse(s, (size_t)(p - s), &u, &err) == MQ_E_INVALID &&
               strlen(err.text) < 80 && strstr(err.text, "...'"),
           "huge unknown parameter: short error text (%s)", err.text);

    /* a million empty pairs, then a number with a million leading zeros */
    p = s + sprintf(s, "amqp://h?");
    memset(p, '&', n);
    p += n;
    p += sprintf(p, "heartbeat=");
    memset(p, '0', n);
    p += n;
    *p++ = '9';
    TAP_OK(mq_uri_parse(s, (size_t)(p - s), &u, &err) == MQ_OK && u.heartbeat == 9,
           "a million empty pairs and leading zeros");
    mq_uri_free(&u);

    /* a huge port */
    p = s + sprintf(s, "amqp://h:");
    memset(p, '9', n);
    p += n;
    TAP_OK(mq_uri_parse(s, (size_t)(p - s), &u, &err) == MQ_E_INVALID &&
               strcmp(err.text, "invalid port in URI") == 0,
           "a million-digit port");

    /* a huge invalid vhost: many segments */
    p = s + sprintf(s, "amqp://h/");
    memset(p, '/', n);
    p += n;
    TAP_OK(mq_uri_parse(s, (size_t)(p - s), &u, &err) == MQ_E_INVALID, "a million '/'");
    free(s);
}

/* ---- display mask ---------------------------------------------------------- */

static void test_mask(void)
{
    static const char *const cases[][2] = {
        {"amqp://u:p@h/v", "amqp://u:********@h/v"},
        {"amqps://user:s3cr3t%2Fpw@host:5671/%2f?heartbeat=1", "amqps://user:********@host:5671/%2f?heartbeat=1"},
        {"amqp://u@h", "amqp://u@h"},
        {"amqp://h:5672/v", "amqp://h:5672/v"},
        {"amqp://u:@h", "amqp://u:********@h"},
        {"amqp://:p@h", "amqp://:********@h"},
        {"amqp://u:p@ss@h", "amqp://u:********@h"},
        {"amqp://u:pa/ss@h", "amqp://u:********@h"},
        {"u:p@h", "u:********@h"},
        {"amqp://h/v?x=a@b", "amqp://h/v?x=a@b"},
        {"amqp://h:1/v?x=a@b", "amqp://h:********@b"},
        {"", ""},
        {"amqp://", "amqp://"},
        {"a", "a"},
    };
    char out[128];
    size_t i, n;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        n = mq_uri_mask(cases[i][0], strlen(cases[i][0]), out, sizeof out);
        TAP_OK(strcmp(out, cases[i][1]) == 0 && n == strlen(cases[i][1]), "mask %s -> %s",
               cases[i][0], out);
    }
    n = mq_uri_mask("amqp://u:secret@h", 17, out, 12);
    TAP_OK(n == strlen("amqp://u:********@h") && strcmp(out, "amqp://u:**") == 0,
           "mask cut to the buffer (%s)", out);
    n = mq_uri_mask("amqp://u:secret@h", 17, out, 0);
    TAP_EQ_INT(n, strlen("amqp://u:********@h"), "mask with no buffer gives the length");
    n = mq_uri_mask(NULL, 3, out, sizeof out);
    TAP_OK(n == 0 && out[0] == '\0', "mask of NULL");
    n = mq_uri_mask("amqp://u:p\0w@h", 14, out, sizeof out);
    TAP_OK(n == 19 && memcmp(out, "amqp://u:********@h", 20) == 0, "mask is binary-safe");
}

int main(void)
{
    test_defaults();
    test_spec_examples();
    test_hosts();
    test_ports();
    test_schemes();
    test_userinfo();
    test_vhosts();
    test_params();
    test_password_secrecy();
    test_long();
    test_mask();
    return tap_done();
}

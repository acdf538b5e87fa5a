/* SPDX-License-Identifier: MIT */
/*
 * The PHP module entry of mq.  It registers the module under the name
 * "amqp" (the file is mq.so) with the php-amqp compatible version
 * PHP_MQ_VERSION, declares the amqp.* ini settings with php-amqp's defaults
 * and validation (docs/compatibility.md §2.3: an invalid value is refused, so ini_set()
 * returns false and the old value stays), registers the global constants
 * (generated from stubs/amqp.stub.php) and, in MINIT, every class in the
 * peer's registration order, and prints the phpinfo()/`php --ri amqp`
 * table.  Values are read back elsewhere with INI_INT/INI_FLT/INI_STR, like
 * the peer does, so there are no module globals.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <errno.h>

#include "php_mq_internal.h"
#include "zend_operators.h"
#include "zend_strtod.h"
#include "SAPI.h"

#include <openssl/opensslv.h>
#include <openssl/crypto.h>

/* AMQP_OS_SOCKET_TIMEOUT_ERRNO: librabbitmq's "OS error" bit plus the
 * errno a socket timeout gives.  Informational only. */
#ifdef PHP_WIN32
#define PHP_MQ_OS_SOCKET_TIMEOUT_ERRNO ((1 << 29) | WSAETIMEDOUT)
#else
#define PHP_MQ_OS_SOCKET_TIMEOUT_ERRNO ((1 << 29) | EAGAIN)
#endif

#include "amqp_arginfo.h"

/* ---- ini validation ----------------------------------------------------- */

/* Allowed range of one ini entry (integers: value; strings: length). */
typedef struct mq_ini_range {
    zend_long min;
    zend_long max;
} mq_ini_range;

static const mq_ini_range mq_range_host = {1, 512};            /* host, vhost */
static const mq_ini_range mq_range_login = {1, 1024};          /* login, password */
static const mq_ini_range mq_range_port = {1, 65535};
static const mq_ini_range mq_range_u16 = {0, 65535};           /* prefetch counts */
static const mq_ini_range mq_range_u32 = {0, 4294967295LL};    /* prefetch sizes */
static const mq_ini_range mq_range_channel_max = {1, 256};
static const mq_ini_range mq_range_frame_max = {1, 2147483647};
static const mq_ini_range mq_range_heartbeat = {0, 2147483647};
static const mq_ini_range mq_range_depth = {0, ZEND_LONG_MAX}; /* (de)serialization depth */

/* Integer entries: PHP's quantity parser ("1k" passes as 1024; garbage
 * gives the engine's "Invalid quantity" warning and counts as 0), then the
 * range of mh_arg1. */
static ZEND_INI_MH(mq_ini_on_update_long)
{
    const mq_ini_range *r = (const mq_ini_range *)mh_arg1;
    zend_long v = zend_ini_parse_quantity_warn(new_value, entry->name);

    if (v < r->min || v > r->max) {
        return FAILURE;
    }
    return SUCCESS;
}

/* Timeouts: strtod ("abc" passes as 0), must not be negative. */
static ZEND_INI_MH(mq_ini_on_update_timeout)
{
    double v = zend_strtod(ZSTR_VAL(new_value), NULL);

    if (!(v >= 0)) {
        return FAILURE;
    }
    return SUCCESS;
}

/* Strings with a length range (mh_arg1). */
static ZEND_INI_MH(mq_ini_on_update_length)
{
    const mq_ini_range *r = (const mq_ini_range *)mh_arg1;
    size_t len = ZSTR_LEN(new_value);

    if (len < (size_t)r->min || len > (size_t)r->max) {
        return FAILURE;
    }
    return SUCCESS;
}

/* Booleans: an integer (any value; 0 is off) or one of PHP's bool words
 * (on/off, yes/no, true/false, none, ""; any case). */
static ZEND_INI_MH(mq_ini_on_update_bool)
{
    static const char *const words[] = {"on", "off", "yes", "no", "true", "false", "none", ""};
    zend_long l;
    double d;
    size_t i;

    for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
        if (zend_string_equals_cstr(new_value, words[i], strlen(words[i]))
            || (words[i][0] && strcasecmp(ZSTR_VAL(new_value), words[i]) == 0)) {
            return SUCCESS;
        }
    }
    return is_numeric_string(ZSTR_VAL(new_value), ZSTR_LEN(new_value), &l, &d, false) == IS_LONG
        ? SUCCESS : FAILURE;
}

/* Entries any string is good for.  A handler that accepts keeps
 * ini_restore() working: PHP restores an entry at run time only when its
 * handler takes the old value back (none counts as a refusal). */
static ZEND_INI_MH(mq_ini_on_update_any)
{
    return SUCCESS;
}

/* phpinfo() / php --ri: amqp.password is shown masked ("********" when
 * set), never in clear (tests/573). */
static ZEND_INI_DISP(mq_ini_display_password)
{
    zend_string *value = (type == ZEND_INI_DISPLAY_ORIG && ini_entry->modified)
                             ? ini_entry->orig_value : ini_entry->value;

    if (value && ZSTR_LEN(value) > 0) {
        PUTS("********");
    } else if (sapi_module.phpinfo_as_text) {
        PUTS("no value");
    } else {
        PUTS("<i>no value</i>");
    }
}

/* Declaration order = the peer's (reflection and phpinfo() list them in
 * this order); mq's own entries follow. */
PHP_INI_BEGIN()
    PHP_INI_ENTRY1("amqp.host", "localhost", PHP_INI_ALL, mq_ini_on_update_length, (void *)&mq_range_host)
    PHP_INI_ENTRY1("amqp.vhost", "/", PHP_INI_ALL, mq_ini_on_update_length, (void *)&mq_range_host)
    PHP_INI_ENTRY1("amqp.port", "5672", PHP_INI_ALL, mq_ini_on_update_long, (void *)&mq_range_port)
    PHP_INI_ENTRY("amqp.timeout", "", PHP_INI_ALL, mq_ini_on_update_timeout)
    PHP_INI_ENTRY("amqp.read_timeout", "0", PHP_INI_ALL, mq_ini_on_update_timeout)
    PHP_INI_ENTRY("amqp.write_timeout", "0", PHP_INI_ALL, mq_ini_on_update_timeout)
    PHP_INI_ENTRY("amqp.connect_timeout", "0", PHP_INI_ALL, mq_ini_on_update_timeout)
    PHP_INI_ENTRY("amqp.rpc_timeout", "0", PHP_INI_ALL, mq_ini_on_update_timeout)
    PHP_INI_ENTRY1("amqp.login", "guest", PHP_INI_ALL, mq_ini_on_update_length, (void *)&mq_range_login)
    PHP_INI_ENTRY1_EX("amqp.password", "guest", PHP_INI_ALL, mq_ini_on_update_length, (void *)&mq_range_login,
                      mq_ini_display_password)
    PHP_INI_ENTRY("amqp.auto_ack", "0", PHP_INI_ALL, mq_ini_on_update_any)
    PHP_INI_ENTRY1("amqp.prefetch_count", "3", PHP_INI_ALL, mq_ini_on_update_long, (void *)&mq_range_u16)
    PHP_INI_ENTRY1("amqp.prefetch_size", "0", PHP_INI_ALL, mq_ini_on_update_long, (void *)&mq_range_u32)
    PHP_INI_ENTRY1("amqp.global_prefetch_count", "0", PHP_INI_ALL, mq_ini_on_update_long, (void *)&mq_range_u16)
    PHP_INI_ENTRY1("amqp.global_prefetch_size", "0", PHP_INI_ALL, mq_ini_on_update_long, (void *)&mq_range_u32)
    PHP_INI_ENTRY1("amqp.channel_max", "256", PHP_INI_ALL, mq_ini_on_update_long, (void *)&mq_range_channel_max)
    PHP_INI_ENTRY1("amqp.frame_max", "131072", PHP_INI_ALL, mq_ini_on_update_long, (void *)&mq_range_frame_max)
    PHP_INI_ENTRY1("amqp.heartbeat", "0", PHP_INI_ALL, mq_ini_on_update_long, (void *)&mq_range_heartbeat)
    PHP_INI_ENTRY("amqp.cacert", "", PHP_INI_ALL, mq_ini_on_update_any)
    PHP_INI_ENTRY("amqp.cert", "", PHP_INI_ALL, mq_ini_on_update_any)
    PHP_INI_ENTRY("amqp.key", "", PHP_INI_ALL, mq_ini_on_update_any)
    PHP_INI_ENTRY("amqp.verify", "1", PHP_INI_ALL, mq_ini_on_update_any)
    /* The peer's default really is this literal string (read as int: 0). */
    PHP_INI_ENTRY("amqp.sasl_method", "AMQP_SASL_METHOD_PLAIN", PHP_INI_ALL, mq_ini_on_update_any)
    PHP_INI_ENTRY1("amqp.serialization_depth", "128", PHP_INI_ALL, mq_ini_on_update_long, (void *)&mq_range_depth)
    PHP_INI_ENTRY1("amqp.deserialization_depth", "128", PHP_INI_ALL, mq_ini_on_update_long, (void *)&mq_range_depth)
    /* mq: heartbeats from a background thread (README "Heartbeats") */
    PHP_INI_ENTRY("amqp.heartbeat_thread", "0", PHP_INI_ALL, mq_ini_on_update_bool)
    /* mq: default RabbitMQ URI of new AMQPConnection objects ("": none);
     * phpinfo() shows it with the password masked */
    PHP_INI_ENTRY_EX("amqp.uri", "", PHP_INI_ALL, php_mq_ini_on_update_uri, php_mq_ini_display_uri)
PHP_INI_END()

/* ---- module ------------------------------------------------------------- */

static PHP_MINIT_FUNCTION(amqp)
{
#if defined(ZTS) && defined(COMPILE_DL_MQ)
    ZEND_TSRMLS_CACHE_UPDATE();
#endif
    REGISTER_INI_ENTRIES();
    register_amqp_symbols(module_number);

    /* Classes in php-amqp's registration order, so that reflection of the
     * extension lists them the same way. */
    php_mq_register_exceptions();
    php_mq_register_connection(module_number);
    php_mq_register_channel();
    php_mq_register_queue();
    php_mq_register_exchange();
    php_mq_register_basic_properties();
    php_mq_register_envelope();
    php_mq_register_envelope_exception();
    php_mq_register_values();
    return SUCCESS;
}

/* Thread-safe builds: every thread that serves requests needs its own
 * copy of the static TSRM cache (-DZEND_ENABLE_STATIC_TSRMLS_CACHE=1). */
static PHP_RINIT_FUNCTION(amqp)
{
#if defined(ZTS) && defined(COMPILE_DL_MQ)
    ZEND_TSRMLS_CACHE_UPDATE();
#endif
    return SUCCESS;
}

static PHP_MSHUTDOWN_FUNCTION(amqp)
{
    UNREGISTER_INI_ENTRIES();
    return SUCCESS;
}

static PHP_MINFO_FUNCTION(amqp)
{
    php_info_print_table_start();
    php_info_print_table_row(2, "Version", PHP_MQ_VERSION);
    php_info_print_table_row(2, "mq release", PHP_MQ_RELEASE);
    php_info_print_table_row(2, "Compiled", __DATE__ " @ " __TIME__);
    php_info_print_table_row(2, "AMQP protocol version", "0-9-1");
    php_info_print_table_row(2, "Default max channels per connection", "256");
    php_info_print_table_row(2, "Default max frame size", "131072");
    php_info_print_table_row(2, "Default heartbeats interval", "0");
    php_info_print_table_row(2, "TLS", OpenSSL_version(OPENSSL_VERSION));
    php_info_print_table_end();

    DISPLAY_INI_ENTRIES();
}

static PHP_RSHUTDOWN_FUNCTION(amqp)
{
    php_mq_envelope_rshutdown();
    return SUCCESS;
}

zend_module_entry amqp_module_entry = {
    STANDARD_MODULE_HEADER,
    "amqp",
    NULL, /* functions: mq has classes only */
    PHP_MINIT(amqp),
    PHP_MSHUTDOWN(amqp),
    PHP_RINIT(amqp),
    PHP_RSHUTDOWN(amqp),
    PHP_MINFO(amqp),
    PHP_MQ_VERSION,
    STANDARD_MODULE_PROPERTIES
};

#ifdef COMPILE_DL_MQ
#ifdef ZTS
ZEND_TSRMLS_CACHE_DEFINE()
#endif
ZEND_GET_MODULE(amqp)
#endif

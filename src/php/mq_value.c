/* SPDX-License-Identifier: MIT */
/*
 * AMQP field values on the PHP side: the AMQPValue interface, the
 * AMQPDecimal and AMQPTimestamp value classes (docs/compatibility.md §3.7), and the two
 * conversions between PHP arrays and AMQP field tables (docs/compatibility.md §4) used for
 * queue/exchange arguments and message headers.  The encoder writes
 * straight into the caller's mq_wbuf with the core's table writer (no
 * intermediate tree, no allocation per field); the decoder walks the
 * received bytes with the core's table reader and builds PHP values
 * directly.  Both count nesting depth like php-amqp (amqp.serialization_depth
 * / amqp.deserialization_depth) and also stop PHP-level cycles and runaway
 * recursion before the C stack could overflow.
 *
 * Choices where php-amqp is silent or buggy (docs/compatibility.md §7):
 *  - references inside arrays are followed (§7.3);
 *  - an unsupported value inside a list is skipped with the same warning as
 *    inside a table, its key being the list index (§7.4);
 *  - keys are binary-safe; a key longer than 255 bytes throws
 *    AMQPException(0) "The <what> field name of %zu bytes exceeds the AMQP
 *    limit of 255 bytes." (<what> is the caller's label, e.g. "argument");
 *  - a cycle (an array that contains itself through a reference) throws the
 *    depth exception at once, as it would after reaching the limit;
 *  - AMQPTimestamp values are encoded saturated to 0..2^64-1 (NaN as 0).
 */
#include "php_mq_internal.h"
#include "ext/standard/php_math.h"

#include "AMQPValue_arginfo.h"
#include "AMQPDecimal_arginfo.h"
#include "AMQPTimestamp_arginfo.h"

zend_class_entry *mq_ce_AMQPValue;
zend_class_entry *mq_ce_AMQPDecimal;
zend_class_entry *mq_ce_AMQPTimestamp;

/* Declared property slots of the two (final) value classes. */
enum { MQ_DECIMAL_EXPONENT, MQ_DECIMAL_SIGNIFICAND };
enum { MQ_TIMESTAMP_VALUE };

#define MQ_TIMESTAMP_MAX 18446744073709551616.0 /* 2^64, AMQPTimestamp::MAX */

/* Hard bound on the C recursion of both conversions, whatever the ini
 * limits say: deeper input would only risk the stack (the core's reader
 * refuses more than MQ_TABLE_MAX_DEPTH levels anyway). */
#define MQ_VALUE_MAX_RECURSION 4096

/* "amqp.serialization_depth", interned at MINIT (hash computed once). */
static zend_string *mq_ini_serialization_depth;

void php_mq_register_values(void)
{
    mq_ce_AMQPValue = register_class_AMQPValue();
    mq_ce_AMQPTimestamp = register_class_AMQPTimestamp(mq_ce_AMQPValue, zend_ce_stringable);
    mq_ce_AMQPDecimal = register_class_AMQPDecimal(mq_ce_AMQPValue);
    mq_ini_serialization_depth = zend_string_init_interned(ZEND_STRL("amqp.serialization_depth"), 1);
}

/* INI_INT(name) for an interned name, without hashing the name or calling
 * strtol() for a plain decimal value (the usual case): the table encoder
 * reads its depth limit on every call, i.e. on every publish() with
 * headers.  Same result as INI_INT for every value. */
static zend_long mq_ini_long(zend_string *name)
{
    zend_ini_entry *ini = zend_hash_find_ptr(EG(ini_directives), name);
    const char *p;
    size_t n, i;
    zend_long v = 0;

    if (!ini || !ini->value) {
        return 0;
    }
    p = ZSTR_VAL(ini->value);
    n = ZSTR_LEN(ini->value);
    if (n == 0 || n > 18 || p[0] < '1' || p[0] > '9') {
        return ZEND_STRTOL(p, NULL, 0); /* signs, spaces, 0x.., octal, long */
    }
    for (i = 0; i < n; i++) {
        if (p[i] < '0' || p[i] > '9') {
            return ZEND_STRTOL(p, NULL, 0);
        }
        v = v * 10 + (p[i] - '0');
    }
    return v;
}

/* Slot n of a value object, or NULL with the engine's "must not be accessed
 * before initialization" Error when it was never set (an object made
 * without its constructor, e.g. by ReflectionClass::newInstanceWithoutConstructor). */
static zval *mq_value_slot(zend_object *obj, uint32_t n, const char *name, size_t name_len)
{
    zval *zv = OBJ_PROP_NUM(obj, n), rv;

    if (EXPECTED(!Z_ISUNDEF_P(zv))) {
        ZVAL_DEREF(zv);
        return zv;
    }
    zend_read_property(obj->ce, obj, name, name_len, false, &rv);
    return NULL;
}

/* ---- AMQPDecimal --------------------------------------------------------- */

ZEND_METHOD(AMQPDecimal, __construct)
{
    zend_long exponent, significand;
    zend_object *obj = Z_OBJ_P(ZEND_THIS);

    ZEND_PARSE_PARAMETERS_START(2, 2)
        Z_PARAM_LONG(exponent)
        Z_PARAM_LONG(significand)
    ZEND_PARSE_PARAMETERS_END();

    if (exponent < 0) {
        php_mq_throwf(mq_ce_AMQPValueException, 0, "Decimal exponent value must be unsigned.");
        RETURN_THROWS();
    }
    if (exponent > 255) {
        php_mq_throwf(mq_ce_AMQPValueException, 0, "Decimal exponent value must be less than 255.");
        RETURN_THROWS();
    }
    if (significand < 0) {
        php_mq_throwf(mq_ce_AMQPValueException, 0, "Decimal significand value must be unsigned.");
        RETURN_THROWS();
    }
#if SIZEOF_ZEND_LONG > 4
    if (significand > (zend_long)UINT32_MAX) {
        php_mq_throwf(mq_ce_AMQPValueException, 0,
                      "Decimal significand value must be less than 4294967295.");
        RETURN_THROWS();
    }
#endif
    /* int slots: nothing to release when the constructor runs again */
    ZVAL_LONG(OBJ_PROP_NUM(obj, MQ_DECIMAL_EXPONENT), exponent);
    ZVAL_LONG(OBJ_PROP_NUM(obj, MQ_DECIMAL_SIGNIFICAND), significand);
}

ZEND_METHOD(AMQPDecimal, getExponent)
{
    zval *zv;

    ZEND_PARSE_PARAMETERS_NONE();
    zv = mq_value_slot(Z_OBJ_P(ZEND_THIS), MQ_DECIMAL_EXPONENT, ZEND_STRL("exponent"));
    if (!zv) {
        RETURN_THROWS();
    }
    RETURN_COPY(zv);
}

ZEND_METHOD(AMQPDecimal, getSignificand)
{
    zval *zv;

    ZEND_PARSE_PARAMETERS_NONE();
    zv = mq_value_slot(Z_OBJ_P(ZEND_THIS), MQ_DECIMAL_SIGNIFICAND, ZEND_STRL("significand"));
    if (!zv) {
        RETURN_THROWS();
    }
    RETURN_COPY(zv);
}

ZEND_METHOD(AMQPDecimal, toAmqpValue)
{
    ZEND_PARSE_PARAMETERS_NONE();
    RETURN_OBJ_COPY(Z_OBJ_P(ZEND_THIS));
}

/* ---- AMQPTimestamp -------------------------------------------------------- */

ZEND_METHOD(AMQPTimestamp, __construct)
{
    double ts;

    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_DOUBLE(ts)
    ZEND_PARSE_PARAMETERS_END();

    if (ts < 0) {
        php_mq_throwf(mq_ce_AMQPValueException, 0, "The timestamp parameter must be greater than 0.");
        RETURN_THROWS();
    }
    if (ts > MQ_TIMESTAMP_MAX) {
        php_mq_throwf(mq_ce_AMQPValueException, 0,
                      "The timestamp parameter must be less than 18446744073709551616.");
        RETURN_THROWS();
    }
    ZVAL_DOUBLE(OBJ_PROP_NUM(Z_OBJ_P(ZEND_THIS), MQ_TIMESTAMP_VALUE), floor(ts));
}

ZEND_METHOD(AMQPTimestamp, getTimestamp)
{
    zval *zv;

    ZEND_PARSE_PARAMETERS_NONE();
    zv = mq_value_slot(Z_OBJ_P(ZEND_THIS), MQ_TIMESTAMP_VALUE, ZEND_STRL("timestamp"));
    if (!zv) {
        RETURN_THROWS();
    }
    RETURN_COPY(zv);
}

ZEND_METHOD(AMQPTimestamp, __toString)
{
    zval *zv;
    double ts;

    ZEND_PARSE_PARAMETERS_NONE();
    zv = mq_value_slot(Z_OBJ_P(ZEND_THIS), MQ_TIMESTAMP_VALUE, ZEND_STRL("timestamp"));
    if (!zv) {
        RETURN_THROWS();
    }
    ts = zval_get_double(zv);
    if (ts == 0) {
        RETURN_CHAR('0'); /* also for -0.0 */
    }
    /* whole seconds, no separators, no decimals (like number_format($t)) */
    RETURN_STR(zend_strpprintf(0, "%.0F", ts));
}

ZEND_METHOD(AMQPTimestamp, toAmqpValue)
{
    ZEND_PARSE_PARAMETERS_NONE();
    RETURN_OBJ_COPY(Z_OBJ_P(ZEND_THIS));
}

/* ---- PHP -> AMQP ----------------------------------------------------------- */

typedef struct mq_enc {
    mq_wbuf *w;        /* output */
    zend_long limit;   /* amqp.serialization_depth */
    const char *what;  /* caller's label for messages ("argument", "header") */
    uint32_t calls;    /* current C recursion depth */
} mq_enc;

/* Result of encoding one value. */
typedef enum { MQ_ENC_OK, MQ_ENC_SKIP, MQ_ENC_FAIL } mq_enc_result;

static mq_enc_result mq_enc_value(mq_enc *e, zval *value, zend_long depth, const char *key);
static mq_enc_result mq_enc_entries(mq_enc *e, HashTable *ht, zend_long depth, bool top);
static mq_enc_result mq_enc_items(mq_enc *e, HashTable *ht, zend_long depth);

static void mq_enc_throw_depth(const mq_enc *e)
{
    php_mq_throwf(mq_ce_AMQPException, 0,
                  "Maximum serialization depth of " ZEND_LONG_FMT " reached while serializing value",
                  e->limit);
}

/* Turns a core writer error into an exception. */
static mq_enc_result mq_enc_fail(int rc)
{
    php_mq_throwf(mq_ce_AMQPException, 0, "Could not encode field table: %s", mq_strerror(rc));
    return MQ_ENC_FAIL;
}

/* Lists are arrays without any string key (packed ones never have one). */
static bool mq_enc_is_list(HashTable *ht)
{
    zend_string *k;

    if (HT_IS_PACKED(ht)) {
        return true;
    }
    ZEND_HASH_FOREACH_STR_KEY(ht, k) {
        if (k) {
            return false;
        }
    } ZEND_HASH_FOREACH_END();
    return true;
}

/* Timestamp seconds as the u64 of the wire, saturated (NaN: 0). */
static uint64_t mq_enc_timestamp_u64(double ts)
{
    if (!(ts >= 0)) {
        return 0;
    }
    if (ts >= MQ_TIMESTAMP_MAX) {
        return UINT64_MAX;
    }
    return (uint64_t)ts;
}

static mq_enc_result mq_enc_array(mq_enc *e, HashTable *ht, zend_long depth)
{
    mq_enc_result r;
    size_t mark;
    bool list;
    int rc;

    if (GC_IS_RECURSIVE(ht)) {
        /* it contains itself: no depth limit would ever be enough */
        mq_enc_throw_depth(e);
        return MQ_ENC_FAIL;
    }
    list = mq_enc_is_list(ht);
    rc = list ? mq_field_array_open(e->w, &mark) : mq_field_table_open(e->w, &mark);
    if (rc != MQ_OK) {
        return mq_enc_fail(rc);
    }
    /* Hold the array while user code (toAmqpValue) may run: a change made
     * meanwhile separates it instead of freeing what we iterate. */
    GC_TRY_ADDREF(ht);
    GC_TRY_PROTECT_RECURSION(ht);
    r = list ? mq_enc_items(e, ht, depth + 1) : mq_enc_entries(e, ht, depth + 2, false);
    GC_TRY_UNPROTECT_RECURSION(ht);
    zend_array_release(ht);
    if (r != MQ_ENC_OK) {
        return r;
    }
    rc = mq_table_close(e->w, mark);
    return rc == MQ_OK ? MQ_ENC_OK : mq_enc_fail(rc);
}

/* An AMQPValue other than the two built-in ones: convert what
 * toAmqpValue() returns, one level deeper. */
static mq_enc_result mq_enc_user_value(mq_enc *e, zend_object *obj, zend_long depth, const char *key)
{
    zval rv;
    mq_enc_result r;

    ZVAL_UNDEF(&rv);
    GC_ADDREF(obj);
    zend_call_method_with_0_params(obj, obj->ce, NULL, "toamqpvalue", &rv);
    OBJ_RELEASE(obj);
    if (EG(exception)) {
        zval_ptr_dtor(&rv);
        return MQ_ENC_FAIL;
    }
    if (Z_ISUNDEF(rv)) {
        ZVAL_NULL(&rv);
    }
    r = mq_enc_value(e, &rv, depth + 1, key);
    zval_ptr_dtor(&rv);
    return r;
}

static mq_enc_result mq_enc_object(mq_enc *e, zend_object *obj, zend_long depth, const char *key)
{
    zend_class_entry *ce = obj->ce;
    zval *a, *b;
    int rc;

    if (ce == mq_ce_AMQPTimestamp) { /* final: no subclass to consider */
        a = mq_value_slot(obj, MQ_TIMESTAMP_VALUE, ZEND_STRL("timestamp"));
        if (!a) {
            return MQ_ENC_FAIL;
        }
        rc = mq_field_timestamp(e->w, mq_enc_timestamp_u64(zval_get_double(a)));
        return rc == MQ_OK ? MQ_ENC_OK : mq_enc_fail(rc);
    }
    if (ce == mq_ce_AMQPDecimal) {
        a = mq_value_slot(obj, MQ_DECIMAL_EXPONENT, ZEND_STRL("exponent"));
        b = a ? mq_value_slot(obj, MQ_DECIMAL_SIGNIFICAND, ZEND_STRL("significand")) : NULL;
        if (!b) {
            return MQ_ENC_FAIL;
        }
        rc = mq_field_decimal(e->w, (uint8_t)zval_get_long(a), (uint32_t)zval_get_long(b));
        return rc == MQ_OK ? MQ_ENC_OK : mq_enc_fail(rc);
    }
    if (instanceof_function(ce, mq_ce_AMQPValue)) {
        return mq_enc_user_value(e, obj, depth, key);
    }
    php_error_docref(NULL, E_WARNING, "Ignoring field '%s' due to unsupported value type (%s)", key,
                     "object");
    return MQ_ENC_SKIP;
}

/* One field value (type octet + value) at nesting depth `depth`. */
static mq_enc_result mq_enc_value(mq_enc *e, zval *value, zend_long depth, const char *key)
{
    mq_enc_result r;
    int rc;

    if (depth > e->limit || e->calls >= MQ_VALUE_MAX_RECURSION) {
        mq_enc_throw_depth(e);
        return MQ_ENC_FAIL;
    }
    ZVAL_DEREF(value); /* §7.3: references are followed */
    switch (Z_TYPE_P(value)) {
    case IS_NULL:
        rc = mq_field_void(e->w);
        break;
    case IS_FALSE:
    case IS_TRUE:
        rc = mq_field_bool(e->w, Z_TYPE_P(value) == IS_TRUE);
        break;
    case IS_LONG:
        rc = mq_field_i64(e->w, (int64_t)Z_LVAL_P(value));
        break;
    case IS_DOUBLE:
        rc = mq_field_double(e->w, Z_DVAL_P(value));
        break;
    case IS_STRING:
        rc = mq_field_longstr(e->w, Z_STRVAL_P(value), Z_STRLEN_P(value));
        break;
    case IS_ARRAY:
        e->calls++;
        r = mq_enc_array(e, Z_ARRVAL_P(value), depth);
        e->calls--;
        return r;
    case IS_OBJECT:
        e->calls++;
        r = mq_enc_object(e, Z_OBJ_P(value), depth, key);
        e->calls--;
        return r;
    case IS_RESOURCE:
        php_error_docref(NULL, E_WARNING, "Ignoring field '%s' due to unsupported value type (%s)",
                         key, "resource");
        return MQ_ENC_SKIP;
    default:
        php_error_docref(NULL, E_WARNING, "Ignoring field '%s' due to unsupported value type (%s)",
                         key, "unknown");
        return MQ_ENC_SKIP;
    }
    return rc == MQ_OK ? MQ_ENC_OK : mq_enc_fail(rc);
}

/* The entries of a table; `top` is the arguments/headers array itself,
 * where integer keys are skipped with php-amqp's warning. */
static mq_enc_result mq_enc_entries(mq_enc *e, HashTable *ht, zend_long depth, bool top)
{
    zend_ulong idx;
    zend_string *k;
    zval *val;
    char buf[MAX_LENGTH_OF_LONG + 1];
    const char *key;
    size_t key_len, before;
    mq_enc_result r;
    int rc;

    ZEND_HASH_FOREACH_KEY_VAL_IND(ht, idx, k, val) {
        if (k) {
            key = ZSTR_VAL(k);
            key_len = ZSTR_LEN(k);
        } else if (top) {
            php_error_docref(NULL, E_WARNING, "Ignoring non-string header field '" ZEND_ULONG_FMT "'",
                             idx);
            continue;
        } else {
            /* nested tables: integer keys become their decimal string */
            char *end = buf + sizeof(buf) - 1;
            *end = '\0';
            key = zend_print_long_to_buf(end, (zend_long)idx);
            key_len = (size_t)(end - key);
        }
        if (key_len > 255) {
            php_mq_throwf(mq_ce_AMQPException, 0,
                          "The %s field name of %zu bytes exceeds the AMQP limit of 255 bytes.",
                          e->what ? e->what : "table", key_len);
            return MQ_ENC_FAIL;
        }
        before = e->w->len;
        rc = mq_table_key(e->w, key, key_len);
        if (rc != MQ_OK) {
            return mq_enc_fail(rc);
        }
        r = mq_enc_value(e, val, depth, key);
        if (r == MQ_ENC_FAIL) {
            return r;
        }
        if (r == MQ_ENC_SKIP) {
            e->w->len = before; /* drop the key written for it */
        }
    } ZEND_HASH_FOREACH_END();
    return MQ_ENC_OK;
}

/* The items of a list (keys dropped, order kept); an unsupported item is
 * skipped with a warning naming its position (§7.4). */
static mq_enc_result mq_enc_items(mq_enc *e, HashTable *ht, zend_long depth)
{
    zval *val;
    char buf[MAX_LENGTH_OF_LONG + 1];
    char *end = buf + sizeof(buf) - 1;
    zend_long pos = 0;
    mq_enc_result r;

    *end = '\0';
    ZEND_HASH_FOREACH_VAL_IND(ht, val) {
        r = mq_enc_value(e, val, depth, zend_print_long_to_buf(end, pos));
        if (r == MQ_ENC_FAIL) {
            return r;
        }
        pos++;
    } ZEND_HASH_FOREACH_END();
    return MQ_ENC_OK;
}

zend_result php_mq_table_from_array(mq_wbuf *w, HashTable *ht, const char *what)
{
    mq_enc e;
    size_t start = w->len, mark;
    mq_enc_result r;
    int rc;

    e.w = w;
    e.limit = mq_ini_long(mq_ini_serialization_depth);
    e.what = what;
    e.calls = 0;

    rc = mq_table_open(w, &mark);
    if (rc != MQ_OK) {
        mq_enc_fail(rc);
        return FAILURE;
    }
    GC_TRY_ADDREF(ht);
    GC_TRY_PROTECT_RECURSION(ht);
    r = mq_enc_entries(&e, ht, 1, true);
    GC_TRY_UNPROTECT_RECURSION(ht);
    zend_array_release(ht);
    if (r == MQ_ENC_OK) {
        rc = mq_table_close(w, mark);
        if (rc == MQ_OK) {
            return SUCCESS;
        }
        mq_enc_fail(rc);
    }
    w->len = start; /* nothing half-written is left behind */
    return FAILURE;
}

/* ---- warnings while a received message is converted ------------------------ */

/* A received message is converted from views into the core's buffers.  A
 * warning raised meanwhile would run the program's error handler, which may
 * call into the same connection and so move or free those buffers under the
 * conversion.  Between php_mq_warn_defer_begin() and _end() warnings are kept
 * and raised by the outermost _end(), once nothing reads the buffers. */
ZEND_TLS uint32_t mq_warn_depth;
ZEND_TLS uint32_t mq_warn_count;
ZEND_TLS zend_string **mq_warn_list;

void php_mq_warn_defer_begin(void)
{
    mq_warn_depth++;
}

void php_mq_warn_defer_end(void)
{
    uint32_t i, n;
    zend_string **list;

    if (mq_warn_depth == 0 || --mq_warn_depth > 0) {
        return;
    }
    /* taken first: a handler may receive (and convert) messages itself */
    list = mq_warn_list;
    n = mq_warn_count;
    mq_warn_list = NULL;
    mq_warn_count = 0;
    for (i = 0; i < n; i++) {
        if (!EG(exception)) {
            php_error_docref(NULL, E_WARNING, "%s", ZSTR_VAL(list[i]));
        }
        zend_string_release(list[i]);
    }
    if (list) {
        efree(list);
    }
}

static void mq_dec_warn(const char *fmt, ...) ZEND_ATTRIBUTE_FORMAT(printf, 1, 2);
static void mq_dec_warn(const char *fmt, ...)
{
    va_list ap;
    zend_string *text;

    va_start(ap, fmt);
    text = zend_vstrpprintf(0, fmt, ap);
    va_end(ap);
    if (mq_warn_depth == 0) {
        php_error_docref(NULL, E_WARNING, "%s", ZSTR_VAL(text));
        zend_string_release(text);
        return;
    }
    mq_warn_list = safe_erealloc(mq_warn_list, mq_warn_count + 1, sizeof(*mq_warn_list), 0);
    mq_warn_list[mq_warn_count++] = text;
}

/* ---- AMQP -> PHP ----------------------------------------------------------- */

typedef struct mq_dec {
    zend_long limit;  /* amqp.deserialization_depth */
    bool lenient;     /* drop failing top-level entries with a warning */
} mq_dec;

/* Decoder status: an exception is thrown only for MQ_DEC_FAIL. */
enum { MQ_DEC_OK = 0, MQ_DEC_SKIP = 1, MQ_DEC_TOO_DEEP = -1, MQ_DEC_BAD = -2, MQ_DEC_FAIL = -3 };

static int mq_dec_value(const mq_dec *d, const mq_field *f, zval *out, zend_long depth);

static void mq_dec_throw_depth(const mq_dec *d)
{
    php_mq_throwf(mq_ce_AMQPException, 0,
                  "Maximum deserialization depth limit of " ZEND_LONG_FMT
                  " reached while deserializing value",
                  d->limit);
}

static inline void mq_dec_long(zval *out, int64_t v)
{
#if SIZEOF_ZEND_LONG < 8
    if (v < ZEND_LONG_MIN || v > ZEND_LONG_MAX) {
        ZVAL_DOUBLE(out, (double)v);
        return;
    }
#endif
    ZVAL_LONG(out, (zend_long)v);
}

static inline void mq_dec_ulong(zval *out, uint64_t v)
{
    if (v > (uint64_t)ZEND_LONG_MAX) {
        ZVAL_DOUBLE(out, (double)v);
    } else {
        ZVAL_LONG(out, (zend_long)v);
    }
}

/* Entries of table content into the array `out` (already initialised). */
static int mq_dec_table(const mq_dec *d, mq_bytes content, zval *out, zend_long depth)
{
    mq_table_iter it;
    mq_bytes key;
    mq_field f;
    zval v;
    int rc, r;

    mq_table_iter_init(&it, content.ptr, content.len);
    while ((rc = mq_table_next(&it, &key, &f)) == 1) {
        r = mq_dec_value(d, &f, &v, depth);
        if (r == MQ_DEC_SKIP) {
            continue;
        }
        if (r != MQ_DEC_OK) {
            return r;
        }
        zend_symtable_str_update(Z_ARRVAL_P(out), key.len ? key.ptr : "", key.len, &v);
    }
    return rc == 0 ? MQ_DEC_OK : MQ_DEC_BAD;
}

static int mq_dec_list(const mq_dec *d, mq_bytes content, zval *out, zend_long depth)
{
    mq_table_iter it;
    mq_field f;
    zval v;
    int rc, r;

    mq_array_iter_init(&it, content.ptr, content.len);
    while ((rc = mq_array_next(&it, &f)) == 1) {
        r = mq_dec_value(d, &f, &v, depth);
        if (r == MQ_DEC_SKIP) {
            continue;
        }
        if (r != MQ_DEC_OK) {
            return r;
        }
        zend_hash_next_index_insert_new(Z_ARRVAL_P(out), &v);
    }
    return rc == 0 ? MQ_DEC_OK : MQ_DEC_BAD;
}

/* One value at nesting depth `depth` into *out (undefined unless OK). */
static int mq_dec_value(const mq_dec *d, const mq_field *f, zval *out, zend_long depth)
{
    zend_object *obj;
    int r;

    if (depth > d->limit || depth > MQ_VALUE_MAX_RECURSION) {
        return MQ_DEC_TOO_DEEP;
    }
    switch (f->kind) {
    case 't':
        ZVAL_BOOL(out, f->v.b);
        return MQ_DEC_OK;
    case 'b':
    case 's':
    case 'I':
    case 'l':
        mq_dec_long(out, f->v.i);
        return MQ_DEC_OK;
    case 'B':
    case 'u':
    case 'i':
    case 'L':
        mq_dec_ulong(out, f->v.u);
        return MQ_DEC_OK;
    case 'f':
        ZVAL_DOUBLE(out, (double)f->v.f);
        return MQ_DEC_OK;
    case 'd':
        ZVAL_DOUBLE(out, f->v.d);
        return MQ_DEC_OK;
    case 'S':
    case 'x':
        ZVAL_STRINGL_FAST(out, f->v.bytes.ptr, f->v.bytes.len);
        return MQ_DEC_OK;
    case 'V':
        ZVAL_NULL(out);
        return MQ_DEC_OK;
    case 'T':
        object_init_ex(out, mq_ce_AMQPTimestamp);
        obj = Z_OBJ_P(out);
        ZVAL_DOUBLE(OBJ_PROP_NUM(obj, MQ_TIMESTAMP_VALUE), (double)f->v.u);
        return MQ_DEC_OK;
    case 'D':
        object_init_ex(out, mq_ce_AMQPDecimal);
        obj = Z_OBJ_P(out);
        ZVAL_LONG(OBJ_PROP_NUM(obj, MQ_DECIMAL_EXPONENT), f->v.dec.scale);
        ZVAL_LONG(OBJ_PROP_NUM(obj, MQ_DECIMAL_SIGNIFICAND), (zend_long)f->v.dec.value);
        return MQ_DEC_OK;
    case 'F':
    case 'A':
        array_init(out);
        r = f->kind == 'F' ? mq_dec_table(d, f->v.bytes, out, depth + 1)
                           : mq_dec_list(d, f->v.bytes, out, depth + 1);
        if (r != MQ_DEC_OK) {
            zval_ptr_dtor(out);
        }
        return r;
    default:
        return MQ_DEC_SKIP; /* unknown kinds are left out */
    }
}

/* Top level: like mq_dec_table, but in lenient mode a failing entry is
 * dropped with a warning instead of failing the whole table. */
static int mq_dec_top(const mq_dec *d, mq_bytes content, zval *rv)
{
    mq_table_iter it;
    mq_bytes key;
    mq_field f;
    zval v;
    int rc, r;

    array_init(rv);
    mq_table_iter_init(&it, content.ptr, content.len);
    while ((rc = mq_table_next(&it, &key, &f)) == 1) {
        r = mq_dec_value(d, &f, &v, 1);
        if (r == MQ_DEC_SKIP) {
            continue;
        }
        if (r == MQ_DEC_OK) {
            zend_symtable_str_update(Z_ARRVAL_P(rv), key.len ? key.ptr : "", key.len, &v);
            continue;
        }
        if (!d->lenient) {
            return r;
        }
        if (r == MQ_DEC_TOO_DEEP) {
            mq_dec_warn("Ignoring header '%.*s': maximum deserialization depth limit of "
                        ZEND_LONG_FMT " reached while deserializing value",
                        (int)key.len, key.ptr, d->limit);
        } else {
            mq_dec_warn("Ignoring header '%.*s': %s", (int)key.len, key.ptr, mq_strerror(MQ_E_BAD_DATA));
        }
    }
    if (rc != 0) {
        if (!d->lenient) {
            return MQ_DEC_BAD;
        }
        mq_dec_warn("Ignoring the rest of the headers: %s", mq_strerror(rc));
    }
    return MQ_DEC_OK;
}

zend_result php_mq_array_from_table(zval *rv, mq_bytes content)
{
    mq_dec d;
    int r;

    d.limit = INI_INT("amqp.deserialization_depth");
    d.lenient = false;
    r = mq_dec_top(&d, content, rv);
    if (r == MQ_DEC_OK) {
        return SUCCESS;
    }
    zval_ptr_dtor(rv);
    ZVAL_NULL(rv);
    if (r == MQ_DEC_TOO_DEEP) {
        mq_dec_throw_depth(&d);
    } else {
        php_mq_throwf(mq_ce_AMQPException, 0, "%s", mq_strerror(MQ_E_BAD_DATA));
    }
    return FAILURE;
}

/* mq_envelope.c: headers of a received message.  Never fails: entries that
 * are too deep or malformed are dropped with a warning (docs/compatibility.md §7.13), so
 * the message itself is never lost. */
void php_mq_headers_from_table(zval *rv, mq_bytes content)
{
    mq_dec d;

    d.limit = INI_INT("amqp.deserialization_depth");
    d.lenient = true;
    mq_dec_top(&d, content, rv);
}

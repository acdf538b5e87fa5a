/* SPDX-License-Identifier: MIT */
/*
 * Private to the AMQPQueue and AMQPExchange files (mq_queue.c,
 * mq_queue_consume.c, mq_exchange.c): the flag values of the AMQP_*
 * constants these classes interpret, property-slot helpers that keep the
 * declared typed properties consistent (references are followed, the old
 * value is released only after the new one is in place), and the queue's
 * precondition/error helpers shared by its two files.
 */
#ifndef MQ_QUEUE_H
#define MQ_QUEUE_H

#include "php_mq_internal.h"

/* Values of the AMQP_* flag constants (stubs/amqp.stub.php). */
#define MQ_FLAG_JUST_CONSUME 1
#define MQ_FLAG_DURABLE 2
#define MQ_FLAG_PASSIVE 4
#define MQ_FLAG_EXCLUSIVE 8
#define MQ_FLAG_AUTODELETE 16
#define MQ_FLAG_INTERNAL 32
#define MQ_FLAG_NOLOCAL 64
#define MQ_FLAG_AUTOACK 128
#define MQ_FLAG_IFEMPTY 256
#define MQ_FLAG_IFUNUSED 512
#define MQ_FLAG_MANDATORY 1024
#define MQ_FLAG_IMMEDIATE 2048
#define MQ_FLAG_MULTIPLE 4096
#define MQ_FLAG_REQUEUE 16384

/* Declared property slot n of obj, with a reference (made through
 * reflection or Closure binding) followed. */
static inline zval *php_mq_slot(zend_object *obj, int n)
{
    zval *zv = PHP_MQ_PROP(obj, n);
    ZVAL_DEREF(zv);
    return zv;
}

/* Stores value in a slot, taking over the caller's reference; the
 * previous value is released last so that its destructor never sees a
 * half-updated object. */
static inline void php_mq_slot_move(zend_object *obj, int n, zval *value)
{
    zval *slot = php_mq_slot(obj, n);
    zval old;
    ZVAL_COPY_VALUE(&old, slot);
    ZVAL_COPY_VALUE(slot, value);
    zval_ptr_dtor(&old);
}

/* Stores a copy of value (one more reference) in a slot. */
static inline void php_mq_slot_set(zend_object *obj, int n, zval *value)
{
    zval v;
    ZVAL_COPY(&v, value);
    php_mq_slot_move(obj, n, &v);
}

/* Stores a string (one more reference) in a slot. */
static inline void php_mq_slot_set_str(zend_object *obj, int n, zend_string *s)
{
    zval v;
    ZVAL_STR_COPY(&v, s);
    php_mq_slot_move(obj, n, &v);
}

static inline void php_mq_slot_set_null(zend_object *obj, int n)
{
    zval v;
    ZVAL_NULL(&v);
    php_mq_slot_move(obj, n, &v);
}

static inline void php_mq_slot_set_bool(zend_object *obj, int n, bool b)
{
    zval v;
    ZVAL_BOOL(&v, b);
    php_mq_slot_move(obj, n, &v);
}

static inline bool php_mq_slot_bool(zend_object *obj, int n)
{
    return Z_TYPE_P(php_mq_slot(obj, n)) == IS_TRUE;
}

/* A ?string slot as bytes: null, unset and "" all give an empty view. */
static inline mq_bytes php_mq_slot_bytes(zend_object *obj, int n)
{
    zval *zv = php_mq_slot(obj, n);
    if (Z_TYPE_P(zv) == IS_STRING) {
        return mq_bytes_of(Z_STRVAL_P(zv), Z_STRLEN_P(zv));
    }
    return mq_bytes_of(NULL, 0);
}

/* The array in an array slot, separated so that it can be changed without
 * touching copies handed out earlier (docs/compatibility.md §7.2). */
static inline HashTable *php_mq_slot_array_for_write(zend_object *obj, int n)
{
    zval *zv = php_mq_slot(obj, n);
    if (Z_TYPE_P(zv) != IS_ARRAY) {
        zval_ptr_dtor(zv);
        array_init(zv);
    }
    SEPARATE_ARRAY(zv);
    return Z_ARRVAL_P(zv);
}

/* Encodes `ht` (arguments) as a field table into w and returns the table
 * content (after the u32 length), or FAILURE with an exception thrown. */
static inline zend_result php_mq_encode_table(mq_wbuf *w, HashTable *ht, mq_bytes *content)
{
    size_t start = w->len;
    if (php_mq_table_from_array(w, ht, "argument") == FAILURE) {
        w->len = start;
        return FAILURE;
    }
    *content = mq_bytes_of((const char *)w->data + start + 4, w->len - start - 4);
    return SUCCESS;
}

/* Names, routing keys and consumer tags are shortstrs on the wire: longer
 * ones are an error, never cut (docs/compatibility.md §7.16).  Throws ce "<context> The
 * <what> must not be longer than 255 bytes." and returns FAILURE. */
static inline zend_result php_mq_check_shortstr(const zend_string *s, zend_class_entry *ce,
                                                const char *context, const char *what)
{
    if (s && ZSTR_LEN(s) > 255) {
        php_mq_throwf(ce, 0, "%s The %s must not be longer than 255 bytes.", context, what);
        return FAILURE;
    }
    return SUCCESS;
}

/* mq_queue.c: the precondition checks of docs/compatibility.md §3.0 for a queue object
 * (stale when its constructor never ran); throws and returns NULL. */
php_mq_channel *php_mq_queue_check(zend_object *queue, const char *context);

/* The arguments methods of AMQPQueue and AMQPExchange (mq_arguments.c):
 * parse their parameters and work on the `arguments` slot `slot`; errors are
 * thrown as `ce`.  setArgument() accepts null, bool, int, float and string,
 * and with any_value also arrays and AMQPValue objects (else type_error). */
void php_mq_arguments_get(INTERNAL_FUNCTION_PARAMETERS, int slot, zend_class_entry *ce);
void php_mq_arguments_all(INTERNAL_FUNCTION_PARAMETERS, int slot);
void php_mq_arguments_set(INTERNAL_FUNCTION_PARAMETERS, int slot, zend_class_entry *ce,
                          bool any_value, const char *type_error);
void php_mq_arguments_remove(INTERNAL_FUNCTION_PARAMETERS, int slot);
void php_mq_arguments_replace(INTERNAL_FUNCTION_PARAMETERS, int slot);
void php_mq_arguments_has(INTERNAL_FUNCTION_PARAMETERS, int slot);

#endif

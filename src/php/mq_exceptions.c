/* SPDX-License-Identifier: MIT */
/*
 * The exception classes (AMQPException and its six subclasses, docs/compatibility.md
 * §3.8) and the one place where core errors become PHP exceptions:
 * php_mq_throw() picks the class and code for an mq_error following
 * php-amqp's rules (docs/compatibility.md §5.1/§5.2), php_mq_throwf() throws a formatted
 * message.  Messages are set as zend_strings, so reply texts stay
 * binary-safe.  AMQPEnvelopeException::getEnvelope() reads the declared
 * `envelope` property, which the consume loop fills for orphaned
 * deliveries.
 */
#include <ctype.h>

#include "php_mq_internal.h"
#include "zend_smart_str.h"

#include "AMQPException_arginfo.h"
#include "AMQPConnectionException_arginfo.h"
#include "AMQPChannelException_arginfo.h"
#include "AMQPQueueException_arginfo.h"
#include "AMQPExchangeException_arginfo.h"
#include "AMQPValueException_arginfo.h"
#include "AMQPEnvelopeException_arginfo.h"

zend_class_entry *mq_ce_AMQPException;
zend_class_entry *mq_ce_AMQPConnectionException;
zend_class_entry *mq_ce_AMQPChannelException;
zend_class_entry *mq_ce_AMQPQueueException;
zend_class_entry *mq_ce_AMQPExchangeException;
zend_class_entry *mq_ce_AMQPValueException;
zend_class_entry *mq_ce_AMQPEnvelopeException;

void php_mq_register_exceptions(void)
{
    mq_ce_AMQPException = register_class_AMQPException(zend_ce_exception);
    mq_ce_AMQPConnectionException = register_class_AMQPConnectionException(mq_ce_AMQPException);
    mq_ce_AMQPChannelException = register_class_AMQPChannelException(mq_ce_AMQPException);
    mq_ce_AMQPQueueException = register_class_AMQPQueueException(mq_ce_AMQPException);
    mq_ce_AMQPExchangeException = register_class_AMQPExchangeException(mq_ce_AMQPException);
    mq_ce_AMQPValueException = register_class_AMQPValueException(mq_ce_AMQPException);
}

void php_mq_register_envelope_exception(void)
{
    mq_ce_AMQPEnvelopeException = register_class_AMQPEnvelopeException(mq_ce_AMQPException);
}

/* Throws a new ce with message msg (taken over) and code. */
static void mq_throw_str(zend_class_entry *ce, zend_string *msg, zend_long code)
{
    zval ex, tmp;

    object_init_ex(&ex, ce);
    ZVAL_STR(&tmp, msg);
    zend_update_property_ex(zend_ce_exception, Z_OBJ(ex), ZSTR_KNOWN(ZEND_STR_MESSAGE), &tmp);
    zend_string_release(msg);
    if (code) {
        ZVAL_LONG(&tmp, code);
        zend_update_property_ex(zend_ce_exception, Z_OBJ(ex), ZSTR_KNOWN(ZEND_STR_CODE), &tmp);
    }
    zend_throw_exception_object(&ex);
}

void php_mq_throwf(zend_class_entry *ce, zend_long code, const char *fmt, ...)
{
    va_list ap;
    zend_string *msg;

    va_start(ap, fmt);
    msg = zend_vstrpprintf(0, fmt, ap);
    va_end(ap);
    mq_throw_str(ce, msg, code);
}

/* "<prefix><code>, message: <text>" with the text binary-safe. */
static zend_string *mq_server_message(const char *prefix, const mq_error *err)
{
    smart_str s = {0};
    size_t len = strnlen(err->text, sizeof(err->text));

    smart_str_appends(&s, prefix);
    smart_str_append_long(&s, (zend_long)err->reply_code);
    smart_str_appends(&s, ", message: ");
    smart_str_appendl(&s, err->text, len);
    return smart_str_extract(&s);
}

void php_mq_throw(const mq_error *err, int rc, zend_class_entry *default_ce)
{
    const char *text;
    zend_class_entry *ce;

    if (rc == MQ_E_INTERRUPTED && EG(exception)) {
        /* A signal handler already threw: that exception is the one to
         * report. */
        return;
    }
    /* The failed call is over, so this is a safe point: signal handlers
     * that became pending during it (e.g. SIGTERM while a publish waited
     * for its write timeout) run now, before the exception exists, since
     * PHP drops the signals it dispatches while an exception is in flight.
     * A handler that throws replaces the error.  The error record is
     * copied first: a handler may close or free the connection it is in. */
    mq_error copy;
    if (!EG(exception) && zend_atomic_bool_load_ex(&EG(vm_interrupt))) {
        if (err) {
            copy = *err;
            err = &copy;
        }
        if (php_mq_safe_point() == FAILURE && EG(exception)) {
            return;
        }
    }
    if (err && err->reply_code != 0) {
        if (rc == MQ_E_CONNECTION_CLOSED) {
            mq_throw_str(mq_ce_AMQPConnectionException,
                         mq_server_message("Server connection error: ", err), err->reply_code);
            return;
        }
        if (rc == MQ_E_CHANNEL_CLOSED) {
            mq_throw_str(default_ce ? default_ce : mq_ce_AMQPException,
                         mq_server_message("Server channel error: ", err), err->reply_code);
            return;
        }
    }

    text = (err && err->code == rc && err->text[0]) ? err->text : mq_strerror(rc);
    if (rc == MQ_E_BLOCKED) {
        /* mq extension: publish() on a connection the broker blocked
         * (connection.blocked, a memory or disk alarm) did not see it
         * unblocked within the write timeout.  Not a connection loss: the
         * connection stays open and nothing was sent.  "Could not publish
         * to exchange. Connection blocked by the server: <reason>" */
        smart_str s = {0};
        smart_str_appends(&s, "Could not publish to exchange. ");
        smart_str_appendc(&s, (char)toupper((unsigned char)text[0]));
        smart_str_appends(&s, text + 1);
        mq_throw_str(default_ce ? default_ce : mq_ce_AMQPExchangeException, smart_str_extract(&s), 0);
        return;
    }
    switch (rc) {
    case MQ_E_CLOSED:
    case MQ_E_SOCKET:
    case MQ_E_RESOLVE:
    case MQ_E_CONNECT:
    case MQ_E_HEARTBEAT: /* base AMQPException in the peer; §7.20 */
    case MQ_E_NOT_CONNECTED:
    case MQ_E_AUTH:      /* "unsupported sasl method requested" */
    case MQ_E_CONNECTION_CLOSED: /* without its record: still connection level */
        ce = mq_ce_AMQPConnectionException;
        break;
    case MQ_E_CHANNEL_CLOSED:
        ce = default_ce ? default_ce : mq_ce_AMQPException;
        break;
    default:
        ce = mq_ce_AMQPException;
        break;
    }
    mq_throw_str(ce, zend_string_init(text, strlen(text), 0), 0);
}

ZEND_METHOD(AMQPEnvelopeException, getEnvelope)
{
    zval rv, *env;

    ZEND_PARSE_PARAMETERS_NONE();

    /* Through the engine, so that an unset property gives its "must not be
     * accessed before initialization" Error (this is no hot path). */
    env = zend_read_property(mq_ce_AMQPEnvelopeException, Z_OBJ_P(ZEND_THIS), "envelope",
                             sizeof("envelope") - 1, false, &rv);
    if (EG(exception)) {
        RETURN_THROWS();
    }
    RETURN_COPY_DEREF(env);
}

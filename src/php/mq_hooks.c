/* SPDX-License-Identifier: MIT */
/*
 * The hooks the binding gives the core (mq_hooks): message bodies as
 * zend_strings from the request heap (checked against the memory left
 * first), and the interrupt level that lets event waits stop at a safe
 * point; the safe point itself (php_mq_safe_point()) and the end of a
 * suspended publish (php_mq_finish_write()).
 */
#include "php_mq_internal.h"
#include "mq_connection.h"

/* Bodies of at least this size are checked against the memory actually
 * available before they are allocated; smaller ones cannot end a process
 * that is not already at its limit. */
#define MQ_BODY_CHECK_MIN (1024 * 1024)
/* Room kept beyond the body itself: the string header, page and chunk
 * rounding of Zend's allocator, the envelope around the body. */
#define MQ_BODY_HEADROOM (2 * 1024 * 1024)

/* Message bodies are zend_strings from the request heap, so that a body
 * becomes a PHP string without a copy.  The size comes from the broker and
 * Zend's allocator ends the process (a fatal "Allowed memory size
 * exhausted" or "Out of memory") when it cannot provide it, so a large body
 * is first checked: with a memory_limit, it must fit in what is left of it
 * (limit - real usage - headroom); without one (-1), or with the Zend
 * allocator off (USE_ZEND_ALLOC=0: no limit accounting, malloc() failures
 * are fatal), malloc() must be able to provide it (a probe that fails
 * gracefully, then freed).  NULL makes
 * the core refuse the body: an exception naming the size, the connection
 * closed (tests/572). */
static void *mq_hook_body_alloc(void *ud, size_t len, char **data)
{
    zend_string *s;

    (void)ud;
    if (len > ZSTR_MAX_LEN - 1 - MQ_BODY_HEADROOM) {
        return NULL;
    }
    if (len >= MQ_BODY_CHECK_MIN) {
        if (PG(memory_limit) > 0 && is_zend_mm()) {
            size_t limit = (size_t)PG(memory_limit), used = zend_memory_usage(true);

            if (used + MQ_BODY_HEADROOM >= limit || len > limit - used - MQ_BODY_HEADROOM) {
                return NULL;
            }
        } else {
            /* memory_limit still bounds a body, usage unknown */
            if (PG(memory_limit) > 0 && len + MQ_BODY_HEADROOM > (size_t)PG(memory_limit)) {
                return NULL;
            }
            void *probe = malloc(len + MQ_BODY_HEADROOM);

            if (!probe) {
                return NULL;
            }
            free(probe);
        }
    }
    s = zend_string_alloc(len, 0);
    ZSTR_VAL(s)[len] = '\0';
    *data = ZSTR_VAL(s);
    return s;
}

static void mq_hook_body_free(void *ud, void *handle)
{
    (void)ud;
    if (handle) {
        zend_string_release((zend_string *)handle);
    }
}

/* The core asks whether PHP has code waiting to run (pcntl_async_signals
 * handlers, a timed out request) while it waits.  It never runs that code
 * here, inside the core: the core stops an event wait at a safe point and
 * the binding runs it through php_mq_safe_point(); other waits finish
 * first (the VM runs the handlers after the call, as for any internal
 * function).  A timed out request stops every wait and leaves the flag set
 * for the engine. */
static int mq_hook_interrupt(void *ud)
{
    (void)ud;
    if (!zend_atomic_bool_load_ex(&EG(vm_interrupt))) {
        return MQ_INTR_NONE;
    }
    return zend_atomic_bool_load_ex(&EG(timed_out)) ? MQ_INTR_ABORT : MQ_INTR_PENDING;
}

zend_result php_mq_safe_point(void)
{
    if (zend_atomic_bool_load_ex(&EG(vm_interrupt))) {
        if (zend_atomic_bool_load_ex(&EG(timed_out))) {
            return FAILURE; /* the engine reports it once the call returns */
        }
        if (zend_interrupt_function) {
            zend_atomic_bool_store_ex(&EG(vm_interrupt), false);
            zend_interrupt_function(EG(current_execute_data));
        }
    }
    return EG(exception) ? FAILURE : SUCCESS;
}

int php_mq_finish_write(php_mq_conn_res *res, int rc, zend_class_entry *ce)
{
    if (rc != MQ_E_INTERRUPTED || !mq_conn_write_suspended(res->conn)) {
        return rc;
    }
    php_mq_res_addref(res);
    while (rc == MQ_E_INTERRUPTED) {
        if (php_mq_safe_point() == FAILURE) {
            rc = mq_conn_abandon_write(res->conn);
            break;
        }
        rc = mq_conn_resume_write(res->conn);
    }
    if (rc < 0) {
        if (!EG(exception)) {
            php_mq_throw(mq_conn_error(res->conn), rc, ce);
        }
        php_mq_res_after_error(res);
    }
    php_mq_res_release(res);
    return rc;
}

void php_mq_set_hooks(mq_conn *conn)
{
    mq_hooks h;

    memset(&h, 0, sizeof(h));
    h.body_alloc = mq_hook_body_alloc;
    h.body_free = mq_hook_body_free;
    h.interrupt = mq_hook_interrupt;
    mq_conn_set_hooks(conn, &h);
}

void php_mq_clear_hooks(mq_conn *conn)
{
    mq_hooks h;

    memset(&h, 0, sizeof(h));
    mq_conn_set_hooks(conn, &h);
}

/* SPDX-License-Identifier: MIT */
/*
 * Private to the AMQPConnection and AMQPChannel files (mq_connection.c,
 * mq_conn_res.c, mq_connection_pool.c, mq_channel.c): the life cycle of the connection
 * resource (php_mq_conn_res).  A resource is created by one successful
 * open and never reopened: reconnecting makes a new one, so a channel that
 * still points to an old resource simply sees it closed.  It is reference
 * counted; the holders are the AMQPConnection object using it, the entry
 * of the persistent pool (persistent ones only) and every AMQPChannel
 * opened on it.  The last release frees it.  Also the slot helpers of
 * AMQPConnection's declared properties, shared by its two files.
 */
#ifndef MQ_CONNECTION_H
#define MQ_CONNECTION_H

#include "php_mq_internal.h"

/* Opens a core connection to the node of p, with php_mq_set_hooks()
 * applied.  NULL with an AMQPConnectionException (php-amqp's texts, or the
 * pending exception of an interrupted wait) thrown on failure; *rc gets
 * the core's return code (MQ_OK on success). */
mq_conn *php_mq_core_open(const mq_conn_params *p, int *rc);
/* A new resource around an open core connection (taken over); the caller
 * holds the one reference.  Never NULL. */
php_mq_conn_res *php_mq_res_open(mq_conn *conn, bool persistent);
void php_mq_res_addref(php_mq_conn_res *res);
/* Drops one reference; the last one aborts the socket if still open and
 * frees everything. */
void php_mq_res_release(php_mq_conn_res *res);
/* Marks every channel of res closed (bumps generation, forgets the
 * channel objects).  Call after closing the socket. */
void php_mq_res_invalidate(php_mq_conn_res *res);
/* Closes the connection gracefully (channels, then connection.close) and
 * invalidates res; errors are ignored.  Drops it from the pool when
 * persistent. */
void php_mq_res_close(php_mq_conn_res *res);
/* An AMQPConnection object lets go of res (its reference is released):
 * a transient connection is closed (aborted when `clean` is false); a
 * persistent one gets its channels closed and goes back to the pool, or
 * is dropped from it when it is broken or `clean` is false. */
void php_mq_res_detach(php_mq_conn_res *res, bool clean);
/* Starts (on) or stops the core's background heartbeat thread of an open
 * res (a no-op when heartbeats are off); FAILURE with an
 * AMQPConnectionException when the thread cannot be started. */
zend_result php_mq_res_heartbeat_thread(php_mq_conn_res *res, bool on);

/* ---- persistent pool (EG(persistent_list)) ---------------------------- */
/* Registers the pool's resource type (MINIT). */
void php_mq_pool_register(int module_number);
/* The pool key for a set of parameters: every field that makes two
 * connections interchangeable, in clear, length-prefixed, plus a keyed
 * hash (SipHash-2-4 with a per-process random key) of the password, which
 * never appears in clear. */
zend_string *php_mq_pool_key(const mq_conn_params *p);
/* A live pooled connection for key, lent to the caller (one reference,
 * in_use set); NULL when there is none (a dead one is discarded), or NULL
 * with an exception when the entry is in use or not ours. */
php_mq_conn_res *php_mq_pool_acquire(zend_string *key);
/* Adds a freshly opened persistent res to the pool under key (the pool
 * takes its own reference); false with an exception on failure. */
bool php_mq_pool_store(php_mq_conn_res *res, zend_string *key);
/* Removes res from the pool if it is there. */
void php_mq_pool_drop(php_mq_conn_res *res);

/* ---- several hosts, failover (mq extension) ---------------------------- */
/* One node of the credentials 'hosts' list. */
typedef struct php_mq_host {
    zend_string *host;          /* name or address (IPv6 without brackets) */
    uint16_t port;
} php_mq_host;

/* Opens a core connection for the AMQPConnection conn_obj: the core
 * parameters come from its properties; without a 'hosts' list it opens the
 * host/port properties' node (exactly as connect() always did).  With one,
 * it walks the list starting with the current node, or with the next one
 * when move_on is true (wrapping around), each node within the connect
 * timeout, and stops at the first that opens: that node becomes the
 * current one and the host/port properties are set to it.  A server
 * refusal during the handshake (connection.close: wrong login 403, vhost
 * 530), an interrupted wait or an out-of-memory stop the walk at once.
 * Returns the open connection (php_mq_set_hooks() applied; wrap it with
 * php_mq_res_open()), or NULL with the exception of the last attempt
 * thrown (the current node then stays as it was).  `persistent` only sets
 * the connection type the broker is told. */
mq_conn *php_mq_connection_open_core(zend_object *conn_obj, bool persistent, bool move_on);
/* The constructor's 'hosts'/'shuffle_hosts' step (mq_connection_hosts.c),
 * run after every other key: drops the list of an earlier construct, then
 * validates and stores credentials['hosts'] (shuffled with PHP's Mt19937
 * when 'shuffle_hosts' is true) and sets the host/port properties to its
 * first entry.  FAILURE with an AMQPConnectionException naming the bad
 * entry. */
zend_result php_mq_connection_construct_hosts(zend_object *conn_obj, HashTable *credentials);
/* Frees the 'hosts' list (mq_connection_hosts.c). */
void php_mq_connection_hosts_free(php_mq_connection *c);
/* The host/port properties are the list's current node: copies what
 * setHost()/setPort() changed there into that entry.  Call before using
 * the list (c->hosts not NULL; mq_connection_hosts.c). */
void php_mq_connection_hosts_sync(zend_object *conn_obj, php_mq_connection *c);
/* Makes entry i the current node and sets the host/port properties to it
 * (mq_connection_hosts.c). */
void php_mq_connection_hosts_select(zend_object *conn_obj, php_mq_connection *c, uint32_t i);

/* ---- AMQPConnection properties by slot (mq_connection*.c) -------------- */
/* Declared property slot n of a connection, a reference followed. */
static inline zval *php_mq_conn_slot(zend_object *obj, int n)
{
    zval *zv = PHP_MQ_PROP(obj, n);
    ZVAL_DEREF(zv);
    return zv;
}

/* The value of slot n, or NULL with the engine's Error when the
 * constructor never initialised it (mq_connection.c). */
zval *php_mq_conn_read(zend_object *obj, int n);

/* Stores value (taken over) in slot n; the old value is released last. */
static inline void php_mq_conn_write(zend_object *obj, int n, zval *value)
{
    zval *slot = php_mq_conn_slot(obj, n);
    zval old;

    ZVAL_COPY_VALUE(&old, slot);
    ZVAL_COPY_VALUE(slot, value);
    zval_ptr_dtor(&old);
}

static inline void php_mq_conn_write_long(zend_object *obj, int n, zend_long l)
{
    zval v;
    ZVAL_LONG(&v, l);
    php_mq_conn_write(obj, n, &v);
}

/* Stored float/int of slot n (0 when unset). */
static inline double php_mq_conn_double(zend_object *obj, int n)
{
    zval *zv = php_mq_conn_slot(obj, n);
    return Z_TYPE_P(zv) == IS_DOUBLE ? Z_DVAL_P(zv) : 0.0;
}

static inline zend_long php_mq_conn_long(zend_object *obj, int n)
{
    zval *zv = php_mq_conn_slot(obj, n);
    return Z_TYPE_P(zv) == IS_LONG ? Z_LVAL_P(zv) : 0;
}

/* Getter body: return slot n as it is. */
static inline void php_mq_conn_return_prop(zend_object *obj, int n, zval *return_value)
{
    zval *zv = php_mq_conn_read(obj, n);
    if (zv) {
        ZVAL_COPY(return_value, zv);
    }
}

static inline bool php_mq_conn_is_open(const php_mq_connection *c)
{
    return c->res && php_mq_res_is_open(c->res);
}

#endif

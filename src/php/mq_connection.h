/* SPDX-License-Identifier: MIT */
/*
 * Private to the AMQPConnection and AMQPChannel files (mq_connection.c,
 * mq_connection_pool.c, mq_channel.c): the life cycle of the connection
 * resource (php_mq_conn_res).  A resource is created by one successful
 * open and never reopened: reconnecting makes a new one, so a channel that
 * still points to an old resource simply sees it closed.  It is reference
 * counted; the holders are the AMQPConnection object using it, the entry
 * of the persistent pool (persistent ones only) and every AMQPChannel
 * opened on it.  The last release frees it.
 */
#ifndef MQ_CONNECTION_H
#define MQ_CONNECTION_H

#include "php_mq_internal.h"

/* Opens a new connection with p; the caller holds the one reference.
 * NULL with an AMQPConnectionException (or the pending exception of an
 * interrupted wait) thrown on failure. */
php_mq_conn_res *php_mq_res_open(const mq_conn_params *p, bool persistent);
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

/* ---- persistent pool (EG(persistent_list)) ---------------------------- */
/* Registers the pool's resource type (MINIT). */
void php_mq_pool_register(int module_number);
/* The pool key for a set of parameters: a SHA-256 of every field that
 * makes two connections interchangeable (never the password in clear). */
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

#endif

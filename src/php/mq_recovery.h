/* SPDX-License-Identifier: MIT */
/*
 * Private to the automatic recovery files: the recorded topology
 * (mq_recovery_topology.c: configuration, recording, renames) and the
 * recovery itself (mq_recovery.c).
 */
#ifndef MQ_RECOVERY_H
#define MQ_RECOVERY_H

#include "php_mq_internal.h"

enum { TOPO_EXCHANGE = 1, TOPO_QUEUE, TOPO_QUEUE_BIND, TOPO_EXCHANGE_BIND, TOPO_CONSUMER };

/* Flag bits of a record (per kind). */
enum {
    TOPO_DURABLE = 1, TOPO_AUTO_DELETE = 2, TOPO_INTERNAL = 4, TOPO_EXCLUSIVE = 8,
    TOPO_SERVER_NAMED = 16, TOPO_NO_LOCAL = 32, TOPO_NO_ACK = 64
};

/* One recorded declaration.  s[]: exchange: name, type; queue: name;
 * bindings: destination, source, routing key; consumer: queue, tag. */
typedef struct {
    uint8_t kind;
    uint8_t flags;
    uint16_t channel; /* consumer */
    zend_string *s[3];
    zend_string *args; /* field table content, NULL when empty */
} mq_topo;

struct php_mq_recovery {
    double interval;     /* first delay between attempts (seconds) */
    double max_interval; /* delays double up to this */
    double timeout;      /* give up after this long (0: never) */
    bool running;        /* a recovery is in progress (no re-entry from callbacks) */
    zval callback;       /* setRecoveryCallback(); UNDEF: none */
    HashTable *renames;  /* server-named queues renamed by recoveries: old name => current name */
    mq_topo *items;
    uint32_t n, cap;
};

static inline zend_string *bstr(mq_bytes b)
{
    return zend_string_init(b.ptr ? b.ptr : "", b.len, 0);
}

static inline bool str_is(const zend_string *s, mq_bytes b)
{
    return s && ZSTR_LEN(s) == b.len && (b.len == 0 || memcmp(ZSTR_VAL(s), b.ptr, b.len) == 0);
}

static inline bool args_equal(const zend_string *s, mq_bytes b)
{
    return s ? str_is(s, b) : b.len == 0;
}

/* Removes the records for which drop(record, arg) is true (order kept). */
void php_mq_topo_remove(php_mq_recovery *r, bool (*drop)(const mq_topo *, const void *), const void *arg);
/* Remembers that a recovery renamed server-named queue old to new_name. */
void php_mq_recovery_remember_rename(php_mq_recovery *r, zend_string *old, zend_string *new_name);

#endif

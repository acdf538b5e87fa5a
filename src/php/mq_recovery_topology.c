/* SPDX-License-Identifier: MIT */
/*
 * Automatic recovery (mq extension), the recorded side: the credentials
 * keys, the recovery callback, and the record of what a connection with
 * recovery on declared (exchanges, queues, bindings, consumers; deletes,
 * unbinds and cancels remove entries) that mq_recovery.c replays, plus the
 * renames of server-named queues that queue objects follow.
 */
#include "mq_recovery.h"
#include "mq_queue.h"

#include <math.h>

/* ---- configuration ------------------------------------------------------ */

static zend_result cred_seconds(HashTable *ht, const char *key, double def, double *out)
{
    zval *zv = zend_hash_str_find_deref(ht, key, strlen(key));
    double d;

    *out = def;
    if (!zv || Z_TYPE_P(zv) == IS_NULL) {
        return SUCCESS;
    }
    d = zval_get_double(zv);
    if (EG(exception)) {
        return FAILURE;
    }
    if (!(d >= 0) || !isfinite(d)) {
        php_mq_throwf(mq_ce_AMQPConnectionException, 0,
                      "Parameter '%s' must be greater than or equal to zero.", key);
        return FAILURE;
    }
    *out = d;
    return SUCCESS;
}

zend_result php_mq_recovery_configure(php_mq_connection *c, HashTable *credentials)
{
    zval *on = credentials ? zend_hash_str_find_deref(credentials, "recovery", sizeof("recovery") - 1) : NULL;
    double interval, max_interval, timeout;
    php_mq_recovery *r;

    php_mq_recovery_free(c);
    if (!on || !zend_is_true(on)) {
        return SUCCESS;
    }
    if (cred_seconds(credentials, "recovery_interval", 0.5, &interval) == FAILURE
        || cred_seconds(credentials, "recovery_max_interval", 8.0, &max_interval) == FAILURE
        || cred_seconds(credentials, "recovery_timeout", 60.0, &timeout) == FAILURE) {
        return FAILURE;
    }
    r = ecalloc(1, sizeof(*r));
    r->interval = interval;
    r->max_interval = max_interval < interval ? interval : max_interval;
    r->timeout = timeout;
    ZVAL_UNDEF(&r->callback);
    c->recovery = r;
    return SUCCESS;
}

static void topo_free(mq_topo *t)
{
    for (int i = 0; i < 3; i++) {
        if (t->s[i]) {
            zend_string_release(t->s[i]);
        }
    }
    if (t->args) {
        zend_string_release(t->args);
    }
    memset(t, 0, sizeof(*t));
}

void php_mq_recovery_free(php_mq_connection *c)
{
    php_mq_recovery *r = c->recovery;

    if (!r) {
        return;
    }
    c->recovery = NULL;
    for (uint32_t i = 0; i < r->n; i++) {
        topo_free(&r->items[i]);
    }
    if (r->items) {
        efree(r->items);
    }
    zval_ptr_dtor(&r->callback);
    if (r->renames) {
        zend_array_destroy(r->renames);
    }
    efree(r);
}

zval *php_mq_recovery_gc(php_mq_connection *c)
{
    return c->recovery && !Z_ISUNDEF(c->recovery->callback) ? &c->recovery->callback : NULL;
}

ZEND_METHOD(AMQPConnection, setRecoveryCallback)
{
    php_mq_connection *c = php_mq_connection_from_obj(Z_OBJ_P(ZEND_THIS));
    zend_fcall_info fci = empty_fcall_info;
    zend_fcall_info_cache fcc = empty_fcall_info_cache;

    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_FUNC_OR_NULL(fci, fcc)
    ZEND_PARSE_PARAMETERS_END();

    if (!c->recovery) {
        php_mq_throwf(mq_ce_AMQPConnectionException, 0,
                      "Recovery is not enabled for this connection (credentials key 'recovery').");
        RETURN_THROWS();
    }
    php_mq_callback_store(&c->recovery->callback, &fci);
}

ZEND_METHOD(AMQPConnection, isRecoveryEnabled)
{
    ZEND_PARSE_PARAMETERS_NONE();
    RETURN_BOOL(php_mq_connection_from_obj(Z_OBJ_P(ZEND_THIS))->recovery != NULL);
}

/* ---- recording ---------------------------------------------------------- */

/* The recovery state of the connection that owns ch's resource, or NULL
 * when recovery is off (or ch's resource is no longer that connection's). */
static php_mq_recovery *chan_recovery(php_mq_channel *ch)
{
    zval *conn;
    php_mq_connection *c;

    if (!ch->res || !ch->res->recoverable) {
        return NULL;
    }
    conn = OBJ_PROP_NUM(&ch->std, MQ_CHAN_PROP_CONNECTION);
    ZVAL_DEREF(conn);
    if (Z_TYPE_P(conn) != IS_OBJECT) {
        return NULL;
    }
    c = php_mq_connection_from_obj(Z_OBJ_P(conn));
    return c->res == ch->res ? c->recovery : NULL;
}

/* Removes the records for which drop() says so (order kept). */
void php_mq_topo_remove(php_mq_recovery *r, bool (*drop)(const mq_topo *, const void *), const void *arg)
{
    uint32_t j = 0;
    for (uint32_t i = 0; i < r->n; i++) {
        if (drop(&r->items[i], arg)) {
            topo_free(&r->items[i]);
        } else {
            r->items[j++] = r->items[i];
        }
    }
    r->n = j;
}

static mq_topo *topo_add(php_mq_recovery *r, uint8_t kind, uint8_t flags, mq_bytes args)
{
    mq_topo *t;
    if (r->n == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 16;
        r->items = erealloc(r->items, r->cap * sizeof(*r->items));
    }
    t = &r->items[r->n++];
    memset(t, 0, sizeof(*t));
    t->kind = kind;
    t->flags = flags;
    t->args = args.len ? bstr(args) : NULL;
    return t;
}

typedef struct {
    uint8_t kind;
    mq_bytes a, b, c, args;
    uint16_t channel;
} topo_key;

static bool drop_named(const mq_topo *t, const void *arg)
{
    const topo_key *k = arg;
    return t->kind == k->kind && str_is(t->s[0], k->a);
}

/* A queue or exchange that is gone takes its bindings (and a queue its
 * consumers) with it. */
static bool drop_deleted(const mq_topo *t, const void *arg)
{
    const topo_key *k = arg;
    if (t->kind == k->kind && str_is(t->s[0], k->a)) {
        return true;
    }
    if (k->kind == TOPO_QUEUE) {
        return (t->kind == TOPO_QUEUE_BIND && str_is(t->s[0], k->a))
               || (t->kind == TOPO_CONSUMER && str_is(t->s[0], k->a));
    }
    return (t->kind == TOPO_QUEUE_BIND && str_is(t->s[1], k->a))
           || (t->kind == TOPO_EXCHANGE_BIND && (str_is(t->s[0], k->a) || str_is(t->s[1], k->a)));
}

static bool drop_binding(const mq_topo *t, const void *arg)
{
    const topo_key *k = arg;
    return t->kind == k->kind && str_is(t->s[0], k->a) && str_is(t->s[1], k->b)
           && str_is(t->s[2], k->c) && args_equal(t->args, k->args);
}

static bool drop_consumer(const mq_topo *t, const void *arg)
{
    const topo_key *k = arg;
    return t->kind == TOPO_CONSUMER && t->channel == k->channel && str_is(t->s[1], k->b);
}

void php_mq_recovery_note_exchange(php_mq_channel *ch, mq_bytes name, mq_bytes type, bool durable,
                                   bool auto_delete, bool internal, mq_bytes args)
{
    php_mq_recovery *r = chan_recovery(ch);
    topo_key k = {.kind = TOPO_EXCHANGE, .a = name};
    mq_topo *t;

    if (!r || name.len == 0) {
        return; /* the default exchange is not declared */
    }
    php_mq_topo_remove(r, drop_named, &k);
    t = topo_add(r, TOPO_EXCHANGE,
                 (durable ? TOPO_DURABLE : 0) | (auto_delete ? TOPO_AUTO_DELETE : 0) | (internal ? TOPO_INTERNAL : 0),
                 args);
    t->s[0] = bstr(name);
    t->s[1] = bstr(type);
}

void php_mq_recovery_note_queue(php_mq_channel *ch, bool server_named, mq_bytes name, bool durable,
                                bool exclusive, bool auto_delete, mq_bytes args)
{
    php_mq_recovery *r = chan_recovery(ch);
    topo_key k = {.kind = TOPO_QUEUE, .a = name};
    mq_topo *t;

    if (!r) {
        return;
    }
    php_mq_topo_remove(r, drop_named, &k);
    t = topo_add(r, TOPO_QUEUE,
                 (durable ? TOPO_DURABLE : 0) | (exclusive ? TOPO_EXCLUSIVE : 0)
                     | (auto_delete ? TOPO_AUTO_DELETE : 0) | (server_named ? TOPO_SERVER_NAMED : 0),
                 args);
    t->s[0] = bstr(name);
}

void php_mq_recovery_note_delete(php_mq_channel *ch, bool queue, mq_bytes name)
{
    php_mq_recovery *r = chan_recovery(ch);
    topo_key k = {.kind = queue ? TOPO_QUEUE : TOPO_EXCHANGE, .a = name};

    if (r) {
        php_mq_topo_remove(r, drop_deleted, &k);
    }
}

void php_mq_recovery_note_binding(php_mq_channel *ch, bool queue, bool bind, mq_bytes destination,
                                  mq_bytes source, mq_bytes routing_key, mq_bytes args)
{
    php_mq_recovery *r = chan_recovery(ch);
    topo_key k = {.kind = queue ? TOPO_QUEUE_BIND : TOPO_EXCHANGE_BIND, .a = destination, .b = source,
                   .c = routing_key, .args = args};
    mq_topo *t;

    if (!r) {
        return;
    }
    php_mq_topo_remove(r, drop_binding, &k);
    if (bind) {
        t = topo_add(r, k.kind, 0, args);
        t->s[0] = bstr(destination);
        t->s[1] = bstr(source);
        t->s[2] = bstr(routing_key);
    }
}

void php_mq_recovery_note_consumer(php_mq_channel *ch, bool add, mq_bytes tag, mq_bytes queue,
                                   bool no_local, bool no_ack, bool exclusive, mq_bytes args)
{
    php_mq_recovery *r = chan_recovery(ch);
    topo_key k = {.kind = TOPO_CONSUMER};
    mq_topo *t;

    if (!r) {
        return;
    }
    k.channel = ch->id;
    k.b = tag;
    php_mq_topo_remove(r, drop_consumer, &k);
    if (add) {
        t = topo_add(r, TOPO_CONSUMER,
                     (no_local ? TOPO_NO_LOCAL : 0) | (no_ack ? TOPO_NO_ACK : 0) | (exclusive ? TOPO_EXCLUSIVE : 0),
                     args);
        t->channel = ch->id;
        t->s[0] = bstr(queue);
        t->s[1] = bstr(tag);
    }
}

/* Remembers old => new for queue objects that still hold the old name
 * (php_mq_recovery_follow_rename()); earlier names of the same queue
 * now lead to the new one too. */
void php_mq_recovery_remember_rename(php_mq_recovery *r, zend_string *old, zend_string *new_name)
{
    zval *v, nz;
    if (!r->renames) {
        ALLOC_HASHTABLE(r->renames);
        zend_hash_init(r->renames, 8, NULL, ZVAL_PTR_DTOR, 0);
    }
    ZEND_HASH_FOREACH_VAL(r->renames, v) {
        if (zend_string_equals(Z_STR_P(v), old)) {
            zval_ptr_dtor(v);
            ZVAL_STR_COPY(v, new_name);
        }
    } ZEND_HASH_FOREACH_END();
    ZVAL_STR_COPY(&nz, new_name);
    zend_hash_update(r->renames, old, &nz);
}

void php_mq_recovery_follow_rename(php_mq_channel *ch, zend_object *queue)
{
    php_mq_recovery *r = chan_recovery(ch);
    zval *name, *now;
    if (!r || !r->renames) {
        return;
    }
    name = php_mq_slot(queue, MQ_QUEUE_PROP_NAME);
    if (Z_TYPE_P(name) == IS_STRING && (now = zend_hash_find(r->renames, Z_STR_P(name)))) {
        php_mq_slot_set_str(queue, MQ_QUEUE_PROP_NAME, Z_STR_P(now));
    }
}

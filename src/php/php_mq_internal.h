/* SPDX-License-Identifier: MIT */
/*
 * What the binding files share: object layouts, class entries, the
 * connection resource (which persistent connections keep across requests),
 * and the helpers that turn core errors into exceptions and core messages
 * into PHP objects.  Nothing here knows the wire format: that is the core's
 * (src/amqp/).
 */
#ifndef PHP_MQ_INTERNAL_H
#define PHP_MQ_INTERNAL_H

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <ctype.h>
#include <stddef.h>
#include <time.h>

#include "php.h"
#include "php_ini.h"
#include "zend_exceptions.h"
#include "zend_interfaces.h"
#include "ext/standard/info.h"

#include "php_mq.h"
#include "mq_conn.h"
#include "mq_table.h"

/* PHP 8.6 drops INI_INT/INI_STR/INI_FLT/INI_BOOL for the
 * zend_ini_*_literal() macros; the old names keep working here. */
#if PHP_VERSION_ID >= 80600
# ifndef INI_INT
#  define INI_INT(name) zend_ini_long_literal(name)
# endif
# ifndef INI_STR
#  define INI_STR(name) zend_ini_string_literal(name)
# endif
# ifndef INI_FLT
#  define INI_FLT(name) zend_ini_double_literal(name)
# endif
# ifndef INI_BOOL
#  define INI_BOOL(name) zend_ini_bool_literal(name)
# endif
#endif

/* ---- class entries (registered in MINIT by each class file) ------------ */
extern zend_class_entry *mq_ce_AMQPConnection;
extern zend_class_entry *mq_ce_AMQPChannel;
extern zend_class_entry *mq_ce_AMQPQueue;
extern zend_class_entry *mq_ce_AMQPExchange;
extern zend_class_entry *mq_ce_AMQPBasicProperties;
extern zend_class_entry *mq_ce_AMQPEnvelope;
extern zend_class_entry *mq_ce_AMQPValue;
extern zend_class_entry *mq_ce_AMQPDecimal;
extern zend_class_entry *mq_ce_AMQPTimestamp;
extern zend_class_entry *mq_ce_AMQPException;
extern zend_class_entry *mq_ce_AMQPConnectionException;
extern zend_class_entry *mq_ce_AMQPChannelException;
extern zend_class_entry *mq_ce_AMQPQueueException;
extern zend_class_entry *mq_ce_AMQPExchangeException;
extern zend_class_entry *mq_ce_AMQPValueException;
extern zend_class_entry *mq_ce_AMQPEnvelopeException;

/* MINIT/MSHUTDOWN parts, one per file, called from mq_module.c. */
void php_mq_register_exceptions(void);          /* mq_exceptions.c */
void php_mq_register_envelope_exception(void);  /* mq_exceptions.c: after AMQPEnvelope (peer's class order) */
void php_mq_register_values(void);              /* mq_value.c: AMQPValue, AMQPDecimal, AMQPTimestamp */
void php_mq_register_basic_properties(void);    /* mq_basic_properties.c */
void php_mq_register_envelope(void);            /* mq_envelope.c */
void php_mq_register_connection(int module_number); /* mq_connection.c (persistent list type) */
void php_mq_register_channel(void);             /* mq_channel.c */
void php_mq_register_queue(void);               /* mq_queue.c */
void php_mq_register_exchange(void);            /* mq_exchange.c */

/* ---- module globals: none are needed for state; ini values are read with
 * INI_INT/INI_STR/INI_FLT like the peer does. ---------------------------- */

/* ---- the connection resource ------------------------------------------ */
struct php_mq_channel;

/* One live AMQP connection plus the binding's view of it.  Transient ones
 * are emalloc'd and owned by their AMQPConnection object; persistent ones
 * are pemalloc'd, live in EG(persistent_list) and are lent to one
 * AMQPConnection object at a time. */
typedef struct php_mq_conn_res {
    mq_conn *conn;              /* the core connection */
    bool persistent;            /* lives in the persistent pool */
    bool in_use;                /* a persistent one currently lent to an object */
    uint32_t refcount;          /* holders: owning object, pool entry, each channel (mq_conn_res.c) */
    uint32_t generation;        /* bumped whenever the socket is (re)opened or closed */
    zend_string *pool_key;      /* persistent only (pemalloc'd); never holds the password in clear */
    uint16_t channel_max;       /* size of `channels` minus one */
    struct php_mq_channel **channels; /* id -> channel object (weak), for dispatch */
    bool recoverable;           /* opened by a connection with recovery on (mq_recovery.c) */
    bool lost;                  /* failed recoverably: channels kept for the recovery */
    zend_string *lost_error;    /* what failed (lost only) */
    uint32_t host_index;        /* persistent with a 'hosts' list: the node's index in the list's sorted form (mq_connection.c) */
} php_mq_conn_res;

/* ---- objects ----------------------------------------------------------- */
/* AMQPConnection: configuration lives in the declared private properties
 * (same names and order as php-amqp, so var_dump and reflection match),
 * except the password, which only lives here; its property holds a mask. */
typedef struct php_mq_connection {
    php_mq_conn_res *res;   /* NULL when never connected */
    zend_string *password;  /* the real password */
    bool is_persistent;     /* res came from the pool */
    bool heartbeat_thread;  /* credentials 'heartbeat_thread' / amqp.heartbeat_thread: background heartbeats (mq_connection.c) */
    bool uri_tls;           /* an amqps:// URI asked for TLS, even without a CA file (mq_connection_uri.c) */
    zend_string *sni;       /* server_name_indication of a URI, or NULL (mq_connection_uri.c) */
    zval blocked_cb;        /* setBlockedCallback() callable (mq extension); UNDEF: none */
    struct php_mq_recovery *recovery; /* automatic recovery (mq extension, mq_recovery.c); NULL: off */
    struct php_mq_host *hosts; /* credentials 'hosts' failover list (mq extension, emalloc'd); NULL: none (mq_connection_hosts.c) */
    uint32_t host_count;    /* entries in hosts */
    uint32_t host_current;  /* the entry the host/port properties hold */
    zend_object std;
} php_mq_connection;

typedef struct php_mq_channel {
    php_mq_conn_res *res;      /* NULL before a successful construct */
    uint32_t generation;       /* res->generation when opened */
    uint16_t id;               /* channel id (kept after close, like the peer) */
    bool confirm_mode;         /* confirm.select done */
    uint64_t tag_base;         /* added to delivery tags: the last tag before a recovery (mq_recovery.c) */
    uint64_t last_tag;         /* highest delivery tag handed out (tag_base included) */
    zend_fcall_info_cache ack_fcc, nack_fcc, return_fcc; /* callbacks (function_handler NULL = none) */
    zval ack_cb, nack_cb, return_cb; /* the callables, kept for GC and refcount */
    zend_object std;
} php_mq_channel;

/* AMQPQueue: configuration in declared properties (var_dump parity); the
 * mq-only state lives here so that var_dump stays the peer's. */
typedef struct php_mq_queue {
    zend_long consumer_count; /* consumer count of the last declare (-1: none yet) */
    zval cancel_cb;           /* setCancelCallback() callable (mq extension); UNDEF: none */
    zend_object std;
} php_mq_queue;

static inline php_mq_queue *php_mq_queue_from_obj(zend_object *obj)
{
    return (php_mq_queue *)((char *)obj - offsetof(php_mq_queue, std));
}
static inline php_mq_connection *php_mq_connection_from_obj(zend_object *obj)
{
    return (php_mq_connection *)((char *)obj - offsetof(php_mq_connection, std));
}
static inline php_mq_channel *php_mq_channel_from_obj(zend_object *obj)
{
    return (php_mq_channel *)((char *)obj - offsetof(php_mq_channel, std));
}

/* Declared property slots (0-based, declaration order of the stubs). */
enum {
    MQ_CONN_PROP_LOGIN, MQ_CONN_PROP_PASSWORD, MQ_CONN_PROP_HOST, MQ_CONN_PROP_VHOST,
    MQ_CONN_PROP_PORT, MQ_CONN_PROP_READ_TIMEOUT, MQ_CONN_PROP_WRITE_TIMEOUT,
    MQ_CONN_PROP_CONNECT_TIMEOUT, MQ_CONN_PROP_RPC_TIMEOUT, MQ_CONN_PROP_FRAME_MAX,
    MQ_CONN_PROP_CHANNEL_MAX, MQ_CONN_PROP_HEARTBEAT, MQ_CONN_PROP_CACERT, MQ_CONN_PROP_KEY,
    MQ_CONN_PROP_CERT, MQ_CONN_PROP_VERIFY, MQ_CONN_PROP_SASL_METHOD,
    MQ_CONN_PROP_CONNECTION_NAME
};
enum {
    MQ_CHAN_PROP_CONNECTION, MQ_CHAN_PROP_PREFETCH_COUNT, MQ_CHAN_PROP_PREFETCH_SIZE,
    MQ_CHAN_PROP_GLOBAL_PREFETCH_COUNT, MQ_CHAN_PROP_GLOBAL_PREFETCH_SIZE,
    MQ_CHAN_PROP_CONSUMERS
};
enum {
    MQ_QUEUE_PROP_CONNECTION, MQ_QUEUE_PROP_CHANNEL, MQ_QUEUE_PROP_NAME,
    MQ_QUEUE_PROP_CONSUMER_TAG, MQ_QUEUE_PROP_PASSIVE, MQ_QUEUE_PROP_DURABLE,
    MQ_QUEUE_PROP_EXCLUSIVE, MQ_QUEUE_PROP_AUTO_DELETE, MQ_QUEUE_PROP_ARGUMENTS
};
enum {
    MQ_EXCH_PROP_CONNECTION, MQ_EXCH_PROP_CHANNEL, MQ_EXCH_PROP_NAME, MQ_EXCH_PROP_TYPE,
    MQ_EXCH_PROP_PASSIVE, MQ_EXCH_PROP_DURABLE, MQ_EXCH_PROP_AUTO_DELETE,
    MQ_EXCH_PROP_INTERNAL, MQ_EXCH_PROP_ARGUMENTS
};
/* AMQPBasicProperties (14), then AMQPEnvelope's own 6 (slots 14..19). */
enum {
    MQ_PROPS_CONTENT_TYPE, MQ_PROPS_CONTENT_ENCODING, MQ_PROPS_HEADERS,
    MQ_PROPS_DELIVERY_MODE, MQ_PROPS_PRIORITY, MQ_PROPS_CORRELATION_ID, MQ_PROPS_REPLY_TO,
    MQ_PROPS_EXPIRATION, MQ_PROPS_MESSAGE_ID, MQ_PROPS_TIMESTAMP, MQ_PROPS_TYPE,
    MQ_PROPS_USER_ID, MQ_PROPS_APP_ID, MQ_PROPS_CLUSTER_ID,
    MQ_ENV_BODY, MQ_ENV_CONSUMER_TAG, MQ_ENV_DELIVERY_TAG, MQ_ENV_IS_REDELIVERY,
    MQ_ENV_EXCHANGE_NAME, MQ_ENV_ROUTING_KEY
};
/* Declared property slot n of an object. */
#define PHP_MQ_PROP(obj, n) OBJ_PROP_NUM((obj), (n))

/* ---- errors (mq_exceptions.c) ------------------------------------------ */
/* Throws the exception for a failed core call, following php-amqp's rules:
 * server connection.close -> AMQPConnectionException
 *   "Server connection error: %d, message: %s" (code = reply code);
 * server channel.close -> default_ce "Server channel error: %d, message: %s";
 * transport loss (closed, socket, resolve, heartbeat) -> AMQPConnectionException
 *   with the core's text, code 0; MQ_E_BLOCKED (publish on a blocked
 *   connection, mq extension) -> default_ce "Could not publish to exchange.
 *   Connection blocked by the server: <reason>"; anything else (timeout,
 *   protocol, TLS) -> AMQPException with the core's text.  `rc` is the
 *   core's return code. */
void php_mq_throw(const mq_error *err, int rc, zend_class_entry *default_ce);
/* Throws ce with printf-style message and code. */
void php_mq_throwf(zend_class_entry *ce, zend_long code, const char *fmt, ...);

/* ---- stored callables (mq extensions) ---------------------------------- */
/* Replaces the callable kept in slot (UNDEF: none) by fci's, or by none
 * when fci is not initialised (a null argument); the old one is released
 * last. */
static inline void php_mq_callback_store(zval *slot, const zend_fcall_info *fci)
{
    zval old;

    ZVAL_COPY_VALUE(&old, slot);
    if (ZEND_FCI_INITIALIZED(*fci)) {
        ZVAL_COPY(slot, &fci->function_name);
    } else {
        ZVAL_UNDEF(slot);
    }
    zval_ptr_dtor(&old);
}

/* ---- broker notifications (mq extension, mq_connection.c) -------------- */
/* Runs the blocked callback of the AMQPConnection conn_obj for every
 * connection.blocked/unblocked notice the core recorded on res (oldest
 * first; notices are dropped when no callback is set).  Called where
 * application code may run: the consume loops and isBlocked().  Returns
 * -1 when the callback threw (the notices after it stay recorded), else 0. */
int php_mq_connection_notify(zend_object *conn_obj, php_mq_conn_res *res);
/* The same for one notice taken by a wait (an MQ_EV_BLOCKED event). */
int php_mq_connection_notify_one(zend_object *conn_obj, bool blocked, mq_bytes reason);

/* ---- connection URIs (mq_connection_uri.c) ----------------------------- */
/* Parses a RabbitMQ URI (src/amqp/mq_uri.h) and writes every setting it
 * gives into the AMQPConnection's property slots (and the password, TLS
 * and SNI into the C struct).  FAILURE with an AMQPConnectionException
 * (code 0, "Invalid URI: <what is wrong>", never the password) when the
 * URI or one of its values is invalid; nothing is changed then. */
zend_result php_mq_connection_apply_uri(zend_object *conn_obj, const char *uri, size_t len);
/* The same, but leaves alone the settings whose credentials key is in
 * `explicit_keys` (the constructor's array; NULL: none), so that explicit
 * keys win over the URI.  A string key counts when its value is not null,
 * false or "" (those mean "not given" to the constructor too). */
zend_result php_mq_connection_apply_uri_ex(zend_object *conn_obj, const char *uri, size_t len,
                                           HashTable *explicit_keys);
/* The constructor's URI step, run after every other key was processed:
 * forgets the TLS/SNI of an earlier construct, then applies
 * credentials['uri'] (when present and not "") or else the ini amqp.uri
 * (when not ""), with explicit keys winning. */
zend_result php_mq_connection_construct_uri(zend_object *conn_obj, HashTable *credentials);
/* on_modify of amqp.uri: at run time (ini_set) an invalid URI is refused
 * like every other invalid amqp.* value; at startup (php.ini) it is taken
 * as it is, so that the constructor reports what is wrong with it instead
 * of a silent fallback to the default "".  Also makes ini_restore() work
 * (PHP restores nothing for entries without on_modify). */
ZEND_INI_MH(php_mq_ini_on_update_uri);
/* phpinfo() displayer of amqp.uri: the password masked. */
ZEND_INI_DISP(php_mq_ini_display_uri);

/* ---- connection resource helpers (mq_conn_res.c, mq_connection_pool.c) -- */
/* Is the connection resource usable right now? */
bool php_mq_res_is_open(const php_mq_conn_res *res);
/* Called after any core error: if the core connection is no longer open,
 * tear down the binding state (bump generation, drop from the pool). */
void php_mq_res_after_error(php_mq_conn_res *res);

/* ---- channel helpers (mq_channel.c) ------------------------------------ */
bool php_mq_channel_is_open(const php_mq_channel *ch);
/* A failed core call on ch: the exception for it (default_ce unless the
 * error calls for another class), and the binding's state brought in line
 * when the connection went down. */
void php_mq_channel_fail(php_mq_channel *ch, int rc, zend_class_entry *default_ce);
/* Still the channel object that owns its id on a live generation of its
 * connection resource. */
bool php_mq_channel_registered(const php_mq_channel *ch);
/* The precondition checks of docs/compatibility.md §3.0, in order, with `context` as the
 * message prefix ("Could not declare queue."); throws and returns NULL on
 * failure.  `channel_zv` is the channel object (may be UNDEF/NULL: stale). */
php_mq_channel *php_mq_check_channel(zval *channel_zv, const char *context);
/* Delivers a confirm/return event to the channel's callbacks (or raises the
 * "Unhandled ..." notice).  Returns 1 when the callback asked to stop
 * (returned false), 0 to go on, -1 when an exception is pending. */
int php_mq_channel_dispatch(php_mq_channel *ch, mq_event *ev, uint32_t depth);
/* Confirms and returns read while nobody waited for them stay queued in
 * the core until a wait or consume() takes them; past its bound
 * (MQ_ASYNC_QUEUE_MAX per channel) the core drops the oldest.  Raises one
 * E_NOTICE per channel that dropped some (once per channel opening), for
 * php_mq_check_channel() when mq_conn_has_dropped(). */
void php_mq_channel_report_dropped(php_mq_conn_res *res);
/* Core hooks (zend_string bodies, signal interrupt) for a connection
 * (mq_hooks.c). */
void php_mq_set_hooks(mq_conn *conn);
/* The core's own defaults (malloc, no interrupt): for pooled connections
 * being destroyed outside of any request. */
void php_mq_clear_hooks(mq_conn *conn);
/* The safe point of the re-entrancy rule: the core never runs PHP code in
 * the middle of an operation; when an event wait returns MQ_E_INTERRUPTED
 * the binding calls this, which runs what PHP has pending (signal
 * handlers).  That code may call any method of any mq object, so the
 * caller holds what it uses by reference and checks it again afterwards.
 * SUCCESS: go on; FAILURE: a handler threw (exception pending) or the
 * request timed out (no exception: the engine reports it after the call). */
zend_result php_mq_safe_point(void);
/* A publish whose write the core suspended (rc MQ_E_INTERRUPTED, see
 * mq_conn_resume_write()): runs the pending handlers at that safe point and
 * lets the core write on, until the message is out (MQ_OK), the connection
 * failed or was closed by a handler (its error), or a handler threw (the
 * half-written message is abandoned: the connection is closed, the
 * handler's exception stays).  Holds res meanwhile.  Any other rc is
 * returned as it is.  On failure an exception is pending (of `ce` or the
 * class the error calls for) and res is marked after the error. */
int php_mq_finish_write(php_mq_conn_res *res, int rc, zend_class_entry *ce);
/* Monotonic seconds, for waits resumed after a safe point. */
static inline double php_mq_now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- automatic recovery (mq extension, mq_recovery.c) ------------------ */
typedef struct php_mq_recovery php_mq_recovery;
/* Reads 'recovery', 'recovery_interval', 'recovery_max_interval' and
 * 'recovery_timeout' from the constructor's credentials. */
zend_result php_mq_recovery_configure(php_mq_connection *c, HashTable *credentials);
void php_mq_recovery_free(php_mq_connection *c);
/* The recovery callback for get_gc, or NULL. */
zval *php_mq_recovery_gc(php_mq_connection *c);
/* Whether a connection that failed with err may be recovered (network
 * failures, connection.close 320/541). */
bool php_mq_recovery_recoverable(const mq_error *err);
/* Recovers res when it is lost and belongs to the AMQPConnection conn_zv
 * with recovery on; SUCCESS when there was nothing to do or it worked,
 * FAILURE with an exception thrown. */
zend_result php_mq_recovery_run(php_mq_conn_res *res, zval *conn_zv);
/* The same for the resource of a channel object. */
zend_result php_mq_recovery_run_channel(php_mq_channel *ch);
/* Recording of what a channel declares (no-ops when recovery is off). */
void php_mq_recovery_note_exchange(php_mq_channel *ch, mq_bytes name, mq_bytes type, bool durable,
                                   bool auto_delete, bool internal, mq_bytes args);
void php_mq_recovery_note_queue(php_mq_channel *ch, bool server_named, mq_bytes name, bool durable,
                                bool exclusive, bool auto_delete, mq_bytes args);
void php_mq_recovery_note_delete(php_mq_channel *ch, bool queue, mq_bytes name);
void php_mq_recovery_note_binding(php_mq_channel *ch, bool queue, bool bind, mq_bytes destination,
                                  mq_bytes source, mq_bytes routing_key, mq_bytes args);
void php_mq_recovery_note_consumer(php_mq_channel *ch, bool add, mq_bytes tag, mq_bytes queue,
                                   bool no_local, bool no_ack, bool exclusive, mq_bytes args);
/* A message received on ch: its delivery tag offset past the tags of
 * connections lost before a recovery, and remembered as the highest. */
static inline void php_mq_channel_track_tag(php_mq_channel *ch, mq_message *m)
{
    m->delivery_tag += ch->tag_base;
    if (m->delivery_tag > ch->last_tag) {
        ch->last_tag = m->delivery_tag;
    }
}
/* A queue object still holding the old name of a server-named queue that
 * a recovery renamed takes the new one. */
void php_mq_recovery_follow_rename(php_mq_channel *ch, zend_object *queue);
/* Cheap guard for the recording calls. */
#define PHP_MQ_RECORDING(ch) ((ch)->res && (ch)->res->recoverable)

/* ---- values (mq_value.c) ----------------------------------------------- */
/* Appends a field table built from a PHP array (arguments or headers) per
 * docs/compatibility.md §4.1: top-level int keys skipped with the warning, unsupported
 * values skipped with a warning, depth limit amqp.serialization_depth
 * (AMQPException).  Returns SUCCESS, or FAILURE with an exception thrown.
 * The table is written with its u32 length prefix; *content/len give the
 * bytes after it (what the core's mq_bytes table arguments want). */
zend_result php_mq_table_from_array(mq_wbuf *w, HashTable *ht, const char *what);
/* Decodes table content into a PHP array (docs/compatibility.md §4.2), depth limit
 * amqp.deserialization_depth (AMQPException). */
zend_result php_mq_array_from_table(zval *rv, mq_bytes content);
/* Headers of a received message into a PHP array (docs/compatibility.md §4.2); never
 * fails: an entry nested deeper than amqp.deserialization_depth (or
 * malformed) is left out with an E_WARNING, so that the message itself is
 * not lost (docs/compatibility.md §7.13). */
void php_mq_headers_from_table(zval *rv, mq_bytes content);
/* Warnings of a message conversion wait until the outermost _end(): the
 * program's error handler must not run while views into the core's buffers
 * are being read (it may call into the connection).  Nestable. */
void php_mq_warn_defer_begin(void);
void php_mq_warn_defer_end(void);

/* ---- messages (mq_envelope.c, mq_basic_properties.c) ------------------- */
/* Builds an AMQPEnvelope from a received message, taking ownership of the
 * body.  SUCCESS, or FAILURE with an exception thrown. */
zend_result php_mq_envelope_from_message(zval *rv, mq_message *m);
/* Builds an AMQPBasicProperties from a message's properties. */
zend_result php_mq_properties_from_message(zval *rv, const mq_message *m);
/* Takes the body of m as a zend_string (one copy at most: none when the
 * body was allocated by php_mq_set_hooks' allocator). */
zend_string *php_mq_message_body(mq_message *m);
/* Request end: lets go of the envelopes' consumer-tag cache. */
void php_mq_envelope_rshutdown(void);

#endif

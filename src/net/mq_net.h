/* SPDX-License-Identifier: MIT */
/*
 * What the transport (src/net) shares with the protocols on top of it and
 * with their embedders: the interrupt levels and hook, the TLS options, and
 * the error texts of the transport's own rules (fork safety, suspended
 * writes).  Protocol-neutral: nothing here knows a frame.
 */
#ifndef MQ_NET_H
#define MQ_NET_H

#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Levels an embedder's interrupt hook returns: NONE, nothing waits to
 * run; PENDING, the embedder's code (a signal handler) waits to run, which
 * stops only the waits at a safe point (event waits, a suspendable write);
 * ABORT, stop every wait. */
enum { MQ_INTR_NONE = 0, MQ_INTR_PENDING = 1, MQ_INTR_ABORT = 2 };

/* The hook a wait asks when a signal interrupted it (EINTR) and at least
 * every 100 ms: non-zero stops the wait with MQ_E_INTERRUPTED. */
typedef struct mq_io_intr {
    int (*interrupt)(void *ud);
    void *ud;
} mq_io_intr;

/* TLS options of a connection (strings borrowed for the connect only). */
typedef struct mq_tls_params {
    const char *host;          /* the host connected to: verified when no sni */
    const char *cacert;        /* CA file (PEM); NULL = system default paths */
    const char *cert;          /* client certificate (PEM) or NULL */
    const char *key;           /* client key (PEM) or NULL */
    bool verify;               /* verify peer certificate and host name */
    const char *sni;           /* server name to send/verify; NULL = host */
} mq_tls_params;

/* The error text of a connection used in a process other than the one
 * that opened it (a child forked meanwhile): see mq_transport_foreign(). */
#define MQ_FOREIGN_PROCESS_TEXT "connection was opened in another process"
/* The error of a connection closed while a message was half written (a
 * suspended write, see mq_transport_writev()). */
#define MQ_ABANDONED_WRITE_TEXT "connection closed while a message was being written; the message was not sent"

#ifdef __cplusplus
}
#endif
#endif

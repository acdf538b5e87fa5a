/* SPDX-License-Identifier: MIT */
/*
 * TLS transport over OpenSSL 3: context setup (CA file or the default
 * paths, client certificate and key), peer verification including the host
 * name (or IP address) check, SNI, a non-blocking handshake bounded by the
 * connect deadline, and read/write in the mq_io_ops shape.
 *
 * The socket is driven through a tiny custom BIO so that every send() uses
 * MSG_NOSIGNAL (OpenSSL's socket BIO uses write(), which raises SIGPIPE on a
 * dead peer; we never touch the process' signal handlers).  Writes are made
 * with SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER:
 * a retried write carries the same bytes and length, possibly from another
 * address, which is what the gathering write below produces.  All state is
 * per connection (context included); no global OpenSSL setup is needed in
 * OpenSSL 3.
 */
#include "mq_io.h"

#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

/* Bytes gathered from an iovec into one SSL_write (one TLS record). */
#define TLS_STAGE 16384

typedef struct tls_io {
    mq_io base;                  /* must be first */
    SSL_CTX *ctx;                /* per-connection context */
    SSL *ssl;                    /* the session */
    BIO_METHOD *meth;            /* our MSG_NOSIGNAL socket BIO */
    unsigned char stage[TLS_STAGE]; /* gathering buffer for multi-iovec writes */
} tls_io;

/* ---- the socket BIO ----------------------------------------------------- */

static int bio_fd(BIO *b) { return (int)(intptr_t)BIO_get_data(b); }

static int bio_write(BIO *b, const char *data, int len)
{
    BIO_clear_retry_flags(b);
    for (;;) {
        ssize_t r = send(bio_fd(b), data, (size_t)len, MSG_NOSIGNAL);
        if (r >= 0) return (int)r;
        if (errno == EINTR) continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK) BIO_set_retry_write(b);
        return -1;
    }
}

static int bio_read(BIO *b, char *data, int len)
{
    BIO_clear_retry_flags(b);
    for (;;) {
        ssize_t r = recv(bio_fd(b), data, (size_t)len, 0);
        if (r >= 0) return (int)r;
        if (errno == EINTR) continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK) BIO_set_retry_read(b);
        return -1;
    }
}

static long bio_ctrl(BIO *b, int cmd, long num, void *ptr)
{
    (void)b;
    (void)num;
    (void)ptr;
    return cmd == BIO_CTRL_FLUSH ? 1 : 0;
}

static int bio_create(BIO *b)
{
    BIO_set_init(b, 1);
    return 1;
}

/* ---- errors --------------------------------------------------------------- */

/* Fills err with `what` plus OpenSSL's queued reason and, when the peer
 * check failed, the verification result. */
static int tls_fail(tls_io *t, mq_error *err, int code, const char *what)
{
    char buf[160] = "";
    unsigned long e = ERR_peek_last_error();
    if (e) ERR_error_string_n(e, buf, sizeof buf);
    long v = t && t->ssl ? SSL_get_verify_result(t->ssl) : X509_V_OK;
    if (v != X509_V_OK)
        mq_error_set(err, code, "%s: %s (%s)", what, buf[0] ? buf : "verify failed",
                     X509_verify_cert_error_string(v));
    else if (buf[0])
        mq_error_set(err, code, "%s: %s", what, buf);
    else
        mq_error_set(err, code, "%s", what);
    ERR_clear_error();
    return code;
}

/* Maps a failed SSL_read/SSL_write/SSL_connect: 0 for "would block" with
 * *want set, else a negative MQ_E_*. */
static int tls_map(tls_io *t, int r, short *want, mq_error *err, const char *what)
{
    int eno = errno;
    switch (SSL_get_error(t->ssl, r)) {
    case SSL_ERROR_WANT_READ:
        *want = POLLIN;
        return 0;
    case SSL_ERROR_WANT_WRITE:
        *want = POLLOUT;
        return 0;
    case SSL_ERROR_ZERO_RETURN:
        mq_error_set(err, MQ_E_CLOSED, "connection closed unexpectedly");
        return MQ_E_CLOSED;
    case SSL_ERROR_SYSCALL:
        ERR_clear_error();
        if (eno == 0 || eno == ECONNRESET || eno == EPIPE) {
            mq_error_set(err, MQ_E_CLOSED, "connection closed unexpectedly");
            err->sys_errno = eno;
            return MQ_E_CLOSED;
        }
        mq_error_set(err, MQ_E_SOCKET, "a socket error occurred");
        err->sys_errno = eno;
        return MQ_E_SOCKET;
    default:
        if (ERR_GET_REASON(ERR_peek_last_error()) == SSL_R_UNEXPECTED_EOF_WHILE_READING) {
            ERR_clear_error();
            mq_error_set(err, MQ_E_CLOSED, "connection closed unexpectedly");
            return MQ_E_CLOSED;
        }
        return tls_fail(t, err, MQ_E_TLS, what);
    }
}

/* ---- transport ops -------------------------------------------------------- */

static ssize_t tls_read(mq_io *io, void *buf, size_t n, mq_error *err)
{
    tls_io *t = (tls_io *)io;
    ERR_clear_error();
    errno = 0;
    int r = SSL_read(t->ssl, buf, n > INT_MAX ? INT_MAX : (int)n);
    if (r > 0) return r;
    return tls_map(t, r, &io->rwant, err, "a SSL error occurred");
}

static ssize_t tls_writev(mq_io *io, const struct iovec *iov, int cnt, mq_error *err)
{
    tls_io *t = (tls_io *)io;
    const void *src;
    size_t len = 0;
    int i = 0;
    while (i < cnt && iov[i].iov_len == 0) i++;
    if (i == cnt) return 0;
    if (i + 1 == cnt || iov[i].iov_len >= TLS_STAGE) {
        src = iov[i].iov_base; /* one big piece: no copy */
        len = iov[i].iov_len > INT_MAX ? INT_MAX : iov[i].iov_len;
    } else {
        /* gather small pieces into one record; a retry rebuilds the same
         * bytes because the caller's iovec did not move */
        for (; i < cnt && len < TLS_STAGE; i++) {
            size_t k = iov[i].iov_len;
            if (k > TLS_STAGE - len) k = TLS_STAGE - len;
            memcpy(t->stage + len, iov[i].iov_base, k);
            len += k;
        }
        src = t->stage;
    }
    ERR_clear_error();
    errno = 0;
    int r = SSL_write(t->ssl, src, (int)len);
    if (r > 0) return r;
    return tls_map(t, r, &io->wwant, err, "a SSL error occurred");
}

static void tls_close(mq_io *io)
{
    tls_io *t = (tls_io *)io;
    /* no SSL_shutdown(): it would write a close_notify, which a forked
     * child must never do; SSL_free() only releases memory */
    if (t->ssl) SSL_free(t->ssl); /* frees the BIO too */
    if (t->ctx) SSL_CTX_free(t->ctx);
    if (t->meth) BIO_meth_free(t->meth);
    if (io->fd >= 0) close(io->fd);
    free(t);
}

static int tls_fdop(const mq_io *io) { return io->fd; }

static size_t tls_pending(const mq_io *io)
{
    const tls_io *t = (const tls_io *)io;
    int n = SSL_pending(t->ssl);
    return n > 0 ? (size_t)n : 0;
}

/* no read_wait: a TLS read may need a write, so the pump polls */
static const struct mq_io_ops tls_ops = {tls_read, tls_writev, tls_close, tls_fdop, tls_pending,
                                         NULL};

/* ---- setup ---------------------------------------------------------------- */

static bool is_ip_literal(const char *s)
{
    unsigned char buf[sizeof(struct in6_addr)];
    return inet_pton(AF_INET, s, buf) == 1 || inet_pton(AF_INET6, s, buf) == 1;
}

static int tls_setup(tls_io *t, const mq_tls_params *p, mq_error *err)
{
    t->ctx = SSL_CTX_new(TLS_client_method());
    if (!t->ctx) return tls_fail(t, err, MQ_E_TLS, "a SSL error occurred");
    SSL_CTX_set_mode(t->ctx, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    SSL_CTX_set_verify(t->ctx, p->verify ? SSL_VERIFY_PEER : SSL_VERIFY_NONE, NULL);
    if (p->cacert && *p->cacert) {
        if (SSL_CTX_load_verify_locations(t->ctx, p->cacert, NULL) != 1)
            return tls_fail(t, err, MQ_E_TLS, "could not load the CA certificate");
    } else if (SSL_CTX_set_default_verify_paths(t->ctx) != 1) {
        return tls_fail(t, err, MQ_E_TLS, "could not load the default CA paths");
    }
    if (p->cert && *p->cert &&
        SSL_CTX_use_certificate_chain_file(t->ctx, p->cert) != 1)
        return tls_fail(t, err, MQ_E_TLS, "could not load the client certificate");
    if (p->key && *p->key) {
        if (SSL_CTX_use_PrivateKey_file(t->ctx, p->key, SSL_FILETYPE_PEM) != 1)
            return tls_fail(t, err, MQ_E_TLS, "could not load the client key");
        if (p->cert && *p->cert && SSL_CTX_check_private_key(t->ctx) != 1)
            return tls_fail(t, err, MQ_E_TLS, "client key does not match the certificate");
    }

    t->meth = BIO_meth_new(BIO_get_new_index() | BIO_TYPE_SOURCE_SINK, "mq socket");
    if (!t->meth) return tls_fail(t, err, MQ_E_TLS, "a SSL error occurred");
    BIO_meth_set_write(t->meth, bio_write);
    BIO_meth_set_read(t->meth, bio_read);
    BIO_meth_set_ctrl(t->meth, bio_ctrl);
    BIO_meth_set_create(t->meth, bio_create);

    t->ssl = SSL_new(t->ctx);
    if (!t->ssl) return tls_fail(t, err, MQ_E_TLS, "a SSL error occurred");
    BIO *bio = BIO_new(t->meth);
    if (!bio) return tls_fail(t, err, MQ_E_TLS, "a SSL error occurred");
    BIO_set_data(bio, (void *)(intptr_t)t->base.fd);
    SSL_set_bio(t->ssl, bio, bio); /* the SSL owns the BIO from here */

    const char *name = (p->sni && *p->sni) ? p->sni : p->host;
    if (name && *name) {
        bool ip = is_ip_literal(name);
        if (!ip && SSL_set_tlsext_host_name(t->ssl, name) != 1)
            return tls_fail(t, err, MQ_E_TLS, "could not set the server name");
        if (p->verify) {
            int ok = ip ? X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(t->ssl), name)
                        : SSL_set1_host(t->ssl, name);
            if (ok != 1) return tls_fail(t, err, MQ_E_TLS, "could not set the host to verify");
        }
    }
    return MQ_OK;
}

mq_io *mq_io_tls_new(int fd, const mq_tls_params *p, int64_t deadline, const mq_io_intr *h,
                     mq_error *err)
{
    tls_io *t = calloc(1, sizeof *t);
    if (!t) {
        close(fd);
        mq_error_set(err, MQ_E_NOMEM, "could not allocate memory");
        return NULL;
    }
    t->base.ops = &tls_ops;
    t->base.fd = fd;
    mq_io_set_owner(&t->base);
    t->base.rwant = POLLIN;
    t->base.wwant = POLLOUT;
    t->base.read_needs_lock = true;
    ERR_clear_error();
    if (tls_setup(t, p, err) != MQ_OK) {
        tls_close(&t->base);
        return NULL;
    }
    for (;;) {
        ERR_clear_error();
        errno = 0;
        int r = SSL_connect(t->ssl);
        if (r == 1) break;
        int m = tls_map(t, r, &t->base.rwant, err, "SSL handshake failed");
        if (m == 0) {
            int w = mq_io_poll(fd, t->base.rwant, deadline, h, err);
            if (w > 0) continue;
            if (w == 0) mq_error_set(err, MQ_E_TIMEOUT, "request timed out");
        } else if (m == MQ_E_CLOSED || m == MQ_E_SOCKET) {
            /* the server dropped us during the handshake: a TLS failure for the user */
            int eno = err->sys_errno;
            mq_error_set(err, MQ_E_TLS, "SSL handshake failed: connection closed by the server");
            err->sys_errno = eno;
        }
        tls_close(&t->base);
        return NULL;
    }
    mq_error_clear(err);
    return &t->base;
}

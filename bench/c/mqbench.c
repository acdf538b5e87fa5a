/* SPDX-License-Identifier: MIT
 *
 * mqbench: the reference client for bench/run.sh, a plain C program on
 * librabbitmq-c (librabbitmq-dev), doing the same work per message as the
 * PHP case scripts in bench/cases/.  It is also the harness's helper for
 * preparing queues (declare + purge) and filling them before consume cases.
 *
 *   mqbench CASE N [SIZE]
 *
 * CASE: publish | publish_props | confirm | consume | get | passive_declare |
 *       web_connect                    (measured cases, same as bench/cases/)
 *       prep | fill | count            (helpers for the harness)
 *   mqbench rusage PROGRAM ARGS...     runs PROGRAM, then prints its
 *       "RUSAGE utime=S stime=S maxrss_kb=K" on stderr (a fresh fork of this
 *       small process, so that the peak RSS is PROGRAM's own: Linux carries
 *       ru_maxrss across execve, and the harness is a big Python process)
 * N: number of messages (0 = only the set-up, for the N-vs-0 subtraction)
 * SIZE: body size in bytes (default BENCH_SIZE or 64)
 *
 * Environment: MQ_TEST_HOST, MQ_TEST_PORT, MQ_TEST_USER, MQ_TEST_PASSWORD,
 * BENCH_QUEUE (queue name), BENCH_PREFETCH, BENCH_AUTOACK, BENCH_BATCH
 * (confirm batch).  Prints one line:
 *   RESULT n=N wall=S utime=S stime=S maxrss_kb=K check=X
 * measured around the message loop (set-up and tear-down excluded).
 */
#include <amqp.h>
#include <amqp_tcp_socket.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const char *host, *user, *pass, *queue;
static int port;

static void die(const char *what, const char *detail)
{
    fprintf(stderr, "mqbench: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
    exit(1);
}

static void check_reply(amqp_rpc_reply_t r, const char *what)
{
    char buf[256];
    switch (r.reply_type) {
    case AMQP_RESPONSE_NORMAL:
        return;
    case AMQP_RESPONSE_NONE:
        die(what, "missing RPC reply");
        break;
    case AMQP_RESPONSE_LIBRARY_EXCEPTION:
        die(what, amqp_error_string2(r.library_error));
        break;
    case AMQP_RESPONSE_SERVER_EXCEPTION:
        if (r.reply.id == AMQP_CONNECTION_CLOSE_METHOD) {
            amqp_connection_close_t *m = r.reply.decoded;
            snprintf(buf, sizeof buf, "connection error %u %.*s", m->reply_code,
                     (int)m->reply_text.len, (char *)m->reply_text.bytes);
        } else if (r.reply.id == AMQP_CHANNEL_CLOSE_METHOD) {
            amqp_channel_close_t *m = r.reply.decoded;
            snprintf(buf, sizeof buf, "channel error %u %.*s", m->reply_code,
                     (int)m->reply_text.len, (char *)m->reply_text.bytes);
        } else {
            snprintf(buf, sizeof buf, "server error, method 0x%08X", r.reply.id);
        }
        die(what, buf);
        break;
    }
}

/* librabbitmq decodes frames into per-connection pools; releasing them after
 * every message (as its examples do) frees and callocs a fresh 4 KiB page
 * each time, which costs more than the rest of the message.  A C program
 * that cares releases them every so often: here every 128 messages. */
static void maybe_release(amqp_connection_state_t c, long i)
{
    if ((i & 127) == 0)
        amqp_maybe_release_buffers(c);
}

static void check_status(int st, const char *what)
{
    if (st < 0)
        die(what, amqp_error_string2(st));
}

static amqp_connection_state_t open_conn(void)
{
    amqp_connection_state_t c = amqp_new_connection();
    amqp_socket_t *s = amqp_tcp_socket_new(c);
    if (!s)
        die("socket", NULL);
    check_status(amqp_socket_open(s, host, port), "connect");
    check_reply(amqp_login(c, "/", 0, 131072, 0, AMQP_SASL_METHOD_PLAIN, user, pass), "login");
    amqp_channel_open(c, 1);
    check_reply(amqp_get_rpc_reply(c), "channel.open");
    return c;
}

static void close_conn(amqp_connection_state_t c)
{
    check_reply(amqp_connection_close(c, AMQP_REPLY_SUCCESS), "connection.close");
    check_status(amqp_destroy_connection(c), "destroy");
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double t0;
static struct rusage ru0;

static void start_clock(void)
{
    getrusage(RUSAGE_SELF, &ru0);
    t0 = now();
}

static double tv(struct timeval a, struct timeval b)
{
    return (b.tv_sec - a.tv_sec) + (b.tv_usec - a.tv_usec) / 1e6;
}

/* Peak RSS of this process image: VmHWM (ru_maxrss would include the
 * parent's peak, which Linux carries across execve). */
static long peak_rss_kb(void)
{
    char line[256];
    long kb = -1;
    FILE *f = fopen("/proc/self/status", "r");
    if (!f)
        return -1;
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "VmHWM: %ld kB", &kb) == 1)
            break;
    fclose(f);
    return kb;
}

static void stop_clock(long n, long long check)
{
    double t1 = now();
    struct rusage ru1;
    getrusage(RUSAGE_SELF, &ru1);
    printf("RESULT n=%ld wall=%.6f utime=%.6f stime=%.6f maxrss_kb=%ld check=%lld\n", n,
           t1 - t0, tv(ru0.ru_utime, ru1.ru_utime), tv(ru0.ru_stime, ru1.ru_stime),
           peak_rss_kb(), check);
    fflush(stdout);
}

static int run_rusage(char **argv)
{
    int status;
    struct rusage ru;
    pid_t pid = fork();
    if (pid < 0)
        die("fork", NULL);
    if (pid == 0) {
        execvp(argv[0], argv);
        perror(argv[0]);
        _exit(127);
    }
    if (wait4(pid, &status, 0, &ru) < 0)
        die("wait4", NULL);
    fprintf(stderr, "RUSAGE utime=%.6f stime=%.6f maxrss_kb=%ld\n",
            ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6,
            ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6, ru.ru_maxrss);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static long envl(const char *name, long dflt)
{
    const char *v = getenv(name);
    return v && *v ? atol(v) : dflt;
}

/* passive queue.declare: the message count, one round trip */
static long long queue_count(amqp_connection_state_t c)
{
    amqp_queue_declare_ok_t *ok =
        amqp_queue_declare(c, 1, amqp_cstring_bytes(queue), 1, 0, 0, 0, amqp_empty_table);
    check_reply(amqp_get_rpc_reply(c), "queue.declare passive");
    return ok->message_count;
}

static amqp_basic_properties_t plain_props(void)
{
    amqp_basic_properties_t p;
    memset(&p, 0, sizeof p);
    /* what php-amqp (and so mq) always sends */
    p._flags = AMQP_BASIC_CONTENT_TYPE_FLAG;
    p.content_type = amqp_cstring_bytes("text/plain");
    return p;
}

/* The full property set of bench/cases/publish_props.php. */
static amqp_table_entry_t hdr_entries[5];
static amqp_field_value_t arr_values[3];
static amqp_basic_properties_t full_props(void)
{
    amqp_basic_properties_t p;
    memset(&p, 0, sizeof p);
    p._flags = AMQP_BASIC_CONTENT_TYPE_FLAG | AMQP_BASIC_CONTENT_ENCODING_FLAG |
               AMQP_BASIC_HEADERS_FLAG | AMQP_BASIC_DELIVERY_MODE_FLAG |
               AMQP_BASIC_PRIORITY_FLAG | AMQP_BASIC_CORRELATION_ID_FLAG |
               AMQP_BASIC_REPLY_TO_FLAG | AMQP_BASIC_EXPIRATION_FLAG |
               AMQP_BASIC_MESSAGE_ID_FLAG | AMQP_BASIC_TIMESTAMP_FLAG | AMQP_BASIC_TYPE_FLAG |
               AMQP_BASIC_USER_ID_FLAG | AMQP_BASIC_APP_ID_FLAG;
    p.content_type = amqp_cstring_bytes("application/json");
    p.content_encoding = amqp_cstring_bytes("utf-8");
    p.delivery_mode = 2;
    p.priority = 5;
    p.correlation_id = amqp_cstring_bytes("3f2b8c1e-5d4a-4e8b-9c7f-1a2b3c4d5e6f");
    p.reply_to = amqp_cstring_bytes("bench.replies");
    p.expiration = amqp_cstring_bytes("600000");
    p.message_id = amqp_cstring_bytes("msg-0123456789abcdef");
    p.timestamp = 1700000000;
    p.type = amqp_cstring_bytes("order.created");
    p.user_id = amqp_cstring_bytes(user);
    p.app_id = amqp_cstring_bytes("mq-bench");

    hdr_entries[0].key = amqp_cstring_bytes("x-trace-id");
    hdr_entries[0].value.kind = AMQP_FIELD_KIND_UTF8;
    hdr_entries[0].value.value.bytes = amqp_cstring_bytes("0af7651916cd43dd8448eb211c80319c");
    hdr_entries[1].key = amqp_cstring_bytes("x-attempt");
    hdr_entries[1].value.kind = AMQP_FIELD_KIND_I64;
    hdr_entries[1].value.value.i64 = 3;
    hdr_entries[2].key = amqp_cstring_bytes("x-retry");
    hdr_entries[2].value.kind = AMQP_FIELD_KIND_BOOLEAN;
    hdr_entries[2].value.value.boolean = 1;
    hdr_entries[3].key = amqp_cstring_bytes("x-source");
    hdr_entries[3].value.kind = AMQP_FIELD_KIND_UTF8;
    hdr_entries[3].value.value.bytes = amqp_cstring_bytes("checkout-service");
    for (int i = 0; i < 3; i++) {
        arr_values[i].kind = AMQP_FIELD_KIND_I64;
        arr_values[i].value.i64 = i + 1;
    }
    hdr_entries[4].key = amqp_cstring_bytes("x-path");
    hdr_entries[4].value.kind = AMQP_FIELD_KIND_ARRAY;
    hdr_entries[4].value.value.array.num_entries = 3;
    hdr_entries[4].value.value.array.entries = arr_values;
    p.headers.num_entries = 5;
    p.headers.entries = hdr_entries;
    return p;
}

static void publish(amqp_connection_state_t c, amqp_basic_properties_t *p, amqp_bytes_t body)
{
    check_status(amqp_basic_publish(c, 1, amqp_empty_bytes, amqp_cstring_bytes(queue), 0, 0,
                                    p, body),
                 "basic.publish");
}

static amqp_bytes_t make_body(long size)
{
    amqp_bytes_t b;
    b.len = size;
    b.bytes = malloc(size ? size : 1);
    memset(b.bytes, 'x', size);
    return b;
}

/* Reads frames until basic.ack confirms `upto` (multiple acks cover a range). */
static void wait_confirms(amqp_connection_state_t c, uint64_t upto)
{
    static uint64_t confirmed;
    amqp_frame_t f;
    while (confirmed < upto) {
        check_status(amqp_simple_wait_frame(c, &f), "wait confirm");
        if (f.frame_type != AMQP_FRAME_METHOD)
            die("wait confirm", "unexpected frame");
        if (f.payload.method.id == AMQP_BASIC_ACK_METHOD) {
            amqp_basic_ack_t *a = f.payload.method.decoded;
            if (a->delivery_tag > confirmed)
                confirmed = a->delivery_tag;
        } else if (f.payload.method.id == AMQP_BASIC_NACK_METHOD) {
            die("wait confirm", "nack");
        } else {
            die("wait confirm", "unexpected method");
        }
        maybe_release(c, (long)confirmed);
    }
}

int main(int argc, char **argv)
{
    if (argc > 2 && !strcmp(argv[1], "rusage"))
        return run_rusage(argv + 2);
    if (argc < 3)
        die("usage", "mqbench CASE N [SIZE]");
    const char *cs = argv[1];
    long n = atol(argv[2]);
    long size = argc > 3 ? atol(argv[3]) : envl("BENCH_SIZE", 64);
    host = getenv("MQ_TEST_HOST") ? getenv("MQ_TEST_HOST") : "127.0.0.1";
    port = (int)envl("MQ_TEST_PORT", 5672);
    user = getenv("MQ_TEST_USER") ? getenv("MQ_TEST_USER") : "guest";
    pass = getenv("MQ_TEST_PASSWORD") ? getenv("MQ_TEST_PASSWORD") : "guest";
    queue = getenv("BENCH_QUEUE") ? getenv("BENCH_QUEUE") : "bench";
    amqp_bytes_t body = make_body(size);
    long long check = 0;

    if (!strcmp(cs, "web_connect")) {
        /* the web-request pattern: connect, publish one, disconnect */
        amqp_basic_properties_t p = plain_props();
        start_clock();
        for (long i = 0; i < n; i++) {
            amqp_connection_state_t c = open_conn();
            publish(c, &p, body);
            close_conn(c);
        }
        stop_clock(n, n);
        return 0;
    }

    amqp_connection_state_t c = open_conn();

    if (!strcmp(cs, "prep")) {
        /* declare (non-durable, not auto-delete) and purge */
        amqp_queue_declare(c, 1, amqp_cstring_bytes(queue), 0, 0, 0, 0, amqp_empty_table);
        check_reply(amqp_get_rpc_reply(c), "queue.declare");
        amqp_queue_purge(c, 1, amqp_cstring_bytes(queue));
        check_reply(amqp_get_rpc_reply(c), "queue.purge");
    } else if (!strcmp(cs, "fill")) {
        /* n messages of `size` bytes, confirmed, so that they are all in the queue */
        amqp_basic_properties_t p = plain_props();
        amqp_confirm_select(c, 1);
        check_reply(amqp_get_rpc_reply(c), "confirm.select");
        for (long i = 0; i < n; i++) {
            publish(c, &p, body);
            if ((i + 1) % 1000 == 0)
                wait_confirms(c, i + 1 - 500); /* keep ~500..1000 in flight */
        }
        wait_confirms(c, n);
        check = queue_count(c);
        printf("count=%lld\n", check);
    } else if (!strcmp(cs, "count")) {
        printf("count=%lld\n", queue_count(c));
    } else if (!strcmp(cs, "publish") || !strcmp(cs, "publish_props")) {
        amqp_basic_properties_t p = !strcmp(cs, "publish") ? plain_props() : full_props();
        start_clock();
        for (long i = 0; i < n; i++)
            publish(c, &p, body);
        check = queue_count(c);
        stop_clock(n, check);
    } else if (!strcmp(cs, "confirm")) {
        long batch = envl("BENCH_BATCH", 1);
        amqp_basic_properties_t p = plain_props();
        amqp_confirm_select(c, 1);
        check_reply(amqp_get_rpc_reply(c), "confirm.select");
        start_clock();
        for (long i = 0; i < n; i++) {
            publish(c, &p, body);
            if ((i + 1) % batch == 0 || i + 1 == n)
                wait_confirms(c, i + 1);
        }
        check = queue_count(c);
        stop_clock(n, check);
    } else if (!strcmp(cs, "consume")) {
        long prefetch = envl("BENCH_PREFETCH", 1000);
        int autoack = envl("BENCH_AUTOACK", 0) != 0;
        amqp_basic_qos(c, 1, 0, prefetch, 0);
        check_reply(amqp_get_rpc_reply(c), "basic.qos");
        amqp_basic_consume_ok_t *ok = amqp_basic_consume(c, 1, amqp_cstring_bytes(queue),
                                                         amqp_empty_bytes, 0, autoack, 0,
                                                         amqp_empty_table);
        check_reply(amqp_get_rpc_reply(c), "basic.consume");
        amqp_bytes_t tag = amqp_bytes_malloc_dup(ok->consumer_tag);
        start_clock();
        for (long i = 0; i < n; i++) {
            amqp_envelope_t env;
            maybe_release(c, i);
            check_reply(amqp_consume_message(c, &env, NULL, 0), "consume");
            check += env.message.body.len;
            if (!autoack)
                check_status(amqp_basic_ack(c, 1, env.delivery_tag, 0), "basic.ack");
            amqp_destroy_envelope(&env);
        }
        check = check / (size ? size : 1);
        amqp_basic_cancel(c, 1, tag);
        check_reply(amqp_get_rpc_reply(c), "basic.cancel");
        stop_clock(n, check);
    } else if (!strcmp(cs, "get")) {
        start_clock();
        for (long i = 0; i < n; i++) {
            maybe_release(c, i);
            amqp_rpc_reply_t r = amqp_basic_get(c, 1, amqp_cstring_bytes(queue), 0);
            check_reply(r, "basic.get");
            if (r.reply.id != AMQP_BASIC_GET_OK_METHOD)
                die("basic.get", "queue empty");
            uint64_t dtag = ((amqp_basic_get_ok_t *)r.reply.decoded)->delivery_tag;
            amqp_message_t m;
            check_reply(amqp_read_message(c, 1, &m, 0), "read message");
            check++;
            amqp_destroy_message(&m);
            check_status(amqp_basic_ack(c, 1, dtag, 0), "basic.ack");
        }
        queue_count(c);
        stop_clock(n, check);
    } else if (!strcmp(cs, "passive_declare")) {
        start_clock();
        for (long i = 0; i < n; i++) {
            check = queue_count(c);
            maybe_release(c, i);
        }
        queue_count(c);
        stop_clock(n, n);
    } else {
        die("unknown case", cs);
    }
    close_conn(c);
    return 0;
}

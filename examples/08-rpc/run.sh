#!/usr/bin/env bash
# Example 8, RPC (request/reply): a client publishes requests with reply_to
# (its exclusive reply queue) and a correlation_id, and waits for the
# matching reply with a timeout; a server answers them.  Shows a call that
# times out, the late reply to it being discarded by the next call, and a
# call without any server (timeout; the request expires instead of piling
# up).
#
# Uses the broker named by MQ_TEST_* (or starts a private one with
# tests/broker.sh and stops it), loads MQ_EXTENSION (default: modules/mq.so;
# a bare file name such as amqp.so is looked up in PHP's extension_dir), and
# compares the transcript with expected-output.txt.  Exits non-zero on a
# mismatch.
set -euo pipefail
# shellcheck source=../_common.sh
. "$(dirname "$0")/../_common.sh"

php "$here/cleanup.php"
{
    echo "== the server starts"
    php_bg "$here/server.php" 1.5 > "$work/server.log" 2>&1
    server=$last_pid
    for _ in $(seq 100); do grep -q 'server: ready' "$work/server.log" && break; sleep 0.1; done

    echo "== calls (sleep:2/0.5 = sleep 2 s, but wait at most 0.5 s for the reply)"
    php "$here/client.php" fib:10 fib:90 sleep:2/0.5 fib:30

    echo "== the server stops (1.5 s without requests)"
    wait "$server" || echo "server exit code $?"
    echo "== a call while no server runs"
    php "$here/client.php" fib:5/1
    # the unanswered request expires (its expiration is the call's timeout)
    for _ in $(seq 30); do php "$here/pending.php" | grep -q ' 0$' && break; sleep 0.1; done
    php "$here/pending.php"

    echo "== the server's log"
    cat "$work/server.log"
} 2>&1 | tee "$work/out.txt"
php "$here/cleanup.php"

if diff -u "$here/expected-output.txt" "$work/out.txt"; then
    echo "08-rpc: OK"
else
    echo "08-rpc: FAILED (transcript differs from expected-output.txt, see the diff above)"
    exit 1
fi

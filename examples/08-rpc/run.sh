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
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
ext=${MQ_EXTENSION:-$root/modules/mq.so}
case $ext in */*) ;; *) ext=$(php -n -r 'echo ini_get("extension_dir");')/$ext ;; esac
[ -f "$ext" ] || { echo "extension not found: $ext (build mq first, or set MQ_EXTENSION)" >&2; exit 1; }

work=$(mktemp -d)
cleanup() {
    # End the background processes that php_bg started (their pids are in a
    # file, since they may have been started in a subshell).
    if [ -f "$work/pids" ]; then
        while read -r p; do kill -KILL "$p" 2>/dev/null || true; done < "$work/pids"
    fi
    [ -z "${own_broker:-}" ] || bash "$root/tests/broker.sh" stop "$work/broker" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
if [ -z "${MQ_TEST_PORT:-}" ]; then
    echo "== starting a private RabbitMQ node"
    bash "$root/tests/broker.sh" start "$work/broker" >"$work/broker.log" 2>&1 || { cat "$work/broker.log"; exit 1; }
    own_broker=1
    # shellcheck disable=SC1091
    . "$work/broker/env.sh"
fi
php_bin=$(command -v php)
# php SCRIPT ARGS: runs PHP with only the extension under test (-n: no
# php.ini, so a machine-wide amqp extension is never loaded too), killed
# after 30 s so that nothing can hang.
php() { timeout 30 "$php_bin" -n -d "extension=$ext" "$@"; }
# php_bg SCRIPT ARGS: the same in the background; the pid goes to $last_pid
# and to the list that cleanup ends.
php_bg() { "$php_bin" -n -d "extension=$ext" "$@" & last_pid=$!; echo "$last_pid" >> "$work/pids"; }

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

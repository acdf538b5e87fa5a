#!/usr/bin/env bash
# Example 4, a stream as a log: events are appended to a stream queue
# (x-queue-type stream) and read by independent readers, each from where it
# wants (x-stream-offset as a consume argument: first, an offset, a point in
# time) and each keeping its own position.  Reading removes nothing.
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
    echo "== the morning's events"
    php "$here/append.php" "ada signed up" "alan signed up" "ada ordered a book" "alan ordered a lamp" "ada paid"
    # Wait for the next full second T, so that everything after it is newer.
    t=$(php -r 'echo (int) microtime(true) + 1;')
    php -r "time_sleep_until($t + 0.2);"
    echo "== later (after time T)"
    php "$here/append.php" "alan paid" "book shipped" "lamp shipped"

    echo "== the audit reader reads everything, from the first event"
    php "$here/reader.php" audit --from first
    echo "== the analytics reader starts at offset 3"
    php "$here/reader.php" analytics --from offset:3
    echo "== a reader that wants only what happened since T"
    php "$here/reader.php" recent --from timestamp:"$t"

    echo "== two more events; each reader continues from its own position"
    php "$here/append.php" "ada reviewed the book" "alan returned the lamp"
    php "$here/reader.php" audit --from stored
    php "$here/reader.php" analytics --from stored
    echo "== the log still has everything: a new reader can replay it"
    php "$here/reader.php" replay --from first | tail -n 1
} 2>&1 | tee "$work/out.txt"
php "$here/cleanup.php"

if diff -u "$here/expected-output.txt" "$work/out.txt"; then
    echo "04-stream-log: OK"
else
    echo "04-stream-log: FAILED (transcript differs from expected-output.txt, see the diff above)"
    exit 1
fi

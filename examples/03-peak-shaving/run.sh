#!/usr/bin/env bash
# Example 3, peak shaving: a burst of ticket requests meets a bounded queue
# (x-max-length 5, x-overflow reject-publish).  The publisher works in
# confirm mode: requests the broker accepts are answered "accepted" from the
# ack callback, the ones over capacity "sold out" from the nack callback, and
# a worker then drains the queue at its own pace.  Once the queue has room
# again, the next burst is accepted.
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
    echo "== the rush: 8 requests for a queue that holds 5"
    php "$here/box-office.php" 1 8
    echo "== the worker drains the queue"
    php "$here/worker.php"
    echo "== the queue has room again: 3 more requests"
    php "$here/box-office.php" 9 3
    php "$here/worker.php"
} 2>&1 | tee "$work/out.txt"
php "$here/cleanup.php"

if diff -u "$here/expected-output.txt" "$work/out.txt"; then
    echo "03-peak-shaving: OK"
else
    echo "03-peak-shaving: FAILED (transcript differs from expected-output.txt, see the diff above)"
    exit 1
fi

#!/usr/bin/env bash
# Example 6, pending count: a monitoring script asks the broker how many
# messages wait in a queue and how many consumers it has, with a passive
# declare that never creates or changes anything, and tells a missing queue
# (AMQPQueueException, code 404) apart.  The consumer count comes from mq's
# AMQPQueue::getConsumerCount(); with php-amqp the script says "unknown".
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
    echo "== before anything exists"
    php "$here/monitor.php" pending.reports
    echo "== 6 jobs queued, no worker yet"
    php "$here/producer.php" 6
    php "$here/monitor.php" pending.reports
    echo "== a worker takes 2 jobs and gets stuck (they are unacked, not ready)"
    php_bg "$here/slow-worker.php" > "$work/worker.out" 2>&1
    worker=$last_pid
    for _ in $(seq 100); do grep -q holding "$work/worker.out" && break; sleep 0.1; done
    cat "$work/worker.out"
    php "$here/monitor.php" pending.reports
    echo "== the worker is killed: the broker requeues its 2 jobs"
    kill -KILL "$worker"
    wait "$worker" 2>/dev/null || true
    for _ in $(seq 50); do
        php "$here/monitor.php" pending.reports | grep -qE ' 6 ready, (0 consumer|consumers unknown)' && break
        sleep 0.1
    done
    php "$here/monitor.php" pending.reports
    echo "== several queues at once, one of them missing"
    php "$here/monitor.php" pending.reports no.such.queue pending.reports
} 2>&1 | tee "$work/out.txt"
php "$here/cleanup.php"

expected=$(cat "$here/expected-output.txt")
if ! php -r 'exit(method_exists("AMQPQueue", "getConsumerCount") ? 0 : 1);'; then
    # php-amqp: no consumer counts
    expected=$(sed -E 's/, [0-9]+ consumer\(s\)$/, consumers unknown/' <<<"$expected")
fi
if diff -u <(echo "$expected") "$work/out.txt"; then
    echo "06-pending-count: OK"
else
    echo "06-pending-count: FAILED (transcript differs from expected-output.txt, see the diff above)"
    exit 1
fi

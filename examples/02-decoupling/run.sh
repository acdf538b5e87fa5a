#!/usr/bin/env bash
# Example 2, decoupling: an order service publishes "order.created" events to
# a topic exchange; inventory and billing each consume from their own durable
# queue.  Either service can be down: its events wait in its queue and are
# handled when it comes back, and the order service never notices.
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
    echo "== deploy: each service declares its own queue and binding"
    php "$here/service.php" inventory --setup
    php "$here/service.php" billing --setup

    echo "== billing is down; orders keep coming and inventory keeps working"
    php "$here/order-service.php" 1001 1002 1003
    php "$here/service.php" inventory
    php "$here/service.php" billing --setup    # (only looks: 3 invoices wait)

    echo "== billing is back and catches up"
    php "$here/service.php" billing

    echo "== now inventory is down; billing is not affected"
    php "$here/order-service.php" 1004 1005
    php "$here/service.php" billing
    php "$here/service.php" inventory --setup

    echo "== inventory is back and catches up"
    php "$here/service.php" inventory
} 2>&1 | tee "$work/out.txt"
php "$here/cleanup.php"

if diff -u "$here/expected-output.txt" "$work/out.txt"; then
    echo "02-decoupling: OK"
else
    echo "02-decoupling: FAILED (transcript differs from expected-output.txt, see the diff above)"
    exit 1
fi

# SPDX-License-Identifier: MIT
#
# Sourced by the examples' run.sh scripts (after `set -euo pipefail`): finds
# the extension (MQ_EXTENSION, default <repo>/modules/mq.so; a bare file name
# such as amqp.so is looked up in PHP's extension_dir), makes a work
# directory, uses the broker named by MQ_TEST_* or starts a private one
# (tests/broker.sh) and stops it at exit, and defines `php` and `php_bg`.
# Sets: here (the example's folder), root, ext, work, php_bin, last_pid.
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

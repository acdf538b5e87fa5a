#!/usr/bin/env bash
# Example 9, Symfony Messenger: dispatches two messages through Symfony's
# AMQP transport (Debian's php-symfony-amqp-messenger, Symfony 5.4) and
# handles them in a consumer.  Without that package the example is skipped:
# it prints why and exits with status 77, which examples/run-all.sh counts
# as "skipped", never as "passed".
#
# Uses the broker named by MQ_TEST_* (or starts a private one with
# tests/broker.sh and stops it), loads MQ_EXTENSION (default: modules/mq.so;
# a bare file name such as amqp.so is looked up in PHP's extension_dir), and
# compares the transcript with expected-output.txt.  Exits non-zero on a
# mismatch.
if [ ! -f /usr/share/php/Symfony/Component/Messenger/Bridge/Amqp/autoload.php ]; then
    echo "09-symfony-messenger: SKIPPED (needs Debian's php-symfony-amqp-messenger: apt-get install php-symfony-amqp-messenger)"
    exit 77
fi
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

php "$here/messenger.php" cleanup
{
    echo "== dispatch (the messages go to RabbitMQ)"
    php "$here/messenger.php" send ada@example.org alan@example.org
    echo "== consume (the handler runs)"
    php "$here/messenger.php" consume
} 2>&1 | tee "$work/out.txt"
php "$here/messenger.php" cleanup

if diff -u "$here/expected-output.txt" "$work/out.txt"; then
    echo "09-symfony-messenger: OK"
else
    echo "09-symfony-messenger: FAILED (transcript differs from expected-output.txt, see the diff above)"
    exit 1
fi

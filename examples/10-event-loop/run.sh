#!/usr/bin/env bash
# Example 10, an event loop: loop.php waits with stream_select() on the AMQP
# connection's stream and a UDP socket; feeder.php sends it datagrams and
# messages, interleaved, then a burst of messages, then stays silent for
# 5 s (longer than two heartbeat intervals of 2 s) and quits.  Checks that
# the loop handled every datagram and every message and was still
# connected at the end.
#
# Uses the broker named by MQ_TEST_* (or starts a private one with
# tests/broker.sh and stops it), loads MQ_EXTENSION (default: modules/mq.so).
# Exits non-zero when a check fails.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
ext=${MQ_EXTENSION:-$root/modules/mq.so}
case $ext in */*) ;; *) ext=$(php -n -r 'echo ini_get("extension_dir");')/$ext ;; esac
[ -f "$ext" ] || { echo "extension not found: $ext (build mq first, or set MQ_EXTENSION)" >&2; exit 1; }

work=$(mktemp -d)
loop_pid=
cleanup() {
    [ -z "$loop_pid" ] || kill "$loop_pid" 2>/dev/null || true
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
php() { timeout 60 "$php_bin" -n -d "extension=$ext" "$@"; }

php "$here/loop.php" > "$work/loop.log" 2>&1 &
loop_pid=$!
for _ in $(seq 200); do grep -q '^ready ' "$work/loop.log" && break; sleep 0.05; done
read -r _ address queue < <(grep '^ready ' "$work/loop.log") || { cat "$work/loop.log"; echo "loop did not start" >&2; exit 1; }
echo "== loop ready: udp $address, queue $queue"
php "$here/feeder.php" "$address" "$queue"
wait "$loop_pid" || { cat "$work/loop.log"; echo "loop failed" >&2; exit 1; }
loop_pid=
cat "$work/loop.log"

fail=0
check() { if "${@:2}"; then echo "ok:   $1"; else echo "FAIL: $1"; fail=1; fi; }
count() { grep -c "$1" "$work/loop.log" || true; }
check "every datagram handled (4 + quit)" [ "$(count '^udp: ')" -eq 5 ]
check "every message handled (8)" [ "$(count '^amqp: message [1-8]$')" -eq 8 ]
check "messages in publish order" \
    [ "$(grep '^amqp: ' "$work/loop.log" | tr -d '\n')" = "$(printf 'amqp: message %d' 1 2 3 4 5 6 7 8)" ]
check "still connected after idling 5 s (heartbeats flowed)" grep -q 'connected: yes$' "$work/loop.log"
[ "$fail" -eq 0 ] || { echo "example 10: FAILED"; exit 1; }
echo "example 10: OK"

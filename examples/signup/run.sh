#!/usr/bin/env bash
# Runs the sign-up demo end to end: a registration page served by `php -S`
# offloads the welcome e-mail and SMS of each sign-up to RabbitMQ, two CLI
# workers send them, and the pending counts are shown before and after.  Uses the broker named by
# MQ_TEST_* variables, or starts a private one (tests/broker.sh) and stops it.
# Exits non-zero when any step does not give the expected result.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
ext=${MQ_EXTENSION:-$root/modules/mq.so}
[ -f "$ext" ] || { echo "build the extension first (modules/mq.so missing)" >&2; exit 1; }

work=$(mktemp -d)
server_pid=
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
    [ -n "${own_broker:-}" ] && bash "$root/tests/broker.sh" stop "$work/broker" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

if [ -z "${MQ_TEST_PORT:-}" ]; then
    echo "== starting a private RabbitMQ node"
    bash "$root/tests/broker.sh" start "$work/broker" >/dev/null
    own_broker=1
    # shellcheck disable=SC1091
    . "$work/broker/env.sh"
fi

export DEMO_OUTBOX=$work/outbox DEMO_SMS_OUTBOX=$work/sms
php=(php -n -d "extension=$ext" -d "sendmail_path=$here/sendmail.sh")
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

echo "== web: php -S 127.0.0.1:$port"
"${php[@]}" -S "127.0.0.1:$port" -t "$here/public" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done

fail=0
people=("Ada Lovelace:ada@example.org:+351210000001" "Alan Turing:alan@example.org:+351210000002"
        "Grace Hopper:grace@example.org:+351210000003")
for p in "${people[@]}"; do
    IFS=: read -r name email phone <<<"$p"
    printf 'sign-up %-15s -> ' "$name"
    curl -s --max-time 10 -d "name=$name" -d "email=$email" --data-urlencode "phone=$phone" "http://127.0.0.1:$port/signup"
done
printf 'bad sign-up           -> '
curl -s --max-time 10 -d "name=x" -d "email=not-an-address" "http://127.0.0.1:$port/signup"

echo "== status page and CLI count (passive declare)"
curl -s --max-time 10 "http://127.0.0.1:$port/status"
pending=$("${php[@]}" "$here/pending.php")
echo "$pending"
[ "$pending" = "pending welcome e-mails: 3, SMS: 3" ] || { echo "expected 3 pending jobs each" >&2; fail=1; }

echo "== workers (e-mail and SMS, side by side)"
"${php[@]}" "$here/sms-worker.php" --max 3 --idle 10 >"$work/sms-worker.log" 2>&1 &
sms_pid=$!
"${php[@]}" "$here/worker.php" --max 3 --idle 10
wait "$sms_pid" || { echo "SMS worker failed" >&2; fail=1; }
cat "$work/sms-worker.log"
texts=$(find "$DEMO_SMS_OUTBOX" -name '*.txt' 2>/dev/null | wc -l)
echo "SMS outbox: $texts message(s)"
[ "$texts" -eq 3 ] || { echo "expected 3 SMS in the outbox" >&2; fail=1; }
sent=$(find "$DEMO_OUTBOX" -name '*.eml' 2>/dev/null | wc -l)
echo "outbox: $sent mail(s)"
for f in "$DEMO_OUTBOX"/*.eml; do grep -m1 '^To:' "$f" || true; done
[ "$sent" -eq 3 ] || { echo "expected 3 mails in the outbox" >&2; fail=1; }
after=$("${php[@]}" "$here/pending.php")
echo "$after"
[ "$after" = "pending welcome e-mails: 0, SMS: 0" ] || { echo "expected 0 pending jobs" >&2; fail=1; }

echo "== get() versus consume()"
"${php[@]}" "$here/get-vs-consume.php" | tee "$work/gvc.txt"
grep -q '^get():     one$' "$work/gvc.txt" && grep -q '^consume(): two, three$' "$work/gvc.txt" \
    && grep -q 'get() on an empty queue: NULL' "$work/gvc.txt" || { echo "get/consume output unexpected" >&2; fail=1; }

if [ "$fail" -ne 0 ]; then
    echo "== web server log"; cat "$work/server.log"
    echo "demo: FAILED"; exit 1
fi
echo "demo: OK"

#!/usr/bin/env bash
# Runs every example (examples/signup and examples/NN-*/run.sh) and prints a
# line per example, then "N passed, N failed, N skipped".  Exits non-zero if
# any example failed.  Each run.sh is the example's own test: it checks its
# output and exits non-zero on a mismatch; exit status 77 means "skipped"
# (a missing optional package), which is never counted as passed.
#
#   bash examples/run-all.sh [NAME...]      (NAME: a folder, e.g. 03-peak-shaving, or a prefix: 03)
#
# Environment:
#   MQ_EXTENSION  the extension to load (default: modules/mq.so of this
#                 checkout; a bare name such as amqp.so is looked up in PHP's
#                 extension_dir, so MQ_EXTENSION=amqp.so runs the examples on
#                 the PECL amqp extension for comparison)
#   MQ_TEST_*     the broker (tests/broker.sh env.sh); when MQ_TEST_PORT is
#                 unset, one private RabbitMQ node is started for all
#                 examples and stopped at the end
#   EXAMPLE_TIMEOUT  seconds after which one example counts as failed (default 120)
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)

ext=${MQ_EXTENSION:-$root/modules/mq.so}
case $ext in */*) ;; *) ext=$(php -n -r 'echo ini_get("extension_dir");')/$ext ;; esac
[ -f "$ext" ] || { echo "extension not found: $ext (build mq first, or set MQ_EXTENSION)" >&2; exit 1; }
MQ_EXTENSION=$(cd "$(dirname "$ext")" && pwd)/$(basename "$ext")
export MQ_EXTENSION

work=$(mktemp -d)
cleanup() {
    [ -z "${own_broker:-}" ] || bash "$root/tests/broker.sh" stop "$work/broker" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
if [ -z "${MQ_TEST_PORT:-}" ]; then
    echo "== starting a private RabbitMQ node for all examples"
    bash "$root/tests/broker.sh" start "$work/broker" >"$work/broker.log" 2>&1 || { cat "$work/broker.log"; exit 1; }
    own_broker=1
    # shellcheck disable=SC1091
    . "$work/broker/env.sh"
fi

# Example 1 (async processing) is the sign-up demo; then 02-..., 03-..., in order.
examples=()
[ -f "$here/signup/run.sh" ] && examples+=(signup)
for d in "$here"/[0-9][0-9]-*/; do
    [ -f "$d/run.sh" ] && examples+=("$(basename "$d")")
done
if [ $# -gt 0 ]; then
    selected=()
    for e in "${examples[@]}"; do
        for want in "$@"; do
            case $e in "$want"*) selected+=("$e"); break ;; esac
        done
    done
    examples=("${selected[@]}")
fi

echo "== extension: $MQ_EXTENSION"
passed=0 failed=0 skipped=0
for e in "${examples[@]}"; do
    log=$work/$e.log
    t0=$(date +%s%N)
    timeout --kill-after=10 "${EXAMPLE_TIMEOUT:-120}" bash "$here/$e/run.sh" </dev/null >"$log" 2>&1
    rc=$?
    ms=$(( ($(date +%s%N) - t0) / 1000000 ))
    secs=$(printf '%d.%d' $((ms / 1000)) $((ms % 1000 / 100)))
    case $rc in
        0)  passed=$((passed + 1)); printf 'PASS  %-22s %5s s\n' "$e" "$secs" ;;
        77) skipped=$((skipped + 1)); printf 'SKIP  %-22s %s\n' "$e" "$(tail -n 1 "$log")" ;;
        *)  failed=$((failed + 1))
            [ $rc -eq 124 ] && why="timed out" || why="exit status $rc"
            printf 'FAIL  %-22s %5s s (%s); last lines of its output:\n' "$e" "$secs" "$why"
            tail -n 40 "$log" | sed 's/^/    | /' ;;
    esac
done
echo "examples: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]

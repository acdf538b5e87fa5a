#!/usr/bin/env bash
# Example 7, a work queue: three CLI workers share the tasks of one durable
# queue (prefetch 1, ack after the work).  One worker is killed with
# SIGKILL in the middle of a task, which the broker then redelivers to
# another worker; one is stopped with SIGTERM and finishes its task first
# (pcntl_async_signals); the third does the rest.  Checks that every task
# was done exactly once and nothing is left in the queue.
#
# Uses the broker named by MQ_TEST_* (or starts a private one with
# tests/broker.sh and stops it), loads MQ_EXTENSION (default: modules/mq.so;
# a bare file name such as amqp.so is looked up in PHP's extension_dir).
# Exits non-zero when a check fails.
set -euo pipefail
# shellcheck source=../_common.sh
. "$(dirname "$0")/../_common.sh"

tasks=12
fail=0
check() { # check DESCRIPTION COMMAND...: runs COMMAND, reports
    if "${@:2}"; then echo "ok:   $1"; else echo "FAIL: $1"; fail=1; fi
}
# wait_for FILE PATTERN [N]: waits (at most 10 s) until FILE has N lines matching PATTERN
wait_for() {
    local n=${3:-1}
    for _ in $(seq 200); do
        [ "$(grep -cE "$2" "$1" 2>/dev/null || true)" -ge "$n" ] && return 0
        sleep 0.05
    done
    echo "timed out waiting for '$2' in $1" >&2
    return 1
}

php "$here/cleanup.php"
php "$here/producer.php" "$tasks" 0.3
echo "== three workers: alpha, bravo, charlie"
php_bg "$here/worker.php" alpha > "$work/alpha.log" 2>&1;        alpha=$last_pid
php_bg "$here/worker.php" bravo > "$work/bravo.log" 2>&1;        bravo=$last_pid
php_bg "$here/worker.php" charlie 1.5 > "$work/charlie.log" 2>&1; charlie=$last_pid

# alpha dies in the middle of its first task: that task is not acked.
wait_for "$work/alpha.log" 'started task'
kill -KILL "$alpha"
wait "$alpha" 2>/dev/null || true
lost=$(grep -oE 'started task [0-9]+' "$work/alpha.log" | tail -n 1 | grep -oE '[0-9]+$')
echo "== alpha killed (SIGKILL) while working on task $lost"

# bravo gets SIGTERM in the middle of its next task: it finishes it first.
n=$(grep -c 'started task' "$work/bravo.log" || true)
wait_for "$work/bravo.log" 'started task' $((n + 1))
kill -TERM "$bravo"
bravo_rc=0
wait "$bravo" || bravo_rc=$?
echo "== bravo stopped (SIGTERM), exit code $bravo_rc"

# charlie does the rest and leaves after 1.5 s without a task.
charlie_rc=0
wait "$charlie" || charlie_rc=$?
echo "== charlie left, exit code $charlie_rc"

for w in alpha bravo charlie; do
    echo "---- $w"
    cat "$work/$w.log"
done
cat "$work"/{alpha,bravo,charlie}.log > "$work/all.log"

echo "== checks"
done_once() {
    local i c
    for i in $(seq "$tasks"); do
        c=$(grep -cx "[a-z]*: finished task $i" "$work/all.log" || true)
        [ "$c" -eq 1 ] || { echo "task $i finished $c times" >&2; return 1; }
    done
}
check "every one of the $tasks tasks was finished exactly once" done_once
check "alpha never finished task $lost" bash -c "! grep -qx 'alpha: finished task $lost' '$work/alpha.log'"
check "task $lost was redelivered to another worker and finished" \
    grep -qE "^(bravo|charlie): started task $lost \(redelivered\)$" "$work/all.log"
last_bravo=$(grep -oE 'started task [0-9]+' "$work/bravo.log" | tail -n 1 | grep -oE '[0-9]+$')
check "bravo finished task $last_bravo after SIGTERM, then stopped" \
    bash -c "grep -A1 'bravo: asked to stop' '$work/bravo.log' | grep -qx 'bravo: finished task $last_bravo' && tail -n 1 '$work/bravo.log' | grep -qx 'bravo: stopped'"
check "bravo exited with status 0" test "$bravo_rc" -eq 0
check "charlie exited with status 0" test "$charlie_rc" -eq 0

# mq also runs signal handlers while consume() waits (php-amqp 1.11 loses
# such a signal): an idle worker then stops on SIGTERM too.
if php -r 'exit(method_exists("AMQPQueue", "getConsumerCount") ? 0 : 1);'; then
    php_bg "$here/worker.php" delta > "$work/delta.log" 2>&1
    delta=$last_pid
    wait_for "$work/delta.log" 'waiting for tasks'
    sleep 0.3
    kill -TERM "$delta"
    delta_rc=timeout
    for _ in $(seq 60); do
        kill -0 "$delta" 2>/dev/null || { delta_rc=0; wait "$delta" || delta_rc=$?; break; }
        sleep 0.05
    done
    check "mq: an idle worker stops on SIGTERM within 3 s (exit status $delta_rc)" \
        bash -c "[ '$delta_rc' = 0 ] && tail -n 1 '$work/delta.log' | grep -qx 'delta: stopped'"
fi
left=$(php "$here/pending.php")
check "the queue is empty ($left ready)" test "$left" = 0
php "$here/cleanup.php"

if [ "$fail" -ne 0 ]; then
    echo "07-work-queue: FAILED"
    exit 1
fi
echo "07-work-queue: OK"

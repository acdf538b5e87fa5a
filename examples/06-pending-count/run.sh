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
# shellcheck source=../_common.sh
. "$(dirname "$0")/../_common.sh"

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

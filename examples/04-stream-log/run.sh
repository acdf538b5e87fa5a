#!/usr/bin/env bash
# Example 4, a stream as a log: events are appended to a stream queue
# (x-queue-type stream) and read by independent readers, each from where it
# wants (x-stream-offset as a consume argument: first, an offset, a point in
# time) and each keeping its own position.  Reading removes nothing.
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
    echo "== the morning's events"
    php "$here/append.php" "ada signed up" "alan signed up" "ada ordered a book" "alan ordered a lamp" "ada paid"
    # Wait for the next full second T, so that everything after it is newer.
    t=$(php -r 'echo (int) microtime(true) + 1;')
    php -r "time_sleep_until($t + 0.2);"
    echo "== later (after time T)"
    php "$here/append.php" "alan paid" "book shipped" "lamp shipped"

    echo "== the audit reader reads everything, from the first event"
    php "$here/reader.php" audit --from first
    echo "== the analytics reader starts at offset 3"
    php "$here/reader.php" analytics --from offset:3
    echo "== a reader that wants only what happened since T"
    php "$here/reader.php" recent --from timestamp:"$t"

    echo "== two more events; each reader continues from its own position"
    php "$here/append.php" "ada reviewed the book" "alan returned the lamp"
    php "$here/reader.php" audit --from stored
    php "$here/reader.php" analytics --from stored
    echo "== the log still has everything: a new reader can replay it"
    php "$here/reader.php" replay --from first | tail -n 1
} 2>&1 | tee "$work/out.txt"
php "$here/cleanup.php"

if diff -u "$here/expected-output.txt" "$work/out.txt"; then
    echo "04-stream-log: OK"
else
    echo "04-stream-log: FAILED (transcript differs from expected-output.txt, see the diff above)"
    exit 1
fi

#!/usr/bin/env bash
# Example 3, peak shaving: a burst of ticket requests meets a bounded queue
# (x-max-length 5, x-overflow reject-publish).  The publisher works in
# confirm mode: requests the broker accepts are answered "accepted" from the
# ack callback, the ones over capacity "sold out" from the nack callback, and
# a worker then drains the queue at its own pace.  Once the queue has room
# again, the next burst is accepted.
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
    echo "== the rush: 8 requests for a queue that holds 5"
    php "$here/box-office.php" 1 8
    echo "== the worker drains the queue"
    php "$here/worker.php"
    echo "== the queue has room again: 3 more requests"
    php "$here/box-office.php" 9 3
    php "$here/worker.php"
} 2>&1 | tee "$work/out.txt"
php "$here/cleanup.php"

if diff -u "$here/expected-output.txt" "$work/out.txt"; then
    echo "03-peak-shaving: OK"
else
    echo "03-peak-shaving: FAILED (transcript differs from expected-output.txt, see the diff above)"
    exit 1
fi

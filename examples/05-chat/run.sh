#!/usr/bin/env bash
# Example 5, chat: private messages travel through a direct exchange into a
# durable inbox queue per user (they wait while the user is offline); each
# room is a fanout exchange, and each member who is online has an exclusive,
# auto-delete queue bound to it (gone when the member leaves: no history).
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
php "$here/demo.php" 2>&1 | tee "$work/out.txt"
php "$here/cleanup.php"

if diff -u "$here/expected-output.txt" "$work/out.txt"; then
    echo "05-chat: OK"
else
    echo "05-chat: FAILED (transcript differs from expected-output.txt, see the diff above)"
    exit 1
fi

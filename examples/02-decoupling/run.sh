#!/usr/bin/env bash
# Example 2, decoupling: an order service publishes "order.created" events to
# a topic exchange; inventory and billing each consume from their own durable
# queue.  Either service can be down: its events wait in its queue and are
# handled when it comes back, and the order service never notices.
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
    echo "== deploy: each service declares its own queue and binding"
    php "$here/service.php" inventory --setup
    php "$here/service.php" billing --setup

    echo "== billing is down; orders keep coming and inventory keeps working"
    php "$here/order-service.php" 1001 1002 1003
    php "$here/service.php" inventory
    php "$here/service.php" billing --setup    # (only looks: 3 invoices wait)

    echo "== billing is back and catches up"
    php "$here/service.php" billing

    echo "== now inventory is down; billing is not affected"
    php "$here/order-service.php" 1004 1005
    php "$here/service.php" billing
    php "$here/service.php" inventory --setup

    echo "== inventory is back and catches up"
    php "$here/service.php" inventory
} 2>&1 | tee "$work/out.txt"
php "$here/cleanup.php"

if diff -u "$here/expected-output.txt" "$work/out.txt"; then
    echo "02-decoupling: OK"
else
    echo "02-decoupling: FAILED (transcript differs from expected-output.txt, see the diff above)"
    exit 1
fi

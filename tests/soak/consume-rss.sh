#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# Soak test (not in CI): publish N messages (default 1,000,000) in confirm
# mode, then consume and ack them all with prefetch 1000, printing the PHP
# process's RSS every 100,000 messages.  Passes when RSS grows by less than
# 1 MiB between message 10,000 (warm-up) and the end.
#
#   tests/soak/consume-rss.sh [N]
#
# Uses the broker in the MQ_TEST_* environment (source a tests/broker.sh
# env.sh) or, without one, starts a private broker for the run.  The
# extension is modules/mq.so of the repository (build it first: phpize,
# ./configure, make) or $MQ_SO.  Record results in tests/soak/RESULTS.md.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd -P)
N=${1:-1000000}
SO=${MQ_SO:-$ROOT/modules/mq.so}
[ -f "$SO" ] || { echo "consume-rss.sh: $SO missing (build the extension)" >&2; exit 2; }

if [ -z "${MQ_TEST_PORT:-}" ]; then
    BROKER_DIR=$(mktemp -d /tmp/mq-soak-broker.XXXXXX)
    rmdir "$BROKER_DIR"
    trap 'bash "$ROOT/tests/broker.sh" stop "$BROKER_DIR"' EXIT
    bash "$ROOT/tests/broker.sh" start "$BROKER_DIR"
    # shellcheck disable=SC1091
    . "$BROKER_DIR/env.sh"
fi

php -n -d extension="$SO" "$ROOT/tests/soak/consume-rss.php" "$N"

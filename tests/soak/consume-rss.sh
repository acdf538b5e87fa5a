#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# Soak test (not in CI): publish N messages (default 1,000,000) in confirm
# mode, then consume and ack them all with prefetch 1000, printing the PHP
# process's RSS every 100,000 messages.  Passes when RSS grows by less than
# 1 MiB between message 10,000 (warm-up) and the end.
#
#   tests/soak/consume-rss.sh [--record] [N]
#
# Uses the broker in the MQ_TEST_* environment (source a tests/broker.sh
# env.sh) or, without one, starts a private broker for the run.  The
# extension is modules/mq.so of the repository (build it first: phpize,
# ./configure, make) or $MQ_SO.
#
# --record writes tests/soak/RESULTS.md itself (never edit it by hand): the
# date, the commit that ran, the command, the machine, RabbitMQ and PHP
# versions, and the script's own output (counts, seconds, RSS samples).  It
# refuses a work tree with uncommitted changes to tracked files, and an
# mq.so older than a file of src/ (the record must describe that commit).
# A run of fewer than 1,000,000 messages is marked as a short run.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd -P)
RECORD=0
N=1000000
ARGS=("$@")
for arg in "$@"; do
    case "$arg" in
        --record) RECORD=1 ;;
        -h | --help) sed -n '4,21p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *[!0-9]* | "") echo "consume-rss.sh: unknown argument $arg" >&2; exit 2 ;;
        *) N=$arg ;;
    esac
done
SO=${MQ_SO:-$ROOT/modules/mq.so}
[ -f "$SO" ] || { echo "consume-rss.sh: $SO missing (build the extension)" >&2; exit 2; }

if [ $RECORD -eq 1 ]; then
    COMMIT=$(git -C "$ROOT" rev-parse --short=12 HEAD 2>/dev/null) || COMMIT=""
    if [ -z "$COMMIT" ] || [ -n "$(git -C "$ROOT" status --porcelain --untracked-files=no)" ]; then
        echo "consume-rss.sh: --record needs a git work tree without uncommitted changes" >&2
        exit 2
    fi
    newer=$(find "$ROOT/src" "$ROOT/php_mq.h" -newer "$SO" -type f 2>/dev/null | head -n 3)
    if [ -n "$newer" ]; then
        echo "consume-rss.sh: $SO is older than $newer...: rebuild it before --record" >&2
        exit 2
    fi
fi

BROKER_DIR=""
if [ -z "${MQ_TEST_PORT:-}" ]; then
    BROKER_DIR=$(mktemp -d /tmp/mq-soak-broker.XXXXXX)
    rmdir "$BROKER_DIR"
    trap 'bash "$ROOT/tests/broker.sh" stop "$BROKER_DIR"' EXIT
    bash "$ROOT/tests/broker.sh" start "$BROKER_DIR"
    # shellcheck disable=SC1091
    . "$BROKER_DIR/env.sh"
fi

OUT=$(mktemp /tmp/mq-soak-out.XXXXXX)
t0=$(date +%s)
set +e
php -n -d extension="$SO" "$ROOT/tests/soak/consume-rss.php" "$N" 2>&1 | tee "$OUT"
rc=${PIPESTATUS[0]}
set -e
secs=$(( $(date +%s) - t0 ))

if [ $RECORD -eq 1 ]; then
    rmq=unknown
    if [ -n "${MQ_TEST_CTL:-}" ]; then
        rmq=$(env -u LD_PRELOAD "$MQ_TEST_CTL" version 2>/dev/null || echo unknown)
    elif command -v rabbitmqctl >/dev/null; then
        rmq=$(dpkg-query -W -f '${Version}' rabbitmq-server 2>/dev/null || echo unknown)
    fi
    short=""
    [ "$N" -ge 1000000 ] || short=" (a short run: $N messages, not the 1,000,000 of the full soak)"
    {
        echo "# Soak results"
        echo
        echo "Written by \`tests/soak/consume-rss.sh --record\` (do not edit by hand); the last"
        echo "recorded run.  Reproduce: check out the commit, build, run the command."
        echo
        echo "## consume-rss.sh$short"
        echo
        echo "Pass condition: all messages consumed and acked, and the PHP process's RSS"
        echo "grows by less than 1 MiB between message 10,000 (warm-up) and the end."
        echo
        echo "- date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
        echo "- commit: $COMMIT ($(git -C "$ROOT" log -1 --format=%cs HEAD)), no uncommitted changes; mq.so built after every src/ file"
        echo "- command: \`tests/soak/consume-rss.sh ${ARGS[*]}\`"
        echo "- messages: $N x 100 B; whole run $secs s; exit status $rc ($([ "$rc" -eq 0 ] && echo PASS || echo FAIL))"
        echo "- machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo), $(uname -sr); PHP $(php -n -r 'echo PHP_VERSION;'); RabbitMQ $rmq$([ -n "$BROKER_DIR" ] && echo ' (private node, same host)')"
        echo
        echo "Output of the run:"
        echo
        echo '```'
        cat "$OUT"
        echo '```'
    } >"$ROOT/tests/soak/RESULTS.md.tmp" && mv "$ROOT/tests/soak/RESULTS.md.tmp" "$ROOT/tests/soak/RESULTS.md"
    echo "recorded: tests/soak/RESULTS.md"
fi
rm -f "$OUT"
exit "$rc"

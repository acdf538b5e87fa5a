#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# The benchmark: mq against PECL amqp, php-amqplib and a C client on
# librabbitmq-c, side by side on one private broker.  See bench/README.md.
#
#   bench/run.sh                 full run (~15 min): writes bench/results.md,
#                                bench/results.svg and bench/results.json
#   bench/run.sh --smoke         CI smoke run (~1-2 min): a few hundred messages
#                                per case, checks that every figure parses;
#                                writes to a temporary directory
#   bench/run.sh --out DIR ...   write the results to DIR instead
#   other options go to bench/runner.py (--rounds, --cases, --clients,
#   --callgrind-cases, --strace-cases, --scale, --soak; runner.py --help)
#
# Environment:
#   MQ_EXTENSION   mq's shared object (default: <repo>/modules/mq.so)
#   MQ_BASE_EXTENSION
#                  a second build of mq (e.g. the one before a change): adds
#                  client mq_base, which runs what mq runs with this .so;
#                  results.md then compares mq with it ("mq against its base
#                  build")
#   MQ_BASE_LABEL  what that build is, shown in its title "mq base (LABEL)"
#                  (default: `git rev-parse --short HEAD` in the directory
#                  above the .so's, else "base")
#   MQ_TEST_PORT   use the broker at MQ_TEST_HOST:MQ_TEST_PORT (MQ_TEST_USER,
#                  MQ_TEST_PASSWORD) instead of starting a private one
#   BENCH_CLIENTS  clients to run (default mq,pecl,amqplib,c; mq_base is
#                  added after mq when MQ_BASE_EXTENSION is set)
#   BENCH_KEEP     1: keep the work directory (callgrind profiles, strace
#                  outputs, raw results) and print its path
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$HERE")
SMOKE=0
OUT=
ARGS=()
while [ $# -gt 0 ]; do
    case "$1" in
        --smoke) SMOKE=1 ;;
        --out) OUT=$2; shift ;;
        --out=*) OUT=${1#--out=} ;;
        -h|--help) sed -n '4,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) ARGS+=("$1") ;;
    esac
    shift
done

MQ_EXTENSION=${MQ_EXTENSION:-$REPO/modules/mq.so}
CLIENTS=${BENCH_CLIENTS:-mq,pecl,amqplib,c}
MQ_BASE_EXTENSION=${MQ_BASE_EXTENSION:-}

die() { echo "bench/run.sh: $*" >&2; exit 1; }

if [ -n "$MQ_BASE_EXTENSION" ]; then
    case ",$CLIENTS," in
        *,mq_base,*) ;;
        *,mq,*) CLIENTS=$(echo ",$CLIENTS," | sed 's/,mq,/,mq,mq_base,/; s/^,//; s/,$//') ;;
        *) CLIENTS=mq_base,$CLIENTS ;;
    esac
else
    case ",$CLIENTS," in *,mq_base,*)
        die "client mq_base needs MQ_BASE_EXTENSION (the base build's mq.so)" ;;
    esac
fi

# What the benchmark needs (Debian): php8.2-cli php8.2-cgi php8.2-amqp
# php-amqplib php8.2-mbstring librabbitmq-dev rabbitmq-server valgrind strace
# gcc make python3 (tools/install-deps.sh installs them).
for cmd in php php-cgi python3 cc make valgrind strace; do
    command -v "$cmd" >/dev/null || die "$cmd not found (tools/install-deps.sh)"
done
[ -f /usr/include/amqp.h ] || die "librabbitmq-dev missing (tools/install-deps.sh)"
case ",$CLIENTS," in *,mq,*)
    [ -f "$MQ_EXTENSION" ] || die "mq extension $MQ_EXTENSION not found (build it, set MQ_EXTENSION, or BENCH_CLIENTS without mq)"
    MQ_EXTENSION=$(readlink -f "$MQ_EXTENSION")
    php -n -d "extension=$MQ_EXTENSION" -r 'exit(extension_loaded("amqp") ? 0 : 1);' \
        || die "php cannot load $MQ_EXTENSION" ;;
esac
BASE_ARGS=()
case ",$CLIENTS," in *,mq_base,*)
    [ -f "$MQ_BASE_EXTENSION" ] || die "base extension MQ_BASE_EXTENSION=$MQ_BASE_EXTENSION not found"
    MQ_BASE_EXTENSION=$(readlink -f "$MQ_BASE_EXTENSION")
    php -n -d "extension=$MQ_BASE_EXTENSION" -r 'exit(extension_loaded("amqp") ? 0 : 1);' \
        || die "php cannot load $MQ_BASE_EXTENSION"
    if [ -z "${MQ_BASE_LABEL:-}" ]; then
        MQ_BASE_LABEL=$(git -C "$(dirname "$MQ_BASE_EXTENSION")/.." rev-parse --short --verify -q HEAD 2>/dev/null) \
            || MQ_BASE_LABEL=
        MQ_BASE_LABEL=${MQ_BASE_LABEL:-base}
    fi
    BASE_ARGS=(--mq-base-extension "$MQ_BASE_EXTENSION" --mq-base-label "$MQ_BASE_LABEL") ;;
esac
case ",$CLIENTS," in *,pecl,*)
    php -n -d extension=amqp.so -r 'exit(extension_loaded("amqp") ? 0 : 1);' \
        || die "PECL amqp (php8.2-amqp) cannot be loaded" ;;
esac
case ",$CLIENTS," in *,amqplib,*)
    [ -f /usr/share/php/PhpAmqpLib/autoload.php ] || die "php-amqplib missing"
    php -n -d extension=mbstring.so -r 'exit(function_exists("mb_strlen") ? 0 : 1);' \
        || die "php8.2-mbstring missing (php-amqplib needs it)" ;;
esac

WORK=$(mktemp -d "${TMPDIR:-/tmp}/mq-bench.XXXXXX")
BROKER_DIR=
cleanup() {
    local rc=$?
    if [ -n "$BROKER_DIR" ]; then
        bash "$REPO/tests/broker.sh" stop "$BROKER_DIR" >/dev/null 2>&1 || true
    fi
    if [ "${BENCH_KEEP:-0}" = 1 ]; then
        echo "bench/run.sh: work directory kept: $WORK" >&2
    else
        rm -rf "$WORK"
    fi
    exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

START=$(date +%s)
make -s -C "$HERE/c" OUT="$WORK" >/dev/null

if [ -z "${MQ_TEST_PORT:-}" ]; then
    BROKER_DIR=$WORK/broker
    echo "bench/run.sh: starting a private broker" >&2
    bash "$REPO/tests/broker.sh" start "$BROKER_DIR" >/dev/null 2>"$WORK/broker-start.log" \
        || { cat "$WORK/broker-start.log" >&2; die "the broker did not start"; }
    # shellcheck disable=SC1091
    . "$BROKER_DIR/env.sh"
fi
export MQ_TEST_HOST=${MQ_TEST_HOST:-127.0.0.1} MQ_TEST_PORT
export MQ_TEST_USER=${MQ_TEST_USER:-guest} MQ_TEST_PASSWORD=${MQ_TEST_PASSWORD:-guest}

load=$(cut -d' ' -f1 /proc/loadavg)
if [ "$SMOKE" = 0 ] && awk "BEGIN { exit !($load > 1.0) }"; then
    echo "bench/run.sh: warning: load average $load; other work on the machine blurs the figures" >&2
fi

RUNNER=(python3 "$HERE/runner.py" --out "$WORK/raw" --mqbench "$WORK/mqbench"
        --mq-extension "$MQ_EXTENSION" --clients "$CLIENTS"
        ${BASE_ARGS[@]+"${BASE_ARGS[@]}"})
CHECK=()
if [ "$SMOKE" = 1 ]; then
    # callgrind on two cases only (it is slow); strace on all of them
    RUNNER+=(--smoke --rounds 1 --callgrind-cases publish_64,consume_p1000_64 --soak yes)
    CHECK=(--check --require-instr publish_64,consume_p1000_64 --require-syscalls all)
    [ -n "$OUT" ] || OUT=$WORK/out
else
    CHECK=(--check --require-instr all --require-syscalls all)
    [ -n "$OUT" ] || OUT=$HERE
fi
mkdir -p "$OUT"

rc=0
"${RUNNER[@]}" ${ARGS[@]+"${ARGS[@]}"} || rc=$?
[ -f "$WORK/raw/results.json" ] || die "the runner wrote no results"
cp "$WORK/raw/results.json" "$OUT/results.json"
NOTES=()
# bench/notes.md: the explanations of missed targets that go into results.md
[ "$SMOKE" = 0 ] && [ -f "$HERE/notes.md" ] && NOTES=(--notes "$HERE/notes.md")
python3 "$HERE/report.py" "$OUT/results.json" --md "$OUT/results.md" --svg "$OUT/results.svg" \
    "${CHECK[@]}" ${NOTES[@]+"${NOTES[@]}"} || rc=1

echo "bench/run.sh: $OUT/results.md, $OUT/results.svg ($(( $(date +%s) - START )) s)" >&2
if [ "$SMOKE" = 1 ] && [ -z "${BENCH_KEEP:-}" ] && [ "$OUT" = "$WORK/out" ]; then
    # the smoke results live in the work directory: show the summary before it goes
    sed -n '/^## Targets/,/^## Instructions/p' "$OUT/results.md" | head -n 30 >&2
    if [ -n "$MQ_BASE_EXTENSION" ]; then
        sed -n '/^## mq against its base build/,/^## Instructions/p' "$OUT/results.md" \
            | sed '$d' >&2
    fi
fi
exit $rc

#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# Runs the libFuzzer targets fuzz/fuzz_*.c and, with --record, writes what
# ran to fuzz/RESULTS.md (the only file it writes into the repository):
#
#   fuzz/run.sh [--record] [--seconds S | --runs N] [TARGET...]
#
#   --seconds S   each target runs S seconds (-max_total_time; default 10)
#   --runs N      each target runs N executions (-runs) instead
#   TARGET        fuzz_frame, frame, ... (default: every fuzz/fuzz_*.c)
#
# Each target is built by `make -C tests/c FLAVOUR=fuzz` (clang,
# -fsanitize=fuzzer,address,undefined) and runs on a temp copy of
# fuzz/corpus/<target>/ with fuzz/<name>.dict when there is one, so that
# the committed corpus does not grow.  Crash inputs are kept in
# build/fuzz-logs/.  --record refuses a work tree with uncommitted changes
# to tracked files (the record names the commit that ran) and writes the
# date, commit, machine, command and, per target, the executions, seconds,
# final cov/ft and outcome, all taken from the libFuzzer output.
# Exit code 1 when a target crashed or did not build.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd -P)
cd "$ROOT" || exit 2

RECORD=0
SECONDS_EACH=10
RUNS=""
TARGETS=()
ARGS=("$@")
while [ $# -gt 0 ]; do
    case "$1" in
        --record) RECORD=1 ;;
        --seconds) SECONDS_EACH=${2:?--seconds needs a value}; shift ;;
        --runs) RUNS=${2:?--runs needs a value}; shift ;;
        -h | --help) sed -n '4,21p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "fuzz/run.sh: unknown option $1" >&2; exit 2 ;;
        *) t=${1#fuzz_}; t=${t%.c}; t=${t##*/}
           [ -f "fuzz/fuzz_$t.c" ] || { echo "fuzz/run.sh: no fuzz/fuzz_$t.c" >&2; exit 2; }
           TARGETS+=("fuzz_$t") ;;
    esac
    shift
done
if [ ${#TARGETS[@]} -eq 0 ]; then
    for f in fuzz/fuzz_*.c; do TARGETS+=("$(basename "$f" .c)"); done
fi

COMMIT=$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
if [ $RECORD -eq 1 ]; then
    if [ "$COMMIT" = unknown ] || [ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]; then
        echo "fuzz/run.sh: --record needs a git work tree without uncommitted changes (commit first)" >&2
        exit 2
    fi
fi

LOGS="$ROOT/build/fuzz-logs"
mkdir -p "$LOGS"
if ! make -k -j2 -C tests/c FLAVOUR=fuzz all >"$LOGS/build.log" 2>&1; then
    tail -n 30 "$LOGS/build.log"
    echo "fuzz/run.sh: the fuzz targets did not build (clang, libclang-rt-14-dev)" >&2
    exit 1
fi

FAILED=0
ROWS=()
for name in "${TARGETS[@]}"; do
    bin="build/fuzz/$name"
    log="$LOGS/$name.log"
    corpus=$(mktemp -d "${TMPDIR:-/tmp}/mq-fuzz-corpus.XXXXXX")
    for c in "fuzz/corpus/$name" "fuzz/corpus/${name#fuzz_}"; do
        if [ -d "$c" ]; then cp -R "$c/." "$corpus/"; break; fi
    done
    args=(-timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$LOGS/$name-")
    if [ -n "$RUNS" ]; then args+=(-runs="$RUNS"); else args+=(-max_total_time="$SECONDS_EACH"); fi
    for d in "fuzz/$name.dict" "fuzz/${name#fuzz_}.dict"; do
        if [ -f "$d" ]; then args+=(-dict="$d"); break; fi
    done
    t0=$(date +%s%N)
    "$bin" "${args[@]}" "$corpus" >"$log" 2>&1
    rc=$?
    ms=$(( ($(date +%s%N) - t0) / 1000000 ))
    rm -rf "$corpus"
    execs=$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+).*/\1/p' "$log" | tail -n 1)
    cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -n 1 | grep -oE '[0-9]+')
    ft=$(grep -oE 'ft: [0-9]+' "$log" | tail -n 1 | grep -oE '[0-9]+')
    if [ $rc -eq 0 ] && [ -n "$execs" ]; then
        outcome="no crash, leak, timeout or sanitizer report"
        echo "ok - $name: $execs executions in $((ms / 1000)).$(( (ms % 1000) / 100 )) s, cov ${cov:-?} ft ${ft:-?}"
    else
        FAILED=$((FAILED + 1))
        outcome="FAILED (exit $rc; input in build/fuzz-logs/$name-*)"
        echo "FAILED - $name (exit $rc)"
        tail -n 40 "$log" | sed 's/^/    | /'
    fi
    ROWS+=("| $name | ${execs:-?} | $((ms / 1000)).$(( (ms % 1000) / 100 )) | ${cov:-?} / ${ft:-?} | $outcome |")
done

if [ $RECORD -eq 1 ]; then
    if [ -n "$RUNS" ]; then budget="$RUNS executions per target (-runs=$RUNS)"
    else budget="$SECONDS_EACH s per target (-max_total_time=$SECONDS_EACH)"; fi
    {
        echo "# Fuzzing results"
        echo
        echo "Written by \`fuzz/run.sh --record\` (do not edit by hand); the last recorded run."
        echo "Reproduce: check out the commit and run the command."
        echo
        echo "- date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
        echo "- commit: $COMMIT ($(git log -1 --format=%cs HEAD)), no uncommitted changes"
        echo "- command: \`fuzz/run.sh ${ARGS[*]}\`"
        echo "- budget: $budget, one target after the other"
        echo "- build: \`make -C tests/c FLAVOUR=fuzz\` ($(clang --version 2>/dev/null | head -n 1); -fsanitize=fuzzer,address,undefined)"
        echo "- machine: $(nproc) cores, $(uname -sr)"
        echo
        echo "| target | executions | seconds | final cov / ft | outcome |"
        echo "|---|---|---|---|---|"
        printf '%s\n' "${ROWS[@]}"
    } >fuzz/RESULTS.md.tmp && mv fuzz/RESULTS.md.tmp fuzz/RESULTS.md
    echo "recorded: fuzz/RESULTS.md"
fi
echo "$(( ${#TARGETS[@]} - FAILED )) passed, $FAILED failed"
[ $FAILED -eq 0 ]

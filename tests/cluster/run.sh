#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# The cluster tests of mq:   tests/cluster/run.sh [--record] [--valgrind] [TEST.phpt...]
#
#   1. starts a private three-node RabbitMQ cluster (tests/cluster.sh) in a
#      temp dir; it is stopped on any exit (trap)
#   2. runs every tests/cluster/*.phpt (or the given ones), one run-tests.php
#      call each, in order, with php -n, -d extension=<mq.so> and a private
#      extension_dir whose amqp.so is mq.so (as tests/run.sh does), on a copy
#      of tests/ in the temp dir, so that nothing is written into the repo;
#      before each test (and after the last) all three nodes must run and be
#      clustered (tests/cluster.sh check): a node that is down is started
#      again, a running node that is not clustered is restarted, and the
#      test before is failed for the damage ("left the cluster damaged");
#      run-tests.php's retry of a failed "flaky" test is turned off (a
#      cluster test kills nodes: a retry would run it again on the cluster
#      its first attempt damaged, and report only the retry's output)
#   3. stops the cluster and checks that no process of it is left
#
# The extension is $MQ_EXTENSION, default modules/mq.so (build it first, e.g.
# with tests/run.sh).  A skipped test counts as failed (MQ_CLUSTER_REQUIRE=1
# makes a missing cluster a BORK anyway).  --valgrind runs the tests under
# valgrind (run-tests.php -m; only the PHP process).  --record writes
# tests/cluster/RESULTS.md (date, commit, command, versions, durations,
# outcome per test); it refuses a work tree with uncommitted changes to
# tracked files, and it is the only file this script ever writes into the
# repo.  $MQ_RUN_TESTS names a run-tests.php without the retry (tests/run.sh
# passes its own); otherwise a copy is made here.
#
# Only the phpt tests count: starting and stopping the cluster are setup
# steps ("ok (setup)" / "FAILED (setup)"), and a failed one fails the run
# without being counted; a test that leaves the cluster damaged counts as
# failed (once).  The last line is "N passed, N failed"; the exit code is 1
# when a test or a setup step failed.
set -uo pipefail

HERE=$(cd "$(dirname "$0")" && pwd -P)
ROOT=$(cd "$HERE/../.." && pwd -P)

RECORD=0
VALGRIND=0
TESTS=()
for arg in "$@"; do
    case "$arg" in
        --record) RECORD=1 ;;
        --valgrind) VALGRIND=1 ;;
        -h | --help) sed -n '4,35p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "cluster/run.sh: unknown option $arg" >&2; exit 2 ;;
        *) [ -f "$arg" ] || { echo "cluster/run.sh: no test $arg" >&2; exit 2; }
           TESTS+=("$(cd "$(dirname "$arg")" && pwd -P)/$(basename "$arg")") ;;
    esac
done
[ ${#TESTS[@]} -gt 0 ] || TESTS=("$HERE"/*.phpt)
[ -f "${TESTS[0]}" ] || { echo "cluster/run.sh: no tests/cluster/*.phpt" >&2; exit 2; }

EXT=${MQ_EXTENSION:-$ROOT/modules/mq.so}
[ -f "$EXT" ] || { echo "cluster/run.sh: $EXT missing: build the extension first (tests/run.sh)" >&2; exit 2; }
EXT=$(readlink -f "$EXT")
PHP_BIN=$(command -v php)
RUN_TESTS=""
for f in "$(php-config --extension-dir 2>/dev/null)/build/run-tests.php" \
         "$(php-config --prefix 2>/dev/null)/lib/php/build/run-tests.php" \
         /usr/lib/php/*/build/run-tests.php; do
    if [ -f "$f" ]; then RUN_TESTS=$f; break; fi
done
[ -n "$RUN_TESTS" ] || { echo "cluster/run.sh: run-tests.php not found (php8.2-dev)" >&2; exit 2; }
COMMIT=$(git -C "$ROOT" rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
if [ $RECORD -eq 1 ] && { [ "$COMMIT" = unknown ] ||
        [ -n "$(git -C "$ROOT" status --porcelain --untracked-files=no 2>/dev/null)" ]; }; then
    echo "cluster/run.sh: --record needs a git work tree without uncommitted changes (commit first)" >&2
    exit 2
fi
ARGS=("$@")
CLUSTER_SH="$ROOT/tests/cluster.sh"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/mq-cluster-run.XXXXXX")
CLUSTER_DIR="$WORK/cluster"
LOGS="$WORK/logs"
mkdir -p "$LOGS"
START_TIME=$(date +%s%N)

PASSED=0
FAILED=0
SETUP_FAILED=0
FAILED_NAMES=()
RESULTS=()   # "outcome|name|seconds" per test, for --record

say() { printf '%s\n' "$*"; }
since() { local d=$(( ($(date +%s%N) - $1) / 100000000 )); echo "$((d / 10)).$((d % 10))"; }
pass() { PASSED=$((PASSED + 1)); say "ok - $1"; }
fail() {
    FAILED=$((FAILED + 1))
    FAILED_NAMES+=("$1")
    say "FAILED - $1"
    if [ -n "${2:-}" ] && [ -f "$2" ]; then
        tail -n "${3:-40}" "$2" | sed 's/^/    | /'
    fi
}
setup_ok() { say "ok (setup) - $1"; }
setup_fail() {
    SETUP_FAILED=$((SETUP_FAILED + 1))
    FAILED_NAMES+=("setup: $1")
    say "FAILED (setup) - $1"
    if [ -n "${2:-}" ] && [ -f "$2" ]; then
        tail -n "${3:-40}" "$2" | sed 's/^/    | /'
    fi
}

CLUSTER_UP=0
STARTER=""
cleanup() {
    if [ -n "$STARTER" ]; then
        kill -TERM "$STARTER" 2>/dev/null
        wait "$STARTER" 2>/dev/null
        STARTER=""
    fi
    if [ $CLUSTER_UP -eq 1 ] || [ -d "$CLUSTER_DIR" ]; then
        bash "$ROOT/tests/cluster.sh" stop "$CLUSTER_DIR" >>"$LOGS/cluster-stop.log" 2>&1
        CLUSTER_UP=0
    fi
    if [ $FAILED -eq 0 ] && [ $SETUP_FAILED -eq 0 ]; then
        rm -rf "$WORK"
    else
        say "(logs kept in $LOGS)"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

say "=== cluster tests (extension: $EXT)"

# ---------------------------------------------------------------- cluster
t=$(date +%s%N)
bash "$ROOT/tests/cluster.sh" start "$CLUSTER_DIR" >"$LOGS/cluster-start.log" 2>&1 &
STARTER=$!
if wait "$STARTER" && STARTER="" && . "$CLUSTER_DIR/env.sh"; then
    CLUSTER_UP=1
    START_SECONDS=$(since "$t")
    setup_ok "three-node cluster started ($START_SECONDS s; amqp $MQ_CLUSTER_PORT1, $MQ_CLUSTER_PORT2, $MQ_CLUSTER_PORT3)"
else
    STARTER=""
    START_SECONDS=$(since "$t")
    # Keep the node logs before the trap removes the cluster dir.
    cp -R "$CLUSTER_DIR" "$LOGS/cluster-dir" 2>/dev/null
    setup_fail "three-node cluster started" "$LOGS/cluster-start.log" 80
fi
RMQ_VERSION=unknown
ERL_VERSION=unknown
if [ $CLUSTER_UP -eq 1 ]; then
    RMQ_VERSION=$(env -u LD_PRELOAD "$MQ_CLUSTER_CTL1" version 2>/dev/null || echo unknown)
    ERL_VERSION=$(env -u LD_PRELOAD "$MQ_CLUSTER_CTL1" eval 'erlang:system_info(otp_release).' 2>/dev/null | tr -d '"' || echo unknown)
fi

# ---------------------------------------------------------------- phpt
# A copy of tests/: the cluster tests and the top-level helpers they may
# include (__DIR__ . '/../_confirms.inc'); run-tests.php writes its files there.
mkdir -p "$WORK/tests/cluster"
cp "$ROOT"/tests/*.inc "$WORK/tests/" 2>/dev/null
cp "$ROOT"/tests/*.py "$WORK/tests/" 2>/dev/null
for f in "$HERE"/*; do
    case "$f" in
        *.phpt | *.inc | *.py | *.json | *.txt) cp "$f" "$WORK/tests/cluster/" ;;
    esac
done
for f in "${TESTS[@]}"; do cp "$f" "$WORK/tests/cluster/"; done

# A private extension_dir: the system's shared extensions, amqp.so is ours.
PHPT_EXT="$WORK/phpt-ext"
mkdir -p "$PHPT_EXT"
for so in "$(php-config --extension-dir 2>/dev/null)"/*.so; do
    [ "$(basename "$so")" = amqp.so ] || ln -s "$so" "$PHPT_EXT/"
done
ln -s "$EXT" "$PHPT_EXT/amqp.so"

# run-tests.php runs a failed test a second time when it looks flaky (its
# FILE calls microtime(), usleep()..., or the output says "timed out" or
# "connection refused").  A copy of it without that retry (in $WORK: it
# writes run-test-info.php next to itself).
RUN_TESTS_NORETRY="$WORK/run-tests.php"
[ -n "${MQ_RUN_TESTS:-}" ] && [ -f "$MQ_RUN_TESTS" ] && RUN_TESTS=$MQ_RUN_TESTS
sed 's/!\$retried && error_may_be_retried(/!$retried \&\& false \&\& error_may_be_retried(/' \
    "$RUN_TESTS" > "$RUN_TESTS_NORETRY"
if [ "$(grep -c 'false && error_may_be_retried(' "$RUN_TESTS")" = 1 ]; then
    :
elif [ "$(grep -c 'false && error_may_be_retried(' "$RUN_TESTS_NORETRY")" = 1 ]; then
    RUN_TESTS=$RUN_TESTS_NORETRY
else
    say "warning: could not turn off the retry of run-tests.php ($RUN_TESTS): a failed test may run twice"
fi

RT_OPTS=(--set-timeout 900)
if [ $VALGRIND -eq 1 ]; then
    command -v valgrind >/dev/null || { fail "valgrind: not installed"; exit 1; }
    RT_OPTS=(-m -d pcre.jit=0 --set-timeout 3600)
    export VALGRIND_OPTS="--trace-children-skip=*"
fi

# Makes the three nodes run and be clustered (tests/cluster.sh check):
# kills the nodes whose app does not run, starts the nodes that are down,
# then restarts (kill + start-node) a running node still not clustered.  Prints what it found, one
# "N: problem" line each (nothing: the cluster was healthy); returns 1 when
# the cluster is still sick afterwards.  Details in $LOGS/repair.log.
cluster_ok() { # waits up to $1 s until check passes (views converge after a start)
    local end=$((SECONDS + $1))
    until bash "$CLUSTER_SH" check "$CLUSTER_DIR" >"$WORK/check.out" 2>>"$LOGS/repair.log"; do
        [ $SECONDS -lt "$end" ] || return 1
        sleep 1
    done
}
repair_cluster() {
    local n
    cluster_ok 0 && return 0
    cat "$WORK/check.out"
    { echo "--- $(date '+%H:%M:%S') repair before ${1:-?}:"; cat "$WORK/check.out"; } >>"$LOGS/repair.log"
    # A beam without a running app first (a start-node of another node
    # waits for every running beam to be listed): kill it, start it below.
    for n in $(sed -n 's/^\([123]\): no cluster_status.*/\1/p' "$WORK/check.out"); do
        bash "$CLUSTER_SH" kill "$n" "$CLUSTER_DIR" >>"$LOGS/repair.log" 2>&1
    done
    cluster_ok 0
    for n in $(sed -n 's/^\([123]\): down$/\1/p' "$WORK/check.out"); do
        bash "$CLUSTER_SH" start-node "$n" "$CLUSTER_DIR" >>"$LOGS/repair.log" 2>&1
    done
    cluster_ok 20 && return 0
    for n in $(sed -n 's/^\([123]\): .*/\1/p' "$WORK/check.out"); do
        echo "$n: still not clustered, restarted" | tee -a "$LOGS/repair.log"
        bash "$CLUSTER_SH" kill "$n" "$CLUSTER_DIR" >>"$LOGS/repair.log" 2>&1
        bash "$CLUSTER_SH" start-node "$n" "$CLUSTER_DIR" >>"$LOGS/repair.log" 2>&1
    done
    cluster_ok 30 && return 0
    sed 's/^/still: /' "$WORK/check.out"
    return 1
}

# Before each test and after the last: the test before (or the cluster
# start) is failed for any damage it left; the next test runs on a healthy
# cluster or not at all.
PREV=""
CLUSTER_SICK=0
check_between() { # NEXT-TEST-NAME or "" after the last
    local found rc
    [ $CLUSTER_UP -eq 1 ] && [ $CLUSTER_SICK -eq 0 ] || return 0
    found=$(repair_cluster "${1:-the end}")
    rc=$?
    [ -z "$found" ] && return 0
    found=$(printf '%s' "$found" | tr '\n' ';' | sed 's/;/; /g; s/; $//')
    local what="left the cluster damaged ($found); repaired${1:+ before $1}"
    if [ $rc -ne 0 ]; then
        CLUSTER_SICK=1
        what="left the cluster damaged ($found); repair failed"
    fi
    if [ -z "$PREV" ]; then
        setup_fail "cluster start $what" "$LOGS/repair.log" 40
        return
    fi
    # The test before failed: counted once (a pass becomes a failure).
    local last=$((${#RESULTS[@]} - 1))
    if [ "${RESULTS[$last]%%|*}" = passed ]; then
        PASSED=$((PASSED - 1))
        FAILED=$((FAILED + 1))
        RESULTS[$last]="FAILED (${what})|${RESULTS[$last]#*|}"
    else
        RESULTS[$last]="${RESULTS[$last]%%|*}, ${what}|${RESULTS[$last]#*|}"
    fi
    FAILED_NAMES+=("$PREV $what")
    say "FAILED - $PREV $what"
    [ $rc -eq 0 ] || tail -n 40 "$LOGS/repair.log" | sed 's/^/    | /'
}

for src in "${TESTS[@]}"; do
    name=$(basename "$src" .phpt)
    t="$WORK/tests/cluster/$name.phpt"
    log="$LOGS/$name.log"
    check_between "$name"
    if [ $CLUSTER_UP -ne 1 ] || [ $CLUSTER_SICK -eq 1 ]; then
        why="no cluster"
        [ $CLUSTER_SICK -eq 1 ] && why="cluster damaged"
        fail "$name ($why)"
        RESULTS+=("FAILED ($why)|$name|0")
        continue
    fi
    t0=$(date +%s%N)
    env TEST_PHP_EXECUTABLE="$PHP_BIN" TEST_PHP_CGI_EXECUTABLE="$(command -v php-cgi || true)" \
        MQ_CLUSTER_REQUIRE=1 NO_INTERACTION=1 NO_COLOR=1 \
        "$PHP_BIN" -n "$RUN_TESTS" -n -p "$PHP_BIN" -q --no-progress --show-diff \
        -d extension_dir="$PHPT_EXT" -d extension="$EXT" "${RT_OPTS[@]}" "$t" >"$log" 2>&1
    secs=$(since "$t0")
    line=$(grep -E '^(PASS|FAIL|SKIP|BORK|LEAK|XFAIL|XLEAK|WARN)(&[A-Z]+)* ' "$log" | head -n 1)
    kind=${line%% *}
    if [ $VALGRIND -eq 1 ] && [ "$kind" = PASS ] && ! grep -q '^VALGRIND *: valgrind' "$log"; then
        kind="PASS without valgrind"
    fi
    if [ "$kind" = PASS ]; then
        pass "$name ($secs s)"
        outcome=passed
    else
        [ -n "$kind" ] || kind="no result"
        fail "$name: $kind ($secs s)"
        awk '/^========DIFF========/{p=1} p{print "    | " $0} /^========DONE========/{p=0}' "$log" | head -n 200
        grep -q '^========DIFF' "$log" || tail -n 40 "$log" | sed 's/^/    | /'
        for ext in out diff; do
            [ -f "$WORK/tests/cluster/$name.$ext" ] && cp "$WORK/tests/cluster/$name.$ext" "$LOGS/"
        done
        outcome="FAILED ($kind)"
    fi
    RESULTS+=("$outcome|$name|$secs")
    PREV=$name
done
check_between ""

# ---------------------------------------------------------------- stop
STOP_SECONDS=0
if [ $CLUSTER_UP -eq 1 ]; then
    t=$(date +%s%N)
    bash "$ROOT/tests/cluster.sh" stop "$CLUSTER_DIR" >"$LOGS/cluster-stop.log" 2>&1
    rc=$?
    CLUSTER_UP=0
    STOP_SECONDS=$(since "$t")
    left=$(grep -lzxF "MQ_CLUSTER_MARK=$CLUSTER_DIR" /proc/[0-9]*/environ 2>/dev/null | tr '\n' ' ')
    if [ $rc -eq 0 ] && [ -z "$left" ] && [ ! -e "$CLUSTER_DIR" ]; then
        setup_ok "cluster stopped, nothing left running ($STOP_SECONDS s)"
    else
        setup_fail "cluster stopped, nothing left running (left: ${left:-none})" "$LOGS/cluster-stop.log"
    fi
fi
TOTAL_SECONDS=$(since "$START_TIME")

# ---------------------------------------------------------------- record
if [ $RECORD -eq 1 ]; then
    {
        echo "# Cluster test results"
        echo
        echo "Written by \`tests/cluster/run.sh --record\`; the last recorded run."
        echo
        echo "- date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
        echo "- commit: $COMMIT ($(git -C "$ROOT" log -1 --format=%cs HEAD)), no uncommitted changes"
        echo "- command: \`tests/cluster/run.sh ${ARGS[*]}\`; extension: $EXT"
        echo "- RabbitMQ $RMQ_VERSION on Erlang/OTP $ERL_VERSION, three nodes on 127.0.0.1 (tests/cluster.sh)"
        echo "- machine: $(nproc) cores, $(uname -sr); PHP $("$PHP_BIN" -n -r 'echo PHP_VERSION;')$([ $VALGRIND -eq 1 ] && echo ', under valgrind')"
        echo "- cluster start: $START_SECONDS s, stop: $STOP_SECONDS s, whole run: $TOTAL_SECONDS s"
        echo "- outcome: $PASSED passed, $FAILED failed (tests only)$([ $SETUP_FAILED -gt 0 ] && echo "; $SETUP_FAILED setup steps failed")"
        echo
        echo "| test | outcome | seconds |"
        echo "|---|---|---|"
        for r in "${RESULTS[@]}"; do
            IFS='|' read -r outcome name secs <<<"$r"
            echo "| $name | $outcome | $secs |"
        done
    } > "$HERE/RESULTS.md.tmp" && mv "$HERE/RESULTS.md.tmp" "$HERE/RESULTS.md"
    say "recorded: tests/cluster/RESULTS.md"
fi

say ""
say "=== summary ($TOTAL_SECONDS s)"
if [ $FAILED -gt 0 ]; then
    say "failed:"
    for n in "${FAILED_NAMES[@]}"; do say "  - $n"; done
fi
[ $SETUP_FAILED -eq 0 ] || say "setup steps failed: $SETUP_FAILED (not counted)"
say "$PASSED passed, $FAILED failed"
[ $FAILED -eq 0 ] && [ $SETUP_FAILED -eq 0 ]

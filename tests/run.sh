#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# The one test command of mq:   tests/run.sh [--quick]
#
#   0. installs missing Debian packages (tools/install-deps.sh)
#   1. builds the extension (phpize, configure, make EXTRA_CFLAGS=-Werror) and
#      checks it: no librabbitmq linked, no PHP header in the protocol cores
#      and their transport (src/amqp, src/amqp1, src/net), dependencies
#      that point one way (tests/check-layers.py), loads
#   2. checks generated code: tools/gen_spec.py --check (AMQP 0-9-1),
#      tools/gen_amqp1.py --check (AMQP 1.0), tests/check-arginfo.sh
#   3. starts a private RabbitMQ node (tests/broker.sh; stopped on any exit)
#   4. C tests (tests/c/test_*.c) built with gcc, clang -Werror and
#      clang ASan+UBSan, each run; every TAP "ok"/"not ok" line counts
#   5. fuzz targets (fuzz/fuzz_*.c), each run MQ_FUZZ_SECONDS s on a temp
#      copy of fuzz/corpus/<name>/ (<name> = fuzz_x or x); the default shares
#      100 s among the targets (16 s each for 6), so that a new target does
#      not lengthen the run
#   6. phpt tests (tests/*.phpt) with run-tests.php, MQ_TEST_REQUIRE_BROKER=1
#   7. the phpt tests again under valgrind (-m)
#   8. stops the broker
#
# --quick skips ASan, fuzzing, the PECL-tarball pass and valgrind.
# MQ_PHPT_JOBS=N runs the phpt tests in N workers (default 1: some tests
# pause or restart the broker).
#
# What counts: every check, every C test line (TAP), every fuzz target,
# every phpt of every pass (main, valgrind, PECL tarball, cluster), every
# example, and every check of the packaging scripts ("NAME: N passed, N
# failed" lines).  Setup steps (builds, broker and cluster start/stop) are
# not tests: they print "ok (setup)" or "FAILED (setup)", and a failed one
# fails the run without changing the counts.  A skip counts as skipped only
# when the environment cannot run the test; a test skipped for a program or
# Debian package that tools/install-deps.sh installs (php-cgi, python3,
# php-symfony-amqp-messenger, ...) counts as failed.  run-tests.php's retry
# of "flaky" tests is off in every pass (build/run-tests-noretry.php).
# A table of the counts per section comes before the last line.  Logs:
# build/test-logs/.  The last line printed is "N passed, N failed[, N
# skipped]"; the exit code is 1 when anything (test or setup) failed.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd -P)
cd "$ROOT" || exit 2

QUICK=0
for arg in "$@"; do
    case "$arg" in
        --quick) QUICK=1 ;;
        -h | --help) sed -n '4,39p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "run.sh: unknown option $arg" >&2; exit 2 ;;
    esac
done
# A fresh Debian 12 machine first gets the packages it lacks (no-op otherwise).
bash "$ROOT/tools/install-deps.sh" || { echo "run.sh: installing dependencies failed" >&2; exit 2; }
FUZZ_TARGET_FILES=(fuzz/fuzz_*.c)
FUZZ_SECONDS=${MQ_FUZZ_SECONDS:-$((100 / ${#FUZZ_TARGET_FILES[@]}))}
JOBS=${MQ_JOBS:-$(nproc 2>/dev/null || echo 2)}

LOGS="$ROOT/build/test-logs"
rm -rf "$LOGS"
mkdir -p "$LOGS"
START_TIME=$(date +%s)

PASSED=0
FAILED=0
SKIPPED=0
SETUP_FAILED=0
FAILED_NAMES=()
# Per-section counts, for the table before the last line.
SECTIONS=()
declare -A SEC_PASS=() SEC_FAIL=() SEC_SKIP=()
SEC=""

say() { printf '%s\n' "$*"; }
# section TITLE [KEY]: a heading; the counts that follow go to KEY (default
# TITLE) in the table.
section() {
    say ""; say "=== $1"
    SEC=${2:-$1}
    if [ -z "${SEC_PASS[$SEC]+x}" ]; then
        SECTIONS+=("$SEC"); SEC_PASS[$SEC]=0; SEC_FAIL[$SEC]=0; SEC_SKIP[$SEC]=0
    fi
}
# count PASSED FAILED SKIPPED: adds to the totals and the current section.
count() {
    PASSED=$((PASSED + $1)); FAILED=$((FAILED + $2)); SKIPPED=$((SKIPPED + $3))
    SEC_PASS[$SEC]=$((SEC_PASS[$SEC] + $1))
    SEC_FAIL[$SEC]=$((SEC_FAIL[$SEC] + $2))
    SEC_SKIP[$SEC]=$((SEC_SKIP[$SEC] + $3))
}
pass() { count 1 0 0; say "ok - $1"; }
# fail NAME [LOG [LINES]]: counts a failure and shows the end of LOG, or,
# for a build log (name ending in build.log), its compiler/linker diagnostics.
fail() {
    count 0 1 0
    FAILED_NAMES+=("$1")
    say "FAILED - $1"
    show_log "${2:-}" "${3:-}"
}
# setup_fail NAME [LOG [LINES]]: a setup step failed: the run fails, no
# test is counted.
setup_fail() {
    SETUP_FAILED=$((SETUP_FAILED + 1))
    FAILED_NAMES+=("setup: $1")
    say "FAILED (setup) - $1"
    show_log "${2:-}" "${3:-}"
}
setup_ok() { say "ok (setup) - $1"; }
show_log() {
    if [ -n "${1:-}" ] && [ -f "$1" ]; then
        local diag=""
        if [[ "$1" == *build.log ]]; then
            diag=$(grep -E '(error|warning):|undefined reference|\*\*\* |^ +[0-9]+ \||^ +\| +\^' "$1" |
                grep -vE 'configure\.ac:|libtool: warning' | head -n "${2:-40}")
        fi
        if [ -n "$diag" ]; then
            printf '%s\n' "$diag" | sed 's/^/    | /'
        else
            tail -n "${2:-40}" "$1" | sed 's/^/    | /'
        fi
        say "    (full log: ${1#"$ROOT"/})"
    fi
}
skip() { count 0 0 1; say "skipped - $1"; }
# check NAME LOG CMD...: runs CMD with output to LOG; pass or fail.
check() {
    local name=$1 log=$2
    shift 2
    if "$@" >"$log" 2>&1; then pass "$name"; else fail "$name" "$log"; fi
}
# setup_check NAME LOG CMD...: a setup step (a build): ok or a setup failure.
setup_check() {
    local name=$1 log=$2
    shift 2
    if "$@" >"$log" 2>&1; then setup_ok "$name"; else setup_fail "$name" "$log"; fi
}
# check_counted NAME LOG CMD...: runs a script whose last counting line is
# "WHAT: N passed, N failed[, N skipped]" and counts each of its results; no
# such line is one failure; a non-zero exit with no failure counted is a
# setup failure.
check_counted() {
    local name=$1 log=$2 line p f k rc
    shift 2
    "$@" >"$log" 2>&1
    rc=$?
    line=$(grep -E '^[A-Za-z0-9_. -]+: [0-9]+ passed, [0-9]+ failed(, [0-9]+ skipped)?$' "$log" | tail -n 1)
    if [ -z "$line" ]; then
        fail "$name (no result line)" "$log"
        return
    fi
    p=$(sed -E 's/.*: ([0-9]+) passed.*/\1/' <<<"$line")
    f=$(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$line")
    k=$(sed -nE 's/.* ([0-9]+) skipped$/\1/p' <<<"$line")
    count "$p" "$f" "${k:-0}"
    if [ "$f" -gt 0 ]; then
        FAILED_NAMES+=("$name ($f)")
        say "FAILED - $name: $f of $((p + f)) failed"
        grep -E '^(FAIL|not ok|FAILED)' "$log" | head -n 40 | sed 's/^/    | /'
        show_log "$log" 30
    elif [ $rc -ne 0 ]; then
        # (the script's own setup, e.g. a broker start, failed)
        setup_fail "$name exited with status $rc, no test failed" "$log"
    else
        say "ok - $name: $p passed${k:+, $k skipped}"
    fi
}
# env_gap LINE: true when the reason of a SKIP line (after "reason: ", not
# the title) names something that
# tools/install-deps.sh installs (a program or Debian package), or mq.so
# itself: such a skip is a failure of the test machine, not a skip.
env_gap() {
    local reason=$1
    [[ "$reason" == *"reason: "* ]] && reason=${reason##*reason: }
    [[ "$reason" =~ php-cgi|python3|php-symfony|rabbitmq|valgrind|openssl|\(Debian\)|Required\ extensions?\ missing:\ (.*,\ )?amqp(,|$)|loaded\ mq\.so ]]
}

# ---------------------------------------------------------------- broker
BROKER_DIR=""
BROKER_STARTER=""
cleanup() {
    if [ -n "$BROKER_STARTER" ]; then
        wait "$BROKER_STARTER" 2>/dev/null
        BROKER_STARTER=""
    fi
    if [ -n "$BROKER_DIR" ] && [ -d "$BROKER_DIR" ]; then
        bash "$ROOT/tests/broker.sh" stop "$BROKER_DIR" >>"$LOGS/broker-stop.log" 2>&1
    fi
    BROKER_DIR=""
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The broker boots (10-15 s) while the extension builds.
BROKER_DIR=$(mktemp -d "${TMPDIR:-/tmp}/mq-broker.XXXXXX")
bash "$ROOT/tests/broker.sh" start "$BROKER_DIR" >"$LOGS/broker-start.log" 2>&1 &
BROKER_STARTER=$!

# ---------------------------------------------------------------- 1. extension
section "extension build (gcc, -Werror)" "extension"
# config.m4 and config.w32 list the same sources, sorted, and all of them.
check_counted "config.m4 and config.w32 list all sources" "$LOGS/source-lists.log" \
    bash tests/packaging/config-w32-sync.sh

build_extension() {
    # (a plain && chain: errexit does not work inside a function called by if)
    if [ ! -f configure ] || [ ! -f Makefile ] || [ config.m4 -nt configure ] || [ config.m4 -nt Makefile ]; then
        phpize && ./configure --enable-mq || return 1
    fi
    # Drop the previous objects so that -Werror sees every file.
    rm -rf modules/* mq.la .libs src/*/.libs src/*/*.lo src/*/*.dep &&
        mkdir -p modules &&
        make -j"$JOBS" EXTRA_CFLAGS=-Werror &&
        test -f modules/mq.so
}
setup_check "extension builds with -Werror" "$LOGS/ext-build.log" build_extension
EXT_OK=0
[ -f modules/mq.so ] && EXT_OK=1

if [ $EXT_OK -eq 1 ]; then
    if ldd modules/mq.so >"$LOGS/ext-ldd.log" 2>&1 && ! grep -qi rabbitmq "$LOGS/ext-ldd.log"; then
        pass "mq.so does not link librabbitmq"
    else
        fail "mq.so does not link librabbitmq" "$LOGS/ext-ldd.log"
    fi
else
    fail "mq.so does not link librabbitmq (no mq.so)"
fi

# The protocol cores and their transport stay free of PHP: no PHP/Zend header
# in src/amqp, src/amqp1, src/net.
if grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"](php|zend|Zend/|TSRM|main/|ext/|sapi/)' \
        src/amqp/*.[ch] src/amqp1/*.[ch] src/net/*.[ch] >"$LOGS/amqp-php-includes.log" 2>&1; then
    fail "src/amqp, src/amqp1 and src/net include no PHP header" "$LOGS/amqp-php-includes.log"
else
    pass "src/amqp, src/amqp1 and src/net include no PHP header"
fi

# Dependencies point one way: the transport includes no protocol, the
# 0-9-1 connection's files are layers (tests/check-layers.py).
check "the core's layers call only downwards (tests/check-layers.py)" "$LOGS/layers.log" python3 tests/check-layers.py

# LD_BIND_NOW: an undefined symbol (a source missing from config.m4) fails
# the load here instead of at the first call that needs it.
ri_check() {
    LD_BIND_NOW=1 php -n -d extension="$ROOT/modules/mq.so" --ri amqp && \
    LD_BIND_NOW=1 php -n -d display_startup_errors=1 -d extension="$ROOT/modules/mq.so" \
        -r 'exit(extension_loaded("amqp") && phpversion("amqp") === "2.1.2" ? 0 : 1);'
}
if [ $EXT_OK -eq 1 ] && ri_check >"$LOGS/ext-ri.log" 2>&1 && ! grep -qi "warning\|error" "$LOGS/ext-ri.log"; then
    pass "php -n -d extension=modules/mq.so --ri amqp"
else
    fail "php -n -d extension=modules/mq.so --ri amqp" "$LOGS/ext-ri.log"
fi

# ---------------------------------------------------------------- 2. generated code
section "generated code"
if [ -f tools/gen_spec.py ]; then
    check "tools/gen_spec.py --check" "$LOGS/gen-spec.log" python3 tools/gen_spec.py --check
else
    fail "tools/gen_spec.py --check (tools/gen_spec.py missing)"
fi
if [ -f tools/gen_amqp1.py ]; then
    check "tools/gen_amqp1.py --check" "$LOGS/gen-amqp1.log" python3 tools/gen_amqp1.py --check
else
    fail "tools/gen_amqp1.py --check (tools/gen_amqp1.py missing)"
fi
check "stubs/*_arginfo.h up to date (tests/check-arginfo.sh)" "$LOGS/arginfo.log" bash tests/check-arginfo.sh

# ---------------------------------------------------------------- 3. broker
section "test broker" "extension"
BROKER_OK=0
if wait "$BROKER_STARTER"; then
    BROKER_STARTER=""
    # shellcheck disable=SC1091
    if . "$BROKER_DIR/env.sh"; then
        BROKER_OK=1
        setup_ok "private broker started (amqp $MQ_TEST_PORT, tls $MQ_TEST_TLS_PORT)"
    else
        setup_fail "private broker started (no env.sh)" "$LOGS/broker-start.log"
    fi
else
    BROKER_STARTER=""
    setup_fail "private broker started" "$LOGS/broker-start.log" 80
fi

# ---------------------------------------------------------------- 4. C tests
shopt -s nullglob
C_TESTS=(tests/c/test_*.c)

# run_tap NAME LOG CMD...: runs a TAP program and counts its lines.
run_tap() {
    local name=$1 log=$2 rc ok notok plan
    shift 2
    timeout 900 "$@" >"$log" 2>&1
    rc=$?
    ok=$(grep -cE '^ok [0-9]+' "$log")
    notok=$(grep -cE '^not ok [0-9]+' "$log")
    plan=$(sed -nE 's/^1\.\.([0-9]+).*/\1/p' "$log" | tail -n 1)
    count "$ok" "$notok" 0
    grep -E '^not ok [0-9]+' "$log" | sed "s|^|FAILED - $name: |"
    [ "$notok" -gt 0 ] && FAILED_NAMES+=("$name ($notok)")
    if [ $rc -ne 0 ] && [ "$notok" -eq 0 ]; then
        fail "$name exited with status $rc" "$log" 30
    elif [ -z "$plan" ] || [ "$plan" -ne $((ok + notok)) ]; then
        fail "$name: plan ${plan:-missing} but $((ok + notok)) results" "$log" 30
    elif [ $rc -eq 0 ] && grep -qE 'runtime error:|ERROR: (Address|Leak)Sanitizer' "$log"; then
        fail "$name: sanitizer report" "$log" 40
    fi
    say "    $name: $ok ok, $notok not ok"
}

run_c_flavour() {
    local flavour=$1 out=$2 src name bin
    section "C tests ($flavour)" "C tests ($flavour)"
    if [ ${#C_TESTS[@]} -eq 0 ]; then
        say "no tests/c/test_*.c"
        return
    fi
    rm -f "$out"/test_*
    setup_check "C tests build ($flavour)" "$LOGS/c-build-$flavour.log" \
        make -k -j"$JOBS" -C tests/c FLAVOUR="$flavour" all
    for src in "${C_TESTS[@]}"; do
        name=$(basename "$src" .c)
        bin="$out/$name"
        if [ ! -x "$bin" ]; then
            fail "$name [$flavour] was not built"
            continue
        fi
        run_tap "$name [$flavour]" "$LOGS/c-$flavour-$name.log" "$bin"
    done
}

export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:abort_on_error=0:print_summary=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
run_c_flavour gcc "$ROOT/build/c"
run_c_flavour clang "$ROOT/build/c-clang"
if [ $QUICK -eq 0 ]; then
    run_c_flavour asan "$ROOT/build/c-asan"
fi

# ---------------------------------------------------------------- 5. fuzzing
FUZZ_SRCS=(fuzz/fuzz_*.c)
if [ $QUICK -eq 0 ]; then
    section "fuzz targets (${FUZZ_SECONDS}s each)" "fuzz targets"
    if [ ${#FUZZ_SRCS[@]} -eq 0 ]; then
        say "no fuzz/fuzz_*.c"
    else
        rm -f build/fuzz/fuzz_*
        setup_check "fuzz targets build" "$LOGS/fuzz-build.log" make -k -j"$JOBS" -C tests/c FLAVOUR=fuzz all
        for src in "${FUZZ_SRCS[@]}"; do
            name=$(basename "$src" .c)
            bin="build/fuzz/$name"
            if [ ! -x "$bin" ]; then
                fail "fuzz $name was not built"
                continue
            fi
            corpus=$(mktemp -d)
            for c in "fuzz/corpus/$name" "fuzz/corpus/${name#fuzz_}"; do
                if [ -d "$c" ]; then cp -R "$c/." "$corpus/"; break; fi
            done
            args=(-timeout=10 -rss_limit_mb=2048 -print_final_stats=1
                  -artifact_prefix="$LOGS/$name-")
            if [ "$FUZZ_SECONDS" -gt 0 ] 2>/dev/null; then
                args+=(-max_total_time="$FUZZ_SECONDS")
            else
                args+=(-runs=0)
            fi
            for d in "fuzz/$name.dict" "fuzz/${name#fuzz_}.dict"; do
                if [ -f "$d" ]; then args+=(-dict="$d"); break; fi
            done
            if timeout $((FUZZ_SECONDS + 300)) "$bin" "${args[@]}" "$corpus" >"$LOGS/fuzz-$name.log" 2>&1; then
                pass "fuzz $name ($(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$LOGS/fuzz-$name.log" | grep -oE '[0-9]+$' || echo '?') runs)"
            else
                fail "fuzz $name (crash input: $LOGS/$name-*)" "$LOGS/fuzz-$name.log" 50
            fi
            rm -rf "$corpus"
        done
    fi
fi

# ---------------------------------------------------------------- 6. phpt
PHP_BIN=$(command -v php)
RUN_TESTS=""
for f in "$(php-config --extension-dir 2>/dev/null)/build/run-tests.php" \
         "$(php-config --prefix 2>/dev/null)/lib/php/build/run-tests.php" \
         /usr/lib/php/*/build/run-tests.php; do
    if [ -f "$f" ]; then RUN_TESTS=$f; break; fi
done
# run-tests.php runs a failed test a second time when it looks flaky (its
# FILE calls microtime(), usleep()..., or the output says "timed out") and
# keeps only the second attempt's output; a retried pass counts as a failure
# here anyway, so a copy without the retry (in build/: it writes
# run-test-info.php next to itself) keeps the first attempt's diff instead.
if [ -n "$RUN_TESTS" ]; then
    sed 's/!\$retried && error_may_be_retried(/!$retried \&\& false \&\& error_may_be_retried(/' \
        "$RUN_TESTS" > "$ROOT/build/run-tests-noretry.php"
    if [ "$(grep -c 'false && error_may_be_retried(' "$ROOT/build/run-tests-noretry.php")" = 1 ]; then
        RUN_TESTS=$ROOT/build/run-tests-noretry.php
    else
        say "warning: could not turn off the retry of run-tests.php ($RUN_TESTS): a failed test may run twice"
    fi
fi

# A private extension_dir: the system's shared extensions, but amqp.so is
# ours, so that "--EXTENSIONS-- amqp" can never load the peer PECL amqp.
PHPT_EXT="$ROOT/build/phpt-ext"
rm -rf "$PHPT_EXT"
mkdir -p "$PHPT_EXT"
for so in "$(php-config --extension-dir 2>/dev/null)"/*.so; do
    [ "$(basename "$so")" = amqp.so ] || ln -s "$so" "$PHPT_EXT/"
done
ln -s "$ROOT/modules/mq.so" "$PHPT_EXT/amqp.so"

# phpt_run LABEL LOG [run-tests options...] -- FILES...: runs and counts.
phpt_run() {
    local label=$1 log=$2 results ntests npass nfail nskip line kind
    shift 2
    local opts=() files=()
    while [ $# -gt 0 ] && [ "$1" != "--" ]; do opts+=("$1"); shift; done
    shift
    files=("$@")
    ntests=${#files[@]}
    env TEST_PHP_EXECUTABLE="$PHP_BIN" TEST_PHP_CGI_EXECUTABLE="$(command -v php-cgi || true)" \
        MQ_TEST_REQUIRE_BROKER=1 NO_INTERACTION=1 NO_COLOR=1 \
        "$PHP_BIN" -n "$RUN_TESTS" -n -p "$PHP_BIN" -q --no-progress --show-diff \
        -d extension_dir="$PHPT_EXT" -d extension="$ROOT/modules/mq.so" \
        "${opts[@]}" "${files[@]}" >"$log" 2>&1
    # Result lines: "PASS title [file]", "FAIL ...", "SKIP ...", "LEAK&FAIL ...".
    results=$(grep -E '^(PASS|FAIL|SKIP|BORK|LEAK|XFAIL|XLEAK|WARN)(&[A-Z]+)* ' "$log")
    npass=0 nfail=0 nskip=0
    while IFS= read -r line; do
        [ -n "$line" ] || continue
        kind=${line%% *}
        case "$kind" in
            PASS) npass=$((npass + 1)) ;;
            SKIP)
                # amqp missing (mq.so did not load) or a package that
                # install-deps.sh installs: a failure.
                if env_gap "$line"; then
                    nfail=$((nfail + 1)); FAILED_NAMES+=("$label: ${line#* }"); say "FAILED - $label: $line (skipped for something tools/install-deps.sh installs)"
                else
                    nskip=$((nskip + 1)); say "skipped - $label: ${line#* }"
                fi ;;
            XFAIL | XLEAK) nskip=$((nskip + 1)); say "skipped - $label: ${line#* }" ;;
            *) nfail=$((nfail + 1)); FAILED_NAMES+=("$label: ${line#* }"); say "FAILED - $label: $line" ;;
        esac
    done <<<"$results"
    if [ $((npass + nfail + nskip)) -lt "$ntests" ]; then
        # Tests that gave no result (run-tests.php died or timed out) fail.
        say "FAILED - $label: $ntests tests but $((npass + nfail + nskip)) results"
        show_log "$log" 40
        FAILED_NAMES+=("$label: $((ntests - npass - nfail - nskip)) tests without a result")
        nfail=$((ntests - npass - nskip))
    fi
    count "$npass" "$nfail" "$nskip"
    if [ "$nfail" -gt 0 ]; then
        # The diffs of the failed tests.
        awk '/^========DIFF========/{p=1} p{print "    | " $0} /^========DONE========/{p=0}' "$log" | head -n 200
    fi
    say "    $label: $npass passed, $nfail failed, $nskip skipped"
}

section "phpt tests" "phpt"
PHPT_FILES=(tests/*.phpt)
# Artefacts of an earlier run (run-tests.php leaves them for failed tests).
for f in "${PHPT_FILES[@]}"; do
    b=${f%.phpt}
    rm -f "$b.diff" "$b.exp" "$b.log" "$b.out" "$b.mem" "$b.php" "$b.sh" "$b.skip.php" "$b.clean.php"
done
if [ -z "$RUN_TESTS" ]; then
    setup_fail "phpt: run-tests.php not found (php8.2-dev)"
elif [ ${#PHPT_FILES[@]} -eq 0 ]; then
    say "no tests/*.phpt"
else
    jobs=()
    [ "${MQ_PHPT_JOBS:-1}" -gt 1 ] 2>/dev/null && jobs=(-j"$MQ_PHPT_JOBS")
    phpt_run "phpt" "$LOGS/phpt.log" --set-timeout 120 "${jobs[@]}" -- "${PHPT_FILES[@]}"
fi

# ---------------------------------------------------------------- 6b. demo and examples
# Each example's run.sh checks its own output; they use the private broker.
section "demo and examples" "examples"
if [ $BROKER_OK -eq 1 ]; then
    for ex in examples/*/run.sh; do
        [ -f "$ex" ] || continue
        name=$(basename "$(dirname "$ex")")
        env MQ_EXTENSION="$ROOT/modules/mq.so" timeout 180 bash "$ex" >"$LOGS/example-$name.log" 2>&1
        case $? in
            0) pass "example: $name" ;;
            # 77: a package it needs is missing; install-deps.sh installs them all.
            77) fail "example: $name (skipped: a package it needs is missing; tools/install-deps.sh installs it)" "$LOGS/example-$name.log" ;;
            *) fail "example: $name" "$LOGS/example-$name.log" ;;
        esac
    done
else
    setup_fail "examples: no broker"
fi

# ---------------------------------------------------------------- 6b''. cluster
# Three RabbitMQ nodes of their own (tests/cluster.sh): failover with a host
# list, automatic recovery of a consumer whose node is killed, a quorum
# queue's leader killed mid-publish.  tests/cluster/run.sh counts a skip as
# a failure and prints "N passed, N failed" (its tests only; its cluster
# start and stop are setup steps: they fail it without being counted); each
# of its results counts here.  It uses the same run-tests.php without retry.
section "cluster tests (three nodes)" "cluster"
env MQ_EXTENSION="$ROOT/modules/mq.so" MQ_RUN_TESTS="$RUN_TESTS" timeout 1200 \
    bash tests/cluster/run.sh >"$LOGS/cluster.log" 2>&1
cl_rc=$?
cl_line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$LOGS/cluster.log" | tail -n 1)
if [ -n "$cl_line" ]; then
    cl_pass=${cl_line%% passed*}
    cl_fail=${cl_line#*, }
    cl_fail=${cl_fail%% failed}
    count "$cl_pass" "$cl_fail" 0
    grep -E '^(ok|FAILED)( \(setup\))? - ' "$LOGS/cluster.log" | sed 's/^/    /'
    if [ "$cl_fail" -gt 0 ]; then
        FAILED_NAMES+=("cluster ($cl_fail)")
        show_log "$LOGS/cluster.log" 60
    fi
    if [ $((cl_pass + cl_fail)) -eq 0 ]; then
        setup_fail "cluster: no test ran" "$LOGS/cluster.log" 60
    elif [ $cl_rc -ne 0 ] && [ "$cl_fail" -eq 0 ]; then
        setup_fail "cluster: tests/cluster/run.sh exited with status $cl_rc (a setup step failed)" "$LOGS/cluster.log" 60
    fi
    say "    cluster: $cl_pass passed, $cl_fail failed"
else
    setup_fail "cluster: tests/cluster/run.sh gave no result" "$LOGS/cluster.log" 60
fi

# ---------------------------------------------------------------- 6b'. benchmark smoke
# A few hundred messages per case and client (mq, PECL amqp, php-amqplib, C
# on librabbitmq): checks that the benchmark runs and its figures parse.
# Speed is never asserted here: the full run writes bench/results.md.
section "benchmark smoke run" "benchmark smoke"
if [ $BROKER_OK -eq 1 ]; then
    check "bench/run.sh --smoke" "$LOGS/bench-smoke.log" \
        env MQ_EXTENSION="$ROOT/modules/mq.so" timeout 600 bash bench/run.sh --smoke
else
    setup_fail "benchmark smoke: no broker"
fi

# ---------------------------------------------------------------- 6c. packaging
section "packaging"
check_counted "package.xml lists every file" "$LOGS/package-xml.log" bash tests/packaging/check-package-xml.sh
check_counted "composer.json (PIE) validates" "$LOGS/composer.log" bash tests/packaging/composer-validate.sh
# The PECL tarball: package, install and load (3 tests), then every phpt
# of the unpacked tarball, each counted, with the same run-tests.php
# without retry.
if [ $QUICK -eq 0 ] && [ $BROKER_OK -eq 1 ]; then
    section "PECL tarball: package, install, phpt suite" "PECL tarball"
    check_counted "pecl package + install + phpt suite from the tarball" "$LOGS/pecl-install.log" \
        env MQ_RUN_TESTS="$RUN_TESTS" timeout 900 bash tests/packaging/pecl-install.sh
fi

# ---------------------------------------------------------------- 7. valgrind
# The whole phpt suite again under valgrind (run-tests.php -m: leaks and
# memory errors fail a test), two workers.  PCRE's JIT makes valgrind report
# false uninitialised reads, so it is off here.
if [ $QUICK -eq 0 ]; then
    section "phpt tests under valgrind" "valgrind"
    if ! command -v valgrind >/dev/null; then
        setup_fail "valgrind: not installed (tools/install-deps.sh installs it)"
    elif [ -n "$RUN_TESTS" ] && [ ${#PHPT_FILES[@]} -gt 0 ]; then
        # run-tests.php -m runs valgrind --trace-children=yes.  The helpers a
        # test starts are not under test and are not traced: shells (exec()
        # and popen() go through /bin/sh, so rabbitmqctl and Erlang behind
        # them are never traced either), env (the tests' "env -u LD_PRELOAD"
        # children), python3 and anything of RabbitMQ.  php-cgi is checked
        # too: the persistent-connection tests (127, 128) run their requests
        # in it, and the pooled connections live there.  tests/_fastcgi.inc
        # runs it under a valgrind of its own, with its own log (a traced
        # child would write to the test's log and truncate it), and fails
        # the test when that log reports an error or a definite leak; that
        # valgrind is skipped here (*/valgrind), it cannot run under this one.
        # (A test's --ENV-- may set its own VALGRIND_OPTS.)
        export VALGRIND_OPTS="--trace-children-skip=*/sh,*/bash,*/dash,*/env,*/python3*,*rabbitmq*,*/erl*,*/epmd,*/valgrind"
        # php-cgi's logs of an earlier run (kept when they failed a test).
        rm -f tests/*.php-cgi-*.mem
        # Tests with a --CONFLICTS-- section stop, kill or alarm the shared
        # broker, and php-cgi under valgrind needs seconds to start (the
        # FastCGI tests wait for it): those run one at a time, after the
        # others (which run in parallel).
        VG_PAR=() VG_SER=()
        for t in "${PHPT_FILES[@]}"; do
            if grep -qE '^--CONFLICTS--|_fastcgi\.inc' "$t"; then VG_SER+=("$t"); else VG_PAR+=("$t"); fi
        done
        [ ${#VG_PAR[@]} -eq 0 ] || phpt_run "valgrind" "$LOGS/valgrind.log" -m -j2 -d pcre.jit=0 \
            --set-timeout 600 -- "${VG_PAR[@]}"
        [ ${#VG_SER[@]} -eq 0 ] || phpt_run "valgrind (one at a time)" "$LOGS/valgrind-serial.log" -m \
            -d pcre.jit=0 --set-timeout 600 -- "${VG_SER[@]}"
        unset VALGRIND_OPTS
    fi
fi

# ---------------------------------------------------------------- 8. broker stop
section "test broker stop" "extension"
if [ $BROKER_OK -eq 1 ]; then
    if bash "$ROOT/tests/broker.sh" stop "$BROKER_DIR" >"$LOGS/broker-stop.log" 2>&1; then
        setup_ok "private broker stopped, nothing left running"
    else
        setup_fail "private broker stopped, nothing left running" "$LOGS/broker-stop.log"
    fi
    BROKER_DIR=""
fi
cleanup

say ""
say "=== summary ($(($(date +%s) - START_TIME)) s; logs in build/test-logs/)"
if [ ${#FAILED_NAMES[@]} -gt 0 ]; then
    say "failed:"
    for n in "${FAILED_NAMES[@]}"; do say "  - $n"; done
fi
say ""
printf '%-28s %8s %8s %8s\n' "section" "passed" "failed" "skipped"
for sec in "${SECTIONS[@]}"; do
    printf '%-28s %8d %8d %8d\n' "$sec" "${SEC_PASS[$sec]}" "${SEC_FAIL[$sec]}" "${SEC_SKIP[$sec]}"
done
printf '%-28s %8d %8d %8d\n' "total" "$PASSED" "$FAILED" "$SKIPPED"
if [ $SETUP_FAILED -gt 0 ]; then
    say "setup steps failed: $SETUP_FAILED (not counted above; the run fails)"
fi
if [ $SKIPPED -gt 0 ]; then
    say "$PASSED passed, $FAILED failed, $SKIPPED skipped"
else
    say "$PASSED passed, $FAILED failed"
fi
[ $FAILED -eq 0 ] && [ $SETUP_FAILED -eq 0 ]

#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Runs the benchmark cases against one broker and writes results.json.

Called by bench/run.sh (which starts the broker and builds the C client);
see bench/README.md.  Standard library only.

For every case and client:
  * rounds: the case script with N messages, clients interleaved
    (A B C D, A B C D, ...), each run timed by the script itself around its
    message loop: wall time, user + system CPU (getrusage), peak RSS;
  * callgrind: the same script with N and with 0 messages under
    valgrind --tool=callgrind; (Ir(N) - Ir(0)) / N = instructions per message;
  * strace: the same with strace -c -f; (calls(N) - calls(0)) / N;
  * the broker's CPU time (its beam process, /proc/PID/stat, when
    MQ_TEST_BROKER_PID is set) over each timed run, per message: with the
    client's CPU and the throughput it shows how busy the two cores were.
The web cases run under php-cgi -T (one request per message, measured from
outside); their base run is one request instead of zero.

Client "mq_base" (not run by default; needs --mq-base-extension) is a second
build of mq, e.g. the one before a change: it runs exactly what "mq" runs
(the same scripts and cases; not the memory soak, whose target is mq's)
with that shared object.
"""
import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import signal
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)

# Every client, in the order of the interleaved rounds; DEFAULT_CLIENTS run
# unless --clients says otherwise.
CLIENTS = ["mq", "mq_base", "pecl", "amqplib", "c"]
DEFAULT_CLIENTS = ["mq", "pecl", "amqplib", "c"]
CLIENT_TITLES = {
    "mq": "mq",
    "mq_base": "mq base",
    "pecl": "PECL amqp",
    "amqplib": "php-amqplib",
    "c": "C (librabbitmq)",
}

# n: messages per timed run (full); smoke: per run in --smoke; cg: per
# callgrind/strace run.  `fill`: the harness fills the queue with n messages
# of `size` bytes before the run.  `verify`: "n" = the script's `check` must
# be n (messages consumed, declares answered); "queue" = the queue must hold
# n messages after the run (the harness polls it: a passive declare's count
# lags the last publishes, so the scripts' own `check` is only informational).
CASES = [
    dict(id="publish_64", short="publish 64 B", title="publish 64 B", script="publish", size=64,
         n=100000, smoke=300, cg=2000, verify="queue"),
    dict(id="publish_4k", short="publish 4 KiB", title="publish 4 KiB", script="publish", size=4096,
         n=40000, smoke=300, cg=1000, verify="queue"),
    dict(id="publish_props", short="publish + props + headers", title="publish 64 B + properties + headers", script="publish_props",
         size=64, n=50000, smoke=300, cg=1000, verify="queue"),
    dict(id="confirm_each", short="confirm each message", title="publish, confirm waited per message", script="confirm",
         size=64, env={"BENCH_BATCH": "1"}, n=5000, smoke=200, cg=500, verify="n"),
    dict(id="confirm_100", short="confirms every 100", title="publish, confirms pipelined (wait every 100)", script="confirm",
         size=64, env={"BENCH_BATCH": "100"}, n=50000, smoke=300, cg=1000, verify="n"),
    dict(id="consume_p1_64", short="consume+ack, pf 1, 64 B", title="consume + ack, prefetch 1, 64 B", script="consume", size=64,
         env={"BENCH_PREFETCH": "1"}, fill=True, n=10000, smoke=200, cg=500, verify="n"),
    dict(id="consume_p1000_64", short="consume+ack, pf 1000, 64 B", title="consume + ack, prefetch 1000, 64 B", script="consume",
         size=64, env={"BENCH_PREFETCH": "1000"}, fill=True, n=100000, smoke=300, cg=2000,
         verify="n"),
    dict(id="consume_p1_4k", short="consume+ack, pf 1, 4 KiB", title="consume + ack, prefetch 1, 4 KiB", script="consume",
         size=4096, env={"BENCH_PREFETCH": "1"}, fill=True, n=10000, smoke=200, cg=500,
         verify="n"),
    dict(id="consume_p1000_4k", short="consume+ack, pf 1000, 4 KiB", title="consume + ack, prefetch 1000, 4 KiB", script="consume",
         size=4096, env={"BENCH_PREFETCH": "1000"}, fill=True, n=40000, smoke=300, cg=1000,
         verify="n"),
    dict(id="consume_autoack", short="consume, auto-ack", title="consume, auto-ack, 64 B", script="consume", size=64,
         env={"BENCH_PREFETCH": "1000", "BENCH_AUTOACK": "1"}, fill=True, n=100000, smoke=300,
         cg=2000, verify="n"),
    dict(id="get_ack", short="get + ack", title="get() + ack, 64 B", script="get", size=64, fill=True,
         n=10000, smoke=200, cg=500, verify="n"),
    dict(id="passive_declare", short="passive declare", title="passive queue declare (count pending)",
         script="passive_declare", size=64, n=10000, smoke=200, cg=500, verify="n"),
    dict(id="web_connect", short="web: connect+publish+close", title="web request: connect + publish 1 + disconnect",
         script="web_connect", size=64, web=True, n=500, smoke=30, cg=30, verify="n"),
    dict(id="web_pconnect", short="web: pconnect+publish", title="web request: pconnect + publish 1", script="web_pconnect",
         size=64, web=True, n=4000, smoke=50, cg=100, verify="n",
         clients=["mq", "pecl"]),
]
CASE_BY_ID = {c["id"]: c for c in CASES}

# The memory soak: consume (and publish) 1,000,000 messages, RSS after the
# first 10,000 against RSS at the end.
SOAK = dict(id="soak", title="RSS over 1,000,000 consumed messages", script="soak", size=64,
            n=1000000, smoke=20000, clients=["mq", "pecl"])


class BenchError(Exception):
    pass


def allowed_clients(case):
    """The clients that may run a case (or the soak): mq_base wherever mq may."""
    allowed = case.get("clients", CLIENTS)
    if "mq" in allowed and "mq_base" not in allowed:
        allowed = allowed + ["mq_base"]
    return allowed


def run_proc(argv, env, timeout, what):
    """Runs argv in its own process group; on timeout kills that group (the
    run and whatever it started: php-cgi under mqbench rusage, valgrind's
    or strace's child).  Returns (returncode, stdout, stderr)."""
    p = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        out, err = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        p.communicate()
        raise BenchError("%s: timed out after %d s" % (what, timeout))
    return p.returncode, out.decode(errors="replace"), err.decode(errors="replace")


def log(msg):
    print(msg, file=sys.stderr, flush=True)


class Runner:
    def __init__(self, args):
        self.args = args
        self.out = args.out
        self.mqbench = args.mqbench
        self.mq_ext = args.mq_extension
        self.mq_base_ext = args.mq_base_extension
        self.pecl_ext = args.pecl_extension
        self.php = args.php
        self.php_cgi = args.php_cgi
        self.opcache = ["-d", "zend_extension=opcache.so", "-d", "opcache.enable=1",
                        "-d", "opcache.enable_cli=1"]
        self.base_env = dict(os.environ)
        pid = os.environ.get("MQ_TEST_BROKER_PID", "")
        self.broker_stat = "/proc/%s/stat" % pid if pid.isdigit() else None
        self.ticks = os.sysconf("SC_CLK_TCK")

    def broker_cpu(self):
        """CPU seconds (user + system, all threads) the broker's beam process
        has used so far, or None when unknown."""
        if not self.broker_stat:
            return None
        try:
            with open(self.broker_stat) as f:
                fields = f.read().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / self.ticks
        except (OSError, IndexError, ValueError):
            return None

    # ---- commands -------------------------------------------------------

    def php_ext_args(self, client):
        if client == "mq":
            return ["-d", "extension=" + self.mq_ext]
        if client == "mq_base":
            return ["-d", "extension=" + self.mq_base_ext]
        if client == "pecl":
            return ["-d", "extension=" + self.pecl_ext]
        if client == "amqplib":
            return ["-d", "extension=mbstring.so"]
        raise ValueError(client)

    def script_path(self, client, case):
        d = "amqplib" if client == "amqplib" else "cases"
        return os.path.join(HERE, d, case["script"] + ".php")

    def command(self, client, case, n):
        """argv, and whether the run is measured from outside (php-cgi)."""
        if client == "c":
            return [self.mqbench, case["script"], str(n), str(case["size"])], False
        if case.get("web"):
            return ([self.php_cgi, "-q", "-n"] + self.opcache + self.php_ext_args(client) +
                    ["-T", str(n), self.script_path(client, case)], True)
        return ([self.php, "-n"] + self.php_ext_args(client) +
                [self.script_path(client, case), str(n), str(case["size"])], False)

    def case_clients(self, case):
        allowed = allowed_clients(case)
        if case.get("web") and "c" in allowed and case["id"] == "web_pconnect":
            allowed = [c for c in allowed if c != "c"]
        return [c for c in self.args.clients if c in allowed]

    # ---- helpers --------------------------------------------------------

    def helper(self, queue, *argv):
        env = dict(self.base_env, BENCH_QUEUE=queue)
        what = "mqbench " + " ".join(map(str, argv))
        rc, stdout, stderr = run_proc([self.mqbench] + [str(a) for a in argv], env, 300, what)
        if rc != 0:
            raise BenchError("%s: %s" % (what, stderr.strip()))
        m = re.search(r"count=(\d+)", stdout)
        return int(m.group(1)) if m else None

    def queue_name(self, case, client):
        return "bench.%s.%s" % (case["id"], client)

    def prepare(self, case, client, n):
        q = self.queue_name(case, client)
        self.helper(q, "prep", 0)
        if case.get("fill") and n > 0:
            got = self.helper(q, "fill", n, case["size"])
            if got != n:
                raise BenchError("fill: queue %s has %s messages, wanted %d" % (q, got, n))
        return q

    def run(self, client, case, n, wrap=None, extra_env=None):
        """One run: prepare the queue, run the client (optionally under
        valgrind/strace), return the measured figures as a dict."""
        q = self.prepare(case, client, n)
        argv, outside = self.command(client, case, n)
        env = dict(self.base_env, BENCH_QUEUE=q, BENCH_SIZE=str(case["size"]))
        env.update(case.get("env", {}))
        env.update(extra_env or {})
        if wrap:
            argv = wrap + argv
        timeout = self.args.timeout * (30 if wrap and wrap[0] == "valgrind" else 1)
        b0 = self.broker_cpu()
        t0 = time.monotonic()
        rc, stdout, stderr = run_proc(argv, env, timeout, "%s %s n=%d" % (client, case["id"], n))
        wall = time.monotonic() - t0
        b1 = self.broker_cpu()
        if rc != 0:
            raise BenchError("%s %s n=%d exited %d:\n%s%s" % (
                client, case["id"], n, rc, stdout[-2000:], stderr[-2000:]))
        res = {}
        if outside:
            if stdout.strip():
                raise BenchError("%s %s: php-cgi printed output (warnings?):\n%s" % (
                    client, case["id"], stdout[:2000]))
            res = dict(n=n, wall=wall)
        else:
            m = re.search(r"^RESULT (.*)$", stdout, re.M)
            if not m:
                raise BenchError("%s %s n=%d: no RESULT line:\n%s%s" % (
                    client, case["id"], n, stdout[-2000:], stderr[-2000:]))
            for kv in m.group(1).split():
                k, v = kv.split("=", 1)
                res[k] = float(v) if "." in v else int(v)
        res["broker_s"] = b1 - b0 if b0 is not None and b1 is not None else None
        if wrap is None:
            self.verify(client, case, n, res, q)
        res["_stderr"] = stderr
        return res

    def verify(self, client, case, n, res, queue):
        if n == 0:
            return
        if case.get("web") and client != "c" or case.get("verify") == "queue":
            # everything published must reach the queue (the count may lag)
            deadline = time.monotonic() + 15
            while True:
                check = self.helper(queue, "count", 0)
                if check >= n or time.monotonic() > deadline:
                    break
                time.sleep(0.05)
            ok = check == n
        else:
            check = res.get("check")
            ok = check == n
        if not ok:
            raise BenchError("%s %s: %s messages for n=%d (lost or not sent?)" % (
                client, case["id"], check, n))

    def rusage_run(self, client, case, n):
        """A run measured from outside (php-cgi), through `mqbench rusage`:
        wall, CPU, peak RSS of the whole process."""
        q = self.prepare(case, client, n)
        argv, _ = self.command(client, case, n)
        env = dict(self.base_env, BENCH_QUEUE=q, BENCH_SIZE=str(case["size"]))
        env.update(case.get("env", {}))
        b0 = self.broker_cpu()
        t0 = time.monotonic()
        rc, stdout, stderr = run_proc([self.mqbench, "rusage"] + argv, env, self.args.timeout,
                                      "%s %s n=%d" % (client, case["id"], n))
        wall = time.monotonic() - t0
        b1 = self.broker_cpu()
        m = re.search(r"^RUSAGE utime=(\S+) stime=(\S+) maxrss_kb=(\d+)", stderr, re.M)
        if rc != 0 or stdout.strip() or not m:
            raise BenchError("%s %s n=%d exited %d:\n%s%s" % (
                client, case["id"], n, rc, stdout[-2000:], stderr[-2000:]))
        ru = dict(utime=float(m.group(1)), stime=float(m.group(2)), maxrss_kb=int(m.group(3)))
        res = dict(n=n, wall=wall, broker_s=b1 - b0 if b0 is not None and b1 is not None else None,
                   **ru)
        self.verify(client, case, n, res, q)
        return res

    # ---- phases ---------------------------------------------------------

    def timed(self, client, case, n):
        """One timed run; returns per-message figures."""
        if case.get("web") and client != "c":
            # php-cgi -T n against -T 1: per request, start-up subtracted
            big = self.rusage_run(client, case, n)
            one = self.rusage_run(client, case, 1)
            d = max(n - 1, 1)
            wall = big["wall"] - one["wall"]
            cpu = (big["utime"] + big["stime"]) - (one["utime"] + one["stime"])
            broker = (big["broker_s"] - one["broker_s"]
                      if big["broker_s"] is not None and one["broker_s"] is not None else None)
            # wall <= 0: the 1-request run took as long as the n-request
            # one (noise of a short run on a loaded machine); recorded as an
            # impossible negative rate, which report.py refuses like the
            # other N - 1 figures below zero (shown in a smoke run, failed
            # in a full one) instead of a missing figure
            return dict(rate=d / wall if wall > 0 else -1.0, cpu_us=cpu / d * 1e6,
                        user_us=(big["utime"] - one["utime"]) / d * 1e6,
                        sys_us=(big["stime"] - one["stime"]) / d * 1e6,
                        broker_us=broker / d * 1e6 if broker is not None else None,
                        rss_kb=big["maxrss_kb"], wall=wall, n=d)
        r = self.run(client, case, n)
        cpu = r["utime"] + r["stime"]
        # the broker's time over the whole run (start-up and the final round
        # trip included: small against n messages)
        return dict(rate=n / r["wall"] if r["wall"] > 0 else None, cpu_us=cpu / n * 1e6,
                    user_us=r["utime"] / n * 1e6, sys_us=r["stime"] / n * 1e6,
                    broker_us=r["broker_s"] / n * 1e6 if r["broker_s"] is not None else None,
                    rss_kb=r["maxrss_kb"], wall=r["wall"], n=n)

    def base_n(self, client, case):
        return 1 if case.get("web") and client != "c" else 0

    def counted(self, tool, client, case, n):
        """callgrind or strace, N against the base run; per message."""
        n0 = self.base_n(client, case)
        vals = []
        paths = []
        for k in (n, n0):
            path = os.path.join(self.out, tool, "%s.%s.%d.out" % (case["id"], client, k))
            paths.append(path)
            extra = {}
            if tool == "callgrind":
                wrap = ["valgrind", "--tool=callgrind", "--callgrind-out-file=" + path]
                # valgrind counts every iteration of `rep stosb/movsb` (which
                # glibc uses for memset/memcpy above ~2-4 KiB) as one
                # instruction; make glibc use its vector loops instead, whose
                # count is close to what the CPU executes.  Same for all.
                extra["GLIBC_TUNABLES"] = ("glibc.cpu.x86_rep_stosb_threshold=1073741824:"
                                           "glibc.cpu.x86_rep_movsb_threshold=1073741824")
            elif tool == "perf":
                events = PERF_EVENTS[:1] if self.args.smoke else PERF_EVENTS
                wrap = ["perf", "stat", "-x,", "-o", path, "-e", ",".join(events), "--"]
            else:
                wrap = ["strace", "-f", "-c", "-o", path]
            r = self.run(client, case, k, wrap=wrap, extra_env=extra)
            if tool == "callgrind":
                m = re.search(r"Collected\s*:\s*(\d+)", r["_stderr"])
                if not m:
                    raise BenchError("no callgrind total for %s %s:\n%s" % (
                        client, case["id"], r["_stderr"][-2000:]))
                vals.append(int(m.group(1)))
            elif tool == "perf":
                vals.append(parse_perf(path))
            else:
                vals.append(parse_strace(path))
        d = n - n0
        if tool == "callgrind":
            res = dict(instr=(vals[0] - vals[1]) / d, n=d)
            if client in ("mq", "mq_base", "pecl"):
                res["top"] = top_functions(paths[0], paths[1], d)
            if not self.args.keep_profiles:
                os.unlink(paths[1])
            return res
        big, small = vals
        per = []
        for name in set(big) | set(small):
            if name == "total":
                continue
            v = (big.get(name, 0) - small.get(name, 0)) / d
            if abs(v) >= 0.005:
                per.append([name, round(v, 3)])
        per.sort(key=lambda kv: (-kv[1], kv[0]))
        return dict(syscalls=(big.get("total", 0) - small.get("total", 0)) / d, by_name=per, n=d)

    def soak(self, client, n):
        case = SOAK
        q = self.queue_name(case, client)
        self.helper(q, "prep", 0)
        argv = [self.php, "-n"] + self.php_ext_args(client) + [
            os.path.join(HERE, "cases", "soak.php"), str(n), str(case["size"])]
        env = dict(self.base_env, BENCH_QUEUE=q)
        rc, stdout, stderr = run_proc(argv, env, self.args.timeout * 10, "soak " + client)
        m = re.search(r"^RESULT (.*)$", stdout, re.M)
        if rc != 0 or not m:
            raise BenchError("soak %s exited %d:\n%s%s" % (client, rc, stdout[-2000:],
                                                           stderr[-2000:]))
        res = {}
        for kv in m.group(1).split():
            k, v = kv.split("=", 1)
            res[k] = float(v) if "." in v else int(v)
        if res.get("check") != n:
            raise BenchError("soak %s: consumed %s of %d" % (client, res.get("check"), n))
        return res


def annotate(path):
    """callgrind_annotate's exclusive cost per function: {name: Ir}."""
    r = subprocess.run(["callgrind_annotate", "--inclusive=no", "--threshold=100", "--auto=no",
                        path], capture_output=True, text=True, timeout=300)
    funcs = {}
    for line in r.stdout.splitlines():
        m = re.match(r"^\s*([\d,]+)\s+\(\s*[\d.]+%\)\s+(\S.*)$", line)
        if not m or "PROGRAM TOTALS" in line:
            continue
        name = m.group(2).strip()
        obj = ""
        mo = re.match(r"^(.*) \[(.*)\]$", name)
        if mo:
            name, obj = mo.group(1), os.path.basename(mo.group(2))
        func = name.rsplit(":", 1)[-1] if ":" in name else name
        key = "%s (%s)" % (func, obj) if obj else func
        funcs[key] = funcs.get(key, 0) + int(m.group(1).replace(",", ""))
    return funcs


def top_functions(big_path, small_path, d, count=12):
    """The functions that the N messages added, per message, most first."""
    try:
        big, small = annotate(big_path), annotate(small_path)
    except (OSError, subprocess.SubprocessError):
        return []
    per = [[k, (v - small.get(k, 0)) / d] for k, v in big.items()]
    per = [[k, round(v, 1)] for k, v in per if v >= 1]
    per.sort(key=lambda kv: -kv[1])
    return per[:count]


# perf stat tracepoints: every system call, and the usual ones by name (the
# rest shows as "other").  Each tracepoint costs perf ~40 ms to set up, so
# the list is short, and the smoke run counts only the total.
PERF_SYSCALLS = ["sendto", "sendmsg", "recvfrom", "poll", "pselect6", "rt_sigaction"]
PERF_EVENTS = ["raw_syscalls:sys_enter"] + ["syscalls:sys_enter_" + s for s in PERF_SYSCALLS]


def perf_works():
    try:
        r = subprocess.run(["perf", "stat", "-x,", "-e", ",".join(PERF_EVENTS), "--", "true"],
                           capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return False
    return r.returncode == 0 and "not supported" not in r.stderr and "<not" not in r.stderr


def parse_perf(path):
    """perf stat -x, output -> {syscall: calls, 'total': calls, 'other': calls}."""
    out = {}
    with open(path) as f:
        for line in f:
            t = line.strip().split(",")
            if len(t) < 3 or not t[0].isdigit():
                continue
            ev = t[2]
            if ev == "raw_syscalls:sys_enter":
                out["total"] = int(t[0])
            elif ev.startswith("syscalls:sys_enter_"):
                out[ev[len("syscalls:sys_enter_"):]] = int(t[0])
    if "total" not in out:
        raise BenchError("no total in perf output " + path)
    if len(out) > 1:
        out["other"] = out["total"] - sum(v for k, v in out.items() if k != "total")
    return out


def parse_strace(path):
    """strace -c output -> {syscall: calls, 'total': calls}."""
    out = {}
    with open(path) as f:
        for line in f:
            t = line.split()
            if len(t) < 5 or not re.match(r"^\d+\.\d+$", t[0]):
                continue
            # % time, seconds, usecs/call, calls, [errors], syscall
            out[t[-1]] = int(t[3])
    if "total" not in out:
        raise BenchError("no total in strace output " + path)
    return out


def sh(argv):
    try:
        r = subprocess.run(argv, capture_output=True, text=True, timeout=60)
        return r.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def dpkg_version(pkg):
    return sh(["dpkg-query", "-W", "-f=${Version}", pkg]) or "?"


def so_time(path):
    try:
        return time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(os.path.getmtime(path)))
    except OSError:
        return "?"


def machine_info(args):
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = "?"
    try:
        with open("/proc/meminfo") as f:
            kb = int(f.readline().split()[1])
            mem = "%.1f GiB" % (kb / 1024 / 1024)
    except (OSError, ValueError, IndexError):
        pass
    php_ver = lambda ext: sh([args.php, "-n", "-d", "extension=" + ext, "-r",
                              "echo phpversion('amqp');"])
    mq_rev = sh(["git", "-C", REPO, "rev-parse", "--short", "HEAD"])
    mq_dirty = sh(["git", "-C", REPO, "status", "--porcelain", "--untracked-files=no"])
    base = args.mq_base_extension
    if base:
        # the repository the base build comes from: the directory above the
        # shared object's (modules/mq.so), if that is in a git work tree
        base_repo = os.path.dirname(os.path.dirname(os.path.abspath(base)))
        base_rev = sh(["git", "-C", base_repo, "rev-parse", "--short", "--verify", "-q", "HEAD"])
        base_dirty = base_rev and sh(["git", "-C", base_repo, "status", "--porcelain",
                                      "--untracked-files=no"])
        base_src = ("repository at git %s%s" % (base_rev, " with uncommitted changes"
                                                if base_dirty else "")
                    if base_rev else "%s is not in a git repository" % base_repo)
    info = {
        "date": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
        "host_cpu": cpu,
        "cores": os.cpu_count(),
        "memory": mem,
        "kernel": platform.release(),
        "os": sh(["sh", "-c", ". /etc/os-release && echo $PRETTY_NAME"]),
        "php": sh([args.php, "-n", "-r", "echo PHP_VERSION;"]),
        "mq": "%s (%s, built %s; repository at git %s%s)" % (
            php_ver(args.mq_extension) or "?", args.mq_extension, so_time(args.mq_extension),
            mq_rev or "?", " with uncommitted changes" if mq_dirty else "")
              if "mq" in args.clients else "not run",
        "pecl": "%s (Debian php8.2-amqp %s)" % (php_ver(args.pecl_extension),
                                                 dpkg_version("php8.2-amqp")),
        "amqplib": "Debian php-amqplib %s" % dpkg_version("php-amqplib"),
        "librabbitmq": "Debian librabbitmq4 %s" % dpkg_version("librabbitmq4"),
        "rabbitmq": "Debian rabbitmq-server %s, Erlang %s" % (
            dpkg_version("rabbitmq-server"), dpkg_version("erlang-base")),
        "valgrind": sh(["valgrind", "--version"]),
        "strace": sh(["sh", "-c", "strace -V | head -n 1"]),
        "perf": sh(["sh", "-c", "perf version 2>/dev/null"]),
        "load_before": open("/proc/loadavg").read().split()[:3],
    }
    if base:
        info["mq_base"] = "%s (%s, built %s; %s)" % (php_ver(base) or "?", base, so_time(base),
                                                     base_src)
    return info


def median(xs):
    xs = sorted(x for x in xs if x is not None)
    if not xs:
        return None
    m = len(xs) // 2
    return xs[m] if len(xs) % 2 else (xs[m - 1] + xs[m]) / 2


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--out", required=True, help="directory for results.json and raw outputs")
    ap.add_argument("--mqbench", required=True, help="the C client (bench/c)")
    ap.add_argument("--mq-extension", default=os.path.join(REPO, "modules", "mq.so"))
    ap.add_argument("--mq-base-extension", default=None,
                    help="a second build of mq (e.g. before a change): client mq_base")
    ap.add_argument("--mq-base-label", default=None,
                    help="what the base build is, e.g. a git commit (default: the commit of "
                         "the git repository above the .so's directory, else 'base')")
    ap.add_argument("--pecl-extension", default="amqp.so")
    ap.add_argument("--php", default="php")
    ap.add_argument("--php-cgi", default="php-cgi")
    ap.add_argument("--clients", default=",".join(DEFAULT_CLIENTS),
                    help="any of %s; run in that order" % ",".join(CLIENTS))
    ap.add_argument("--cases", default="all")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--smoke", action="store_true", help="a few hundred messages per case")
    ap.add_argument("--scale", type=float, default=1.0, help="multiply the message counts")
    ap.add_argument("--callgrind-cases", default="all", help="'all', 'none' or a list")
    ap.add_argument("--strace-cases", default="all", help="'all', 'none' or a list")
    ap.add_argument("--soak", default="auto", choices=["auto", "yes", "no"])
    ap.add_argument("--perf", default="auto", choices=["auto", "yes", "no"],
                    help="also count system calls at full speed with perf stat tracepoints")
    ap.add_argument("--timeout", type=int, default=120, help="seconds per run (x30 under valgrind)")
    ap.add_argument("--keep-profiles", action="store_true",
                    help="keep the callgrind files of the base (0-message) runs too")
    args = ap.parse_args()
    wanted = [c for c in args.clients.split(",") if c]
    for c in wanted:
        if c not in CLIENTS:
            ap.error("unknown client %s" % c)
    # the rounds interleave the clients in one fixed order (mq, mq_base, pecl, ...)
    args.clients = [c for c in CLIENTS if c in wanted]
    if "mq_base" in args.clients:
        if not args.mq_base_extension:
            ap.error("client mq_base needs --mq-base-extension")
        if not os.path.isfile(args.mq_base_extension):
            ap.error("--mq-base-extension %s: no such file" % args.mq_base_extension)
        args.mq_base_extension = os.path.abspath(args.mq_base_extension)
        if not args.mq_base_label:
            base_repo = os.path.dirname(os.path.dirname(args.mq_base_extension))
            args.mq_base_label = sh(["git", "-C", base_repo, "rev-parse", "--short",
                                     "--verify", "-q", "HEAD"]) or "base"
    else:
        args.mq_base_extension = None
    titles = dict(CLIENT_TITLES)
    if args.mq_base_extension:
        titles["mq_base"] = "mq base (%s)" % args.mq_base_label
    sel = lambda s: [c["id"] for c in CASES] if s == "all" else ([] if s == "none" else
                                                                 [x for x in s.split(",") if x])
    case_ids = sel(args.cases)
    for cid in case_ids:
        if cid not in CASE_BY_ID:
            ap.error("unknown case %s" % cid)
    cg_ids = [c for c in sel(args.callgrind_cases) if c in case_ids]
    st_ids = [c for c in sel(args.strace_cases) if c in case_ids]
    os.makedirs(os.path.join(args.out, "callgrind"), exist_ok=True)
    os.makedirs(os.path.join(args.out, "strace"), exist_ok=True)
    os.makedirs(os.path.join(args.out, "perf"), exist_ok=True)

    runner = Runner(args)
    started = time.monotonic()
    results = {
        "smoke": args.smoke,
        "rounds": args.rounds,
        "machine": machine_info(args),
        "clients": args.clients,
        "client_titles": titles,
        "cases": [],
        "errors": [],
    }
    cases = [CASE_BY_ID[i] for i in case_ids]

    def count_n(case, key):
        n = case["smoke"] if args.smoke else case[key]
        return max(2, int(n * args.scale)) if key == "n" else n

    per = {}  # (case, client) -> dict
    for case in cases:
        for client in runner.case_clients(case):
            per[(case["id"], client)] = {"runs": []}

    failed = set()

    def attempt(case, client, what, fn):
        key = (case["id"], client)
        if key in failed:
            return None
        try:
            return fn()
        except (BenchError, subprocess.SubprocessError, OSError) as e:
            failed.add(key)
            msg = "%s / %s (%s): %s" % (case["id"], client, what, e)
            results["errors"].append(msg)
            log("FAILED " + msg)
            return None

    # 1. timed rounds, clients interleaved
    for rnd in range(args.rounds):
        log("round %d/%d" % (rnd + 1, args.rounds))
        for case in cases:
            n = count_n(case, "n")
            for client in runner.case_clients(case):
                r = attempt(case, client, "round %d" % (rnd + 1),
                            lambda: runner.timed(client, case, n))
                if r:
                    per[(case["id"], client)]["runs"].append(r)
        log("  %.0f s so far" % (time.monotonic() - started))
    t_rounds = time.monotonic() - started

    # 2. callgrind and 3. strace: N against 0 (web: N requests against 1)
    has_perf = args.perf != "no" and perf_works()
    if args.perf == "yes" and not has_perf:
        results["errors"].append("perf stat cannot count syscall tracepoints here")
    results["perf"] = has_perf
    passes = [("callgrind", cg_ids), ("strace", st_ids)]
    if has_perf:
        passes.append(("perf", st_ids))
    for tool, ids in passes:
        log(tool)
        for case in cases:
            if case["id"] not in ids:
                continue
            n = case["smoke"] if args.smoke else case["cg"]
            if tool == "perf":
                # at full speed: 5x the callgrind N (but no more than a timed run)
                n = min(count_n(case, "n"), 5 * n)
            for client in runner.case_clients(case):
                r = attempt(case, client, tool, lambda: runner.counted(tool, client, case, n))
                if r:
                    per[(case["id"], client)][tool] = r
        log("  %.0f s so far" % (time.monotonic() - started))

    # 4. memory soak
    soak = []
    if args.soak == "yes" or (args.soak == "auto" and args.cases == "all"):
        n = SOAK["smoke"] if args.smoke else SOAK["n"]
        for client in [c for c in args.clients if c in SOAK.get("clients", CLIENTS)]:
            log("soak %s (%d messages)" % (client, n))
            try:
                r = runner.soak(client, n)
                r["client"] = client
                soak.append(r)
            except (BenchError, subprocess.SubprocessError, OSError) as e:
                results["errors"].append("soak / %s: %s" % (client, e))
                log("FAILED soak %s: %s" % (client, e))

    for case in cases:
        entry = {k: case[k] for k in ("id", "title", "short", "size") if k in case}
        entry["n"] = count_n(case, "n")
        entry["web"] = bool(case.get("web"))
        entry["results"] = {}
        for client in runner.case_clients(case):
            d = per[(case["id"], client)]
            runs = d["runs"]
            res = {
                "runs": runs,
                "rate": median([r["rate"] for r in runs]),
                "rate_min": min((r["rate"] for r in runs if r["rate"]), default=None),
                "rate_max": max((r["rate"] for r in runs if r["rate"]), default=None),
                "cpu_us": median([r["cpu_us"] for r in runs]),
                "cpu_us_min": min((r["cpu_us"] for r in runs), default=None),
                "cpu_us_max": max((r["cpu_us"] for r in runs), default=None),
                "rss_kb": median([r["rss_kb"] for r in runs]),
                "user_us": median([r.get("user_us") for r in runs]),
                "sys_us": median([r.get("sys_us") for r in runs]),
                "broker_us": median([r.get("broker_us") for r in runs]),
                "instr": d.get("callgrind", {}).get("instr"),
                "instr_top": d.get("callgrind", {}).get("top"),
                "syscalls": d.get("strace", {}).get("syscalls"),
                "syscalls_by_name": d.get("strace", {}).get("by_name"),
                "syscalls_fast": d.get("perf", {}).get("syscalls"),
                "syscalls_fast_by_name": d.get("perf", {}).get("by_name"),
                "failed": (case["id"], client) in failed,
            }
            entry["results"][client] = res
        results["cases"].append(entry)
    results["soak"] = {"n": SOAK["smoke"] if args.smoke else SOAK["n"], "results": soak}
    results["seconds"] = {"rounds": round(t_rounds), "total": round(time.monotonic() - started)}
    with open(os.path.join(args.out, "results.json"), "w") as f:
        json.dump(results, f, indent=1, sort_keys=True)
    log("results: %s (%d s)" % (os.path.join(args.out, "results.json"),
                                results["seconds"]["total"]))
    return 1 if results["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())

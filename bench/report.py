#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Turns bench/runner.py's results.json into results.md and an SVG chart.

  report.py RESULTS.json --md results.md --svg results.svg [--check]

--check: exit non-zero unless every case has parsed, numeric figures for
every client that ran it (the CI smoke run uses this).  Standard library only.

Impossible figures are refused: a count or cost per message below zero
(the N - 0 subtraction of two noisy measurements can give one) is not
shown in any table (it is dropped: its cell reads "refused"), results.md lists it under
"Refused figures", and --check fails on it (except in a smoke run).

--notes NOTES.md: the hand-written notes may quote only figures that the
generated part of results.md prints: every number in NOTES.md must appear
as a number somewhere in the generated tables or text (dates and case
names included), else report.py names it and exits 1 without writing.

Client "mq_base" (a second build of mq, run when bench/run.sh has
MQ_BASE_EXTENSION) is one more column in the per-client tables and gets its
own section, "mq against its base build"; the targets and the mq / PECL
columns are computed from "mq" and "pecl" only.
"""
import argparse
import html
import json
import math
import re
import sys

COLORS = {"mq": "#e8590c", "mq_base": "#ffc078", "pecl": "#1c7ed6", "amqplib": "#868e96",
          "c": "#2f9e44"}
FALLBACK_TITLES = {"mq": "mq", "mq_base": "mq base", "pecl": "PECL amqp",
                   "amqplib": "php-amqplib", "c": "C (librabbitmq)"}

# mq against its base build: instructions per message may grow by 2 % at
# most (ratio now / base <= BASE_WORSE); below BASE_IMPROVED it improved.
BASE_WORSE = 1.02
BASE_IMPROVED = 0.98
# Cases whose instructions per message the broker decides, not the client:
# no verdict against the base build.  With confirms pipelined the broker
# acks one message or many at once as its timing allows, and each ack runs
# the PHP confirm callback: the same build measured twice differs by a
# fifth.
BASE_UNJUDGED = {"confirm_100": "the broker's ack batching sets the number of confirm "
                                "callbacks per message"}


def fmt_int(v):
    return "—" if v is None else "{:,}".format(int(round(v)))


def fmt_num(v, digits=2):
    if v is None:
        return "—"
    if abs(v) >= 100:
        return "{:,}".format(int(round(v)))
    if abs(v) >= 10:
        return "%.1f" % v
    return "%.*f" % (digits, v)


def fmt_ratio(a, b):
    if a is None or b is None or b == 0:
        return "—"
    return "%.2f×" % (a / b)


def get(res, client, key):
    r = res.get(client)
    return None if r is None else r.get(key)


class Report:
    def __init__(self, data):
        self.d = data
        self.clients = data["clients"]
        self.titles = dict(FALLBACK_TITLES, **data.get("client_titles", {}))
        self.cases = {c["id"]: c for c in data["cases"]}
        self.refused = []
        self.refused_keys = set()   # (case id, client, key): shown as "refused"
        self._refuse_impossible()

    # Per-message figures that cannot be negative; the *_min/*_max, the
    # rounds ("runs") and per-name system call counts too.
    NONNEGATIVE = ("instr", "cpu_us", "user_us", "sys_us", "syscalls", "syscalls_fast",
                   "rate", "rss_kb", "broker_us")

    def _refuse_impossible(self):
        def bad(v):
            return isinstance(v, (int, float)) and not isinstance(v, bool) and v < 0

        for case in self.d["cases"]:
            for c, r in case["results"].items():
                for k in list(r):
                    base = k[:-4] if k.endswith(("_min", "_max")) else k
                    if base in self.NONNEGATIVE and bad(r[k]):
                        self.refused.append("%s / %s: %s = %r" % (case["id"], c, k, r[k]))
                        r[k] = None
                        self.refused_keys.add((case["id"], c, k))
                    elif k.endswith("_by_name") and isinstance(r[k], dict):
                        for name, v in list(r[k].items()):
                            if bad(v):
                                self.refused.append("%s / %s: %s[%s] = %r" % (case["id"], c, k, name, v))
                                del r[k][name]

    def t(self, c):
        return self.titles.get(c, c)

    def fig(self, case_id, client, key):
        c = self.cases.get(case_id)
        return None if c is None else get(c["results"], client, key)

    # ---- markdown -------------------------------------------------------

    def figure_table(self, key, fmt, ratio=True, note="", spread=False):
        cols = self.clients
        head = "| case | " + " | ".join(self.t(c) for c in cols)
        sep = "|---|" + "---:|" * len(cols)
        if ratio and "mq" in cols and "pecl" in cols:
            head += " | mq / PECL"
            sep += "---:|"
        lines = [head + " |", sep]
        for case in self.d["cases"]:
            res = case["results"]
            row = "| %s | " % case["title"]
            cells = []
            for c in cols:
                if c not in res:
                    cells.append("n/a")
                    continue
                cell = fmt(get(res, c, key))
                if (case["id"], c, key) in self.refused_keys:
                    cell = "refused"
                lo, hi, mid = get(res, c, key + "_min"), get(res, c, key + "_max"), get(res, c, key)
                if spread and lo is not None and hi is not None and mid and len(res[c].get("runs", [])) > 1:
                    cell += " ±%d%%" % round((hi - lo) / 2 / mid * 100)
                cells.append(cell)
            row += " | ".join(cells)
            if ratio and "mq" in cols and "pecl" in cols:
                row += " | " + fmt_ratio(get(res, "mq", key), get(res, "pecl", key))
            lines.append(row + " |")
        if note:
            lines += ["", note]
        return "\n".join(lines)

    def rate_table(self):
        cols = self.clients
        head = "| case | " + " | ".join(self.t(c) for c in cols)
        sep = "|---|" + "---:|" * len(cols)
        if "mq" in cols and "pecl" in cols:
            head += " | mq / PECL"
            sep += "---:|"
        lines = [head + " |", sep]
        for case in self.d["cases"]:
            res = case["results"]
            cells = []
            for c in cols:
                if c not in res:
                    cells.append("n/a")
                    continue
                r = res[c]
                if r.get("rate") is None:
                    cells.append("—")
                    continue
                spread = ""
                if r.get("rate_min") and r.get("rate_max") and len(r.get("runs", [])) > 1:
                    spread = " (%s–%s)" % (fmt_int(r["rate_min"]), fmt_int(r["rate_max"]))
                cells.append(fmt_int(r["rate"]) + spread)
            row = "| %s | " % case["title"] + " | ".join(cells)
            if "mq" in cols and "pecl" in cols:
                row += " | " + fmt_ratio(get(res, "mq", "rate"), get(res, "pecl", "rate"))
            lines.append(row + " |")
        return "\n".join(lines)

    def client_table(self, cell, align="---:|"):
        """A table with a row per case and a column per client; cell(res,
        client) renders the figure of a client that ran the case."""
        lines = ["| case | " + " | ".join(self.t(c) for c in self.clients) + " |",
                 "|---|" + align * len(self.clients)]
        for case in self.d["cases"]:
            res = case["results"]
            cells = ["n/a" if c not in res else cell(res, c) for c in self.clients]
            lines.append("| %s | " % case["title"] + " | ".join(cells) + " |")
        return "\n".join(lines)

    def syscall_table(self, key="syscalls_by_name"):
        def cell(res, c):
            by = get(res, c, key)
            if by is None:
                return "—"
            if isinstance(by, dict):
                by = sorted(by.items(), key=lambda kv: -kv[1])
            shown = [(k, v) for k, v in by if abs(v) >= 0.05][:6]
            return ", ".join("%s %s" % (fmt_num(v), k) for k, v in shown) or "0"
        return self.client_table(cell, align="---|")

    def split_table(self):
        def cell(res, c):
            u, s_ = get(res, c, "user_us"), get(res, c, "sys_us")
            return "—" if u is None or s_ is None else "%s + %s" % (fmt_num(u), fmt_num(s_))
        return self.client_table(cell)

    def broker_table(self):
        """Broker CPU per message and the cores both sides kept busy."""
        def cell(res, c):
            b, cpu, rate = get(res, c, "broker_us"), get(res, c, "cpu_us"), get(res, c, "rate")
            if b is None:
                return "—"
            if cpu is None or not rate:
                return fmt_num(b)
            return "%s (%s cores)" % (fmt_num(b), fmt_num((b + cpu) * rate / 1e6))
        return self.client_table(cell)

    def top_tables(self):
        out = []
        for case in self.d["cases"]:
            res = case["results"]
            tops = [(c, get(res, c, "instr_top")) for c in ("mq", "mq_base", "pecl")]
            tops = [(c, t) for c, t in tops if t]
            if not tops:
                continue
            out.append("<details><summary>%s</summary>" % html.escape(case["title"]))
            out.append("")
            out.append("| " + " | ".join("%s: function | Ir/msg" % self.t(c) for c, _ in tops) + " |")
            out.append("|" + "---|---:|" * len(tops))
            for i in range(max(len(t) for _, t in tops)):
                cells = []
                for _, t in tops:
                    if i < len(t):
                        cells += ["`%s`" % t[i][0].replace("|", "\\|"), fmt_int(t[i][1])]
                    else:
                        cells += ["", ""]
                out.append("| " + " | ".join(cells) + " |")
            out.append("")
            out.append("</details>")
            out.append("")
        return "\n".join(out)

    def targets(self):
        """The targets of issue 7, evaluated from this run: (text, value, verdict)."""
        rows = []
        f = self.fig

        def ratio(cid, key, other="pecl", mine="mq"):
            a, b = f(cid, mine, key), f(cid, other, key)
            return None if a is None or b is None or b == 0 else a / b

        def add(text, value, ok, shown=None):
            verdict = "—" if ok is None else ("met" if ok else "**missed**")
            rows.append((text, shown if shown is not None else
                         ("—" if value is None else "%.2f" % value), verdict))

        r = ratio("publish_64", "instr")
        add("publish 64 B: instructions/msg ≤ 0.5× PECL", r, None if r is None else r <= 0.5)
        r = ratio("publish_64", "cpu_us")
        add("publish 64 B: CPU/msg ≤ 0.6× PECL", r, None if r is None else r <= 0.6)
        def sc(cid, client="mq"):
            """(strace figure, full-speed figure) and a text for both."""
            a, b = f(cid, client, "syscalls"), f(cid, client, "syscalls_fast")
            txt = "—" if a is None else fmt_num(a)
            if b is not None:
                txt += " (full speed %s)" % fmt_num(b)
            return a, b, txt

        def both(a, b, pred):
            if a is None:
                return None
            return pred(a) and (b is None or pred(b))

        a, b, txt = sc("publish_64")
        add("publish 64 B: system calls/msg ≤ 1", None, both(a, b, lambda v: v <= 1.02), txt)
        r = ratio("publish_props", "instr")
        add("publish + properties + headers: instructions/msg ≤ 0.5× PECL", r,
            None if r is None else r <= 0.5)
        r = ratio("consume_p1000_64", "instr")
        add("consume + ack, prefetch 1000: instructions/msg ≤ 0.4× PECL", r,
            None if r is None else r <= 0.4)
        r = ratio("get_ack", "instr")
        add("get() + ack: instructions/msg ≤ 0.4× PECL", r, None if r is None else r <= 0.4)
        r = ratio("consume_p1000_64", "cpu_us")
        add("consume + ack, prefetch 1000, acks written at once: CPU/msg ≤ 0.8× PECL", r,
            None if r is None else r <= 0.8)
        a, b = f("confirm_100", "mq", "rate"), f("confirm_each", "mq", "rate")
        r = None if a is None or not b else a / b
        add("confirms pipelined: ≥ 10× the throughput of confirm-per-message", r,
            None if r is None else r >= 10)
        r = ratio("confirm_100", "rate")
        add("confirms pipelined: ≥ 1.2× PECL's throughput", r, None if r is None else r >= 1.2)
        r = ratio("web_connect", "instr")
        add("web request (connect + publish + disconnect): instructions ≤ PECL's", r,
            None if r is None else r <= 1.0)
        r = ratio("web_connect", "cpu_us")
        add("web request (connect + publish + disconnect): CPU ≤ PECL's", r,
            None if r is None else r <= 1.0)
        a, b = f("web_pconnect", "mq", "rate"), f("web_connect", "mq", "rate")
        r = None if a is None or not b else a / b
        add("web request with pconnect: ≥ 5× the requests/s of connecting", r,
            None if r is None else r >= 5)
        for cid, name in (("passive_declare", "passive declare"), ("get_ack", "get() + ack")):
            a, af, _ = sc(cid)
            b, bf, _ = sc(cid, "c")
            if a is None or b is None:
                add("%s: system calls/msg ≤ the C client's" % name, None, None)
                continue
            ok = a <= b + 0.02 and (af is None or bf is None or af <= bf + 0.02)
            txt = "%s vs %s" % (fmt_num(a), fmt_num(b))
            if af is not None and bf is not None:
                txt += " (full speed %s vs %s)" % (fmt_num(af), fmt_num(bf))
            add("%s: system calls/msg ≤ the C client's" % name, None, ok, txt)
        worst = None
        for case in self.d["cases"]:
            r = ratio(case["id"], "rate")
            if r is not None and (worst is None or r < worst[0]):
                worst = (r, case["title"])
        add("throughput (median) ≥ 0.95× PECL's in every case", worst and worst[0],
            None if worst is None else worst[0] >= 0.95,
            "—" if worst is None else "lowest %.2f (%s)" % worst)
        for other in ("pecl", "amqplib"):
            for key, what in (("instr", "instructions"), ("cpu_us", "CPU")):
                bad = []
                seen = False
                for case in self.d["cases"]:
                    r = ratio(case["id"], key, other)
                    if r is None:
                        continue
                    seen = True
                    if r >= 1.0:
                        bad.append("%s (%.2f×)" % (case["title"], r))
                add("%s/msg below %s's on every case" % (what, self.t(other)), None,
                    None if not seen else not bad,
                    "—" if not seen else ("all below" if not bad else "; ".join(bad)))
        for s in self.d.get("soak", {}).get("results", []):
            if s["client"] != "mq":
                continue
            delta = s["rss_last_kb"] - s["rss_first_kb"]
            add("RSS after %s consumed messages within 1 MiB of RSS after 10,000" %
                "{:,}".format(self.d["soak"]["n"]), None, delta <= 1024, "%+d KiB" % delta)
        return rows

    def has_base(self):
        return any("mq_base" in c["results"] for c in self.d["cases"])

    def base_table(self):
        """mq against its base build, a row per case: instructions and CPU per
        message, now / base, and the verdict on instructions."""
        def cell(cid, client, key, fmt):
            if (cid, client, key) in self.refused_keys:
                return "refused"
            c = self.cases[cid]["results"]
            return "n/a" if client not in c else fmt(get(c, client, key))

        def ratio(a, b):
            return None if a is None or b is None or b <= 0 else a / b

        lines = ["| case | instructions/msg base | instructions/msg now | now / base | "
                 "CPU/msg base (µs) | CPU/msg now (µs) | now / base | |",
                 "|---|---:|---:|---:|---:|---:|---:|---|"]
        counts = {"within": 0, "improved": 0, "worse": 0, "unjudged": 0}
        for case in self.d["cases"]:
            res, cid = case["results"], case["id"]
            if "mq_base" not in res:
                continue
            ri = ratio(get(res, "mq", "instr"), get(res, "mq_base", "instr"))
            rc = ratio(get(res, "mq", "cpu_us"), get(res, "mq_base", "cpu_us"))
            if ri is None:
                verdict = "—"
            elif cid in BASE_UNJUDGED:
                verdict, counts["unjudged"] = "not judged: " + BASE_UNJUDGED[cid], \
                    counts["unjudged"] + 1
            elif ri > BASE_WORSE:
                verdict, counts["worse"] = "**worse**", counts["worse"] + 1
            elif ri < BASE_IMPROVED:
                verdict, counts["improved"] = "improved", counts["improved"] + 1
            else:
                verdict, counts["within"] = "within", counts["within"] + 1
            lines.append("| %s | %s | %s | %s | %s | %s | %s | %s |" % (
                case["title"],
                cell(cid, "mq_base", "instr", fmt_int), cell(cid, "mq", "instr", fmt_int),
                "—" if ri is None else "%.3f×" % ri,
                cell(cid, "mq_base", "cpu_us", lambda v: fmt_num(v, 2)),
                cell(cid, "mq", "cpu_us", lambda v: fmt_num(v, 2)),
                "—" if rc is None else "%.3f×" % rc, verdict))
        lines.append("")
        lines.append("Rule: instructions per message must stay within 2 %% of the base build's "
                     "(now / base ≤ %.2f) or improve: \"within\" up to %.2f, \"improved\" below "
                     "%.2f, \"**worse**\" above %.2f; a case without instructions for both is "
                     "\"—\". CPU per message varies with the machine's load and does not set "
                     "the verdict; nor are cases whose work the broker decides \"not judged\". "
                     "This run: %d within, %d improved, %d worse, %d not judged." % (
                         BASE_WORSE, BASE_WORSE, BASE_IMPROVED, BASE_WORSE, counts["within"],
                         counts["improved"], counts["worse"], counts["unjudged"]))
        return "\n".join(lines)

    def markdown(self, svg_name, notes=None):
        d = self.d
        m = d["machine"]
        out = []
        out.append("# Benchmark results: mq against PECL amqp, php-amqplib and C on librabbitmq")
        out.append("")
        if d.get("smoke"):
            out.append("**Smoke run** (a few hundred messages per case): these figures only "
                       "show that the harness works; they are not the benchmark.")
            out.append("")
        out.append("Written by `bench/run.sh` on %s. %d interleaved round%s per case "
                   "(clients A B C D, A B C D, …); medians, with the spread (min–max) for "
                   "throughput. Run time: %s s (timed rounds %s s). "
                   "See [bench/README.md](README.md) for what each figure means and how it "
                   "is measured." % (
                       m["date"], d["rounds"], "" if d["rounds"] == 1 else "s",
                       d["seconds"]["total"], d["seconds"]["rounds"]))
        out.append("")
        out.append("![chart](%s)" % svg_name)
        out.append("")
        out.append("## Machine and versions")
        out.append("")
        out.append("| | |")
        out.append("|---|---|")
        for k, label in (("host_cpu", "CPU"), ("cores", "cores"), ("memory", "memory"),
                         ("os", "OS"), ("kernel", "kernel"), ("php", "PHP"), ("mq", "mq"),
                         ("mq_base", self.t("mq_base")),
                         ("pecl", "PECL amqp"), ("amqplib", "php-amqplib"),
                         ("librabbitmq", "librabbitmq-c"), ("rabbitmq", "broker"),
                         ("valgrind", "valgrind"), ("strace", "strace"), ("perf", "perf")):
            if k == "mq_base" and k not in m:
                continue
            out.append("| %s | %s |" % (label, m.get(k, "?")))
        out.append("| load average before the run | %s |" % " ".join(m.get("load_before", [])))
        out.append("")
        out.append("The broker runs on the same cores as the client, so throughput is bound by "
                   "the broker; the client's own cost (instructions, CPU, system calls per "
                   "message) is what separates the clients.")
        out.append("")
        out.append("## Targets (issue 7), from this run")
        out.append("")
        out.append("| target | value | |")
        out.append("|---|---|---|")
        for text, value, verdict in self.targets():
            out.append("| %s | %s | %s |" % (text, value, verdict))
        out.append("")
        if self.has_base():
            out.append("## mq against its base build")
            out.append("")
            out.append("%s against %s, from the same rounds (the targets above compare mq "
                       "with PECL amqp only)." % (self.t("mq"), self.t("mq_base")))
            out.append("")
            out.append(self.base_table())
            out.append("")
        if self.refused:
            out.append("## Refused figures")
            out.append("")
            out.append("Impossible values in results.json, shown as \"refused\" in the tables "
                       "(a count per message below zero comes from the N − 0 subtraction of two "
                       "measurements, not from the client):")
            out.append("")
            for r in self.refused:
                out.append("* " + r)
            out.append("")
        if notes:
            out.append("## Notes on this run")
            out.append("")
            out.append(notes.strip())
            out.append("")
        out.append("## Instructions per message")
        out.append("")
        out.append(self.figure_table(
            "instr", fmt_int,
            note="valgrind --tool=callgrind, whole client process: (Ir(N) − Ir(0)) / N. "
                 "Web cases: per request, (N requests − 1 request) / (N − 1), PHP "
                 "request start-up and shutdown included (php-cgi with opcache)."))
        out.append("")
        out.append("## Client CPU per message (µs, user + system)")
        out.append("")
        out.append(self.figure_table(
            "cpu_us", lambda v: fmt_num(v, 2), spread=True,
            note="getrusage() around the message loop, median of the rounds, ± half the "
                 "range of the rounds. Web cases: "
                 "php-cgi's own rusage, N requests minus 1 request. In the cases that wait "
                 "for the broker once per message (confirm per message, prefetch 1, get, "
                 "passive declare, web requests) most of this is the kernel's sleep and "
                 "wake-up, which varies with the machine's load from round to round: "
                 "compare instructions there."))
        out.append("")
        out.append("Of which user + system (µs, medians):")
        out.append("")
        out.append(self.split_table())
        out.append("")
        out.append("## System calls per message")
        out.append("")
        out.append(self.figure_table("syscalls", lambda v: fmt_num(v, 2),
                                     note="strace -c -f: (calls(N) − calls(0)) / N, with the "
                                          "callgrind runs' N."))
        out.append("")
        out.append("Which calls (per message):")
        out.append("")
        out.append(self.syscall_table())
        out.append("")
        if any(get(c["results"], cl, "syscalls_fast") is not None
               for c in d["cases"] for cl in self.clients):
            out.append("## System calls per message at full speed")
            out.append("")
            out.append(self.figure_table(
                "syscalls_fast", lambda v: fmt_num(v, 2),
                note="perf stat on the raw_syscalls:sys_enter tracepoint (and per-call "
                     "tracepoints), the same N against 0 subtraction, with the timed runs' N. "
                     "strace slows the client down, so that replies are often there already "
                     "when it reads; at full speed a client that tries a read before it "
                     "polls gets EAGAIN first, which shows here and not under strace."))
            out.append("")
            out.append("Which calls (per message):")
            out.append("")
            out.append(self.syscall_table("syscalls_fast_by_name"))
            out.append("")
        out.append("## Throughput (messages/s, median and min–max over the rounds)")
        out.append("")
        out.append(self.rate_table())
        if any(get(c["results"], cl, "broker_us") is not None
               for c in d["cases"] for cl in self.clients):
            out.append("")
            out.append("## Broker CPU per message (µs, user + system)")
            out.append("")
            out.append(self.broker_table())
            out.append("")
            out.append("The broker's beam process (/proc/PID/stat) over each timed run (the "
                       "script's start-up and final round trip included), per message, median "
                       "of the rounds; in brackets, (broker + client CPU per message) × the "
                       "throughput: how many of the machine's 2 cores the two kept busy. Near "
                       "2 the machine is saturated and the broker's share sets the rate; well "
                       "below it, the rate is set by waiting (round trips, the broker's own "
                       "batching), not by either side's CPU.")
        out.append("")
        out.append("## Peak RSS (MiB, whole client process)")
        out.append("")
        out.append(self.figure_table("rss_kb", lambda v: "—" if v is None else "%.1f" % (v / 1024),
                                     ratio=False))
        out.append("")
        soak = d.get("soak", {}).get("results", [])
        if soak:
            out.append("## Memory over a long consume")
            out.append("")
            out.append("`bench/cases/soak.php`: %s messages published and consumed with ack in "
                       "batches of 10,000; RSS (from /proc/self/statm) after the first batch "
                       "and at the end." % "{:,}".format(d["soak"]["n"]))
            out.append("")
            out.append("| client | RSS after 10,000 (KiB) | RSS at the end (KiB) | difference | "
                       "PHP heap after 10,000 | PHP heap at the end | msgs/s |")
            out.append("|---|---:|---:|---:|---:|---:|---:|")
            for s in soak:
                out.append("| %s | %s | %s | %+d KiB | %s | %s | %s |" % (
                    self.t(s["client"]), fmt_int(s["rss_first_kb"]), fmt_int(s["rss_last_kb"]),
                    s["rss_last_kb"] - s["rss_first_kb"], fmt_int(s["mem_first"]),
                    fmt_int(s["mem_last"]), fmt_int(s["n"] / s["wall"] if s["wall"] else None)))
            out.append("")
        tops = self.top_tables()
        if tops:
            out.append("## Where the instructions go")
            out.append("")
            out.append("Exclusive instructions per message by function (callgrind, N-message run "
                       "minus the 0-message run), for mq%s and PECL amqp. Functions in `php8.2` "
                       "are the PHP engine's." % (", its base build" if self.has_base() else ""))
            out.append("")
            out.append(tops)
        out.append("## Cases")
        out.append("")
        out.append("| case | id | messages per timed run |")
        out.append("|---|---|---:|")
        for case in d["cases"]:
            out.append("| %s | `%s` | %s |" % (case["title"], case["id"], fmt_int(case["n"])))
        out.append("")
        if d.get("errors"):
            out.append("## Errors")
            out.append("")
            for e in d["errors"]:
                first = e.strip().splitlines()[0] if e.strip() else e
                out.append("* " + first.replace("|", "\\|")[:400])
            out.append("")
        return "\n".join(out)

    # ---- svg ------------------------------------------------------------

    def svg(self):
        cases = self.d["cases"]
        clients = self.clients
        panels = [("instr", "instructions per message", fmt_int),
                  ("cpu_us", "client CPU per message (µs)", lambda v: fmt_num(v, 2)),
                  ("rate", "messages per second (higher is better)", fmt_int)]
        bar_h, bar_gap, group_gap = 9, 1, 12
        label_w, panel_w, panel_gap, top, right = 190, 300, 25, 84, 10
        group_h = len(clients) * (bar_h + bar_gap) + group_gap
        height = top + len(cases) * group_h + 40
        width = label_w + len(panels) * panel_w + (len(panels) - 1) * panel_gap + right
        o = []
        o.append('<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" '
                 'viewBox="0 0 %d %d" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" '
                 'font-size="11">' % (width, height, width, height))
        o.append('<rect width="100%" height="100%" fill="white"/>')
        title = "mq vs PECL amqp, php-amqplib and C (librabbitmq): cost per message"
        if self.d.get("smoke"):
            title += " (SMOKE RUN, not the benchmark)"
        o.append('<text x="10" y="20" font-size="14" font-weight="bold">%s</text>' %
                 html.escape(title))
        o.append('<text x="10" y="36" fill="#555">%s · log scales · %s</text>' % (
            html.escape(self.d["machine"].get("date", "")),
            html.escape(self.d["machine"].get("host_cpu", ""))))
        # legend
        x = 10
        for c in clients:
            o.append('<rect x="%d" y="46" width="12" height="10" fill="%s"/>' % (x, COLORS.get(c, "#000")))
            o.append('<text x="%d" y="55">%s</text>' % (x + 16, html.escape(self.t(c))))
            x += 30 + 7 * len(self.t(c))
        for pi, (key, ptitle, fmt) in enumerate(panels):
            px = label_w + pi * (panel_w + panel_gap)
            vals = [get(cs["results"], c, key) for cs in cases for c in clients]
            vals = [v for v in vals if v is not None and v > 0]
            if not vals:
                continue
            lo = 10 ** math.floor(math.log10(min(vals)))
            hi = 10 ** math.ceil(math.log10(max(vals)))
            if hi <= lo:
                hi = lo * 10
            usable = panel_w - 60  # room for value labels
            scale = lambda v: (math.log10(v) - math.log10(lo)) / (math.log10(hi) - math.log10(lo)) * usable
            o.append('<text x="%d" y="%d" font-weight="bold">%s</text>' % (px, top - 4, html.escape(ptitle)))
            dec = lo
            while dec <= hi * 1.0001:
                gx = px + scale(dec)
                o.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#ddd"/>' % (
                    gx, top, gx, height - 30))
                lab = ("%g" % dec) if dec < 1e4 else "{:,}".format(int(dec))
                o.append('<text x="%.1f" y="%d" text-anchor="middle" fill="#777" font-size="9">%s</text>' % (
                    gx, height - 18, lab))
                dec *= 10
            for gi, cs in enumerate(cases):
                gy = top + gi * group_h
                if pi == 0:
                    o.append('<text x="%d" y="%d" text-anchor="end">%s</text>' % (
                        label_w - 10, gy + (len(clients) * (bar_h + bar_gap)) / 2 + 4,
                        html.escape(cs.get("short", cs["title"]))))
                for ci, c in enumerate(clients):
                    y = gy + ci * (bar_h + bar_gap)
                    v = get(cs["results"], c, key)
                    if c not in cs["results"]:
                        continue
                    if v is None or v <= 0:
                        o.append('<text x="%d" y="%d" font-size="8" fill="#999">—</text>' % (px + 2, y + 8))
                        continue
                    w = max(1.0, scale(v))
                    o.append('<rect x="%d" y="%d" width="%.1f" height="%d" fill="%s">'
                             '<title>%s, %s: %s</title></rect>' % (
                                 px, y, w, bar_h, COLORS.get(c, "#000"), html.escape(cs["title"]),
                                 html.escape(self.t(c)), html.escape(fmt(v))))
                    o.append('<text x="%.1f" y="%d" font-size="8" fill="#333">%s</text>' % (
                        px + w + 3, y + 8, html.escape(fmt(v))))
        o.append('</svg>')
        return "\n".join(o) + "\n"

    # ---- check ----------------------------------------------------------

    def check(self, require_instr, require_syscalls):
        problems = list(self.d.get("errors", []))
        # (A smoke run's few hundred messages make N - 0 noise likely: there
        # the refused figures are shown, not failed.)
        if not self.d.get("smoke"):
            problems += ["impossible figure: " + r for r in self.refused]
        for case in self.d["cases"]:
            for c, r in case["results"].items():
                keys = ["rate", "cpu_us", "rss_kb"]
                if case["id"] in require_instr:
                    keys.append("instr")
                if case["id"] in require_syscalls:
                    keys.append("syscalls")
                for k in keys:
                    if (case["id"], c, k) in self.refused_keys:
                        continue   # parsed, but impossible: reported above
                    v = r.get(k)
                    if not isinstance(v, (int, float)) or math.isnan(v) or math.isinf(v):
                        problems.append("%s / %s: %s is %r" % (case["id"], c, k, v))
        return problems


# A number as the notes and tables write it: 4,196  0.46  -0.00  12,050.
NUMBER = re.compile(r"(?<![\w.,])[−-]?\d+(?:,\d{3})*(?:\.\d+)?(?![\w])")


def numbers(text):
    return [m.group(0).replace("−", "-") for m in NUMBER.finditer(text)]


def unsupported_notes_figures(generated, notes):
    """The numbers in notes that the generated markdown does not print."""
    known = set(numbers(generated))
    missing = []
    for n in numbers(notes):
        if n not in known and n not in missing:
            missing.append(n)
    return missing


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("results")
    ap.add_argument("--md")
    ap.add_argument("--svg")
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--notes", help="markdown to include under 'Notes on this run' (the "
                    "explanations of missed targets), e.g. bench/notes.md")
    ap.add_argument("--require-instr", default="", help="cases that must have instructions")
    ap.add_argument("--require-syscalls", default="", help="cases that must have syscall counts")
    a = ap.parse_args()
    with open(a.results) as f:
        data = json.load(f)
    rep = Report(data)
    if a.svg:
        with open(a.svg, "w") as f:
            f.write(rep.svg())
    if a.md:
        import os
        svg_name = os.path.relpath(a.svg, os.path.dirname(os.path.abspath(a.md))) if a.svg else "results.svg"
        notes = None
        if a.notes:
            with open(a.notes) as f:
                notes = f.read()
            missing = unsupported_notes_figures(rep.markdown(svg_name, None), notes)
            if missing:
                print("report.py: %s quotes figures that the tables do not show: %s" % (
                    a.notes, ", ".join(missing)), file=sys.stderr)
                return 1
        with open(a.md, "w") as f:
            f.write(rep.markdown(svg_name, notes) + "\n")
    if a.check:
        sel = lambda s: [c["id"] for c in data["cases"]] if s == "all" else [x for x in s.split(",") if x]
        problems = rep.check(sel(a.require_instr), sel(a.require_syscalls))
        for p in problems:
            print("report.py: " + p.splitlines()[0] if p else p, file=sys.stderr)
        if problems:
            return 1
        print("report.py: all figures parsed (%d cases, clients %s)" % (
            len(data["cases"]), ", ".join(data["clients"])), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Run the Python workloads of benches/programs/ with sonde, CPython and any
other interpreter named on the command line, side by side in one run.

For each program and interpreter: the median wall time of N runs (whole
process; the interpreters' runs interleaved) and the peak RSS (from GNU
time), then the ratio of each interpreter's time to CPython's, whether its
output matched CPython's, and the geometric mean of the ratios.

With --instructions, each program also runs once per interpreter under
valgrind's callgrind, and the table gains each interpreter's instruction
count and its ratio to CPython's: a second measure that, unlike time on a
shared machine, is the same from run to run (a workload's instructions,
not its speed: cache misses and branch mispredictions do not show).

Usage: benches/compare.py [-n RUNS] [--markdown] [--instructions] [interpreter ...]
The first interpreter is the reference (default /usr/bin/python3.11, which
is Debian's PGO build with SDT probes); target/release/sonde is always run
(built first with cargo).
"""

import argparse
import math
import os
import platform
import subprocess
import shutil
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROGRAMS = os.path.join(ROOT, "benches", "programs")
SONDE = os.path.join(ROOT, "target", "release", "sonde")
TIME = shutil.which("time") if os.path.exists("/usr/bin/time") else None


def run(cmd):
    """One run: (seconds, peak RSS in KiB, output bytes, exit status).

    Peak RSS comes from GNU time (apt package `time`), whose own small
    process forks the program: a child forked or spawned from this script
    would report this script's peak as its own (Linux carries the high-water
    mark across exec). Without it, RSS is shown as 0."""
    fd, rss_file = tempfile.mkstemp()
    os.close(fd)
    wrapped = [TIME, "-q", "-f", "%M", "-o", rss_file] + cmd if TIME else cmd
    start = time.perf_counter()
    p = subprocess.run(wrapped, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    elapsed = time.perf_counter() - start
    try:
        with open(rss_file) as f:
            rss = int(f.read().split()[-1])
    except (ValueError, IndexError):
        rss = 0
    os.unlink(rss_file)
    return elapsed, rss, p.stdout, p.returncode


def instructions(cmd):
    """Instructions executed by `cmd`, counted by callgrind (None without valgrind)."""
    try:
        p = subprocess.run(
            ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"] + cmd,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
    except FileNotFoundError:
        return None
    for line in p.stderr.splitlines():
        if "Collected :" in line:
            return int(line.rsplit(":", 1)[1])
    return None


def measure(cmds, runs):
    """Each command `runs` times, interleaved (one run of each in turn, so
    that a slow spell of this shared machine hits them all alike): per
    command, the median time, the peak RSS, the first output and status."""
    results = [[] for _ in cmds]
    for _ in range(runs):
        for i, cmd in enumerate(cmds):
            results[i].append(run(cmd))
    out = []
    for rs in results:
        times = sorted(r[0] for r in rs)
        out.append((times[len(times) // 2], max(r[1] for r in rs), rs[0][2], rs[0][3]))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", "--runs", type=int, default=5)
    ap.add_argument("--markdown", action="store_true", help="print a Markdown table")
    ap.add_argument("--instructions", action="store_true", help="also count instructions with callgrind")
    ap.add_argument("interpreters", nargs="*")
    args = ap.parse_args()
    ref = args.interpreters[0] if args.interpreters else "/usr/bin/python3.11"
    if not os.path.exists(ref) and "/" in ref:
        ref = "python3"
    others = args.interpreters[1:]
    subprocess.run(["cargo", "build", "--release", "-q"], cwd=ROOT, check=True)
    interps = [("cpython", ref), ("sonde", SONDE)] + [(os.path.basename(o), o) for o in others]

    names = sorted(f[:-3] for f in os.listdir(PROGRAMS) if f.endswith(".py"))
    rows = []
    logs = {label: [] for label, _ in interps[1:]}
    ilogs = {label: [] for label, _ in interps[1:]}
    for name in names:
        prog = os.path.join(PROGRAMS, name + ".py")
        row = {"program": name}
        measured = measure([[exe, prog] for _, exe in interps], args.runs)
        base_t, base_rss, base_out, _ = measured[0]
        row["cpython"] = (base_t, base_rss, True)
        for (label, _), (t, rss, out, status) in zip(interps[1:], measured[1:]):
            row[label] = (t, rss, out == base_out and status == 0)
            logs[label].append(math.log(t / base_t))
        if args.instructions:
            counts = [instructions([exe, prog]) for _, exe in interps]
            row["instr"] = counts
            for (label, _), n in zip(interps[1:], counts[1:]):
                if n and counts[0]:
                    ilogs[label].append(math.log(n / counts[0]))
        rows.append(row)

    def fmt_rss(kib):
        return f"{kib / 1024:.1f}"

    header = ["program", "cpython s", "cpython MiB"]
    for label, _ in interps[1:]:
        header += [f"{label} s", f"{label} MiB", f"{label}/cpython", "match"]
    if args.instructions:
        header += ["cpython Minstr"]
        for label, _ in interps[1:]:
            header += [f"{label} Minstr", f"{label}/cpython instr"]

    def fmt_instr(row):
        counts = row["instr"]
        cells = [f"{counts[0] / 1e6:.0f}" if counts[0] else "-"]
        for n in counts[1:]:
            cells += [f"{n / 1e6:.0f}" if n else "-", f"{n / counts[0]:.2f}" if n and counts[0] else "-"]
        return cells

    table = []
    for row in rows:
        line = [row["program"], f"{row['cpython'][0]:.3f}", fmt_rss(row["cpython"][1])]
        for label, _ in interps[1:]:
            t, rss, ok = row[label]
            line += [f"{t:.3f}", fmt_rss(rss), f"{t / row['cpython'][0]:.2f}", "yes" if ok else "NO"]
        if args.instructions:
            line += fmt_instr(row)
        table.append(line)
    geo = ["geometric mean", "", ""]
    for label, _ in interps[1:]:
        geo += ["", "", f"{math.exp(sum(logs[label]) / len(logs[label])):.2f}", ""]
    if args.instructions:
        geo += [""]
        for label, _ in interps[1:]:
            ls = ilogs[label]
            geo += ["", f"{math.exp(sum(ls) / len(ls)):.2f}" if ls else "-"]
    table.append(geo)

    if args.markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "|".join("---" if i == 0 else "---:" for i in range(len(header))) + "|")
        for line in table:
            print("| " + " | ".join(line) + " |")
    else:
        widths = [max(len(h), *(len(l[i]) for l in table)) for i, h in enumerate(header)]
        print("  ".join(h.ljust(w) if i == 0 else h.rjust(w) for i, (h, w) in enumerate(zip(header, widths))))
        for line in table:
            print("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(line, widths))))
    version = subprocess.run([ref, "--version"], capture_output=True, text=True).stdout.strip()
    print(f"(reference {ref}: {version}; {os.cpu_count()} cores, {platform.machine()}, median of {args.runs} runs)")


if __name__ == "__main__":
    sys.exit(main())

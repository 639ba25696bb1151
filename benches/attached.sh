#!/usr/bin/env bash
# Attached probe cost per event, side by side in one run: a call-heavy and a
# line-heavy program under sonde and under Debian's python3.11, each timed
# by itself with and without bpftrace counting its events, against the
# physical limit (arch/examples/fire_loop: a Rust loop that only fires one
# SDT probe). Per-event cost = (traced - untraced) / events, median of N.
# Needs root and bpftrace. Usage: benches/attached.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-3}
cargo build --release -q
cargo build --release -q --example fire_loop -p sonde-arch
SONDE=$PWD/target/release/sonde
LOOP=$PWD/target/release/examples/fire_loop
PY=/usr/bin/python3.11
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# probes BIN PROBE... -> a bpftrace script counting them all into @events
probes() {
    local bin=$1
    shift
    for p in "$@"; do
        printf 'usdt:%s:python:%s { @events = count(); }\n' "$bin" "$p"
    done
}

# row LABEL BIN "PROBES" CMD...
row() {
    local label=$1 bin=$2 list=$3
    shift 3
    local plain traced events out
    plain=$(for _ in $(seq "$N"); do "$@" | grep -E "^[0-9.]+$" | tail -1; done | median)
    out=$(mktemp)
    traced=$(for _ in $(seq "$N"); do
        # shellcheck disable=SC2086
        bpftrace -o "$out" -e "$(probes "$bin" $list)" -c "$*" 2>/dev/null | grep -E "^[0-9.]+$" | tail -1
    done | median)
    events=$(grep -o '@events: [0-9]*' "$out" | awk '{print $2}')
    rm -f "$out"
    printf "%-26s %-34s %10s %9.4f %9.4f %9.1f\n" "$label" "$list" "$events" "$plain" "$traced" \
        "$(echo "($traced - $plain) * 1000000000 / $events" | bc -l)"
}

printf "%-26s %-34s %10s %9s %9s %9s\n" workload probes events "plain s" "traced s" "ns/event"
row "fire_loop (the limit)" "$LOOP" "function__entry" "$LOOP" 1000000
row "sonde calls.py" "$SONDE" "function__entry function__return" "$SONDE" benches/attached/calls.py
# CPython 3.11 fires function__entry/return only while line is enabled too
# (gh-98894), so its call-heavy row counts all three.
row "python3.11 calls.py" "$PY" "function__entry function__return line" "$PY" benches/attached/calls.py
row "sonde lines.py" "$SONDE" "line" "$SONDE" benches/attached/lines.py
row "python3.11 lines.py" "$PY" "line" "$PY" benches/attached/lines.py
echo "($(uname -m), $(nproc) cores, $(bpftrace --version), median of $N)"

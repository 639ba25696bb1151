#!/usr/bin/env bash
# Time the Python workloads under benches/programs with sonde and CPython, side
# by side in one run: median of N runs, ratio to CPython, output match.
# Usage: benches/compare.sh [N] [python-binary]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-3}
PY=${2:-/usr/bin/python3.11}
[ -x "$PY" ] || PY=python3
cargo build --release -q
SONDE=target/release/sonde
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
t() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); echo "$e - $s" | bc; }
printf "%-20s %10s %10s %8s %6s\n" program "sonde s" "cpython s" ratio match
for f in benches/programs/*.py; do
    n=$(basename "$f" .py)
    ts=$(for _ in $(seq "$N"); do t "$SONDE" "$f"; done | median)
    tp=$(for _ in $(seq "$N"); do t "$PY" "$f"; done | median)
    m=$(cmp -s <("$SONDE" "$f" 2>&1) <("$PY" "$f" 2>&1) && echo yes || echo NO)
    printf "%-20s %10.3f %10.3f %8.2f %6s\n" "$n" "$ts" "$tp" "$(echo "$ts / $tp" | bc -l)" "$m"
done
echo "($("$PY" --version), $(nproc) cores, $(uname -m))"

#!/usr/bin/env bash
# Regenerate the expected outputs of tests/programs/*.py with CPython 3.11.
# Usage: tests/regen.sh [NAME ...]   (default: every program)
set -euo pipefail
cd "$(dirname "$0")/programs"
PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null || PY=python3
"$PY" -c 'import sys; assert sys.version_info[:2] == (3, 11), sys.version' || { echo "need CPython 3.11" >&2; exit 1; }
if [ $# -gt 0 ]; then names=("$@"); else names=(); for f in *.py; do names+=("${f%.py}"); done; fi
for n in "${names[@]}"; do
    in=/dev/null; [ -f "$n.in" ] && in="$n.in"
    set +e
    PYTHONHASHSEED=0 "$PY" "$n.py" <"$in" >"$n.out" 2>"$n.err.tmp"
    status=$?
    set -e
    if [ $status -ne 0 ]; then
        echo $status >"$n.status"; sed "s|$PWD/|@DIR@/|g" "$n.err.tmp" >"$n.err"; rm -f "$n.err.tmp"
    else
        rm -f "$n.status" "$n.err" "$n.err.tmp"
    fi
    if grep -q "^assert\|^\s*assert " "$n.py"; then
        PYTHONHASHSEED=0 "$PY" -O "$n.py" <"$in" >"$n.out.O" 2>/dev/null || true
        cmp -s "$n.out" "$n.out.O" && rm -f "$n.out.O"
    fi
done

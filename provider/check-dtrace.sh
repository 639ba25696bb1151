#!/bin/sh
# Check sonde's DTrace probes on illumos, FreeBSD or macOS, in one command:
#
#     sudo provider/check-dtrace.sh [path/to/sonde]
#
# 1. registration: SONDE_DEBUG=1 makes sonde say whether the kernel took its
#    DOF (the helper device, the number of probes and sites);
# 2. listing: `dtrace -l` lists the python provider of a sonde process and the
#    probe names must be exactly those of provider/python.d (with `-` for
#    `__`), with python.d's argument types (`dtrace -lv`);
# 3. firing: a traced program's function-entry, function-return and line
#    events arrive with their arguments.
# It prints "ok: ..." and exits 0 when all three hold, else says what failed.
set -u
here=$(cd "$(dirname "$0")" && pwd)
S=${1:-$here/../target/release/sonde}
[ -x "$S" ] || { echo "no sonde binary at $S (cargo build --release, or pass its path)"; exit 2; }
command -v dtrace >/dev/null || { echo "dtrace is not on PATH"; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "== 1. registration"
SONDE_DEBUG=1 "$S" -c pass 2>"$tmp/reg"
cat "$tmp/reg"
grep -q "^sonde: dtrace: registered provider python" "$tmp/reg" || {
    echo "FAIL: the kernel did not take the DOF (see the line above: no DTrace"
    echo "      in the kernel, no permission on the helper device, or on macOS"
    echo "      System Integrity Protection restricting dtrace)"
    exit 1
}

echo "== 2. listing"
sleeper="$S -c 'import time; time.sleep(1)'"
dtrace -l -n 'python$target:::' -c "$sleeper" >"$tmp/list" 2>"$tmp/list.err"
cat "$tmp/list"
awk 'NR > 1 { print $NF }' "$tmp/list" | sort -u >"$tmp/got"
sed -n 's/^ *probe \([a-z_]*\)(.*/\1/p' "$here/python.d" | sed 's/__/-/g' | sort >"$tmp/want"
if ! diff "$tmp/want" "$tmp/got" >"$tmp/diff"; then
    echo "FAIL: listed probes differ from provider/python.d (< expected, > listed):"
    cat "$tmp/diff" "$tmp/list.err"
    exit 1
fi
dtrace -lv -n 'python$target:::function-entry' -c "$sleeper" >"$tmp/verbose" 2>&1
for t in 'args\[0\]: (const )?char \*' 'args\[1\]: (const )?char \*' 'args\[2\]: int'; do
    grep -Eq "$t" "$tmp/verbose" || { echo "FAIL: function-entry lacks $t:"; cat "$tmp/verbose"; exit 1; }
done

echo "== 3. firing"
cat >"$tmp/prog.py" <<'PY'
def square(x):
    return x * x

print(square(7))
PY
dtrace -q -n '
python$target:::function-entry /copyinstr(arg1) == "square"/ { printf("entry %s %s:%d\n", copyinstr(arg1), basename(copyinstr(arg0)), arg2); }
python$target:::function-return /copyinstr(arg1) == "square"/ { printf("return %s %s:%d\n", copyinstr(arg1), basename(copyinstr(arg0)), arg2); }
python$target:::line /copyinstr(arg1) == "square"/ { printf("line %s:%d\n", copyinstr(arg1), arg2); }
' -c "$S $tmp/prog.py" >"$tmp/events" 2>&1
cat "$tmp/events"
for e in 'entry square prog.py:1' 'line square:2' 'return square prog.py:2' '49'; do
    grep -q "^$e\$" "$tmp/events" || { echo "FAIL: no \"$e\" in the events above"; exit 1; }
done
echo "ok: $(wc -l <"$tmp/want" | tr -d ' ') probes registered, listed with python.d's names and types, and firing"

# Built-in methods called with too few arguments or on a non-type: CPython's
# TypeErrors (these were Rust panics).
tests = ["(5).__eq__()", "(5).__format__()", "[].__contains__()", "int.__new__(None)", "int.__add__()", "range(3).count()", "range.index(None, 1)", "slice(1).indices()", "slice.indices(None, 1)", "(1.5).__mul__()", "dict.__new__(5)"]
for t in tests:
    try:
        print(t, eval(t))
    except TypeError as e:
        print(t, "TypeError:", e)
import sys
try:
    sys.getsizeof()
except TypeError as e:
    print("TypeError:", e)
for t in ("b\"\".find()", "b\"\".join()", "b\"\".replace()", "b\"\".startswith()", "b\"\".endswith()", "bytearray().append()", "bytearray().extend()", "bytearray().join()", "b\"\".replace(b\"a\")"):
    try:
        eval(t)
    except TypeError as e:
        print(t, "TypeError:", e)

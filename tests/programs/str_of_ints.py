# str() of machine ints and strs takes a short path: same results as the
# full type call, for every sign and width, and for subclasses and bools.
import sys
for i in (0, 1, -1, 9, 10, -10, 12345, -99999, 2**31, -2**31, 2**63 - 1, -2**63, -sys.maxsize):
    s = str(i)
    print(s, len(s), type(s).__name__, repr(i) == s, int(s) == i, hash(s) == hash(repr(i)))
print(str(2**63), str(-2**63 - 1), str(True), str(False), str("abc"), str(""), str())
class S(str):
    pass
class I(int):
    def __str__(self):
        return "I!"
print(repr(S(42)), type(S(42)).__name__, str(I(5)), str(S("q")), type(str(S("q"))).__name__)
x = "shared"
print(str(x) is x, f"{-7}", "%d|%s" % (-2**63, -2**63), [str(n) for n in range(-3, 4)])
try:
    str(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
for a, kw in (((1, "utf-8"), {}), ((b"a", 2), {}), (("a", "utf-8"), {}), ((1, "utf-8", "x"), {}),
              ((1, "utf-8", 3), {}), ((1,), {"errors": 3}), ((b"x",), {"errors": "strict"}), ((b"y",), {"encoding": "ascii"})):
    try:
        print(repr(str(*a, **kw)))
    except TypeError as e:
        print(type(e).__name__, e)

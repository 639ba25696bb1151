# Builtins given keyword arguments: positional-only ones refuse them (they
# panicked), and round, pow and sum take theirs as CPython does.
import math
tests = ["abs(x=1)", "len(obj=[])", "getattr(None, x=1)", "math.sqrt(x=4)", "sum(start=1)", "sum([1], start=2)", "round(number=1.5)", "pow(1, exp=2)", "sorted([2,1], key=None)", "divmod(1, y=2)", "int(\"5\", base=10)", "str(object=5)", "max([1,2], key=abs)", "min(1, 2, default=0)", "print(\"a\", sep=\"-\")", "chr(i=65)", "isinstance(1, cls=int)"]
for t in tests:
    try:
        print(t, "->", eval(t))
    except TypeError as e:
        print(t, "TypeError:", e)
tests = ["round(number=1.5)", "round(number=1.25, ndigits=1)", "round(ndigits=1)", "pow(1, exp=2)", "pow(base=2, exp=3, mod=5)", "pow(exp=2)", "sum(start=1)"]
for t in tests:
    try:
        print(t, "->", eval(t))
    except TypeError as e:
        print(t, "TypeError:", e)
for t in ["pow(1)", "pow()", "round()", "pow(1,2,3,4)", "round(1,2,3)"]:
    try:
        print(t, "->", eval(t))
    except TypeError as e:
        print(t, "TypeError:", e)

# Builtin functions and methods called from Python code, with the caller's
# file and line and the builtin's module; one raises.
import math

def f(xs):
    xs.append(len(xs))
    return math.sqrt(sum(xs))

f([1, 2])
"a,b".split(",")
try:
    divmod(1, 0)
except ZeroDivisionError:
    pass

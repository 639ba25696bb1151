# Calls of a module's functions (LOAD_METHOD finds no unbound method, so
# CALL_METHOD calls what LOAD_ATTR gives) run in-loop like plain calls:
# results, classes made through a module, recursion, and the traceback of
# an error raised several such calls deep.
import sys

mod = type(sys)("helpers")


def add(a, b):
    return a + b


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def depth(n):
    return 0 if n == 0 else 1 + mod.depth(n - 1)


def boom(n):
    if n == 0:
        raise ValueError("deep enough")
    return mod.boom(n - 1)


mod.add = add
mod.Point = Point
mod.depth = depth
mod.boom = boom
mod.bound = Point(1, 2).__init__

total = 0
for i in range(100):
    total = mod.add(total, i)
print(total)
p = mod.Point(3, 4)
print(p.x, p.y, type(p).__name__)
print(mod.depth(200))
mod.bound(7, 8)
print(mod.add("a", "b"), mod.add(*[1, 2]))
try:
    mod.add(1)
except TypeError as e:
    print("TypeError:", e)
mod.boom(3)

# Frames called in-loop are taken back by the next call at their depth:
# nothing of an ended call may show through in the next one.
import gc
import sys


def counter(n):
    total = 0
    for i in range(n):
        total += i
    return total


def other(a, b):
    # Different code at the same depth as `counter`.
    x = a * b
    return x


for i in range(5):
    print(counter(i), other(i, 2), counter(i + 1))


def make_adder(k):
    def add(x):
        return x + k
    return add


# Closures: each call's cells are its own function's.
adders = [make_adder(k) for k in range(4)]
print([a(10) for a in adders])
print([adders[i % 4](i) for i in range(8)])


def unbound_after(flag):
    if flag:
        v = "set"
    return v


# A local bound in one call is unbound in the next.
print(unbound_after(True))
try:
    unbound_after(False)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
print(unbound_after(True))


def raises_in_try(n):
    try:
        if n % 2:
            raise ValueError(n)
        return n
    finally:
        pass


# A call that ends by an exception inside try/finally, then a normal one.
for n in range(4):
    try:
        print("ok", raises_in_try(n))
    except ValueError as e:
        print("ValueError", e)


def returns_in_loop(items):
    for it in items:
        try:
            if it > 1:
                return it
        except KeyError:
            pass
    return None


print(returns_in_loop([0, 1, 2, 3]), returns_in_loop([]), returns_in_loop([5]))


def deep(n):
    return n if n == 0 else deep(n - 1) + 1


# Recursion past the limit, then calls at every depth again.
sys.setrecursionlimit(60)
try:
    deep(100)
except RecursionError as e:
    print("RecursionError:", e)
sys.setrecursionlimit(1000)
print(deep(40), deep(3), counter(3))


class Finalized:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def holds(obj):
    local = obj
    return local.name


# A call's values are released when it returns, not when the slot is reused.
print(holds(Finalized("a")))
print("after a")
print(holds(Finalized("b")), other(1, 1))
print("after b")

# A namespace whose function ran is not kept alive by the ended frame.
g = {}
exec("def f():\n    return 1\n", g)
g["d"] = Finalized("in exec globals")
print(g["f"]())
del g
gc.collect()
print("after collect")


class Node:
    def __init__(self, v, nxt):
        self.v = v
        self.nxt = nxt

    def total(self):
        return self.v + (self.nxt.total() if self.nxt else 0)


# Methods, __init__ and recursion interleaved at the same depths.
n = None
for i in range(6):
    n = Node(i, n)
print(n.total(), Node(7, None).total(), n.nxt.total())

# Built-ins that consume a generator whole (list, tuple, sorted, str.join,
# sum, ...): the same items, errors, states and exception context as
# calling next() item by item.
import sys


def count(n):
    for i in range(n):
        yield i


print(list(count(5)), tuple(count(3)), sorted(x % 3 for x in range(7)))
print(" ".join(str(i) for i in range(4)), "".join(c for c in "abc"))
print(sum(count(10)), sum(x * 0.5 for x in range(5)), sum((x for x in range(4)), 10))
print(sum((x for x in [1, 2.5, 3]), 0.25), sum(x for x in []))

# Past the machine word, and items that need the general addition.
print(sum(x for x in [2**62, 2**62, 2**62, 1]))


class Money:
    def __init__(self, v):
        self.v = v

    def __radd__(self, other):
        print("radd", other)
        return Money(other + self.v)

    def __add__(self, other):
        print("add", other)
        return Money(self.v + (other.v if isinstance(other, Money) else other))

    def __repr__(self):
        return "Money(%r)" % self.v


print(sum(x for x in [1, 2, Money(10), 3, Money(1)]))
print(sum((x for x in [1.5, True, 2]), 1))

# A generator partly consumed, then drained.
g = count(6)
print(next(g), next(g), list(g), list(g), next(g, "done"))

# An error inside: it propagates, and the generator is finished.
def boom(n):
    yield 1
    yield 2
    raise KeyError(n)


g = boom(3)
try:
    list(g)
except KeyError as e:
    print("KeyError", e)
print(list(g))
try:
    sum(boom(4))
except KeyError as e:
    print("KeyError", e)

# StopIteration inside a generator.
def stops():
    yield 1
    raise StopIteration


try:
    list(stops())
except RuntimeError as e:
    print("RuntimeError:", e, "/ cause:", repr(e.__cause__))

# Running, from inside.
def watch():
    yield me.gi_running
    yield me.gi_running


me = watch()
print(list(me), me.gi_running)

def greedy():
    yield 1
    yield list(me2)


me2 = greedy()
try:
    list(me2)
except ValueError as e:
    print("ValueError:", e)

# The handled exception: the consumer's, seen inside, and kept after.
def info():
    yield sys.exc_info()[0]
    try:
        raise OSError("inner")
    except OSError:
        yield sys.exc_info()[0]
    yield sys.exc_info()[0]


try:
    raise ValueError("outer")
except ValueError:
    print([t.__name__ for t in list(info())], sys.exc_info()[0].__name__)
print([t and t.__name__ for t in list(info())], sys.exc_info())

# return values and an empty generator.
def ret():
    if False:
        yield
    return 5


print(list(ret()), sum(ret()), "-".join(ret()))

# Deep recursion inside a consumed generator.
def deep(n):
    return n if n == 0 else deep(n - 1)


def calls():
    yield deep(50)
    yield deep(10**6)


try:
    list(calls())
except RecursionError as e:
    print("RecursionError:", e)

# Generators of generators.
print(list(sum(x for x in range(i)) for i in range(6)))
print(sorted(("".join(s) for s in (("b", "a"), ("a", "c"))), reverse=True))

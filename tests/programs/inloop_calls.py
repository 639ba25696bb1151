# Calls of plain Python functions and methods run in the caller's loop
# (no Rust recursion): returns, exceptions through several such frames,
# locals released at return and at unwinding, the recursion limit, and
# calls from generators, class bodies and __del__.
import sys


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def leaf(x):
    return x * 2


def middle(x):
    y = leaf(x)
    return leaf(y) + 1


def top(x):
    return middle(x) + middle(x + 1)


print(top(3))


def raiser(n):
    # (No Noisy local here: CPython's traceback keeps the frames' locals
    # until the except clause ends, sonde's does not; NOTES.md.)
    if n == 0:
        raise ValueError("bottom")
    return raiser(n - 1)


def catcher():
    keep = Noisy("catcher")
    try:
        raiser(3)
    except ValueError as e:
        print("caught", e)
    print("after catch")
    return "ok"


print(catcher())


def handles_own(n):
    try:
        return 10 // n
    except ZeroDivisionError:
        return -1
    finally:
        print("finally", n)


def calls_handles(n):
    return handles_own(n) + handles_own(n + 1)


print(calls_handles(0))


class Box:
    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v

    def twice(self):
        return self.get() + self.get()

    def bad(self):
        return self.missing


b = Box(21)
print(b.twice())
try:
    b.bad()
except AttributeError as e:
    print("AttributeError:", e)


def result_then_del():
    t = Noisy("temp")
    return "value"


print(result_then_del())
print("end of call")


def rebinding():
    global rebinding

    def other():
        return "other"

    rebinding = other
    return "first"


print(rebinding(), rebinding())


def gen(n):
    for i in range(n):
        yield leaf(i)


print(list(gen(4)))


class Body:
    z = leaf(5)


print(Body.z)


class Finalized:
    def __del__(self):
        print("finalizer calls", leaf(7))


Finalized()

sys.setrecursionlimit(80)


def dive(n):
    return dive(n + 1)


try:
    dive(0)
except RecursionError as e:
    print("RecursionError:", e)
print("still running", top(1))


def mutual_a(n):
    return n if n <= 0 else mutual_b(n - 1)


def mutual_b(n):
    return mutual_a(n - 1)


print(mutual_a(40))


def nested_tb(n):
    if n == 0:
        return 1 / 0
    return nested_tb(n - 1)


def outer_tb():
    return nested_tb(2)


# Bound methods called as values, and classes whose plain __init__ runs
# in-loop.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y


class Point3(Point):
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


p = Point(3, 4)
n2 = p.norm2
print(n2(), Point3(1, 2, 3).z, type(Point3(1, 2, 3)).__name__)
print([Point(i, i).norm2() for i in range(3)])


class BadInit:
    def __init__(self):
        return 42


try:
    BadInit()
except TypeError as e:
    print("TypeError:", e)


class RaisingInit:
    def __init__(self, v):
        if v < 0:
            raise ValueError("negative: %d" % v)
        self.v = v


try:
    RaisingInit(-1)
except ValueError as e:
    print("ValueError:", e)
print(RaisingInit(5).v)


class Reclass:
    def __init__(self):
        self.__class__ = Point
        self.x = self.y = 1


r = Reclass()
print(type(r).__name__, r.norm2())


class Deep:
    def __init__(self, n):
        self.child = Deep(n - 1) if n else None


try:
    Deep(10 ** 6)
except RecursionError as e:
    print("RecursionError:", e)
print(Deep(3).child.child.child.child)


class Counted:
    made = 0

    def __init__(self):
        Counted.made += 1

    def __del__(self):
        print("del Counted")


Counted()
print("made", Counted.made)


def uses_bound(f, n):
    return f(n) + f(n + 1)


class Adder:
    def __init__(self, k):
        self.k = k

    def add(self, n):
        return n + self.k


print(uses_bound(Adder(10).add, 1))
outer_tb()

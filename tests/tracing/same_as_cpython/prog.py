# One program run under sonde and under CPython 3.11 with the same bpftrace
# script: calls of every kind, lines, imports and audit events must match.
import sys
import helper


def plain(a, b=2, *args, **kwargs):
    total = a + b
    for x in args:
        total += x
    return total + len(kwargs)


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

    @property
    def norm1(self):
        return abs(self.x) + abs(self.y)


def gen(n):
    for i in range(n):
        yield i * i
    return "done"


def deco(f):
    def wrapper(*a):
        return f(*a) + 1
    return wrapper


@deco
def decorated(x):
    return x * 2


class Ctx:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return True


def fails(n):
    if n == 0:
        raise ValueError("bottom")
    return fails(n - 1)


plain(1)
plain(1, 2, 3, 4, k=5)
p = Point(1, 2) + Point(3, 4)
print(repr(p), p.norm1)
print(list(gen(3)))
print(sum(x for x in gen(2)))
print([y + 1 for y in range(2)], {k: k for k in "ab"})
print(decorated(5), (lambda z: z * 3)(2))
with Ctx():
    fails(2)
try:
    fails(1)
except ValueError as e:
    print("caught", e)
try:
    import no_such_module_for_sonde
except ImportError:
    print("no module")
import math
sys.audit("app.event", 1, "two", [3.0], None)
print(helper.VALUE, math.sqrt(16))
i = 0
while i < 3:
    i += 1


def control(n):
    out = []
    for i in range(n):
        if i % 2:
            continue
        elif i > 4:
            break
        out.append(
            i
            * 2
        )
    else:
        out.append(-1)
    try:
        out.append(1 // (n - n))
    except ZeroDivisionError:
        out.append("zero")
    finally:
        out.append("finally")
    while True:
        n -= 1
        if n < 3:
            break
    return out


def nested(a):
    def inner(b):
        return a + b
    return inner(1) + (lambda:
                       a)()


def resumes():
    x = yield 1
    while x:
        x = yield x
    try:
        yield "t"
    finally:
        pass


print(control(7), control(2))
print(nested(3))
g = resumes()
print(next(g), g.send(5), g.send(0), next(g, "end"))
g.close()
values = {
    "a": 1,
    "b": [n for n in range(3)
          if n],
}
print(values, sorted(values, key=lambda k: -len(k)))
match values:
    case {"a": 1, **rest}:
        print("matched", rest)
    case _:
        print("no")
assert i == 3, "unreachable"
del values

# Attribute loads whose answers the instruction caches remember: module
# attributes (LOAD_ATTR and module function calls), methods bound by a
# plain attribute load, and int.bit_length's fast form.
import math
import sys

mod = type(sys)("scratch")
mod.x = 1
mod.f = lambda: "f1"


def read(m):
    return m.x


def call(m):
    return m.f()


for i in range(3):
    print(read(mod), call(mod))
mod.x = 2  # same key, new value
mod.f = lambda: "f2"
print(read(mod), call(mod))
mod.y = 5  # new key: the dict's keys change
print(read(mod), call(mod))
del mod.x
try:
    read(mod)
except AttributeError as e:
    print("AttributeError:", e)
mod.x = 3
print(read(mod))

# one site, two modules
other = type(sys)("other")
other.x = "other's"
other.f = lambda: "other f"
for m in (mod, other, mod, other):
    print(read(m), call(m))


# a module __getattr__ answers what the dict lacks
def fallback(name):
    return "fallback for " + name


other.__getattr__ = fallback
del other.x
print(read(other))
print(read(mod))

# a module function called many times through one site
total = 0.0
for i in range(50):
    total += math.sqrt(i)
print(round(total, 6))


class C:
    def m(self):
        return "C.m of " + self.name

    def __init__(self, name):
        self.name = name


class D(C):
    def m(self):
        return "D.m of " + self.name


def bind(o):
    return o.m


c = C("c")
for i in range(3):
    b = bind(c)
    print(b(), b.__self__ is c, b.__func__ is C.m)
c.m = lambda: "instance attribute"
print(bind(c)())
del c.m
print(bind(c)())
for o in (C("a"), D("b"), C("c"), D("d")):
    print(bind(o)())


def new_m(self):
    return "replaced on the class for " + self.name


C.m = new_m
print(bind(C("e"))(), bind(D("f"))())


class P:
    @property
    def m(self):
        return "property"


print(bind(P()))


class G:
    def __getattribute__(self, name):
        return "getattribute " + name

    def m(self):
        return "never"


print(bind(G()))

for n in (0, 1, -1, 255, 256, -256, 2**62, -(2**63), 2**63, -(2**100), True, False):
    print(n, n.bit_length())
try:
    (5).bit_length(1)
except TypeError as e:
    print("TypeError:", e)

# the module type itself
M = type(sys)
m = M("made", "its doc")
print(m, m.__doc__, m.__spec__, m.__loader__, m.__name__)
for bad in ((), (1,)):
    try:
        M(*bad)
    except TypeError as e:
        print("TypeError:", e)

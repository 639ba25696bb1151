# Calling a class straight from the instruction loop: every way the plain
# path (object.__new__, a Python __init__ taking exactly the arguments) must
# give way to the general one, and what it must do itself.


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y


pts = [P(i, -i) for i in range(5)]
print([(p.x, p.y) for p in pts])


# __init__ replaced on the class, then on a base: the next call sees it.
def init2(self, x, y):
    self.x = x * 10
    self.y = y * 10


P.__init__ = init2
print(P(1, 2).x)


class B:
    def __init__(self, a):
        self.a = a


class D(B):
    pass


print(D(3).a)
B.__init__ = lambda self, a: setattr(self, "a", a + 100)
print(D(3).a)


# Wrong argument counts: CPython's messages.
for args in [(), (1, 2, 3)]:
    try:
        P(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    B()
except TypeError as e:
    print("TypeError:", e)


# __init__ returning something.
class R:
    def __init__(self):
        return 5


try:
    R()
except TypeError as e:
    print("TypeError:", e)


# __init__ raising: the exception comes out.
class Boom:
    def __init__(self, v):
        if v:
            raise ValueError("boom %d" % v)


try:
    Boom(1)
except ValueError as e:
    print("ValueError:", e)
print(type(Boom(0)).__name__)


# A __new__ of its own, returning another type: __init__ is skipped.
class N:
    def __new__(cls, v):
        if v < 0:
            return "negative"
        return super().__new__(cls)

    def __init__(self, v):
        self.v = v


print(N(2).v, N(-1))


# A metaclass with __call__.
class Meta(type):
    def __call__(cls, *a):
        print("Meta.__call__", a)
        return super().__call__(*a)


class M(metaclass=Meta):
    def __init__(self, a):
        self.a = a


print(M(7).a)


# Defaults, keyword-only, *args: not the plain path, same results.
class K:
    def __init__(self, a, b=2, *rest, c=3):
        self.t = (a, b, rest, c)


print(K(1).t, K(1, 5, 6, 7).t)


# Subclasses of built-in types and exceptions.
class L(list):
    def __init__(self, n):
        super().__init__(range(n))


class E(Exception):
    def __init__(self, code):
        super().__init__("code", code)
        self.code = code


print(L(3), E(4).args, E(4).code)


# A closure in __init__ (a free variable of the method).
def make():
    k = 42

    class C:
        def __init__(self, v):
            self.v = v + k

    return C


print(make()(1).v)


# __init__ that is not a function: a callable instance, a builtin.
class Init:
    def __call__(self, obj, v):
        obj.v = v * 2


class CI:
    __init__ = Init()


try:
    CI(4)
except TypeError as e:
    print("TypeError:", e)


class S:
    __init__ = print


S("printed by __init__")


# Calling a class with no __init__ at all, and with arguments.
class Bare:
    pass


print(type(Bare()).__name__)
try:
    Bare(1)
except TypeError as e:
    print("TypeError:", e)


class BareChild(Bare):
    pass


class Slotted:
    __slots__ = ("a",)


class ExplicitObjectInit:
    __init__ = object.__init__


b = BareChild()
b.x = 1
print(type(b).__name__, b.x, vars(b), [type(Bare()) is Bare for _ in range(3)])
s = Slotted()
s.a = 3
print(s.a, type(ExplicitObjectInit()).__name__)
try:
    s.b = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    ExplicitObjectInit(2)
except TypeError as e:
    print("TypeError:", e)


# Recursion through __init__.
class Node:
    def __init__(self, depth):
        self.child = Node(depth - 1) if depth else None


n = Node(50)
d = 0
while n.child:
    n = n.child
    d += 1
print(d)


# Built-in types called from CALL: their own __new__, bool's truth test.
class Truth:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        if self.v is None:
            raise RuntimeError("no truth")
        return self.v


class Sized:
    def __len__(self):
        return 3


print(bool(), bool(0), bool([]), bool([0]), bool(""), bool("x"), bool(None), bool(2.5))
print(bool(Truth(True)), bool(Truth(False)), bool(Sized()), bool(Bare()))
for bad in [Truth(None), Truth(1)]:
    try:
        bool(bad)
    except (RuntimeError, TypeError) as e:
        print(type(e).__name__ + ":", e)
try:
    bool(1, 2)
except TypeError as e:
    print("TypeError:", e)
print(int("12"), int(3.9), str(5), tuple([1, 2]), list("ab"), float("1.5"), type(3), type("x", (), {}).__name__)
print(set([1, 1]), frozenset(), dict(a=1), bytes(2), range(3), complex(1, 2))
try:
    int("x")
except ValueError as e:
    print("ValueError:", e)
try:
    object(1)
except TypeError as e:
    print("TypeError:", e)
print(type(object()).__name__)


# Bound methods called from CALL, and calls through a module attribute
# (CALL_METHOD with no unbound method: a function, a class, a bound method).
class Acc:
    def __init__(self):
        self.n = 0

    def add(self, k):
        self.n += k
        return self.n

    @classmethod
    def make(cls, n):
        a = cls()
        a.n = n
        return a


a = Acc()
add = a.add
print(add(2), add(3), a.n)
try:
    add()
except TypeError as e:
    print("TypeError:", e)
try:
    add(1, 2)
except TypeError as e:
    print("TypeError:", e)
mk = Acc.make
print(mk(9).n, type(mk(1)).__name__)
app = [].append
app(1)
import math
import random
import collections

random.seed(3)
print(math.sqrt(16.0), random.choice([10, 20, 30]), random.randrange(100), collections.OrderedDict(a=1))
try:
    random.choice()
except TypeError as e:
    print("TypeError:", e)

# Every instruction that can run Python code, each on a line of its own
# tagged with the instruction's name: tests/tracing.rs checks that the tagged
# line holds that instruction (sonde --dis) and that a Python function is
# entered while the line runs.
import sys


class D:
    def __del__(self):
        pass


class O:
    def __neg__(self):
        return self

    def __add__(self, o):
        return self

    def __iadd__(self, o):
        return self

    def __lt__(self, o):
        return True

    def __eq__(self, o):
        return True

    def __hash__(self):
        return 1

    def __contains__(self, o):
        return True

    def __getitem__(self, k):
        return 1

    def __setitem__(self, k, v):
        pass

    def __delitem__(self, k):
        pass

    def __iter__(self):
        return iter([1, 2])

    def __format__(self, spec):
        return "o"

    def __bool__(self):
        return True

    def __len__(self):
        return 2

    def __enter__(self):
        return self

    def __exit__(self, *a):
        return True

    def __getattr__(self, name):
        return 1

    def __setattr__(self, name, v):
        pass

    def __delattr__(self, name):
        pass

    def keys(self):
        return ["k"]

    def __call__(self, *a, **k):
        return self

    def method(self):
        return 1


class K:
    def __hash__(self):
        return hash("k")

    def __eq__(self, other):
        return self is other


class L(list):
    def __len__(self):
        return 2


class Err(Exception):
    def __init__(self):
        pass


class Meta(type):
    def __instancecheck__(cls, inst):
        return True


class P(metaclass=Meta):
    __match_args__ = ("a",)


o = O()
d = D()


def fast():
    x = D()
    x = 1  # StoreFast
    y = D()
    del y  # DeleteFast


def deref():
    c = D()

    def inner():
        return c

    c = 1  # StoreDeref
    c = D()
    del c  # DeleteDeref
    return inner


def glob():
    global d
    d = 1  # StoreGlobal
    d = D()
    del d  # DeleteGlobal


def gen():
    yield 1  # YieldValue


def gen2():
    yield from o  # GetYieldFromIter YieldFrom


def loopy():
    for x in o:  # ForIter
        pass


def loadglobal():
    return o.method  # LoadGlobal


def ret():
    return o  # ReturnValue


fast()
loopy()
loadglobal()
deref()
glob()
o.a  # LoadAttr
o.a = 1  # StoreAttr
del o.a  # DeleteAttr
o.method()  # LoadMethod
o.method()  # CallMethod
D()  # Pop
-o  # UnaryOp
o + o  # BinaryOp
v = o
v += o  # InplaceOp
o < o  # CompareOp
1 in o  # ContainsOp
o[1]  # BinarySubscr
o[1] = 2  # StoreSubscr
del o[1]  # DeleteSubscr
{o}  # BuildSet
{o: 1}  # BuildMap
{x for x in [o]}  # SetAdd
{x: 1 for x in [o]}  # MapAdd
[*o]  # ListExtend
{*o}  # SetUpdate
{**o}  # DictUpdate
dict(**o)  # DictMerge
a, b = o  # UnpackSequence
a, *b = o  # UnpackEx
f"{o}"  # FormatValue
if o: pass  # PopJumpIfFalse
if not o: pass  # PopJumpIfTrue
o and 1  # JumpIfFalseOrPop
o or 1  # JumpIfTrueOrPop
[x for x in o]  # GetIter
for x in gen(): pass  # ForIter
o()  # Call
o(k=1)  # CallKw
o(*[1])  # CallEx
ret()
list(gen())
list(gen2())
with o:  # SetupWith CallExitNone
    pass
with o:  # WithExceptStart
    raise ValueError
try:
    raise Err  # RaiseVarargs
except Err:
    pass
import covmod  # ImportName
from covstar import *  # ImportStar
from covmod import later  # ImportFrom
match o:
    case P(a=1):  # MatchInstance MatchAttr
        pass
match o:
    case P(1):  # MatchPos
        pass
match L([1, 2]):
    case [1, 2]:  # GetLen
        pass
match {K(): 1, "k": 1}:
    case {"k": 1, **rest}:  # CopyDictWithoutKeys
        rest = 1

# Attribute loads, stores and method calls through the same instructions
# while classes change under them: every change must be seen at once.

class A:
    def __init__(self, v):
        self.v = v
    def m(self):
        return "A.m"

def load(o):
    return o.v

def store(o, x):
    o.v = x

def call(o):
    return o.m()

a = A(1)
print(load(a), load(a), call(a), call(a))

# A property of the same name on the class now wins over the instance dict.
A.v = property(lambda self: "property")
print(load(a))
del A.v
print(load(a))

# A data descriptor with a setter takes over stores.
log = []
A.v = property(lambda self: "got", lambda self, x: log.append(x))
store(a, 5)
print(load(a), log, a.__dict__)
del A.v
store(a, 6)
print(load(a), a.__dict__)

# The instance dict shadows a method; then the class's method changes.
a.m = lambda: "instance m"
print(call(a))
del a.m
A.m = lambda self: "new A.m"
print(call(a))

# __getattribute__ and __setattr__ added to the class afterwards.
A.__getattribute__ = lambda self, name: "intercepted " + name
print(load(a))
del A.__getattribute__
print(load(a))
A.__setattr__ = lambda self, name, x: log.append((name, x))
store(a, 7)
print(load(a), log)
del A.__setattr__

# __class__ reassigned between classes that differ in the name.
class B:
    v = "B.v class attribute"
    def m(self):
        return "B.m"

b = B()
print(load(b), call(b))
a.__class__ = B
print(load(a), call(a))
a.__class__ = A
print(load(a), call(a))

# One site, several classes in turn (some with the name in the class).
objs = [A(10), B(), A(11), B()]
print([load(o) for o in objs * 2])
print([call(o) for o in objs])

# Classes made and dropped in a loop: a new class may reuse a dead one's
# address, and must not inherit its cached answers.
def make(i):
    if i % 2:
        class C:
            def __init__(self):
                self.v = i
            def m(self):
                return "odd"
    else:
        class C:
            v = "even class attribute"
            def m(self):
                return "even"
    return C()

print([(load(make(i)), call(make(i))) for i in range(6)])

# __slots__: a slot stored, then a name the slots forbid.
class S:
    __slots__ = ("v",)
    def m(self):
        return "S.m"

s = S()
store(s, 1)
print(load(s), call(s))
try:
    s.w = 2
except AttributeError as e:
    print("AttributeError:", e)

# __getattr__ answers only what the dict lacks.
class G:
    def __getattr__(self, name):
        return "getattr " + name

g = G()
print(load(g))
g.v = "dict v"
print(load(g))
del g.v
print(load(g))

# A method replaced by a non-function attribute on the class.
class H:
    def m(self):
        return "H.m"

h = H()
print(call(h))
H.m = staticmethod(lambda: "static H.m")
print(call(h))
H.m = classmethod(lambda cls: "class " + cls.__name__)
print(call(h))

# More classes at one site than it keeps answers for, in turn.
def make_class(i):
    class T:
        def __init__(self):
            self.v = i
        def m(self):
            return -i
    return T

ts = [make_class(i)() for i in range(6)]
print([load(t) for t in ts * 3])
print([call(t) for t in ts * 2])
for t in ts:
    store(t, t.v * 10)
print([load(t) for t in ts])
type(ts[2]).m = lambda self: "replaced"
print([call(t) for t in ts])

# Instances of one class whose attributes sit in different dict positions.
class P:
    pass

p1, p2, p3 = P(), P(), P()
p1.v, p1.w = "p1v", "p1w"
p2.w, p2.v = "p2w", "p2v"
p3.v = "p3v"
print([load(p) for p in (p1, p2, p3, p1, p2, p3)])
for p in (p2, p1, p3):
    store(p, p.v + "!")
print([load(p) for p in (p1, p2, p3)])
del p1.v
p1.__dict__["v"] = "through __dict__"
print(load(p1), list(p1.__dict__))
p2.__dict__.clear()
p2.v = "after clear"
print(load(p2), load(p1), load(p3))

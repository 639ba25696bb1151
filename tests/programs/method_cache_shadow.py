# LOAD_METHOD's cached hit: the instance dict may shadow the class's
# function at any time; keys that are str subclass instances count too.
class A:
    def m(self): return "class"
    def n(self): return "n"
a = A()
out = []
for i in range(6):
    if i == 2:
        a.m = lambda: "instance"
    if i == 4:
        del a.m
    out.append(a.m())
print(out)

# Many attributes, so most hash bits are set, none of them named m.
b = A()
for k in range(100):
    setattr(b, "x%d" % k, k)
print([b.m() for _ in range(3)], b.n())

class S(str): pass
c = A()
c.__dict__[S("m")] = lambda: "strsub"
print(c.m())
def f(o): return o.m()
print([f(o) for o in (a, b, c, A())])
c.__dict__[S("x")] = 5
print(c.x, getattr(c, "x"), hasattr(c, "y"))

class B(A):
    def m(self): return "B"
print([f(o) for o in (A(), B(), A(), B())])
A.m = lambda self: "patched"
print([f(o) for o in (A(), B(), a)])

# A str subclass key in the module's namespace.
globals()[S("g")] = "global via subclass key"
print(g)
def read_g(): return g
print(read_g())

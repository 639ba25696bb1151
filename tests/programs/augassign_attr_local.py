# a.x op= v on a function's local a: loaded again for the store (fused),
# unless v could rebind a (a walrus). Same objects, same order of calls,
# same errors and tracebacks as CPython.
class A:
    def __init__(self): self.x = 1; self.l = [1]
def f(a, b):
    a.x += 1
    a.x *= b.x + 2
    a.l += [a.x]
    a.x += (a := b).x
    print(a is b, a.x, b.x)
    return a
a = A(); b = A(); b.x = 10
f(a, b); print(a.x, a.l)
def g(a):
    a.y += 1
try:
    g(A())
except AttributeError as e:
    print("AttributeError:", e)
def h(a):
    del a
    a.x += 1
try:
    h(A())
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
class P:
    def __init__(self): self._v = 0; self.log = []
    @property
    def v(self): self.log.append("get"); return self._v
    @v.setter
    def v(self, val): self.log.append("set"); self._v = val
def k(p):
    p.v += 5
    p.v -= p.v
    return p.log
print(k(P()))
class Q:
    @property
    def v(self): return 1
def last(q):
    n = 0
    n += 1
    q.v += n
last(Q())

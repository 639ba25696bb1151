# The cycle collector: what gc.collect() finds and returns, finalizers in
# cycles (PEP 442), resurrection, callbacks, thresholds and counts.
import gc

gc.collect()
print(gc.get_threshold(), gc.isenabled(), gc.garbage, gc.callbacks)

l = []
l.append(l)
del l
print("list self", gc.collect())


class A:
    pass


a = A()
a.me = a
del a
print("instance self", gc.collect())
a = A()
b = A()
a.b = b
b.a = a
del a, b
print("instance pair", gc.collect())
d = {}
d["d"] = d
del d
print("dict self", gc.collect())


def f():
    def g():
        return g
    return g


h = f()
del h
print("closure", gc.collect())
t = ([],)
t[0].append(t)
del t
print("tuple", gc.collect())
s = A()
s.l = [s, (s,), {"k": s}]
del s
print("mixed", gc.collect())
x = [1, 2, (3, 4)]
print("nothing", gc.collect(), x)


class Button:
    def click(self):
        return "clicked"


btn = Button()
btn.on_click = btn.click
print(btn.on_click())
del btn
print("bound method", gc.collect(), gc.is_tracked(Button().click))


class D:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del D", self.n)


x = D(1)
y = D(2)
x.y = y
y.x = x
del x, y
print("finalized pair", gc.collect())

keep = []


class R:
    def __del__(self):
        keep.append(self)
        print("resurrect", gc.is_finalized(self))


r = R()
r.r = r
del r
print("resurrected", gc.collect(), len(keep))
keep.clear()
print("second time", gc.collect())


def gen(box):
    try:
        yield 1
        yield 2
    finally:
        print("generator closed", len(box))


box = []
g = gen(box)
box.append(g)
next(g)
del g, box
print("generator cycle", gc.collect())

print(gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked([]), gc.is_tracked({}),
      gc.is_tracked({"a": []}), gc.is_tracked((1, 2)), gc.is_tracked(([],)),
      gc.is_tracked(A()), gc.is_tracked(A), gc.is_tracked(f), gc.is_tracked(set()))


def cb(phase, info):
    print(phase, sorted(info.items()))


gc.callbacks.append(cb)
l = []
l.append(l)
del l
print(gc.collect(1))
gc.callbacks.remove(cb)

gc.set_threshold(100, 5, 5)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
gc.collect()
print(gc.get_count())
print(gc.get_referents([1, "a", []]), gc.get_referents((None, 2.5)))
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
try:
    gc.collect(3)
except ValueError as e:
    print("ValueError:", e)
try:
    gc.get_objects(generation=5)
except ValueError as e:
    print("ValueError:", e)
marker = ["marker"]
print(any(o is marker for o in gc.get_objects()))
print(any(o is marker for o in gc.get_referrers("marker")) or marker in gc.get_referrers("marker"))
container = [marker]
print([r is container for r in gc.get_referrers(marker) if isinstance(r, list)])

# A cycle left at exit is collected then, with its finalizer.
z = D("at exit")
z.z = z
del z
print("end")

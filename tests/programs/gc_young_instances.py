# Young instances: tracked from birth, counted while alive, found by the
# collector in cycles, listed by gc.get_objects, frozen by gc.freeze.
import gc

gc.disable()
gc.collect()


class C:
    pass


class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


base = gc.get_count()[0]
keep = [C() for _ in range(10)]
print("ten alive:", gc.get_count()[0] - base >= 10)
c = C()
print("tracked:", gc.is_tracked(c))
print("listed:", any(o is c for o in gc.get_objects()))
print("listed in gen 0:", any(o is c for o in gc.get_objects(0)))
del c
before = gc.get_count()[0]
keep = None
print("deaths counted:", gc.get_count()[0] < before)

# A cycle of instances, found and finalized in the order they were made.
a = D("a")
b = D("b")
a.other = b
b.other = a
del a, b
print("found:", gc.collect())

# Instances made between other containers, in one cycle.
x = D("x")
lst = [x]
y = D("y")
x.lst = lst
lst.append(y)
y.x = x
del x, lst, y
print("found:", gc.collect())

# Survivors move up; a survivor dying later frees normally.
old = D("old")
gc.collect()
print("old is listed in gen 1 or 2:", any(o is old for o in gc.get_objects(1) + gc.get_objects(2)))
del old
print("after old")

# A finalizer that makes instances while the collector runs.
made = []


class Maker:
    def __del__(self):
        made.append(C())
        made.append(D("made"))
        print("maker finalized")


m = Maker()
m.self = m
del m
print("found:", gc.collect())
print(len(made), [type(o).__name__ for o in made])
made.clear()

# Freeze takes the young instances along.
f = C()
gc.freeze()
print("frozen:", gc.get_freeze_count() > 0, any(o is f for o in gc.get_objects()))
gc.unfreeze()
print("unfrozen:", any(o is f for o in gc.get_objects()))

# Many young instances with automatic collection on.
gc.enable()
class Node:
    def __init__(self, parent):
        self.parent = parent
        self.kids = []
        if parent is not None:
            parent.kids.append(self)

for r in range(300):
    root = Node(None)
    for i in range(10):
        Node(root)
print("done", gc.collect() >= 0)

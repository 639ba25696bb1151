# An instance's attributes live inside it until `__dict__` is asked for;
# then the dict object and the instance share them, whichever writes.
class A:
    def __init__(self):
        self.x = 1


def read_x(o):
    return o.x


a = A()
for _ in range(3):
    read_x(a)            # the attribute cache is warm before the move
d = a.__dict__
print(d, vars(a) is d, a.__dict__ is d)
d["x"] = 10
d["y"] = 2
print(read_x(a), a.y)
a.z = 3
del a.x
print(d, sorted(dir(a))[-2:])
try:
    a.x
except AttributeError as e:
    print("AttributeError:", e)
d.clear()
print(vars(a), hasattr(a, "y"))

# Instances made before and after one of them shared its dict.
xs = [A() for _ in range(4)]
shared = xs[2].__dict__
for i, o in enumerate(xs):
    o.x = i
print([o.x for o in xs], shared)

# A dict that outlives its instance keeps its entries.
def keep():
    o = A()
    o.w = "kept"
    return o.__dict__

print(keep())

# __del__ sees the attributes, shared or not.
class D:
    def __del__(self):
        print("del", self.v, self.__dict__)

o = D()
o.v = 1
del o
o = D()
o.v = 2
held = o.__dict__
del o
print("held", held)
held["v"] = 3

# copy and vars() go through the shared dict too.
import copy
b = A()
b.y = [1]
c = copy.copy(b)
print(vars(c), c.y is b.y)

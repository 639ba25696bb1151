class Point:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = Point(1, 2)
p.x = 10
print(p.x, p.y)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
class Point3(Point):
    __slots__ = ("z",)
q = Point3(1, 2)
q.z = 3
print(q.x, q.z)
try:
    q.w = 4
except AttributeError as e:
    print("AttributeError:", e)
class Loose(Point):
    pass
l = Loose(0, 0)
l.anything = "fine"
print(l.anything)
class WithDict:
    __slots__ = ("a", "__dict__")
w = WithDict()
w.b = 2
print(w.b)
from string import Template
t = Template("Hello $name, you owe $$${amount}!")
print(t.substitute(name="Ann", amount=12), t.safe_substitute(name="Bo"), Template("${x}y").substitute({"x": 1}))
try:
    t.substitute(name="x")
except KeyError as e:
    print("KeyError:", e)

from dataclasses import dataclass, field, asdict, astuple, replace, fields
@dataclass
class Point:
    x: int
    y: int = 0
p = Point(1)
print(p, Point(1, 2) == Point(1, 2), p != Point(2), asdict(p), astuple(p))
@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
print(sorted([Version(1, 2), Version(0, 9), Version(1, 0)]), Version(1) < Version(1, 1), hash(Version(1)) == hash(Version(1)))
try:
    Version(1).major = 2
except Exception as e:
    print(type(e).__name__, e)
@dataclass
class Inventory:
    items: list = field(default_factory=list)
    owner: str = "nobody"
    def add(self, x):
        self.items.append(x)
        return self
inv = Inventory()
inv.add("apple").add("pear")
print(inv, Inventory(), replace(inv, owner="me"))
print([f.name for f in fields(Inventory)])
@dataclass
class Child(Point):
    z: int = 9
print(Child(1, 2, 3), Child(5))
try:
    Point()
except TypeError as e:
    print("TypeError:", e)
@dataclass
class WithPost:
    a: int
    b: int = field(init=False)
    def __post_init__(self):
        self.b = self.a * 2
print(WithPost(4))

class P:
    def __init__(self, x):
        self.x = x
    def __eq__(self, other):
        return isinstance(other, P) and self.x == other.x
p1, p2 = P(1), P(1)
print(p1 == p2, p1 != p2, p1 is p2)
try:
    {p1}
except TypeError as e:
    print("TypeError:", e)
class H(P):
    def __hash__(self):
        return hash(self.x)
print(len({H(1), H(1), H(2)}), H(1) in {H(1)})
class Plain:
    pass
a, b = Plain(), Plain()
print(a == a, a == b, a != b, len({a, b, a}))
class AlwaysEq:
    def __eq__(self, other):
        return True
    __hash__ = object.__hash__
print(AlwaysEq() == 5, 5 == AlwaysEq(), AlwaysEq() in [1, 2])
class NE:
    def __eq__(self, o):
        return NotImplemented
print(NE() == NE(), NE() != 1)
class Ord:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
    def __repr__(self):
        return f"Ord({self.v})"
print(Ord(1) < Ord(2), Ord(2) > Ord(1), sorted([Ord(3), Ord(1)]), max([Ord(5), Ord(9)]))
try:
    Ord(1) <= Ord(2)
except TypeError as e:
    print("TypeError:", e)

# Dicts of up to 8 keys are scanned; past that they are indexed. Both forms
# must agree on order, equality of mixed numeric keys, deletion, popitem,
# copies and keys whose __eq__ / __hash__ are Python code.

def show(d):
    print(len(d), list(d.items()))

d = {}
for i in range(12):
    d[f"k{i}"] = i
    if i in (0, 7, 8, 11):
        show(d)

# Deleting shifts later positions down, in both forms.
small = {"a": 1, "b": 2, "c": 3, "d": 4}
del small["b"]
small["b"] = 5
show(small)
del d["k3"]
del d["k0"]
d["k3"] = "back"
show(d)
print(d["k11"], d.get("k0"), "k3" in d, "k0" in d)
for k in ["k1", "k2", "k4", "k5", "k6", "k7", "k8"]:
    del d[k]
show(d)
d["new"] = 1
show(d)

# 1, 1.0 and True are the same key; the first key object stays.
m = {1: "int"}
m[1.0] = "float"
m[True] = "bool"
show(m)
big = {i: i for i in range(20)}
big[1.0] = "float"
big[True] = "bool"
print(big[1], list(big)[:3], len(big))

# popitem takes the last entry; clear and reuse.
p = {i: str(i) for i in range(10)}
print(p.popitem(), p.popitem(), len(p))
while p:
    p.popitem()
p["x"] = 1
show(p)

# Copies are independent, in both forms.
for n in (3, 15):
    a = {i: i * i for i in range(n)}
    b = a.copy()
    b[0] = "changed"
    del b[1]
    b["extra"] = True
    print(a[0], 1 in a, "extra" in a, len(a), len(b), list(b)[:3])


class Odd:
    """Equal when the value is, hashing only its parity: many collisions."""

    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return self.v % 2

    def __eq__(self, other):
        return isinstance(other, Odd) and other.v == self.v

    def __repr__(self):
        return f"Odd({self.v})"


for n in (5, 30):
    o = {Odd(i): i for i in range(n)}
    o[Odd(3)] = "three"
    del o[Odd(2)]
    print(len(o), o[Odd(3)], Odd(2) in o, Odd(4) in o, list(o)[:4])

# Instance dicts grow past the small form through attribute stores.
class Many:
    pass

obj = Many()
for i in range(12):
    setattr(obj, f"a{i}", i)
print(obj.a0, obj.a11, list(vars(obj))[-3:])
del obj.a5
print(hasattr(obj, "a5"), obj.a6, len(vars(obj)))

# Equality between dicts of either form ignores order.
x = {i: i for i in range(10)}
y = dict(reversed(list(x.items())))
print(x == y, {1: 2, 3: 4} == {3: 4, 1: 2}, x == {**x, 99: 0})
print({**{"a": 1}, **{i: i for i in range(9)}, "a": 2})

class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
    def __str__(self):
        return f"<{self.x}, {self.y}>"
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    def __rmul__(self, k):
        return self * k
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __eq__(self, o):
        return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __bool__(self):
        return bool(self.x or self.y)
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __iter__(self):
        yield self.x
        yield self.y
    def __contains__(self, v):
        return v in (self.x, self.y)
    def __lt__(self, o):
        return abs(self) < abs(o)
    def __call__(self, s):
        return Vec(self.x * s, self.y * s)
a, b = Vec(1, 2), Vec(3, 4)
print(a + b, a - b, a * 3, 2 * a, -a, abs(b))
print(repr(a), str(a), [a, b], f"{a}")
print(a == Vec(1, 2), a != b, a == 5, len(a), a[0], a[-1], list(a), 2 in a, 9 in a)
print(bool(Vec(0, 0)), bool(a), sorted([b, a]), max(a, b), {a: 1}[Vec(1, 2)])
print(a(10), hash(a) == hash(Vec(1, 2)))
x, y = b
print(x, y)
class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, v):
        self.items.append(v)
        return self
acc = Acc()
acc += 1
acc += 2
print(acc.items)
class Cmp:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __le__(self, o): return self.v <= o.v
    def __gt__(self, o): return self.v > o.v
    def __ge__(self, o): return self.v >= o.v
    def __repr__(self): return f"C{self.v}"
print(Cmp(1) < Cmp(2), Cmp(1) > Cmp(2), Cmp(3) >= Cmp(3), sorted([Cmp(3), Cmp(1), Cmp(2)]))
class Store:
    def __init__(self):
        self.d = {}
    def __setitem__(self, k, v):
        print("set", k, v)
        self.d[k] = v
    def __getitem__(self, k):
        return self.d[k]
    def __delitem__(self, k):
        print("del", k)
        del self.d[k]
st = Store()
st["a"] = 1
print(st["a"])
del st["a"]
class Ctx:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, et, ev, tb):
        print("exit", et.__name__ if et else None, ev)
        return True
with Ctx() as c:
    print("inside", type(c).__name__)
    raise KeyError("suppressed")
print("after")
class Dyn:
    def __getattr__(self, name):
        return f"dyn_{name}"
    def __setattr__(self, name, value):
        print("setattr", name, value)
        object.__setattr__(self, name, value)
dd = Dyn()
print(dd.foo)
dd.bar = 3
print(dd.bar)
class Rev:
    def __radd__(self, o):
        return f"radd {o}"
    def __rsub__(self, o):
        return f"rsub {o}"
print(1 + Rev(), 5 - Rev(), sum([Rev()], 0) if False else "skip")
class Num:
    def __init__(self, v): self.v = v
    def __int__(self): return int(self.v)
    def __float__(self): return float(self.v)
    def __index__(self): return int(self.v)
    def __format__(self, spec): return f"Num[{self.v:{spec}}]"
print(int(Num(3.7)), float(Num(2)), [10, 20, 30][Num(1)], f"{Num(2.5):.2f}", hex(Num(255)))

# LOAD_ATTR of a built-in method found on a user class (random.Random's
# getrandbits and random): bound on every load, shadowed by the instance
# dict, replaced on the class, and the state read back after changes.
import random

r = random.Random(5)
g = r.getrandbits
print(g(8), r.getrandbits(8), g.__name__)
print(g == r.getrandbits, g is r.getrandbits)


class R(random.Random):
    pass


s = R(5)
vals = []
for i in range(6):
    f = s.getrandbits  # the same site sees the bound method each time
    vals.append(f(8))
    if i == 2:
        s.getrandbits = lambda k: -k  # the instance dict shadows it
    if i == 4:
        del s.getrandbits
print(vals)
R.getrandbits = lambda self, k: 1000 + k
print([s.getrandbits(3) for _ in range(2)])
del R.getrandbits
print(s.getrandbits(8), s.random() < 1.0)
t = random.Random(5)
t.setstate(r.getstate())
print(t.getrandbits(16) == r.getrandbits(16))


# Bound methods compare and hash by the object's identity and the function.
class A:
    def f(self):
        pass


a, b = A(), A()
lst = []
print(a.f == a.f, a.f != a.f, a.f == b.f, lst.append == lst.append, [].append == [].append)
print(hash(a.f) == hash(a.f), hash(lst.append) == hash(lst.append), {a.f: 1}[a.f], {lst.append: 2}[lst.append])
print(r.random == r.random, r.random == t.random, len({a.f, a.f, b.f}))

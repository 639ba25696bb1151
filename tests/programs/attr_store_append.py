# STORE_ATTR's cached append: one site meets instance dicts of different
# shapes (the name absent, present elsewhere, deleted, shadowed by a
# later key), and __del__ runs (or not) as instances die.
class A:
    pass


def setx(o, v):
    o.x = v


a = A()
a.y = 1
setx(a, 10)  # caches x at position 1
b = A()
setx(b, 20)  # position 1 is past the end: x goes at 0
c = A()
c.y = 1
c.z = 2
setx(c, 30)  # position 1 holds z
d = A()
d.x = 0
d.y = 1
setx(d, 40)  # x exists at 0, position 1 is y
e = A()
e.y = 1
setx(e, 50)  # appended at the cached position
e.x = 51
del e.y
setx(e, 52)  # x moved down to 0
f = A()
f.y = 1
f.w = 2
del f.w
setx(f, 60)
for o in (a, b, c, d, e, f):
    print(vars(o))


class B:
    def __init__(self, n):
        self.n = n
        self.m = n * 2

    def __del__(self):
        print("del", self.n, self.m)


for i in range(3):
    B(i)
B.__del__ = lambda self: print("new del", self.n)
B(7)
del B.__del__
B(8)
print("no del for 8")


class C:
    __slots__ = ("p", "q")

    def __init__(self, p):
        self.p = p
        self.q = p + 1


cs = [C(i) for i in range(3)]
print([(o.p, o.q) for o in cs])
try:
    cs[0].r = 1
except AttributeError as exc:
    print("AttributeError:", exc)

# list[int] and tuple[int], read and written, at the edges of their ranges.
xs = [10, 20, 30]
t = (1, 2, 3)
print(xs[0], xs[-1], xs[-3], t[0], t[-1], t[-3])
xs[-1] = 33
xs[0] += 1
print(xs)
for bad in (3, -4, 10**20):
    for what, f in (("get", lambda: xs[bad]), ("tuple", lambda: t[bad])):
        try:
            f()
        except IndexError as e:
            print(what, bad, "IndexError:", e)
    try:
        xs[bad] = 0
    except IndexError as e:
        print("set", bad, "IndexError:", e)
print(xs[True], t[False])
xs[True] = "bool index"
print(xs)

class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name, "while the list holds", len(holder))

holder = [D("first"), D("second")]
holder[0] = "replaced"
holder[-1] = "replaced too"
print(holder)

class L(list):
    def __getitem__(self, i):
        return ("L", i)

print(L([1, 2])[0])
# The list changed while it is being iterated over.
ys = [1, 2, 3]
for i, y in enumerate(ys):
    ys[-1 - i] = y * 10
print(ys)

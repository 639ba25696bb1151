# `o[k] op= v`: list items at int indexes (the fused fast path), and
# everything that must still go the general way: other containers,
# overflowing ints, other operand types, classes with their own
# __getitem__/__setitem__/__iadd__, and errors at each step.
v = [1, 2.5, 3, 9223372036854775807, "s", [0]]
v[0] += 10
v[1] *= 2
v[-4] -= 1
v[2] //= 2
v[3] += 1  # overflows i64: a big int
v[4] += "t"
v[5] += [1]
v[0] ^= 3
v[1] /= 4
print(v)
t = (1, 2)
d = {"a": 1, 3: 2.0}
d["a"] += 1
d[3] *= 1.5
print(d)


class Box:
    def __init__(self):
        self.items = {}

    def __getitem__(self, k):
        print("get", k)
        return self.items.get(k, 0)

    def __setitem__(self, k, val):
        print("set", k, val)
        self.items[k] = val


b = Box()
b[1] += 5
b[1] -= 2


class Acc:
    def __init__(self, n):
        self.n = n

    def __iadd__(self, o):
        self.n += o
        return self

    def __repr__(self):
        return "Acc(%d)" % self.n


accs = [Acc(1)]
accs[0] += 4
print(accs, b.items)
m = [[1, 2], [3, 4]]
for i in range(2):
    for j in range(2):
        m[i][j] *= m[j][i] + (1 if i == j else -1)
print(m)


def f(seq, i, x):
    seq[i] += x


for args in ([[1], 5, 1], [(1, 2), 0, 1], [[1], 0, "x"], [[None], 0, 1], [{}, "k", 1]):
    try:
        f(*args)
    except Exception as e:
        print(type(e).__name__, e)
    print(args)
f(v, 0, 1.5)
print(v[0])
f(v, 2, 1)
print(v)
for op in ("+=", "-=", "*=", "/=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=", "^=", "@="):
    for x, y in ((1, "s"), (None, 2), ([1], 2.5), ("a", 1)):
        try:
            exec("x " + op + " y", {"x": x, "y": y})
        except TypeError as e:
            print(op, e)

# Sorting keys that compare without Python code: records (tuples of
# numbers and strs), mixed ints, bools and floats, and the cases that must
# fall back to Python's comparison (NaN, mixed types, nested tuples,
# user classes), in place and with key=, reverse= and stability.

recs = [(i * 37 % 11, "n%d" % (i % 4), i % 5 / 2) for i in range(30)]
print(sorted(recs)[:6])
print(sorted(recs, reverse=True)[:6])
print(sorted(recs, key=lambda r: (r[1], -r[0]))[:6])
print(sorted(recs, key=lambda r: (r[2], r[1]), reverse=True)[:6])

# Stability: equal keys keep their order, forwards and reversed.
pairs = [(i % 3, "x") for i in range(9)]
tagged = [(k, s, n) for n, (k, s) in enumerate(pairs)]
print(sorted(tagged, key=lambda t: (t[0], t[1])))
print(sorted(tagged, key=lambda t: (t[0], t[1]), reverse=True))

# Numbers of mixed kinds in one column, and tuples of different lengths.
print(sorted([(1, "b"), (True, "a"), (0.5, "c"), (1.0, "a"), (False,), (1,)]))
print(sorted([3, 1.5, True, 2, 0.25, False, -7]))
print(sorted([(2**62, 1), (2.0**62, 0), (-(2**63), 2)]))

# Not simple: fall back, and agree with CPython.
nan = float("nan")
print(sorted([(1, 2.0), (0, nan), (1, 1.0), (0, 3.0)]))
print(sorted([3.0, nan, 1.0, 2.0]))
print(sorted([((2, 1), "a"), ((1, 5), "b"), ((1, 2), "c")]))
print(sorted([(2**70, "a"), (3, "b"), (2**65, "c")]))
try:
    sorted([(1, "a"), (1, 2)])
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([(1, "a"), ("b", "a")])
except TypeError as e:
    print("TypeError:", e)

class K:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v < other.v
    def __repr__(self):
        return "K(%d)" % self.v

print(sorted([(1, K(3)), (0, K(9)), (1, K(1))]))

# list.sort in place, same paths.
rows = [("b", 2, 0.5), ("a", 3, 1.5), ("b", 1, 2.5), ("a", 3, 0.5)]
rows.sort()
print(rows)
rows.sort(key=lambda r: (r[2], r[0]), reverse=True)
print(rows)

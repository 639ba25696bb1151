# sorted() and list.sort() over keys of the built-in kinds: the result and
# its stability must be Python's, and incomparable keys must raise.
print(sorted([3, 1.5, True, -2, 0.0, False, 2**70, -2**70, 1]))
print(sorted([(1, "b"), (1, "a"), (0, "z"), (1,), (1, "a", 0), ()]))
print(sorted(["é", "e", "z", "É", "a", "ß", "", "aa", "\U0001f600"]))
print(sorted([(1.0, "x"), (1, "w"), (True, "v")]))
pairs = [("b", 2), ("a", 2), ("c", 1), ("d", 1), ("e", 2)]
print(sorted(pairs, key=lambda p: p[1]))
print(sorted(pairs, key=lambda p: p[1], reverse=True))
print(sorted(pairs, key=lambda p: (p[1], p[0]), reverse=True))
nan = float("nan")
print(sorted([(2, 1), (1, nan), (1, 0)]))
print(sorted([3.0, 1.0, 2.0, float("inf"), float("-inf")]))
for bad in ([1, "a"], [(1, "a"), (1, 2)], [(1,), 1], [None, None]):
    try:
        print(sorted(bad))
    except TypeError as e:
        print("TypeError:", e)

class K:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v > other.v
    def __repr__(self):
        return "K(%r)" % self.v

print(sorted([(1, K(1)), (1, K(2)), (0, K(3))]))
xs = [5, 3, 5.0, 3.0, 4]
xs.sort()
print(xs, [type(x).__name__ for x in xs])

print(max([3, 1, 4]), max(3, 1, 4), max("hello"), max([(1, "b"), (1, "a")]), max([], default=None))
print(min([3, 1, 4]), min("bca"), min([[2], [1, 5]]), min(range(5, 10)), min({3: "a", 1: "b"}))
print(max([1, 5, 3], key=lambda x: -x), min(["aaa", "b", "cc"], key=len), max("ab", "abc", key=len))
print(sum([1, 2, 3]), sum([1.5, 2.5]), sum([[1], [2]], []), sum(range(101)), sum([], 5), sum((x for x in range(4)), 10))
try:
    max([])
except ValueError as e:
    print("ValueError:", e)
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
try:
    max(1, "a")
except TypeError as e:
    print("TypeError:", e)
print(abs(-7.5), abs(3), round(-7.5), round(7.45, 1), divmod(-9, 4), pow(-2, 3), pow(4, 0.5))
print(any(x > 2 for x in [1, 2, 3]), all(isinstance(x, int) for x in [1, True]), sorted([True, False, 0, 1]))

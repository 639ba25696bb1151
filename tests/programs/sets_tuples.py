s = {1, 2, 3}
s.add(4)
s.add(2)
s.discard(10)
s.remove(1)
print(s, len(s), 2 in s, 9 in s)
a, b = {1, 2, 3, 4}, {3, 4, 5}
print(a | b, a & b, a - b, a ^ b, a.union([9]), a.intersection(b, {4}), a.difference(b), a.symmetric_difference(b))
print({1, 2} <= {1, 2, 3}, {1, 2} < {1, 2}, {1, 2, 3} >= {1}, {1}.issubset([1, 2]), {1, 2}.isdisjoint({3}))
c = set()
print(c, set("aab") == {"a", "b"}, frozenset({1, 2}) == {1, 2}, len(frozenset()))
c.update([5, 6], {7})
print(sorted(c), c.pop() in {5, 6, 7})
fs = frozenset([1, 2])
print(fs, fs | {3}, {fs: "ok"}[frozenset([2, 1])])
t = (1, 2, 3, 2)
print(t, t[0], t[-1], t[1:], t.count(2), t.index(3), len(t), 2 in t)
print((1,), (), tuple(), (1, 2) + (3,), (0,) * 3, (1, 2) < (1, 3), (1, 2) == (1, 2))
x, (y, z) = 1, (2, 3)
print(x, y, z)
single = 5,
print(single, type(single).__name__)
print(hash((1, 2)) == hash((1, 2)), {(1, 2): 3}[(1, 2)])
print(sorted({3, 1, 2}), sorted(set("hello")), max({4, 9, 1}))
nums = {n % 4 for n in range(10)}
print(nums)
print(set([1, 2, 3]) - set([2]), {1, 2, 3} - {2} == {1, 3})
s2 = {1, 2, 3}
s2 &= {2, 3, 4}
print(s2)
s2 |= {10}
s2 -= {2}
print(s2)
print(tuple(sorted({"b", "a"})), list((1, 2)), tuple("ab"))

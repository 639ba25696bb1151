a = {1, 2, 3}
b = {3, 4}
print(a.union(b, [5]), a.intersection([2, 3, 9]), a.difference(b), a.symmetric_difference(b))
print(a.issubset({1, 2, 3, 4}), a.issuperset({1}), a.isdisjoint({7}), a >= {1, 2}, a > a)
c = a.copy()
c.add(10)
c.discard(99)
c.remove(1)
print(c, a, len(c))
try:
    c.remove(99)
except KeyError as e:
    print("KeyError:", e)
fs = frozenset([3, 1])
print(fs | {2}, fs & {1}, type(fs | {2}).__name__, type({2} | fs).__name__, hash(fs) == hash(frozenset([1, 3])))
s = set()
for w in "the cat the dog".split():
    s.add(w)
print(sorted(s), len(s))
print({x for x in range(10) if x % 2} - {1, 9}, set([]) == set(), {()} , {(1, 2), (1, 2)})

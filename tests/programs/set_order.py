print({3, 1, 2}, {10, 3}, {8, 16, 0, 24}, {100, 5, 37, 12})
s = set()
for i in [9, 1, 17, 25, 2, 33]:
    s.add(i)
print(s)
s.discard(17)
s.add(41)
print(s, s.pop(), s.pop(), s)
a = set(range(0, 40, 3))
b = set(range(0, 40, 5))
print(a | b)
print(a & b, b & a)
print(a - b, b - a)
print(a ^ b, b ^ a)
c = {1, 2, 3}
c |= {64, 32}
print(c)
c ^= {2, 128}
print(c)
c -= {1}
print(c, len(c))
print(set([5, 4, 3, 2, 1, 0, -1, -2]), {-1, -2, -3}, {2**40, 7}, {1.5, 2.0, 0.5})
big = set(range(100))
print(sum(big), len(big), list(big)[:10], list(big)[-5:])
print(frozenset([7, 15, 23]), sorted(frozenset("abc")))
print({x * 7 % 20 for x in range(20)})
t = {True, 1, 1.0, 2}
print(t)
u = set()
u.update([30, 20, 10], (5,))
print(u, u.union([99, 1]), u.intersection(range(15)), u.difference([10]), u.symmetric_difference({5, 6}))

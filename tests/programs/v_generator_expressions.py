nums = range(1, 11)
print(sum(x * x for x in nums), max(x % 7 for x in nums), min((x for x in nums if x > 5), default=None))
print(list(x for x in "hello" if x in "aeiou"), tuple(i for i in range(3)), sorted(set(c.upper() for c in "abca")))
print(dict((k, len(k)) for k in ["a", "bb"]), "".join(str(d) for d in range(5)), any(x > 9 for x in nums))
g = (x * 2 for x in range(3))
print(next(g), next(g), list(g), list(g))
pairs = ((a, b) for a in range(3) for b in range(a))
print(list(pairs))
print(sorted((x for x in [3, 1, 2]), reverse=True), list(zip((i for i in range(3)), "abc")))
total = 0
for v in (x for x in range(100) if x % 3 == 0):
    total += v
print(total)

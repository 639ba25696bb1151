def permutations(s):
    if len(s) <= 1:
        return [s]
    return [c + p for i, c in enumerate(s) for p in permutations(s[:i] + s[i + 1:])]
print(permutations("abc"))
def subsets(items):
    if not items:
        return [[]]
    rest = subsets(items[1:])
    return rest + [[items[0]] + r for r in rest]
print(subsets([1, 2, 3]))
def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
print(ackermann(2, 3))
def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)
print(gcd(1071, 462))
def depth(tree):
    return 1 + max((depth(c) for c in tree), default=0) if isinstance(tree, list) else 0
print(depth([[[]], [], [[[]]]]))
def count_down(n):
    if n < 0:
        return []
    return [n] + count_down(n - 1)
print(count_down(5), len(count_down(500)))

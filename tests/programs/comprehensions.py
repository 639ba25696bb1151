print([x * 2 for x in range(5)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print({x % 3 for x in range(10)})
print({k: v for k, v in zip("abc", range(3))})
print({x: x ** 2 for x in range(5) if x != 2})
print([[row * col for col in range(3)] for row in range(3)])
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(col) for col in zip(*matrix)])
print([c.upper() for c in "hello" if c not in "l"])
print(sum(x for x in range(100) if x % 7 == 0))
print(sorted({len(w) for w in "a bb ccc dd e".split()}))
words = ["apple", "banana", "cherry"]
print({w[0]: w for w in words})
print([i if i % 2 else -i for i in range(6)])
x = 10
print([x for x in range(3)], x)
print([(lambda y: y + i)(1) for i in range(3)])
nested = [[1, [2, 3]], [4, [5, 6]]]
print([b for a in nested for b in a[1]])
print(list(map(lambda t: t[0] * t[1], [(1, 2), (3, 4)])), list(filter(None, [0, 1, "", "a", None, []])))
print(dict.fromkeys("abc", 0), list(enumerate("xyz", start=1)), list(reversed([1, 2, 3])))
print(any(x > 3 for x in [1, 5]), all(x > 0 for x in [1, -1]), max(range(10), key=lambda n: -abs(n - 4)))

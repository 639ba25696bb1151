records = [("b", 2), ("a", 2), ("c", 1), ("a", 1), ("b", 1)]
by_num = sorted(records, key=lambda r: r[1])
print(by_num)
print(sorted(by_num, key=lambda r: r[0]))
print(sorted(records), sorted(records, reverse=True))
print(sorted(records, key=lambda r: r[1], reverse=True))
data = list(range(20))
data.sort(key=lambda x: x % 3)
print(data)
words = ["Banana", "apple", "Cherry", "apple", "banana"]
print(sorted(words), sorted(words, key=str.casefold), sorted(set(words)))
print(sorted([3.5, -1, 2, 0.5, 1e-9, -1e9]), sorted([[], [1], [0, 5], [0]]), sorted("Hello World"))
print(sorted({3: "c", 1: "a"}.items()), sorted([(1, "b"), (1, "a")], key=lambda t: t[0]))

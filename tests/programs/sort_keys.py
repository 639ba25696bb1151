# Key functions called from sorted/list.sort/min/max: plain one-argument
# functions (called directly), closures, defaults, builtins, bound
# methods, and a key that raises.
words = ["pear", "Apple", "fig", "banana", "Cherry", "date"]
records = [(3, "c", 1.5), (1, "a", 2.5), (3, "a", 0.5), (2, "b", 1.0), (1, "b", 3.0)]
print(sorted(words, key=len), sorted(words, key=str.lower))
print(sorted(records, key=lambda r: (r[1], -r[0])), sorted(records))
scale = 10
print(sorted(records, key=lambda r: r[2] * scale, reverse=True))


def by_last(w, n=1):
    return w[-n:]


print(sorted(words, key=by_last), min(words, key=by_last), max(words, key=lambda w: w.lower()))
print(max(records, key=lambda r: r[2]), min([5, -7, 3], key=abs))
lst = list(words)
lst.sort(key=lambda w: (len(w), w))
print(lst)


class K:
    def __init__(self, k):
        self.k = k

    def key(self, w):
        return w.count(self.k)


print(sorted(words, key=K("a").key))


def depth(n):
    return n if n < 1 else depth(n - 1)


print(sorted([3, 1, 2], key=depth))
try:
    sorted([1, "x", 2], key=lambda v: v + 1)
except TypeError as e:
    print("TypeError:", e)
print(sorted(words, key=lambda w: w[0].isupper()))
print(sorted([(1, "b"), (1, "a"), (0, "z"), (1, "a", 0)]), sorted([("b", 2), ("b", 1.5), ("a", True)]))

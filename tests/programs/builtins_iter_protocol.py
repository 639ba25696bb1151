class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(3)), sum(Countdown(4)), sorted(Countdown(3)), 2 in Countdown(5))
class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError
        return i * 10
print(list(Seq()), [x for x in Seq()], 20 in Seq())
it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, None))
try:
    next(it)
except StopIteration:
    print("StopIteration raised")
calls = [0]
def tick():
    calls[0] += 1
    return calls[0]
print(list(iter(tick, 4)))
class Both:
    def __iter__(self):
        yield from "ab"
    def __reversed__(self):
        yield from "ba"
print(list(Both()), list(reversed(Both())), list(reversed("xyz")), list(reversed(range(3))))
e = enumerate("ab")
print(next(e), list(e), type(e).__name__)
z = zip("ab", [1, 2])
print(next(z), list(z))
m = map(str.upper, "ab")
print(list(m), list(m))
print(list(zip(*zip("abc", "xyz"))))

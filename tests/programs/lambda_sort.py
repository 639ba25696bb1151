people = [("alice", 30, "paris"), ("bob", 25, "london"), ("carol", 30, "berlin"), ("dave", 25, "paris")]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(sorted(people, key=lambda p: p[2], reverse=True))
from operator import itemgetter, attrgetter
print(sorted(people, key=itemgetter(2, 0)))
print(max(people, key=itemgetter(1)), min(people, key=lambda p: len(p[0])))
class Emp:
    def __init__(self, n, s):
        self.name, self.salary = n, s
    def __repr__(self):
        return self.name
emps = [Emp("x", 3), Emp("y", 1), Emp("z", 2)]
print(sorted(emps, key=attrgetter("salary")), sorted(emps, key=attrgetter("name"), reverse=True))
words = "banana Apple cherry apple Banana".split()
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=lambda w: (w.lower(), w)))
print(sorted(range(10), key=lambda n: (n % 3, -n)))
nums = [3, -1, 4, -1, 5, -9]
print(sorted(nums, key=abs), list(map(lambda n: n * n, nums)), list(filter(lambda n: n > 0, nums)))
from functools import reduce, cmp_to_key, partial
print(reduce(lambda a, b: a * b, range(1, 7)), reduce(lambda a, b: a + b, ["a", "b", "c"], ">"))
print(sorted([5, 2, 9], key=cmp_to_key(lambda a, b: b - a)))
pow2 = partial(pow, 2)
print(pow2(10), partial(int, base=2)("1010"))
stable = sorted([(1, "b"), (0, "a"), (1, "a"), (0, "b")], key=lambda t: t[0])
print(stable)

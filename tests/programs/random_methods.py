# random.Random's random and getrandbits are built-in methods, as in CPython,
# and the sequences match CPython's for the same seed.
import random
random.seed(12345)
print(random.random(), random.getrandbits(5), random.getrandbits(32), random.getrandbits(33), random.getrandbits(100), random.getrandbits(0))
print(random.choice("abcdefg"), random.randrange(10**30), random.randint(1, 6), random.uniform(1, 2))
r = random.Random(3)
print(r.random(), r.getrandbits(64))
print(random.Random.random, type(r.random).__name__)
for bad in ((-1,), (), (1, 2), ("x",)):
    try:
        r.getrandbits(*bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
class Sub(random.Random):
    def random(self):
        return 0.5
print(Sub(1).random(), Sub(1).getrandbits(8))
l = list(range(20)); random.shuffle(l); print(l)
print(random.sample(range(100), 5), random.gauss(0, 1))
print(list.append, str.lower, dict.get, int.bit_length)
# Weights and counts (the branches that import bisect and itertools).
w = random.Random(11)
print(w.choices("abc", k=4), w.choices("abc", [1, 0, 5], k=6), w.choices("abc", cum_weights=[1, 2, 9], k=6))
print(w.sample("xyz", 4, counts=[1, 2, 3]), w.choice(range(7)), str(w.randrange(-9, 9)))
for bad in (dict(weights=[1], cum_weights=[1]), dict(weights=[1, 2])):
    try:
        w.choices("abc", **bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

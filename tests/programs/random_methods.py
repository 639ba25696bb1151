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
# _randbelow: the base generator's draws, below and above 32 bits and
# past a machine int; a subclass's or an instance's own getrandbits.
class G(random.Random):
    def getrandbits(self, k):
        return k % 3
class G2(G):
    pass
class R2(random.Random):
    def random(self):
        return 0.25
print(G(1).choice("abcdef"), G(1).randrange(10), G2(2).choice("xyz"), R2(3).choice("pqrs"), R2(3).random())
r5 = random.Random(5)
print([r5.randrange(2**40) for _ in range(3)], [r5.randrange(2**62 + 7) for _ in range(2)])
print(r5.randrange(2**70), r5.choice(range(10**12)), r5.randrange(1), r5._randbelow(True), r5._randbelow(2**63 - 1))
print([r5.randrange(-5, 5) for _ in range(8)], [r5.choice([1, 2, 3]) for _ in range(8)])
r5.getrandbits = lambda k: 1
print(r5.choice("abcd"), r5.randrange(7))
try:
    random.Random(1)._randbelow(2.5)
except AttributeError as e:
    print(type(e).__name__, e)
class R3(R2):
    pass
class R4(random.Random):
    def random(self):
        return 0.75
    def getrandbits(self, k):
        return 1
print(R3(1).choice(range(100)), R4(1).choice(range(100)), R2(1).randrange(3, 30, 3))
try:
    R2(1)._randbelow(0)
except ZeroDivisionError as e:
    print(type(e).__name__, e)

# Floor division and modulo of big ints whose quotient fits in a machine
# word (the fast path) and around it, every sign combination. Each line folds
# one divisor size's results into a number, so any wrong digit shows.
import random

random.seed(5)
P = (1 << 61) - 1


def fold(acc, v):
    return (acc * 1000003 + v) % P


for bits in (63, 64, 65, 100, 127, 128, 129, 200, 500, 2000):
    acc = 0
    n = 0
    for _ in range(12):
        b = random.getrandbits(bits) | (1 << (bits - 1))
        for qbits in (0, 1, 3, 30, 61, 62, 63, 64, 100):
            q = random.getrandbits(qbits) if qbits else 0
            r = random.randrange(b)
            a = q * b + r
            cases = [(q * b, b), (-q * b, b), (q * b - 1, b), (q * b + b - 1, -b), ((1 << (bits + 62)) - 1, b)]
            for sa in (1, -1):
                for sb in (1, -1):
                    cases.append((sa * a, sb * b))
            for x, y in cases:
                d, m = divmod(x, y)
                assert d == x // y and m == x % y
                assert d * y + m == x
                acc = fold(fold(acc, d), m)
                n += 1
    print(bits, n, acc)

# The spigot's shape: a huge number over a slightly smaller one.
print((10**3000 + 7) // (10**2999 + 3), (10**3000 + 7) % (10**2999 + 3) % P)
print(-(10**3000 + 7) // (10**2999 + 3), (-(10**3000 + 7)) % (10**2999 + 3) % P)
print((10**3000) // -(10**2999), (10**3000) % -(10**2999))
print(0 // ((1 << 200) + 1), -1 // ((1 << 200) + 1), 1 // -((1 << 200) + 1))
print((2**64 - 1) // 2**63, (2**127 - 1) // (2**64 - 1), (2**127 - 1) % (2**64 - 1))
try:
    (1 << 300) // 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
# divmod() itself: one division for both results, ints of either size mixed.
for x, y in ((1 << 300, 0), (5, 0), (True, 1 << 70), (1 << 70, True), (-(1 << 70), 7), (7, -(1 << 70)), (1 << 70, 1 << 70)):
    try:
        print(divmod(x, y))
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)

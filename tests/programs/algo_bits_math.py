def to_base(n, b):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if n == 0:
        return "0"
    out = ""
    neg = n < 0
    n = abs(n)
    while n:
        n, r = divmod(n, b)
        out = digits[r] + out
    return "-" * neg + out
print([to_base(255, b) for b in (2, 8, 16, 36)], to_base(-10, 3), int(to_base(123456, 7), 7))
def popcount(n):
    c = 0
    while n:
        n &= n - 1
        c += 1
    return c
print([popcount(n) for n in (0, 1, 255, 1023, 2**40 - 1)], bin(2**40 - 1).count("1"))
def power_set(s):
    return [[x for i, x in enumerate(s) if mask >> i & 1] for mask in range(1 << len(s))]
print(power_set("abc"))
def gray(n):
    return [i ^ (i >> 1) for i in range(1 << n)]
print(gray(3), [format(g, "03b") for g in gray(3)])
def isqrt_newton(n):
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x
print(isqrt_newton(10**30), isqrt_newton(99), 10**15)
def fast_pow(b, e, m):
    r = 1
    b %= m
    while e:
        if e & 1:
            r = r * b % m
        b = b * b % m
        e >>= 1
    return r
print(fast_pow(3, 200, 10**9 + 7) == pow(3, 200, 10**9 + 7), fast_pow(2, 10**18, 97))

def pi_digits(n):
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    out = []
    while len(out) < n:
        if 4 * q + r - t < m * t:
            out.append(m)
            q, r, t, k, m, x = 10 * q, 10 * (r - m * t), t, k, (10 * (3 * q + r)) // t - 10 * m, x
        else:
            q, r, t, k, m, x = q * k, (2 * q + r) * x, t * x, k + 1, (q * (7 * k + 2) + r * x) // (t * x), x + 2
    return "".join(map(str, out))
print(pi_digits(60))
f = 1
for i in range(1, 51):
    f *= i
print(f, len(str(f)), f % 1000007, f // 10**60)
print(2**200 - 1, -(2**150) // 7, (-(2**150)) % 7, 2**100 & 2**99 - 1, (2**100) | 1, (2**65) ^ (2**64))
print(pow(12345678901234567890, 3, 10**9 + 7), pow(3, 10**5, 97))
a = 123456789 ** 5
print(a, a.bit_length(), hex(a), int(str(a)) == a, str(-a)[:10])
print(10**18 + 1 > 10**18, 2**63, -2**63, 2**63 - 1 + 1, 9223372036854775807 * 2)
print((2**64).to_bytes(9, "big"), int.from_bytes(b"\xff" * 9, "big"))
print(divmod(10**30, 7**20), abs(-10**25), round(10**20 / 3), 10**20 / 3)
print(sum(range(10**6)), 3 ** 100 // 3 ** 98, 7 ** 0, 0 ** 0)
x = 1
for _ in range(100):
    x = x * 3 + 1
print(x % 10**9, len(bin(x)))
print(int("9" * 50) + 1, float(2**60), 2**53 + 1.0)
print(1 << 100 >> 99, (10**40) // (10**20), -7 // 2**70, 7 % -2**70)

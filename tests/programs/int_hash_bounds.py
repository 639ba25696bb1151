# Int hashes on both sides of the modulus 2**61 - 1 (small ints hash to
# themselves, without the division), and set membership of ints.
print(hash(-1), hash(-2), hash(2**61-1), hash(2**61-2), hash(-(2**61-1)), hash(-(2**61)), hash(2**62), hash(-(2**63)), hash(2**63-1), hash(0), hash(12345), hash(-12345))
s={1,2,-1,-2}
print(-1 in s, -2 in s, 3 in s, 1.0 in s, True in s)
print(hash(2**64), hash(-(2**64)), hash(2**61), hash(2**61 + 1), hash(-(2**61) - 1))
cols = set()
for i in range(50):
    cols.add(i % 7); cols.discard((i * 3) % 7)
print(sorted(cols), [c in cols for c in range(8)])

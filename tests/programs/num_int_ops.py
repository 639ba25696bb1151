print(17 // 5, 17 % 5, -17 // 5, -17 % 5, 17 // -5, 17 % -5, -17 // -5, -17 % -5)
print(divmod(100, 7), divmod(-100, 7), divmod(100, -7))
print(2 ** 10, 2 ** 0, 0 ** 0, (-3) ** 3, (-3) ** 2, 3 ** -1, pow(2, 100) % 1000)
print(5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 10, 1024 >> 3, -16 >> 2, -1 & 0xFF)
print(int("0b101", 0), int("0o17", 0), int("0x1f", 0), int("z", 36), int("  42\n"), int("+7"))
print(abs(-0), -(-5), +(-5), int(True) + int(False), True + 1.5, (True, False) == (1, 0))
print(max(1, 2.5), min(-1, -1.5), sum([True, True, False]), 10 == 10.0, hash(10) == hash(10.0))
print((255).bit_length(), (-255).bit_length(), (0).bit_length(), (12).bit_count() if hasattr(int, "bit_count") else 2)
x = 10
x <<= 2
x |= 1
x ^= 3
x &= 0xFE
x >>= 1
print(x)
print(7 // 0.5, 7 % 0.5, 1 / 4, 3 * 1.0, 1 - 0.9)
print(isinstance(5, int), isinstance(5.0, int), isinstance(True, bool), type(5 // 2), type(5 / 5))
print(int(1e18), int(-1e18), int(12.999999999999999), round(1e18), 2**62 + 2**62)

import math
a, b = 0.1, 0.2
print(a + b, a + b == 0.3, math.isclose(a + b, 0.3), round(a + b, 10))
print(1 / 3, 2 / 3, 10 / 3, -10 / 3, 1e300 * 1e300, -1e300 * 1e300)
print(math.floor(-2.5), math.ceil(-2.5), int(-2.5), round(-2.5), math.trunc(2.7))
print(7.5 % 2, -7.5 % 2, 7.5 // 2, -7.5 // 2, divmod(-7.5, 2))
print(2 ** 0.5 * 2 ** 0.5, math.sqrt(2) ** 2, 3 * 0.1, 0.1 * 3)
print(float.is_integer(3.0), (2.5).is_integer(), 1e16 + 1, 1e16 + 2)
print(sum([0.1] * 10), math.fsum([0.1] * 10), 100 * 1.1, 1.1 * 1.1)
print(abs(-0.0), -0.0 == 0.0, str(-0.0), math.copysign(1, -0.0))
x = float("nan")
print(x == x, x != x, math.isnan(x), [x] == [x], float("inf") > 1e308)

# Float arithmetic and comparisons the interpreter does inline: NaN, signed
# zeros, infinities, ints converted to the nearest double, and the errors.
nan = float("nan")
inf = float("inf")
print(nan < 1.0, nan > 1.0, nan == nan, nan != nan, nan <= nan, nan >= 0.0)
print(0.0 == -0.0, -0.0 < 0.0, 1.5 <= 1.5, 2.5 >= 3.5, inf > 1e308, -inf < -1e308)
print(0.1 + 0.2, 1e308 * 10, -1e308 * 10, inf - inf, 0.0 * -1, -0.0 + 0.0)
print(9007199254740993 + 0.0, 9007199254740993 * 1.0, 3 - 0.5, 0.5 - 3, 7 * 0.1)
print(5 / 2.0, 5.0 / 2, -7.5 / 2, 1.0 / 3, 1 / -inf, 2**62 * 1.0)
x = 1.0
for i in range(10):
    x += i
    x *= 1.5
    x -= 0.25
    x /= 1.1
print(x, 3 * 2.5 == 7.5, 0.5 + True, False * 2.5)
for a, b in [(1.0, 0.0), (1, 0.0), (0.0, 0)]:
    try:
        print(a / b)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
try:
    y = 2.0
    y /= 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(sorted([3.5, nan, 1.0, -0.0, 0.0, -inf])[1:], max(1.5, 2), min(-0.0, 0.0))

# Line-heavy: a loop of simple statements, timed by the program itself.
import time

t = time.perf_counter()
a = b = c = 0
i = 0
while i < 100_000:
    a += 1
    b += a
    c ^= b
    i += 1
print(f"{time.perf_counter() - t:.6f}")

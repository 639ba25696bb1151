# Call-heavy: 200,000 calls of a small function, timed by the program
# itself (the tracer's start-up is not in the number).
import time


def f(x):
    return x + 1


t = time.perf_counter()
acc = 0
for i in range(200_000):
    acc = f(acc)
print(f"{time.perf_counter() - t:.6f}")

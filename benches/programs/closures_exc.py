# Closures and exceptions: counters made by factories, errors raised,
# caught and re-raised through a few frames.
def make_counter(step):
    total = 0

    def bump(n):
        nonlocal total
        if n % 97 == 0:
            raise ValueError(n)
        total += step * n
        return total

    return bump


def guarded(f, n):
    try:
        return f(n)
    except ValueError as e:
        try:
            raise KeyError(e.args[0]) from e
        except KeyError:
            return -1


counters = [make_counter(s) for s in range(1, 6)]
failures = 0
last = 0
for i in range(150_000):
    r = guarded(counters[i % 5], i)
    if r < 0:
        failures += 1
    else:
        last = r
print(failures, last)

def make_counter(start=0, step=1):
    count = start - step
    def counter():
        nonlocal count
        count += step
        return count
    def reset():
        nonlocal count
        count = start - step
    counter.reset = reset
    return counter
c = make_counter(10, 5)
print(c(), c(), c())
c.reset()
print(c())
def id_gen(prefix):
    n = 0
    while True:
        n += 1
        yield f"{prefix}-{n:03d}"
g = id_gen("ord")
print([next(g) for _ in range(3)])
def accumulator():
    total = 0
    while True:
        x = yield total
        total += x
acc = accumulator()
next(acc)
print([acc.send(v) for v in (5, 10, -3)])

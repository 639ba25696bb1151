def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(count_up(5)), sum(count_up(101)))
g = count_up(3)
print(next(g), next(g), next(g), next(g, "done"))
def echo():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            break
        received.append(x)
    return received
e = echo()
print(next(e), e.send("a"), e.send("b"))
try:
    e.send(None)
except StopIteration as s:
    print("returned", s.value)
def delegator():
    r = yield from echo()
    yield f"sub returned {r}"
d = delegator()
print(next(d), d.send(1), d.send(2), d.send(None))
def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("generator cleanup")
w = with_finally()
print(next(w))
w.close()
print("closed")
def catcher():
    while True:
        try:
            yield "waiting"
        except ValueError as err:
            print("caught in gen:", err)
            yield "recovered"
c = catcher()
print(next(c), c.throw(ValueError("boom")), next(c))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
import itertools
print(list(itertools.islice(fib(), 12)))
squares = (x * x for x in range(6))
print(type(squares).__name__, list(squares), list(squares))
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], "ab", range(2))))
def gen_return():
    yield 1
    return "ret"
try:
    gg = gen_return()
    next(gg)
    next(gg)
except StopIteration as s:
    print("stop value:", s.value)
pipeline = (w.upper() for w in "the quick brown fox".split() if len(w) > 3)
print(list(pipeline))
def nested():
    for i in range(3):
        yield (j for j in range(i))
print([list(x) for x in nested()])
gen = (i for i in range(3))
print(next(gen), list(gen))
def infinite():
    n = 0
    while True:
        n += 1
        yield n
for v in infinite():
    if v > 3:
        break
    print("v", v)
def lazy_check():
    print("started")
    yield 1
lc = lazy_check()
print("created")
print(next(lc))
print(list(zip(count_up(3), "abc")), dict(zip("xy", count_up(2))))

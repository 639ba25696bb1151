def coroutine():
    total = 0
    try:
        while True:
            value = yield total
            if value is None:
                continue
            total += value
    except GeneratorExit:
        print("closing with total", total)
        raise
c = coroutine()
next(c)
for v in [1, 2, 3]:
    print(c.send(v))
c.close()
def inner():
    x = yield 1
    print("inner got", x)
    y = yield 2
    print("inner got", y)
    return "inner done"
def outer():
    result = yield from inner()
    print("outer got", result)
    yield 3
o = outer()
print(next(o))
print(o.send("a"))
print(o.send("b"))
def thrower():
    try:
        yield 1
    except KeyError as e:
        print("inner caught", e)
        yield "handled"
def delegate():
    yield from thrower()
d = delegate()
next(d)
print(d.throw(KeyError("k")))
def gen_state():
    yield 1
gs = gen_state()
print(gs.__name__, next(gs), list(gs))
def countdown(n):
    while n > 0:
        yield n
        n -= 1
print(list(countdown(5)), sum(countdown(10)), max(countdown(3)), sorted(countdown(4)))
g = (x for x in range(3))
print(list(zip(g, g)))
def tree(n):
    if n:
        yield n
        yield from tree(n - 1)
        yield from tree(n - 1)
print(list(tree(3)))

for f in [lambda: iter(5), lambda: next([1]), lambda: list(None), lambda: [x for x in 3], lambda: dict(5), lambda: set(1.5), lambda: zip(1), lambda: sum(5), lambda: max(7), lambda: sorted(8), lambda: tuple(True), lambda: enumerate(None)]:
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)
def g():
    yield 1
gen = g()
next(gen)
try:
    next(gen)
except StopIteration:
    print("StopIteration")
def bad():
    raise StopIteration
    yield
try:
    list(bad())
except RuntimeError as e:
    print("RuntimeError:", e)

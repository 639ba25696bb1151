def g():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
for x in g():
    break
print("after")
gen = g()
next(gen)
del gen
print("after del")
def h():
    with open("/dev/null") as f:
        yield 1
        yield 2
for v in h():
    print(v)
class CM:
    def __enter__(self): return self
    def __exit__(self, *a):
        print("exit", a[0] is None)
def gg():
    with CM():
        yield 1
it = gg(); next(it); it.close()
print("done")

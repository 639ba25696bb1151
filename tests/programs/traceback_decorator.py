# A decorator that raises: CPython 3.11 points at the `@` line, and a
# decorated function's first line is its first decorator's.
def noisy(f):
    code = getattr(f, "__code__", None)
    print(f.__name__, code.co_firstlineno if code else "-")
    return f


def strict(f):
    raise TypeError(f"cannot decorate {f.__name__}")


@noisy
@noisy
def g(a=[1,
         2]):
    return a


print(g())


@noisy
class K:
    pass


@strict
@noisy
def h():
    pass

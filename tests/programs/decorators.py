import functools
def trace(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        print("call", fn.__name__, args, kwargs)
        r = fn(*args, **kwargs)
        print("ret", r)
        return r
    return wrapper
@trace
def add(a, b=0):
    """adds"""
    return a + b
add(1, b=2)
print(add.__name__, add.__doc__)
def repeat(n):
    def deco(fn):
        def w(*a):
            return [fn(*a) for _ in range(n)]
        return w
    return deco
@repeat(3)
def hello(x):
    return "hi " + x
print(hello("bob"))
def deco_a(f):
    print("applying a")
    return lambda: "a(" + f() + ")"
def deco_b(f):
    print("applying b")
    return lambda: "b(" + f() + ")"
@deco_a
@deco_b
def base():
    return "base"
print(base())
registry = []
def register(cls):
    registry.append(cls.__name__)
    return cls
@register
class Foo:
    pass
@register
class Bar:
    pass
print(registry)
class Memo:
    def __init__(self, fn):
        self.fn = fn
        self.cache = {}
    def __call__(self, n):
        if n not in self.cache:
            self.cache[n] = self.fn(n)
        return self.cache[n]
@Memo
def slow_fib(n):
    return n if n < 2 else slow_fib(n - 1) + slow_fib(n - 2)
print(slow_fib(60))
@functools.lru_cache(maxsize=None)
def f2(n):
    return n if n < 2 else f2(n - 1) + f2(n - 2)
print(f2(80))

import functools
@functools.lru_cache(maxsize=2)
def sq(n):
    print("computing", n)
    return n * n
print(sq(2), sq(2), sq(3), sq(4), sq(2))
print(sq.cache_info())
@functools.cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(100))
@functools.total_ordering
class V:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    def __lt__(self, o):
        return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2))
add3 = functools.partial(lambda a, b, c: a + b + c, 1, 2)
print(add3(3), add3(c=10))
def deco(f):
    @functools.wraps(f)
    def inner(*a):
        return f(*a)
    return inner
@deco
def named():
    "doc string"
print(named.__name__, named.__doc__, named.__wrapped__.__name__)
print(functools.reduce(lambda a, b: a if a > b else b, [3, 8, 2]))
class C:
    @functools.cached_property
    def expensive(self):
        print("computed once")
        return 42
c = C()
print(c.expensive, c.expensive)

def compose(*fs):
    def composed(x):
        for f in reversed(fs):
            x = f(x)
        return x
    return composed
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5), compose()(7))
def curry(f):
    def c(a):
        def d(b):
            return f(a, b)
        return d
    return c
print(curry(pow)(2)(10))
def memoize(f):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper
@memoize
def tri(n):
    return 0 if n == 0 else n + tri(n - 1)
print(tri(50), len(tri.cache))

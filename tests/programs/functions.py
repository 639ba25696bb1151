def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, kw)
print(f(1, c=3))
print(f(1, 5, 6, 7, c=8, e=9))
print(f(*[1, 2, 3], **{"c": 0, "z": 1}))
def pos_only(a, b, /, c):
    return a + b + c
print(pos_only(1, 2, c=3), pos_only(1, 2, 3))
def kw_only(*, x, y=1):
    return x * y
print(kw_only(x=5), kw_only(y=3, x=2))
def defaults(a, lst=[]):
    lst.append(a)
    return lst
print(defaults(1), defaults(2))
sq = lambda x: x * x
print(sq(7), (lambda *a: sum(a))(1, 2, 3), (lambda **k: sorted(k))(b=1, a=2))
def make_adder(n):
    def add(x):
        return x + n
    return add
add5 = make_adder(5)
print(add5(10), make_adder(-1)(1))
def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c = counter()
c(); c()
print(c())
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print([fib(i) for i in range(15)])
def annotated(x: int, y: "str" = "s") -> bool:
    return True
print(annotated(1))
def doc():
    "A docstring."
    return 1
print(doc.__doc__, doc.__name__, doc())
def varargs(*args):
    return args
print(varargs(), varargs(1), varargs(1, 2))
def kwargs(**kw):
    return kw
print(kwargs(), kwargs(a=1, b=2))
def closures():
    fs = []
    for i in range(3):
        fs.append(lambda i=i: i * 10)
    return [g() for g in fs]
print(closures())
def late():
    fs = [lambda: i for i in range(3)]
    return [g() for g in fs]
print(late())
def rec_sum(lst):
    if not lst:
        return 0
    return lst[0] + rec_sum(lst[1:])
print(rec_sum(list(range(100))))
def apply(fn, *a, **k):
    return fn(*a, **k)
print(apply(max, 3, 9, 2), apply(sorted, [3, 1, 2], reverse=True))
print(f.__name__, f.__qualname__, make_adder(1).__qualname__)
def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner()
    return middle()
print(outer())
print((lambda: (yield))().__class__.__name__)

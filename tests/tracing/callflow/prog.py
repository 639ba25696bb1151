# Call flow: plain calls, *args/**kwargs, methods, dunders, lambdas,
# comprehensions, generators (entry/return on every resume) and an
# exception unwinding through two frames.
def add(a, b):
    return a + b

def star(*args, **kwargs):
    return add(*args) + len(kwargs)

class Vec:
    def __init__(self, x):
        self.x = x

    def __add__(self, other):
        return Vec(self.x + other.x)

    def norm(self):
        return abs(self.x)

def gen(n):
    for i in range(n):
        yield i

def inner():
    raise ValueError("boom")

def outer():
    inner()

star(1, 2, k=3)
v = Vec(1) + Vec(2)
v.norm()
sq = (lambda y: y * y)(4)
squares = [i * i for i in range(2)]
total = sum(gen(2))
try:
    outer()
except ValueError:
    pass

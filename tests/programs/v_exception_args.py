e = ValueError("msg", 42, [1])
print(e.args, len(e.args), e.args[1], str(e), repr(e))
try:
    raise e
except ValueError as caught:
    print(caught is e, caught.args)
class E(Exception):
    def __init__(self, a, b):
        super().__init__(a, b)
        self.total = a + b
try:
    raise E(1, 2)
except E as x:
    print(x.total, x.args, str(x))
class NoSuper(Exception):
    def __init__(self, value):
        self.value = value
n = NoSuper(5)
print(n.args, n.value, repr(n), str(n))
print(str(KeyError()), repr(KeyError()), str(KeyError("a", "b")), str(IndexError(3)))

class Config:
    defaults = {"debug": False}
    count = 0
    def __init__(self, **kw):
        Config.count += 1
        self.settings = {**self.defaults, **kw}
c1 = Config(debug=True)
c2 = Config()
print(c1.settings, c2.settings, Config.count, c1.count)
c1.count = 99
print(c1.count, c2.count, Config.count)
class A:
    x = 1
class B(A):
    pass
B.x = 2
print(A.x, B.x, B().x)
del B.x
print(B.x)
print(A.__name__, A.__qualname__, A.__module__, B.__bases__, A.__dict__["x"])
class Outer:
    class Inner:
        def hi(self):
            return "inner"
    def make(self):
        return self.Inner()
print(Outer().make().hi(), Outer.Inner.__qualname__)
def make_class(name, base=object):
    return type(name, (base,), {"greet": lambda self: f"I am {name}"})
Dyn = make_class("Dyn")
print(Dyn().greet(), Dyn.__name__, type(Dyn()).__name__)
class WithRepr:
    def __repr__(self):
        return "WithRepr()"
print(WithRepr(), [WithRepr()], str(WithRepr()))
class WithStr:
    def __str__(self):
        return "str-only"
ws = WithStr()
print(ws, str(ws), repr(ws).startswith("<__main__.WithStr object at"))
print(hasattr(A, "x"), getattr(A, "y", "nope"), isinstance(A, type), type(A) is type)

class A:
    cls_attr = "c"
    def __init__(self):
        self.inst = "i"
    def meth(self):
        return 1
a = A()
print(getattr(a, "inst"), getattr(a, "cls_attr"), getattr(a, "meth")(), getattr(a, "missing", 0))
setattr(a, "new", 5)
print(a.new, hasattr(a, "new"), hasattr(a, "nope"))
delattr(a, "new")
print(hasattr(a, "new"))
try:
    getattr(a, "missing")
except AttributeError as e:
    print("AttributeError:", e)
try:
    delattr(a, "missing")
except AttributeError as e:
    print("AttributeError:", e)
print(sorted(vars(a)), "meth" in dir(a), "inst" in dir(a), "cls_attr" in dir(A))
print(callable(a.meth), a.meth.__name__, A.meth.__name__, a.meth.__self__ is a)
print(type(a.meth).__name__, type(A.meth).__name__, type(len).__name__, type(a).__name__)
print(A.__dict__["cls_attr"], "meth" in A.__dict__)
try:
    getattr(a, 5)
except TypeError as e:
    print("TypeError:", e)
print(getattr(str, "upper")("x"), getattr([1, 2], "__len__")())

x = 5
print(f"{x=}", f"{x*2=}", f"{'s'!a}")
from abc import ABCMeta, abstractmethod
class Base(metaclass=ABCMeta):
    @abstractmethod
    def run(self): ...
class Impl(Base):
    def run(self): return "ran"
print(Impl().run())
class Meta(type):
    def __new__(mcs, name, bases, ns):
        ns["tag"] = name.lower()
        return super().__new__(mcs, name, bases, ns)
class Tagged(metaclass=Meta):
    pass
print(Tagged.tag, type(Tagged).__name__)
print(sorted({"b": 1, "a": 2}), list(map(int, "123")))
def gen():
    yield from range(3)
print(*gen())
print(type(...), type(NotImplemented))
s = {1, 2}
s2 = s.copy()
print(s2 is not s, s2 == s)
print("{:>{}}".format("x", 4), "%*d" % (5, 3))
import sys
print(sys.getsizeof(1) > 0)
class P:
    def __init__(self): self.__private = 1
    def get(self): return self.__private
print(P().get(), hasattr(P(), "_P__private"))
lst = [3, 1, 2]
lst.sort(key=lambda v: -v)
print(lst, sorted(lst, key=None))
print(int.__name__, str.__mro__, bool.__bases__)
print(round(2.5), round(0.1 + 0.2, 1), 10 // 3 * 3 + 10 % 3)
print(list(filter(str.isdigit, "a1b2")), "".join(reversed("abc")))
a = [[0] * 2 for _ in range(2)]
a[0][1] = 5
print(a)
print(isinstance(1, (int, float)), type(1.0).__name__)
print(chr(ord('a') + 1), "abc".index("c"), "x".isupper())
print("{0:.2f} {1:>5} {2:<3}|".format(3.14159, "r", "l"))
print(max({"a": 3, "b": 1}, key=lambda k: {"a": 3, "b": 1}[k]))
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args)
print(tuple(i for i in range(3)), frozenset(), set())

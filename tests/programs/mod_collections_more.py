import sys
from collections import OrderedDict, namedtuple
od = OrderedDict(a=1, b=2)
print(od == OrderedDict(b=2, a=1), od == {"a": 1, "b": 2}, list(od.items()))
P = namedtuple("P", "x y")
print(P(1, 2) == (1, 2), P(1, 2)._asdict(), repr(P(x=1, y=[2])), P.__name__, isinstance(P(1, 2), tuple))
class A:
    def __len__(self): return 3
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
print(list(A()), len(A()), list(reversed(A())), 10 in A())
print(sys.maxsize > 2**31, sys.version_info >= (3, 0), sys.platform in ("linux", "darwin", "win32"))
s = "The cat sat on the mat"
print(s.split().count("the"), s.lower().split().count("the"), s.index("cat"), s[s.index("cat"):][:7])
print(sorted(s.split(), key=str.lower), max(s.split(), key=len), "".join(sorted(set(s.lower()) - set(" "))))
print([(k, len(list(g))) for k, g in __import__("itertools").groupby(sorted(s.lower().replace(" ", "")))][:5])

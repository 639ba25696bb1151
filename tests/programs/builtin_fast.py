# len, isinstance, list.append, list.pop and dict.get have fast forms that
# read their arguments off the value stack; everything they do not handle
# must behave as the general call does.

def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


x = [1, 2, 3]
d = {"a": 1, 2: "two"}

x.append(4)
x.append(x)
print(len(x), x[-1] is x)
print(x.pop(), x.pop(), x.pop(0), x.pop(-1), x, x.pop(0))
attempt("pop empty", lambda: x.pop())
attempt("pop range", lambda: [1].pop(5))
attempt("pop -range", lambda: [1].pop(-2))
attempt("pop float", lambda: [1, 2].pop(1.0))
attempt("pop bool", lambda: [1, 2].pop(True))
attempt("pop args", lambda: [1, 2].pop(0, 1))
attempt("append args", lambda: [].append())
attempt("append 2", lambda: [].append(1, 2))

print(d.get("a"), d.get(2), d.get("zz"), d.get("zz", 0), d.get(2.0, "x"))
attempt("get unhashable", lambda: d.get([], 1))
attempt("get no args", lambda: d.get())
attempt("get too many", lambda: d.get(1, 2, 3))

print(len("héllo"), len(b"ab"), len(range(10)), len({1: 2}), len(()))
attempt("len int", lambda: len(5))
attempt("len none", lambda: len())
attempt("len two", lambda: len([], []))


class Sized:
    def __len__(self):
        return 7


class BadLen:
    def __len__(self):
        return -1


print(len(Sized()))
attempt("len negative", lambda: len(BadLen()))

print(isinstance(1, int), isinstance(True, int), isinstance("s", (int, str)), isinstance(x, dict))
attempt("isinstance bad", lambda: isinstance(1, 5))
attempt("isinstance one", lambda: isinstance(1))

# Unbound through the type, bound through a name, and on subclasses.
y = []
list.append(y, "u")
app = y.append
app("b")
print(y, dict.get(d, "a"), list.pop(y))


class L(list):
    pass


class D(dict):
    def get(self, k, default=None):
        return ("overridden", k)


l = L([1])
l.append(2)
print(l, l.pop(), type(l).__name__)
print(D(a=1).get("a"))


class Meta(type):
    def __instancecheck__(cls, obj):
        return obj == "yes"


class Checked(metaclass=Meta):
    pass


print(isinstance("yes", Checked), isinstance("no", Checked))

# A list appended to while a __del__ runs from its own pop.
class Noisy:
    def __del__(self):
        print("del", len(log))


log = [Noisy()]
log.pop()
print("after pop", len(log))

# set.add and set.discard.
s = {1, 2}
s.add(3)
s.add(1)
s.discard(2)
s.discard(99)
print(sorted(s))
attempt("add unhashable", lambda: s.add([]))
attempt("discard unhashable", lambda: s.discard({}))
attempt("add arity", lambda: s.add())
attempt("frozenset add", lambda: frozenset().add(1))


class S(set):
    def add(self, x):
        print("S.add", x)


S().add(5)


# `in` on a list compares by index against the list as it is now.
class Clearer:
    def __init__(self, target):
        self.target = target

    def __eq__(self, other):
        self.target.clear()
        return False


items = [1, 2, 3, 4]
print(Clearer(items) in items, items)
items = [1, 2, 3]
print(2 in items, 5 in items, [] in [[]])

# str.strip and str.lower.
print(repr("  a b \t\n".strip()), repr("..x.y..".strip(".")), repr("abcba".strip("ab")), repr("".strip()))
print(repr("xx".strip("x")), repr("ÄÖÜ ẞ".lower()), "MiXeD".lower(), repr("  ".strip(None)))


class Up(str):
    def lower(self):
        return "overridden"


print(Up("ABC").lower(), Up(" q ").strip(), type(Up(" q ").strip()).__name__)
for name in ("strip", "lstrip", "rstrip"):
    attempt(name + " int", lambda: getattr("a", name)(1))
for name in ("upper", "lower", "casefold", "swapcase", "capitalize", "title"):
    attempt(name + " arg", lambda: getattr("A", name)(1, 2))
print(" a ".strip(Up(" ")), "..a".lstrip(Up(".")))

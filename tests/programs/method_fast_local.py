# A method of a built-in value called on a local with a local argument
# (`out.append(x)`): lists, dicts, sets, strs, subclasses, user classes
# with the same method names, and errors raised where CPython raises them.
class L(list):
    def append(self, x):
        list.append(self, ("sub", x))


class User:
    def __init__(self):
        self.seen = []

    def append(self, x):
        self.seen.append(x)

    def get(self, k):
        return ("user", k)


def fill(out, items):
    for x in items:
        out.append(x)
    return out


def lookups(d, keys):
    return [d.get(k) for k in keys]


def show(f, *args):
    try:
        print(f(*args))
    except Exception as e:
        print(type(e).__name__, e)


print(fill([], range(5)), fill(L(), "ab"), fill(User(), [1, 2]).seen)
s = set()
for x in [3, 1, 3]:
    s.add(x)
print(sorted(s))
print(lookups({"a": 1, 2: "two"}, ["a", 2, "zz"]), lookups(User(), ["k"]))


def index_of(seq, x):
    return seq.index(x)


show(index_of, [1, 2, 3], 2)
show(index_of, [1, 2, 3], 9)
show(index_of, "hello", "l")
show(index_of, (1, 2), 5)


def count_in(text, sub):
    return text.count(sub)


print(count_in("banana", "an"), count_in([1, 1, 2], 1))


def unbound(out):
    out.append(y)
    y = 1


show(unbound, [])


def unhashable(d, k):
    return d.get(k)


show(unhashable, {}, [])


def rebinding():
    out = []
    for x in range(3):
        out.append(x)
        if x == 1:
            out = User()
    return out.seen


print(rebinding())

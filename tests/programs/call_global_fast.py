# A global called on a local or a local's attribute: built-in functions,
# bool, a rebound global, errors raised where CPython raises them.
class Box:
    def __init__(self, items):
        self.items = items


class Truth:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        if self.v is None:
            raise ValueError("no truth")
        return self.v


class Sized:
    def __len__(self):
        return 3


def lens(xs):
    out = []
    for x in xs:
        out.append(len(x))
    return out


def truths(xs):
    return [bool(x) for x in xs]


def attr_len(b):
    return len(b.items)


def attr_bool(b):
    return bool(b.items)


print(lens(["ab", [1, 2, 3], (), {1: 2}, Sized(), range(5), "é"]))
print(truths([0, 1, "", "x", [], [0], None, Truth(True), Truth(False)]))
print(attr_len(Box([1, 2])), attr_bool(Box([])), attr_bool(Box(Truth(True))))
print(attr_len(Box("abc")), attr_bool(Box(Box(0))))


def show(f, *args):
    try:
        print(f(*args))
    except Exception as e:
        print(type(e).__name__, e)


show(lens, [5])
show(truths, [Truth(None)])
show(attr_len, Box(7))
show(attr_len, 3)
show(attr_bool, Box(Truth(None)))


def unbound():
    r = len(y)
    y = 1
    return r


show(unbound)


def uses_missing(x):
    return missing_global(x)


show(uses_missing, 1)

# A global rebound between calls, and shadowed by a user function.
def loop_rebind():
    global len
    seen = []
    for x in ["a", "bb"]:
        seen.append(len(x))
        len = lambda v: -1
    del len
    return seen


print(loop_rebind(), len("abc"))


def abs_of(x):
    return abs(x)


print([abs_of(v) for v in (-3, 2.5, -0.0, True)])
print(sorted(map(lambda s: len(s), ["aaa", "b", "cc"])))

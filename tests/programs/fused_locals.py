# Fused forms of common instruction runs on locals (`o[i]`, `o[0]`,
# `for x in it`): every kind of operand, the errors and their tracebacks
# as the unfused instructions give them.
def items(o, i):
    return o[i], o[0], o[-1]


print(items([10, 20, 30], 1), items((4, 5), -2), items("xyz", 2))
print(items({0: "a", 1: "b", -1: "z"}, 1), items(range(5), 3), items(b"ab", 1))


class Sq:
    def __getitem__(self, k):
        return k * k


print(items(Sq(), 7), items([1, 2], True))


def show(f, *args):
    try:
        print(f(*args))
    except Exception as e:
        print(type(e).__name__ + ":", e)


show(items, [1, 2, 3], 5)
show(items, [], 0)
show(items, (1,), "k")
show(items, 5, 0)
show(items, [1], 2**70)


def unbound_container(i):
    if i > 10:
        o = [1]
    return o[i]


def unbound_index(o):
    if not o:
        i = 0
    return o[i]


show(unbound_container, 1)
show(unbound_index, [1, 2])


def loops(it):
    out = []
    for x in it:
        out.append(x)
    for i, x in enumerate(it):
        out.append(i)
    return out


def gen():
    yield 1
    raise KeyError("in gen")


print(loops([1, 2]), loops("ab"), loops(range(3)), loops({"k": 1}))
show(loops, gen())
show(loops, 7)


def rebinding():
    x = "before"
    for x in []:
        pass
    first = x
    for x in [1, 2, 3]:
        pass
    return first, x


print(rebinding())


class Dying:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


def drops():
    for d in [Dying(1), Dying(2)]:
        print("at", d.n)
    print("after loop")


drops()


# `x is None` / `x is not None` on locals, jumping either way.
def kinds(x):
    out = []
    if x is None:
        out.append("none")
    if x is not None:
        out.append("some")
    if x is True or x is False:
        out.append("bool")
    if not (x is ...):
        out.append("not-ellipsis")
    while x is not None and isinstance(x, str) and x:
        x = x[1:]
        out.append(len(x))
    return out


print(kinds(None), kinds(True), kinds(False), kinds(...), kinds("abc"), kinds(0))


def unbound_is(flag):
    if flag:
        y = 1
    return y is None


print(unbound_is(True))
show(unbound_is, False)


# Uncaught: the traceback's carets under the fused subscript.
items([1, 2], 1)
items([1, 2], 2)

# Errors inside fused instructions (a local's attribute, a stored
# attribute) and after a generator resumes, each on its own line.
class Slots:
    __slots__ = ("a",)


def gen():
    x = yield 1
    yield x.missing


def attr(o):
    try:
        return (o
                .missing)
    except AttributeError as e:
        print("caught", e)
    g = gen()
    next(g)
    try:
        g.send(5)
    except AttributeError as e:
        print("caught", e)
    o.a = 1
    o.b = 2


attr(Slots())

# __init__ returning a value, called in-loop: the TypeError is the
# caller's, at its call.
class C:
    def __init__(self, x):
        self.x = x
        return x


def make(n):
    objs = []
    for i in range(n):
        objs.append(
            C(i) if i < 2 else None)
    ok = C(0)
    print("made", ok.x, len(objs))
    return C(
        5)


make(3)

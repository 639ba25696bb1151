# An augmented attribute assignment whose store fails: the traceback
# marks the target, as CPython's does.
class Frozen:
    __slots__ = ("n",)

    def __init__(self):
        self.n = 1

    def __setattr__(self, name, value):
        raise AttributeError("frozen: " + name)


f = Frozen.__new__(Frozen)
object.__setattr__(f, "n", 1)
f.n += 1

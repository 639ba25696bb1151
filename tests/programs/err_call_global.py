# A built-in called on a local's attribute raising from a nested frame:
# the traceback's lines are the call's.
class Bad:
    def __len__(self):
        raise RuntimeError("len failed")


class Holder:
    def __init__(self):
        self.inner = Bad()


def measure(h):
    total = 0
    total += len(
        h.inner
    )
    return total


def outer():
    return len(
        Bad()
    ) + measure(Holder())


print(len("ok"))
measure(Holder())

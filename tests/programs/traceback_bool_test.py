# A __bool__ that raises inside a condition: the traceback points at the
# statement or expression that holds the test, as CPython 3.11 does.
class B:
    def __init__(self, ok):
        self.ok = ok

    def __bool__(self):
        if self.ok:
            return True
        raise ValueError("no truth")


print(1 if B(True) else 2)
print([n for n in range(3)
       if B(True)])
while not B(True):
    pass
try:
    if B(False):
        pass
except ValueError as e:
    print("caught", e)


def pick():
    return [n for n in range(2)
            if B(False)]


pick()

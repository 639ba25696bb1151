# range() calls: machine ints take a fast path; everything else must behave
# exactly as range.__new__ does.
import sys


class Idx:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


def show(r):
    print(r, len(r), list(r)[:5], r.start, r.stop, r.step)


show(range(5))
show(range(-3))
show(range(2, 9))
show(range(9, 2))
show(range(0, 20, 3))
show(range(20, 0, -3))
show(range(-5, 5, 7))
show(range(True))
show(range(False, 3))
show(range(Idx(4)))
show(range(1, Idx(6), Idx(2)))
show(range(sys.maxsize - 2, sys.maxsize))
show(range(-sys.maxsize - 1, -sys.maxsize + 1))
show(range(0, sys.maxsize, sys.maxsize // 2))
print(range(3) == range(0, 3, 1), range(0) == range(5, 5))

for bad in [(0, 5, 0), (1.5,), ("3",), (None,), (1, 2, 3, 4), ()]:
    try:
        range(*bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

try:
    len(range(2 ** 64))
except OverflowError as e:
    print("OverflowError", e)

total = 0
for i in range(3):
    for j in range(i, 6, 2):
        total += i * j
print(total)

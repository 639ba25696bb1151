# Slice bounds: machine ints, None, negatives, huge ints, bools and
# __index__, on lists, tuples, strs and bytes; assignment and deletion.
class Ix:
    def __init__(self, i):
        self.i = i
    def __index__(self):
        return self.i

big = 10 ** 30
seqs = [list(range(10)), tuple(range(7)), "abcdefgh", b"012345"]
bounds = [None, 0, 1, 3, -1, -3, -100, 100, big, -big, True, Ix(2), Ix(-2)]
steps = [None, 1, 2, 3, -1, -2, big, -big, Ix(2)]
for s in seqs:
    rows = []
    for a in bounds:
        for b in bounds[::3]:
            for c in steps:
                rows.append(s[a:b:c])
    print(type(s).__name__, len(rows), rows[:12], rows[-12:])
    print(s[::], s[::-1], s[-3:], s[:-3], s[2:2], s[5:2], s[5:2:-1], s[big:], s[:-big])
for bad in [0, "x", 1.5]:
    try:
        print([1, 2, 3][::bad] if bad == 0 else [1, 2, 3][bad:])
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
a = list(range(10))
a[2:5] = "xy"
print(a)
a[::3] = [0, 0, 0]
print(a)
a[-2:] = []
print(a)
del a[1:6:2]
print(a)
a[big:] = [7]
print(a)
try:
    a[::2] = [1]
except ValueError as e:
    print(e)
perm = list(range(8))
for k in range(1, 8):
    perm[: k + 1] = perm[k::-1]
print(perm, perm[:], perm[1:3], perm[3:1], perm[-1:-4:-1])
# A whole tuple's slice is the tuple itself; a list's is a copy.
t = (1, 2, 3)
l = [1, 2, 3]
print(t[:] is t, t[0:3] is t, t[::1] is t, t[:2] is t, l[:] is l, l[:] == l)
# Bounds from locals, constants and expressions, and errors in the subscript.
for k in range(4):
    print(t[k:], t[:k], l[k - 1::-1], "abcd"[k::2])
for o in (None, 5, {1: 2}):
    try:
        print(o[1:2])
    except TypeError as e:
        print(e)
try:
    print(l[1:2:0])
except ValueError as e:
    print(e)
print(l[1.0 if False else 1:])
# There is one empty tuple.
e = ()
print(e[:] is e, tuple([]) is e, tuple(x for x in "") is e, (1, 2)[5:] is e, t[3:] is e, tuple() is e)

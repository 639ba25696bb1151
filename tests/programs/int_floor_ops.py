# Floor division and modulo of machine ints, every sign pair and the
# edges (the in-line fast path), at module level and on a function's
# locals and constants (the fused forms), against the big-int results.
import sys
vals = [0, 1, -1, 2, -2, 3, -3, 7, -7, 10, -10, sys.maxsize, -sys.maxsize, -sys.maxsize - 1, 2**31, -2**31, 2**32 + 5]
rows = []
for a in vals:
    for b in vals:
        if b == 0:
            continue
        x = a
        x //= b
        y = a
        y %= b
        rows.append((a, b, a // b, a % b, x, y, divmod(a, b)))
def local_forms(a, b):
    return a // b, a % b, a // 3, a % 3, a // -3, a % -3
for a, b, q, r, x, y, d in rows:
    assert (q, r) == d == (x, y), (a, b)
    assert q * b + r == a and (r == 0 or (r < 0) == (b < 0)), (a, b)
    assert local_forms(a, b)[:2] == (q, r), (a, b)
print(len(rows), rows[:6], rows[-6:])
print([local_forms(a, 7) for a in (-15, -14, -1, 0, 1, 14, 15)])
print((-sys.maxsize - 1) // -1, (-sys.maxsize - 1) % -1, divmod(-sys.maxsize - 1, -1))
for a, b in ((1, 0), (-5, 0), (0, 0)):
    for f in (lambda: a // b, lambda: a % b):
        try:
            f()
        except ZeroDivisionError as e:
            print(type(e).__name__, e)

t = (3, 1, 4, 1, 5)
print(t, len(t), t[1:4], t[::-1], t.count(1), t.index(4), sorted(t), min(t), max(t), sum(t))
a, b, *rest = t
print(a, b, rest)
print((1, 2) + (3,), (0,) * 3, (1, 2) < (1, 3), (1, 2, 3) > (1, 2), (2,) == (2,), () < (0,))
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], [x for pair in nested for x in (pair if isinstance(pair[1], int) else (pair[0],))])
point = (3, 4)
x, y = point
print((x ** 2 + y ** 2) ** 0.5, tuple(map(lambda v: v * 2, point)), hash(point) == hash((3, 4)))
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
try:
    del t[0]
except TypeError as e:
    print("TypeError:", e)
print(tuple("abc"), tuple(range(3)), tuple([]), (1,) * 0, type(()).__name__)

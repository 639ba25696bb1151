# Unpacking assignments of every shape, and their errors.
a, b = 1, 2
c, d = [3, 4]
(e, f), g = (5, 6), 7
[h, [i, j]] = [8, [9, 10]]
print(a, b, c, d, e, f, g, h, i, j)
x, y, z = "xyz"
p, q = {"k1": 1, "k2": 2}
r, s = (n * n for n in range(2))
first, *rest = range(5)
*init, last = [1, 2, 3]
m, *mid, n = (1, 2)
print(x, y, z, p, q, r, s, first, rest, init, last, m, mid, n)
for k, v in [(1, "one"), [2, "two"]]:
    print(k, v)
xs = [1, 2]
xs[0], xs[1] = xs[1], xs[0]
print(xs)
for bad in [(1, 2, 3), [1], (), "abcd", 5, None, iter([1, 2, 3])]:
    try:
        u, w = bad
        print("ok", u, w)
    except (ValueError, TypeError) as exc:
        print(type(exc).__name__ + ":", exc)
try:
    aa, *bb, cc = [1]
except ValueError as exc:
    print("ValueError:", exc)

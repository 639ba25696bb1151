def show(*args, **kwargs):
    return f"args={args} kwargs={kwargs}"
print(show())
print(show(1, 2, x=3))
print(show(*[1, 2], *(3,), **{"a": 1}, b=2))
def kw_only(a, *, b, c=3):
    return a, b, c
print(kw_only(1, b=2), kw_only(a=1, b=2, c=4))
def pos_only(a, b, /, c=0):
    return a + b + c
print(pos_only(1, 2), pos_only(1, 2, c=3))
def mixed(a, b=2, /, c=3, *, d, **rest):
    return (a, b, c, d, rest)
print(mixed(1, d=4), mixed(1, 5, 6, d=7, e=8))
def splat_dict(**kw):
    return sorted(kw.items())
opts = {"verbose": True, "level": 2}
print(splat_dict(**opts, extra=None))
args = (3, 4)
print(pow(*args), max(*args, 10), "{}-{}".format(*args))
first, *middle, last = show(1, 2).split()
print(first, middle, last)

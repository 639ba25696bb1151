def f(a, b=1, *args, c, **kw):
    pass
class K:
    def __init__(self, x):
        self.x = x
    def m(self):
        pass
cases = [lambda: f(), lambda: f(c=1), lambda: f(1, c=1, c2=1) or "ok", lambda: K(), lambda: K(1, 2), lambda: K(1).m(2), lambda: K.m(), lambda: f(1, b=2, b=3) if False else f(1, 2, 3, b=4, c=5)]
for g in cases:
    try:
        print(g())
    except TypeError as e:
        print("TypeError:", e)

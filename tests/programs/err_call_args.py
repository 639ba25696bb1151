def f(a, b, *, c):
    return a + b + c
for call in [lambda: f(1), lambda: f(1, 2, 3), lambda: f(1, 2), lambda: f(1, 2, c=3, d=4), lambda: f(1, 2, c=3, a=1)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
class K:
    def m(self, x):
        return x
try:
    K().m()
except TypeError as e:
    print("TypeError:", e)
try:
    K().m(1, 2)
except TypeError as e:
    print("TypeError:", e)
def g(x, /, y):
    pass
try:
    g(x=1, y=2)
except TypeError as e:
    print("TypeError:", e)
def h(a, b=1):
    pass
try:
    h(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    h()
except TypeError as e:
    print("TypeError:", e)
def k3(a, b, c):
    pass
try:
    k3()
except TypeError as e:
    print("TypeError:", e)
try:
    len(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    object(1)
except TypeError as e:
    print("TypeError:", e)
class NoInit:
    pass
try:
    NoInit(1)
except TypeError as e:
    print("TypeError:", e)
f(1, 2, c=3)
f(1, 2, 3)

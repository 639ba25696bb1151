class Singleton:
    _instance = None
    def __new__(cls, *args):
        if cls._instance is None:
            print("creating instance")
            cls._instance = super().__new__(cls)
        return cls._instance
    def __init__(self, value):
        self.value = value
a = Singleton(1)
b = Singleton(2)
print(a is b, a.value)
class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
p = Point(3, 4)
print(p, p.x, p[1], len(p), isinstance(p, tuple), p == (3, 4))
class Upper(str):
    def __new__(cls, s):
        return super().__new__(cls, s.upper())
u = Upper("hello")
print(u, len(u), u + "!", u.lower(), isinstance(u, str))
class PositiveInt(int):
    def __new__(cls, v):
        if v < 0:
            raise ValueError("must be positive")
        return super().__new__(cls, v)
n = PositiveInt(5)
print(n + 1, n * 2, type(n).__name__, n == 5)
try:
    PositiveInt(-1)
except ValueError as e:
    print("ValueError:", e)

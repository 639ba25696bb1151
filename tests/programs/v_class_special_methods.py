class Money:
    def __init__(self, cents):
        self.cents = cents
    def __repr__(self):
        return f"Money({self.cents})"
    def __str__(self):
        return f"${self.cents // 100}.{self.cents % 100:02d}"
    def __format__(self, spec):
        return format(str(self), spec)
    def __add__(self, o):
        return Money(self.cents + (o.cents if isinstance(o, Money) else o))
    __radd__ = __add__
    def __mul__(self, k):
        return Money(self.cents * k)
    def __truediv__(self, k):
        return Money(self.cents // k)
    def __eq__(self, o):
        return isinstance(o, Money) and self.cents == o.cents
    def __lt__(self, o):
        return self.cents < o.cents
    def __hash__(self):
        return hash(self.cents)
    def __bool__(self):
        return self.cents != 0
    def __neg__(self):
        return Money(-self.cents)
    def __abs__(self):
        return Money(abs(self.cents))
    def __int__(self):
        return self.cents
    def __round__(self, n=0):
        return Money(round(self.cents, -2))
prices = [Money(1999), Money(250), Money(5)]
print(sum(prices), sum(prices, Money(0)), max(prices), sorted(prices), Money(100) * 3, Money(1000) / 3)
print(f"[{Money(12345):>12}]", str(-Money(50)), abs(Money(-75)), int(Money(42)), bool(Money(0)), round(Money(1234)))
print(Money(5) == Money(5), Money(5) in prices, len({Money(5), Money(5)}), repr(Money(1)))

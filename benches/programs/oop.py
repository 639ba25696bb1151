class Vec:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def add(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def norm2(self):
        return self.x * self.x + self.y * self.y
acc = Vec(0, 0)
for i in range(200_000):
    acc = acc.add(Vec(i % 7, i % 11))
print(acc.x, acc.y, acc.norm2())

import math
class Shape:
    registry = []
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        Shape.registry.append(cls.__name__)
    def area(self):
        raise NotImplementedError(f"{type(self).__name__} must implement area")
    def __lt__(self, other):
        return self.area() < other.area()
    def __eq__(self, other):
        return isinstance(other, Shape) and math.isclose(self.area(), other.area())
    def __hash__(self):
        return hash(round(self.area(), 6))
    def __repr__(self):
        return f"{type(self).__name__}(area={self.area():.2f})"
class Circle(Shape):
    def __init__(self, r):
        self.r = r
    def area(self):
        return math.pi * self.r ** 2
    def __mul__(self, k):
        return Circle(self.r * k)
class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
    def __add__(self, other):
        return Rect(self.w + other.w, self.h + other.h)
class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)
class Bad(Shape):
    pass
shapes = [Circle(1), Rect(2, 3), Square(2), Circle(0.5) * 4, Rect(1, 1) + Square(1)]
for s in sorted(shapes):
    print(s)
print(Shape.registry, Square(2) == Rect(1, 4), Square(3) in shapes, len(set(shapes)))
print(max(shapes), min(shapes, key=lambda s: s.area()))
try:
    Bad().area()
except NotImplementedError as e:
    print("NotImplementedError:", e)
print(isinstance(Square(1), Rect), Square.__mro__[1].__name__)

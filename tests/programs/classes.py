class Animal:
    kind = "animal"
    count = 0
    def __init__(self, name):
        self.name = name
        Animal.count += 1
    def speak(self):
        return f"{self.name} makes a sound"
    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"
class Dog(Animal):
    kind = "dog"
    def speak(self):
        return f"{self.name} barks"
class Puppy(Dog):
    def speak(self):
        return super().speak() + " softly"
a, d, p = Animal("generic"), Dog("rex"), Puppy("bit")
for x in (a, d, p):
    print(x, x.speak(), x.kind)
print(Animal.count, isinstance(p, Animal), isinstance(a, Dog), issubclass(Puppy, Animal), issubclass(Animal, Dog))
print(type(p).__name__, type(p).__mro__)
print(Puppy.__bases__, Dog.__base__)
class A:
    def who(self): return "A"
class B(A):
    def who(self): return "B" + super().who()
class C(A):
    def who(self): return "C" + super().who()
class D(B, C):
    def who(self): return "D" + super().who()
print(D().who(), [k.__name__ for k in D.__mro__])
class Counter:
    instances = 0
    def __init__(self):
        Counter.instances += 1
    @classmethod
    def how_many(cls):
        return cls.instances
    @staticmethod
    def helper(x):
        return x * 2
Counter(); Counter()
print(Counter.how_many(), Counter().how_many(), Counter.helper(21))
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273:
            raise ValueError("too cold")
        self._c = v
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
t = Temp()
t.celsius = 100
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("error:", e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print("AttributeError:", e)
class Slotted:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = 1
s = Slotted()
print(s.a)
class Body:
    x = 1
    y = x + 1
    items = [i * 2 for i in range(3)]
    if y > 1:
        big = True
print(Body.y, Body.items, Body.big)
print(vars(a), a.__dict__, a.__class__.__name__)
o = object()
print(type(o).__name__, isinstance(o, object))
class Empty: pass
e = Empty()
e.dynamic = 5
print(e.dynamic, getattr(e, "missing", "default"), hasattr(e, "dynamic"))
setattr(e, "other", 7)
delattr(e, "dynamic")
print(sorted(vars(e)))
print(Dog.speak(d), Animal.speak(d))

class Base:
    def __init__(self, name):
        self.name = name
        print("Base.__init__", name)
    def greet(self):
        return f"Hello from {self.name}"
    @classmethod
    def create(cls, name):
        return cls(name)
    @staticmethod
    def version():
        return "1.0"
class Child(Base):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
        print("Child.__init__", age)
    def greet(self):
        return super().greet() + f" (age {self.age})"
    @classmethod
    def create(cls, name):
        return cls(name, 0)
c = Child("kid", 5)
print(c.greet(), Child.create("new").greet(), Child.version(), Base.create("b").greet())
class GrandChild(Child):
    def greet(self):
        return "GC: " + super(GrandChild, self).greet()
print(GrandChild("g", 1).greet())
print(super(Child, c).greet())
class A:
    def f(self):
        return "A"
class B(A):
    def f(self):
        return "B" + super().f()
class C(A):
    def f(self):
        return "C" + super().f()
class D(B, C):
    def f(self):
        return "D" + super().f()
print(D().f(), B().f())

class Flyer:
    def move(self):
        return "fly"
    def describe(self):
        return "can fly; " + super().describe()
class Swimmer:
    def move(self):
        return "swim"
    def describe(self):
        return "can swim; " + super().describe()
class Animal:
    def describe(self):
        return "is an animal"
class Duck(Flyer, Swimmer, Animal):
    pass
d = Duck()
print(d.move(), "|", d.describe())
print([c.__name__ for c in Duck.__mro__])
class LoggerMixin:
    def log(self, msg):
        return f"[{type(self).__name__}] {msg}"
class Service(LoggerMixin):
    def run(self):
        return self.log("running")
print(Service().run())
class A:
    def __init__(self):
        print("A init")
        super().__init__()
class B:
    def __init__(self):
        print("B init")
        super().__init__()
class C(A, B):
    def __init__(self):
        print("C init")
        super().__init__()
C()
try:
    class Bad(A, C):
        pass
except TypeError as e:
    print("TypeError:", e)

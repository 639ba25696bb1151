# Class attributes changed after they were looked up: methods replaced on a
# base and on a subclass, attributes deleted and added, a class-level
# counter, and an instance stored on a class dying when the class drops it.
class Base:
    greeting = "hello"

    def speak(self):
        return "base"


class Child(Base):
    pass


c = Child()
print(c.speak(), c.greeting, Child.greeting)
Base.speak = lambda self: "patched base"
print(c.speak())
Child.speak = lambda self: "child"
print(c.speak(), Base().speak())
del Child.speak
print(c.speak())
Base.greeting = "hi"
print(c.greeting)
del Base.greeting
try:
    c.greeting
except AttributeError as e:
    print("AttributeError:", e)
Base.greeting = "back"
print(c.greeting, hasattr(Child, "nothing"))
Child.nothing = 1
print(hasattr(Child, "nothing"), c.nothing)


class Counter:
    count = 0

    def bump(self):
        Counter.count += 1
        return Counter.count


k = Counter()
for _ in range(5):
    k.bump()
print(Counter.count, k.count)


class Noisy:
    def __del__(self):
        print("Noisy freed")


class Holder:
    pass


Holder.thing = Noisy()
print(type(Holder.thing).__name__)
del Holder.thing
print("after del")
setattr(Child, "dynamic", 5)
print(getattr(c, "dynamic"), Child.__dict__.get("dynamic"))
Base.__init__ = lambda self, v=7: setattr(self, "v", v)
print(Child().v)

class Resource:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("open", self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        print("close", self.name, exc_type.__name__ if exc_type else None)
        return False
with Resource("a") as a, Resource("b") as b:
    print("using", a.name, b.name)
try:
    with Resource("c"):
        raise ValueError("inside with")
except ValueError as e:
    print("propagated:", e)
from contextlib import contextmanager, suppress
@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")
with tag("div") as t:
    print("content", t)
with suppress(ZeroDivisionError):
    1 / 0
    print("not reached")
print("after suppress")
@contextmanager
def catching():
    try:
        yield
    except KeyError as e:
        print("caught in cm:", e)
with catching():
    {}["missing"]
print("continued")
def early():
    with Resource("r"):
        return "returned"
print(early())

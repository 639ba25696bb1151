# A finalizer run by the collector can give a class a __del__: the
# instances found after it in the same collection are finalized, those
# before are not (their __del__ runs when they are freed, after clearing).
# The garbage is cleared as CPython does, the first clears freeing the rest.
import gc

gc.collect()


class A:
    pass


def gen(box):
    try:
        yield 1
    finally:
        A.__del__ = lambda self: print("finalized", getattr(self, "name", "?"))
        print("generator closed")


a1 = A()
a1.name = "a1"
a1.me = a1
box = []
it = gen(box)
next(it)
box.append(it)
a2 = A()
a2.name = "a2"
a2.me = a2
del box, it, a1, a2
print("collected", gc.collect())
del A.__del__


class Node:
    def __init__(self, name, parent):
        self.name = name
        self.parent = parent
        self.children = []
        if parent is not None:
            parent.children.append(self)

    def __del__(self):
        print("del", self.name, len(self.children))


root = Node("root", None)
for i in range(3):
    Node("child%d" % i, root)
box = [root]
box.append(box)
del root, box
print("collected", gc.collect())
print("again", gc.collect())

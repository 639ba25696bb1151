# Instances created and deleted one by one, a deletion cascade, __del__
# and a resurrection, seen through the instance probes. print() marks
# where each step starts (the probes script prints those calls too).
import sys


class Leaf:
    pass


class Node:
    def __init__(self, *children):
        self.children = list(children)


class Noisy:
    def __del__(self):
        sys.audit("del.Noisy")


keep = []


class Phoenix:
    def __del__(self):
        keep.append(self)


sys.audit("step.one-by-one")
a = Leaf()
del a
b = Leaf()
b = None
sys.audit("step.cascade")
tree = Node(Node(Leaf(), Noisy()), Leaf())
del tree
sys.audit("step.resurrect")
p = Phoenix()
del p
sys.audit("step.second-death")
keep.clear()
sys.audit("step.end")

import copy
a = [1, [2, 3], {"k": [4]}]
b = copy.copy(a)
c = copy.deepcopy(a)
a[1].append(99)
a[2]["k"].append(5)
print(a, b, c)
print(b[1] is a[1], c[1] is a[1])
class Node:
    def __init__(self, v, children=None):
        self.v = v
        self.children = children or []
    def __repr__(self):
        return f"Node({self.v}, {self.children})"
n = Node(1, [Node(2)])
m = copy.deepcopy(n)
m.children[0].v = 20
print(n, m)
s = copy.copy(n)
s.children.append(Node(3))
print(n)
d = {"x": {"y": 1}}
d2 = copy.deepcopy(d)
d2["x"]["y"] = 2
print(d, d2)

class Node:
    def __init__(self, name):
        self.name = name
        self.children = []
    def add(self, child):
        self.children.append(child)
        return child
    def walk(self, depth=0):
        yield "  " * depth + self.name
        for c in self.children:
            yield from c.walk(depth + 1)
root = Node("root")
a = root.add(Node("a"))
a.add(Node("a1"))
root.add(Node("b")).add(Node("b1")).add(Node("b11"))
print("\n".join(root.walk()))
print(sum(1 for _ in root.walk()))

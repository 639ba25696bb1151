# Cycle-heavy: every round leaves garbage cycles (a parent and its
# children pointing at each other, a self-referencing list) for the
# collector to find.
class Node:
    def __init__(self, parent):
        self.parent = parent
        self.children = []
        if parent is not None:
            parent.children.append(self)


def churn(rounds):
    made = 0
    for r in range(rounds):
        root = Node(None)
        for i in range(20):
            Node(root)
        box = [root]
        box.append(box)
        made += len(root.children)
    return made


print(churn(20000))

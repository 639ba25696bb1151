class Node:
    def __init__(self, key):
        self.key, self.left, self.right = key, None, None
class BST:
    def __init__(self):
        self.root = None
        self.size = 0
    def insert(self, key):
        if self.root is None:
            self.root = Node(key)
        else:
            cur = self.root
            while True:
                if key < cur.key:
                    if cur.left is None:
                        cur.left = Node(key)
                        break
                    cur = cur.left
                elif key > cur.key:
                    if cur.right is None:
                        cur.right = Node(key)
                        break
                    cur = cur.right
                else:
                    return False
        self.size += 1
        return True
    def __contains__(self, key):
        cur = self.root
        while cur:
            if key == cur.key:
                return True
            cur = cur.left if key < cur.key else cur.right
        return False
    def __iter__(self):
        stack, cur = [], self.root
        while stack or cur:
            while cur:
                stack.append(cur)
                cur = cur.left
            cur = stack.pop()
            yield cur.key
            cur = cur.right
    def height(self, node="root"):
        if node == "root":
            node = self.root
        if node is None:
            return 0
        return 1 + max(self.height(node.left), self.height(node.right))
t = BST()
print([t.insert(k) for k in [8, 3, 10, 1, 6, 14, 4, 7, 13, 6]])
print(list(t), t.size, 6 in t, 5 in t, t.height(), min(t), max(t), sum(t))

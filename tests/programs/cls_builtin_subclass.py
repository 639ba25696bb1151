class Stack(list):
    def push(self, x):
        self.append(x)
    def peek(self):
        return self[-1]
s = Stack([1, 2])
s.push(3)
print(s, len(s), s.peek(), s.pop(), s, isinstance(s, list), sum(s))
class LowerDict(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)
    def __getitem__(self, k):
        return super().__getitem__(k.lower())
d = LowerDict()
d["KEY"] = 1
print(d, d["key"], d["KeY"], "key" in d, len(d))
class Default(dict):
    def __missing__(self, key):
        return f"<{key}>"
dd = Default(a=1)
print(dd["a"], dd["zzz"], dd)
class CountingList(list):
    def __init__(self, *args):
        super().__init__(*args)
        self.appends = 0
    def append(self, x):
        self.appends += 1
        super().append(x)
cl = CountingList([5])
cl.append(6)
cl.append(7)
print(cl, cl.appends, cl[1:], sorted(cl, reverse=True))
class MySet(set):
    pass
ms = MySet([1, 2, 3])
print(ms, 2 in ms, len(ms) )
class Name(str):
    def greet(self):
        return "Hi " + self
print(Name("bob").greet(), Name("x") == "x", hash(Name("x")) == hash("x"))

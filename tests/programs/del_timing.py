class Tracked:
    def __init__(self, name):
        self.name = name
        print("create", name)
    def __del__(self):
        print("destroy", self.name)
a = Tracked("a")
b = Tracked("b")
print("reassign a")
a = None
print("del b")
del b
def scope():
    t = Tracked("local")
    print("leaving scope")
scope()
print("after scope")
lst = [Tracked("in list")]
print("clearing list")
lst.clear()
print("list cleared")
c = Tracked("c")
d = c
del c
print("c deleted, d still alive")
d = 5
print("end of program")
x = Tracked("survives to exit")

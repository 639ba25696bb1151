class T:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
d = {"k": T("in-dict")}
x = T("x")
x.child = T("child")
t = (T("in-tuple"),)
y = T("y")
class Holder:
    attr = T("class-attr")
z = T("z")
print("end")

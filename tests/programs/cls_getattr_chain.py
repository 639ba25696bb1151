class Proxy:
    def __init__(self, target):
        self._target = target
    def __getattr__(self, name):
        print("forwarding", name)
        return getattr(self._target, name)
p = Proxy([3, 1, 2])
p.append(0)
print(p._target, p.count(1))
class Strict:
    __slots__ = ("a",)
class Record:
    def __init__(self):
        object.__setattr__(self, "fields", {})
    def __setattr__(self, k, v):
        self.fields[k] = v
    def __getattr__(self, k):
        try:
            return self.fields[k]
        except KeyError:
            raise AttributeError(k) from None
    def __delattr__(self, k):
        del self.fields[k]
r = Record()
r.x = 1
r.y = 2
print(r.x, r.fields)
del r.x
print(r.fields, hasattr(r, "x"))
class GA:
    def __getattribute__(self, name):
        if name == "secret":
            return "intercepted"
        return object.__getattribute__(self, name)
g = GA()
g.visible = 1
print(g.secret, g.visible)

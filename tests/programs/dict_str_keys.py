# Str keys looked up by their text, and keys of str subclasses equal to them.
class S(str):
    pass
class H(str):
    def __hash__(self):
        return hash(str(self))
    def __eq__(self, o):
        print("eq", str(self), o)
        return str.__eq__(self, o)
d = {S("a"): 1, "b": 2}
print(d["a"], d.get("a"), d.get("b"), d.get("c"), d.get("c", 5), "a" in d)
d["a"] = 3
print(d, type(list(d)[0]).__name__)
e = {H("k"): 1}
print(e.get("k"), e["k"])
e["k"] = 2
print(e)
try:
    d["zz"]
except KeyError as ex:
    print("KeyError", ex)

# dict.setdefault: found, missing with and without a default, the
# default object itself stored, bad keys and argument counts, subclasses.
d = {"a": 1}
print(d.setdefault("a", 5), d.setdefault("b", 2), d.setdefault("c"), d)
lst = d.setdefault("l", [])
lst.append(1)
print(d["l"] is lst, d)
groups = {}
for k, name in ((1, "x"), (2, "y"), (3, "x")):
    groups.setdefault(name, []).append(k)
print(groups)
for bad in (([1], 0), ()):
    try:
        print(d.setdefault(*bad))
    except TypeError as e:
        print("TypeError:", e)
try:
    d.setdefault(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)


class D(dict):
    def __missing__(self, k):
        return "missing"


e = D()
print(e.setdefault("k", 1), e["k"], e["z"], dict.setdefault(e, "k2", 2), e)


class H:
    def __hash__(self):
        return 1

    def __eq__(self, o):
        print("eq")
        return isinstance(o, H)


h = {H(): 1}
print(h.setdefault(H(), 2), len(h))

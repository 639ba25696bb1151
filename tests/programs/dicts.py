d = {"one": 1, "two": 2}
d["three"] = 3
print(d, len(d), d["two"], d.get("four"), d.get("four", 4), "one" in d, 1 in d)
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.keys(), d.values(), d.items())
print(d.pop("one"), d.pop("missing", "dflt"), d)
print(d.setdefault("two", 20), d.setdefault("five", 5), d)
d.update({"six": 6}, seven=7)
d.update([("eight", 8)])
print(d)
print(d.popitem(), d)
for k, v in d.items():
    print(k, "=>", v)
for k in d:
    print("key", k)
c = d.copy()
c.clear()
print(c, d == d.copy(), {1: 2} == {1: 2.0}, {} == dict())
e = dict.fromkeys(["a", "b"], [])
print(e)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, sorted(counts, key=counts.get, reverse=True))
nested = {"a": {"b": {"c": 1}}}
print(nested["a"]["b"]["c"])
print({**{"x": 1}, "y": 2, **{"x": 3}})
print(dict(sorted({"b": 1, "a": 2}.items())))
keys = {1: "int", 1.0: "float", True: "bool"}
print(keys)
m = {(1, 2): "tuple key", frozenset([1]): "fs"}
print(m[(1, 2)], m[frozenset([1])])
dd = {"a": 1, "b": 2}
del dd["a"]
print(dd, list(dd))
dd["a"] = 0
print(list(dd), {k: v * 2 for k, v in dd.items()})
try:
    for k in dd:
        dd["new"] = 1
except RuntimeError as err:
    print("RuntimeError:", err)
print(d | {"zz": 0}, sorted(d.keys() & {"two", "x"}), "two" in d.keys())
inv = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(inv, max(inv), min(inv.values()))
print(len({}), bool({}), bool({0: 0}), list({}.items()))

d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it, len(k), "a" in k, 2 in v, ("b", 2) in it, ("b", 3) in it)
d["d"] = 4
print(list(k), list(v))
print(k & {"a", "z"}, sorted(k | {"z"}), sorted(k - {"a"}), {"c", "q"} - k if False else sorted(k ^ {"a", "q"}))
print(list(reversed(d)), list(reversed(d.items()))[:2], sorted(d.items(), key=lambda kv: -kv[1]))
for key in list(d):
    if d[key] % 2 == 0:
        del d[key]
print(d, dict(zip(d.values(), d.keys())))

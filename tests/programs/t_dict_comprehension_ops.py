scores = {"ann": 88, "bob": 72, "cid": 95, "dee": 60}
passed = {k: v for k, v in scores.items() if v >= 70}
print(passed)
grades = {k: ("A" if v >= 90 else "B" if v >= 80 else "C") for k, v in scores.items()}
print(grades)
inverted = {}
for k, v in grades.items():
    inverted.setdefault(v, []).append(k)
print(inverted)
print(sorted(scores, key=scores.get), max(scores.items(), key=lambda kv: kv[1]))
merged = {**scores, "eve": 77}
merged.update(bob=80)
print(merged, len(merged))
print({k: len(k) for k in ["x", "yy", "zzz"]}, dict(zip(range(3), "abc")))
nested = {"a": {"x": 1}, "b": {"x": 2}}
print({k: v["x"] for k, v in nested.items()}, [k for k in nested if nested[k]["x"] > 1])

d = {"a": 1}
for f in [lambda: d["b"], lambda: d[[1]], lambda: d.pop("z"), lambda: {}.popitem(), lambda: dict([1, 2]), lambda: dict([(1, 2, 3)]), lambda: d + d, lambda: d < d, lambda: {[]: 1}, lambda: d.fromkeys(5)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)

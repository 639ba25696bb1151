l = [1, 2, 3]
for f in [lambda: l[5], lambda: l["x"], lambda: l.remove(9), lambda: l.index(9), lambda: [].pop(), lambda: l.pop(10), lambda: l + (1,), lambda: l * l, lambda: l < "a", lambda: l.insert(), lambda: sorted([1, None])]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)

s = "hello"
for f in [lambda: s[10], lambda: s["a"], lambda: s.index("z"), lambda: s + 5, lambda: s * "2", lambda: int(s), lambda: s.foo, lambda: "%d" % s, lambda: ord(s), lambda: s.join([1, 2])]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)

x = 5
print(x is 5, x is not "a", x is None)
assert (x, "msg")
if False: 5()
raise SystemExit(1)

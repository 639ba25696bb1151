print("debug mode:", __debug__)
def check(x):
    assert x > 0, "positive"
    return "checked"
try:
    print(check(-1))
except AssertionError as e:
    print("assertion failed:", e)
if __debug__:
    print("only without -O")
assert False, "this one is removed by -O"

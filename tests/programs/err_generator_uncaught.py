def gen():
    yield 1
    raise RuntimeError("generator failed")
for x in gen():
    print(x)

def numbers():
    yield 1
    yield 2
    yield 1 / 0
def doubled(it):
    for n in it:
        yield n * 2
for v in doubled(numbers()):
    print(v)

# Line events: loop headers fire on every iteration, including the one that
# ends the loop; a def line does not fire when its function runs.
def work(n):
    total = 0
    for i in range(n):
        if i % 2:
            total += i
        else:
            total -= 1
    k = 0
    while k < 2:
        k += 1
    return total + k

def gen():
    yield 1
    yield 2

def fails():
    try:
        raise ValueError
    except ValueError:
        return -1

x = work(3)
for v in gen():
    x += v
y = fails()
print(x, y)

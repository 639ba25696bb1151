# next() of generators and built-in iterators (the fast form without an
# argument vector) and of everything else: values, exhaustion, a return
# value in StopIteration, defaults, errors raised inside, and misuse.
def gen():
    yield 1
    yield 2
    return "done"


g = gen()
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", repr(e.value))
try:
    next(g)
except StopIteration as e:
    print("again", repr(e.value))
print(next(gen(), "unused"), next(iter([]), "default"))

it = iter([10, 20])
print(next(it), next(it))
try:
    next(it)
except StopIteration as e:
    print("list exhausted", e.args)
print(next(iter(range(3))), next(iter("xy")), next(iter({"k": 1})), next(iter((7,))))


def bad():
    yield 1
    raise KeyError("inside")


b = bad()
next(b)
try:
    next(b)
except KeyError as e:
    print("KeyError", e)


def selfish():
    yield next(me)


me = selfish()
try:
    next(me)
except ValueError as e:
    print("ValueError", e)


class Counter:
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration
        return self.n


c = Counter()
print(next(c), next(c), next(c, "end"))
for bad_arg in ([1], 5, None):
    try:
        next(bad_arg)
    except TypeError as e:
        print("TypeError", e)
try:
    next()
except TypeError as e:
    print("TypeError", e)
total = 0
g2 = (i * i for i in range(1000))
for _ in range(1000):
    total += next(g2)
print(total)

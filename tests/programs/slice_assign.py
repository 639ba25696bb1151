# List slice assignment: equal and unequal lengths, extended slices, the
# list assigned to itself, temporaries, generators, and the replaced
# items' __del__ seeing the list already updated.

a = list(range(8))
a[:3] = a[2::-1]
print(a)
a[2:5] = [9]
print(a)
a[1:1] = (7, 7, 7)
print(a)
a[:] = a
print(a)
a[::-1] = a
print(a)
a[::2] = [0] * len(a[::2])
print(a)
try:
    a[::2] = [1]
except ValueError as e:
    print("ValueError", e)
a[5:2] = ["x"]
print(a)
a[-2:] = (i * i for i in range(4))
print(a)
a[100:] = [1]
print(a)
b = a[:]
b[:4] = b[3::-1]
print(b, a == b)
try:
    a[1:2] = 5
except TypeError as e:
    print("TypeError", e)
try:
    a[1:"x"] = []
except TypeError as e:
    print("TypeError", e)


class Tell:
    def __init__(self, name, owner):
        self.name = name
        self.owner = owner

    def __del__(self):
        print("del", self.name, len(self.owner))


box = []
box.extend([Tell("a", box), Tell("b", box), 3])
box[:2] = [1, 2]
print("equal done", box)
box[:] = [Tell("c", box)]
box[:1] = []
print("shrink done", box)
box.extend([Tell("d", box), Tell("e", box), 9, 9])
box[::2] = [0, 0]
print("extended done", box[0], type(box[1]).__name__, box[2:])


class Idx:
    def __index__(self):
        return 2


c = list(range(6))
c[Idx():] = [1]
print(c, c[Idx():], c[:Idx()], c[::True])

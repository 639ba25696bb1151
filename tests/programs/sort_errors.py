import sys
def trace(frame_name, *args):
    print(frame_name, args)
values = [3, 1, 2]
values.sort(key=lambda v: (trace("key", v), v)[1])
print(values)
try:
    [1, 2].sort(key=lambda v: 1 / 0)
except ZeroDivisionError as e:
    print("sort key error:", e)
try:
    sorted([3, "a", 1])
except TypeError as e:
    print(e)
class Weird:
    def __lt__(self, other):
        raise ValueError("no ordering")
try:
    sorted([Weird(), Weird()])
except ValueError as e:
    print("ValueError:", e)
print(sorted([], key=len), sorted([1]), min([[]], key=len))

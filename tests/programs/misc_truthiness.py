values = [0, 1, -1, 0.0, 0.5, "", "a", [], [0], (), (0,), {}, {0: 0}, set(), None, True, False, range(0), range(1), b"", b"x"]
print([bool(v) for v in values])
print([v for v in values if v][:5], len([v for v in values if not v]))
class Empty:
    def __len__(self):
        return 0
class Truthy:
    def __bool__(self):
        return True
    def __len__(self):
        return 0
print(bool(Empty()), bool(Truthy()), not Empty(), Empty() or "fallback")
print(0 or None or [] or "x", 1 and [] and 2, "a" and "b", not not 5)
x = None
print(x is None, x == None, x is not None, type(x).__name__)
print(all([]), any([]), all([1, [], 2]), any([0, "", None, 3]))
print([] == False, 0 == False, 1 == True, "" == False, None == False, 2 == True)

a, *b, c = range(7)
print(a, b, c)
(x, y), z = "ab", "c"
print(x, y, z)
for i, (k, v) in enumerate({"a": 1, "b": 2}.items()):
    print(i, k, v)
first, *_ = "xyz"
print(first, _)
*head, tail = [1]
print(head, tail)
print(*range(3), sep="|")
print([*range(3), *"ab"], (*[1, 2], 3), {*"aab", *[1]} == {"a", "b", 1})
d1 = {"a": 1}
d2 = {**d1, "b": 2, **{"a": 3}}
print(d2)
def f(*args, **kwargs):
    return args, kwargs
print(f(*[1, 2], *(3,), **{"k": 1}, **{"j": 2}))
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    x, y = 5
except TypeError as e:
    print("TypeError:", e)
pairs = [(1, "one"), (2, "two")]
nums, names = zip(*pairs)
print(nums, names)
[[p, q], r] = [[1, 2], 3]
print(p, q, r)
i = 0
lst = [0, 0]
i, lst[i] = 1, 9
print(i, lst)
